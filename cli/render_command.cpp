// cli/render_command.cpp: `chainlens render WORKSPACE --chain ID [--view chain|targets|supply|scopes]
// --format svg|png|pdf|dot [--scope PATH] [--lang zh|en] [--font NAME] [--max-firms N] -o FILE`.
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "engine/chain_graph.hpp"
#include "engine/chokepoints.hpp"
#include "engine/gaps.hpp"
#include "engine/multi_scope.hpp"
#include "engine/targets.hpp"
#include "render/diagram.hpp"
#include "render/graphviz_writer.hpp"

namespace chainlens::cli {

struct RenderOptions {
  InputOptions input;
  std::string chain, scope, view = "chain", format = "svg", lang = "zh", font = GraphvizOptions{}.font, out;
  std::string date, importance;
  int max_firms = 3, per_gap = 3, max_nodes = 300;
};

static int run_render(const RenderOptions& o) {
  if ((o.format == "png" || o.format == "pdf") && (o.out.empty() || o.out == "-"))
    throw InputError({{{"-o", 0, 0}, o.format + " is binary: give a file with -o", "e.g. -o chain.png"}});
  const Workspace ws = load_input(o.input, o.importance);
  const Chain& chain = require_chain(ws, o.chain);
  const ChainGraph graph(ws, chain);
  const Scope scope = resolve_scope(ws, chain, o.scope);
  DiagramOptions d;
  d.lang = parse_lang(o.lang);
  d.max_firms = o.max_firms;
  d.per_gap = o.per_gap;
  d.max_nodes = o.max_nodes;
  d.date = o.date;
  GraphvizOptions g;
  g.format = o.format;
  g.font = o.font;
  Diagram diagram;
  if (o.view == "scopes") {
    diagram = scopes_diagram(graph, find_gaps_all_scopes(graph, scope), d);
  } else if (o.view == "supply") {
    diagram = supply_diagram(graph, scope, find_chokepoints(graph), d);
  } else {
    const GapReport gaps = find_gaps(graph, scope);
    if (o.view == "targets") {
      const ScoringModel model = prepare_scoring(graph, gaps, ws.scoring);
      diagram = targets_diagram(graph, gaps, rank_targets(model, workspace_candidates(graph, scope)), d);
    } else {
      diagram = chain_diagram(graph, gaps, find_chokepoints(graph), d);
    }
  }
  write_output(o.out, render_graphviz(diagram, g));
  return 0;
}

void add_render_command(CLI::App& app, Registry& r) {
  auto o = std::make_shared<RenderOptions>();
  CLI::App* cmd = app.add_subcommand("render", "Draw a diagram with GraphViz: chain (产业链图谱), targets (招商图谱), supply network or scopes");
  add_input_options(*cmd, o->input);
  cmd->add_option("--chain", o->chain, "Chain id")->required();
  cmd->add_option("--view", o->view, "What to draw")->check(CLI::IsMember({"chain", "targets", "supply", "scopes"}))->capture_default_str();
  cmd->add_option("--format", o->format, "Output format")
      ->check(CLI::IsMember({"svg", "png", "pdf", "dot"}))
      ->capture_default_str();
  cmd->add_option("--scope", o->scope, "Region path or alias that counts as local (default: the chain's scope)");
  cmd->add_option("--lang", o->lang, "Diagram language")->check(CLI::IsMember({"zh", "en"}))->capture_default_str();
  cmd->add_option("--font", o->font, "Font name (a CJK font for Chinese text)")->check(font_name_check())->capture_default_str();
  cmd->add_option("--max-firms", o->max_firms, "Firm names shown per segment; more become a count")
      ->check(CLI::Range(0, 100))
      ->capture_default_str();
  cmd->add_option("--per-gap", o->per_gap, "targets view: candidates attached to each gap")
      ->check(CLI::Range(1, 50))
      ->capture_default_str();
  cmd->add_option("--max-nodes", o->max_nodes, "supply view: above this many firms, non-local ones collapse per segment")
      ->check(CLI::Range(10, 100000))
      ->capture_default_str();
  add_importance_option(*cmd, o->importance);
  cmd->add_option("--date", o->date, "Date shown in the title (YYYY-MM-DD); none by default, so output stays byte-identical")->check(date_check());
  cmd->add_option("-o,--output", o->out, "Write to this file (atomically); standard output for svg and dot");
  cmd->callback([o, &r] { r.selected = [o] { return guarded([&] { return run_render(*o); }); }; });
}

}  // namespace chainlens::cli
