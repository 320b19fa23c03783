// cli/chokepoints_command.cpp: `chainlens chokepoints WORKSPACE --chain ID [--scope PATH]
// [--format table|json|csv|md|xlsx] [--lang zh|en] [-o FILE]`: where the chain hangs on one link or firm.
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "engine/chain_graph.hpp"
#include "engine/chokepoints.hpp"
#include "engine/gaps.hpp"
#include "render/chokepoints_writer.hpp"

namespace chainlens::cli {

struct ChokepointsOptions {
  InputOptions input;
  AnalysisOptions a;
};

static int run_chokepoints(const ChokepointsOptions& o) {
  const Workspace ws = load_input(o.input, o.a.importance);
  const Chain& chain = require_chain(ws, o.a.chain);
  const ChainGraph graph(ws, chain);
  ChokepointReport r = find_chokepoints(graph);
  // The findings are structural; the scope says which must-pass links the region lacks.
  add_local_status(r, find_gaps(graph, resolve_scope(ws, chain, o.a.scope)));
  const Lang lang = parse_lang(o.a.lang);
  if (o.a.format == "json")  // streamed: a city-wide network has hundreds of thousands of single sources
    stream_json_result(o.a, [&](TextSink& sink) { write_chokepoints_json(chain.id, r, lang, sink); });
  else
    write_result(o.a, write_chokepoints(chain.id, r, o.a.format, lang));
  return 0;
}

void add_chokepoints_command(CLI::App& app, Registry& r) {
  auto o = std::make_shared<ChokepointsOptions>();
  CLI::App* cmd = app.add_subcommand(
      "chokepoints", "Chokepoint segments (dominators), articulation firms and single-source inputs of a chain");
  add_input_options(*cmd, o->input);
  add_analysis_options(*cmd, o->a);
  cmd->callback([o, &r] { r.selected = [o] { return guarded([&] { return run_chokepoints(*o); }); }; });
}

}  // namespace chainlens::cli
