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
  AnalysisOptions a;
};

static int run_chokepoints(const ChokepointsOptions& o) {
  const Workspace ws = load_input(o.input);
  const ChainGraph graph(ws, require_chain(ws, o.a.chain));
  write_output(o.a.out, write_chokepoints(o.a.chain, find_chokepoints(graph), o.a.format, parse_lang(o.a.lang)));
  return 0;
}

void add_chokepoints_command(CLI::App& app, Registry& r) {
  auto o = std::make_shared<ChokepointsOptions>();
  CLI::App* cmd = app.add_subcommand(
      "chokepoints", "Chokepoint segments (dominators), articulation firms and single-source inputs of a chain");
  add_input_options(*cmd, o->input);
  add_analysis_options(*cmd, o->a, false);  // chokepoints are properties of the structure, not of a scope
  cmd->callback([o, &r] { r.selected = [o] { return guarded([&] { return run_chokepoints(*o); }); }; });
}

}  // namespace chainlens::cli
