// cli/supply_command.cpp: `chainlens supply WORKSPACE --chain ID [--scope PATH]
// [--verified-only] [--format table|json|csv|md] [--lang zh|en] [-o FILE]`: 本地配套率.
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "engine/chain_graph.hpp"
#include "engine/local_supply.hpp"
#include "render/local_supply_writer.hpp"

namespace chainlens::cli {

struct SupplyOptions {
  InputOptions input;
  AnalysisOptions a;
  bool verified_only = false;
};

static int run_supply(const SupplyOptions& o) {
  const Workspace ws = load_input(o.input, o.a.importance);
  const Chain& chain = require_chain(ws, o.a.chain);
  const ChainGraph graph(ws, chain);
  LocalSupplyOptions options;
  options.verified_only = o.verified_only;
  const LocalSupplyReport r = local_supply(graph, resolve_scope(ws, chain, o.a.scope), options);
  const Lang lang = parse_lang(o.a.lang);
  if (o.a.format == "json")  // streamed: a city-wide network has millions of matchmaking rows
    stream_json_result(o.a, [&](TextSink& sink) { write_local_supply_json(r, lang, sink); });
  else
    write_result(o.a, write_local_supply(r, o.a.format, lang));
  return 0;
}

void add_supply_command(CLI::App& app, Registry& r) {
  auto o = std::make_shared<SupplyOptions>();
  CLI::App* cmd = app.add_subcommand(
      "supply", "Local supply ratios (本地配套率) of a chain's enterprises, the matchmaking list and leakage");
  add_input_options(*cmd, o->input);
  add_analysis_options(*cmd, o->a);
  cmd->add_flag("--verified-only", o->verified_only, "Leave supply relations marked confidence: inferred out");
  cmd->callback([o, &r] { r.selected = [o] { return guarded([&] { return run_supply(*o); }); }; });
}

}  // namespace chainlens::cli
