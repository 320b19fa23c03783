// cli/gaps_command.cpp: `chainlens gaps WORKSPACE --chain ID [--scope PATH] [--all-scopes]
// [--format table|json|csv|md] [--lang zh|en] [-o FILE]`: the missing-link (缺链) report.
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "engine/chain_graph.hpp"
#include "engine/workspace_model.hpp"
#include "engine/chokepoints.hpp"
#include "engine/gaps.hpp"
#include "engine/multi_scope.hpp"
#include "render/gaps_writer.hpp"

namespace chainlens::cli {

struct GapsOptions {
  InputOptions input;
  AnalysisOptions a;
  bool all_scopes = false;
  bool workspace = false;
};

// `--workspace`: every chain's final demand together, so a segment that feeds several
// chains (特种钢, 功率半导体) weighs for all of them (metrics.md v2 "the workspace model").
static int run_workspace_gaps(const GapsOptions& o, const Workspace& ws) {
  if (!o.a.chain.empty()) throw InputError({{{"--workspace", 0, 0}, "--workspace takes no --chain", "drop one of them"}});
  const Scope scope = o.a.scope.empty() ? ws.scope : resolve_scope_text(ws, o.a.scope);
  const WorkspaceModel model(ws);
  write_result(o.a, write_gaps(find_workspace_gaps(model, scope, ws.importance), o.a.format, parse_lang(o.a.lang)));
  return 0;
}

static int run_gaps(const GapsOptions& o) {
  const Workspace ws = load_input(o.input, o.a.importance);
  if (o.workspace) return run_workspace_gaps(o, ws);
  const Chain& chain = require_chain(ws, o.a.chain);
  const ChainGraph graph(ws, chain);
  const Scope scope = resolve_scope(ws, chain, o.a.scope);
  const Lang lang = parse_lang(o.a.lang);
  const std::vector<std::string> chokepoints = find_chokepoints(graph).segments;
  std::string text;
  if (o.all_scopes) {
    MultiScopeReport all = find_gaps_all_scopes(graph, scope);
    for (GapReport& g : all.scopes) g.chokepoints = chokepoints;
    text = write_gaps(all, o.a.format, lang);
  } else {
    GapReport report = find_gaps(graph, scope);
    report.chokepoints = chokepoints;
    text = write_gaps(report, o.a.format, lang);
  }
  write_result(o.a, text);
  return 0;
}

void add_gaps_command(CLI::App& app, Registry& r) {
  auto o = std::make_shared<GapsOptions>();
  CLI::App* cmd = app.add_subcommand("gaps", "Missing and weak links (缺链/弱链) of a chain in a scope, by gap score");
  add_input_options(*cmd, o->input);
  add_analysis_options(*cmd, o->a);
  cmd->add_flag("--all-scopes", o->all_scopes, "Repeat for every prefix of the scope, narrowest first");
  cmd->add_flag("--workspace", o->workspace,
                "Every leaf segment of the workspace with all chains' final demand together (no --chain)")
      ->excludes("--all-scopes");
  cmd->callback([o, &r] { r.selected = [o] { return guarded([&] { return run_gaps(*o); }); }; });
}

}  // namespace chainlens::cli
