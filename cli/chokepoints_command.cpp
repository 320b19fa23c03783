// cli/chokepoints_command.cpp: `chainlens chokepoints WORKSPACE --chain ID [--format
// table|json|csv|md] [--lang zh|en] [-o FILE]`: where the chain hangs on one link or firm.
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "engine/chain_graph.hpp"
#include "engine/chokepoints.hpp"
#include "render/chokepoints_writer.hpp"

namespace chainlens::cli {

struct ChokepointsOptions {
  InputOptions input;
  std::string chain, format = "table", lang = "zh", out;
};

static int run_chokepoints(const ChokepointsOptions& o) {
  const Workspace ws = load_input(o.input);
  const ChainGraph graph(ws, require_chain(ws, o.chain));
  write_output(o.out, write_chokepoints(o.chain, find_chokepoints(graph), o.format, parse_lang(o.lang)));
  return 0;
}

void add_chokepoints_command(CLI::App& app, Registry& r) {
  auto o = std::make_shared<ChokepointsOptions>();
  CLI::App* cmd = app.add_subcommand(
      "chokepoints", "Chokepoint segments (dominators), articulation firms and single-source inputs of a chain");
  add_input_options(*cmd, o->input);
  cmd->add_option("--chain", o->chain, "Chain id")->required();
  cmd->add_option("--format", o->format, "Output format")
      ->check(CLI::IsMember({"table", "json", "csv", "md"}))
      ->capture_default_str();
  cmd->add_option("--lang", o->lang, "Report language")->check(CLI::IsMember({"zh", "en"}))->capture_default_str();
  cmd->add_option("-o,--output", o->out, "Write to this file (atomically) instead of standard output");
  cmd->callback([o, &r] { r.selected = [o] { return guarded([&] { return run_chokepoints(*o); }); }; });
}

}  // namespace chainlens::cli
