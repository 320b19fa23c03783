// cli/render_command.cpp: `chainlens render WORKSPACE --chain ID [--view chain|targets|supply|scopes]
// --format svg|png|pdf|dot [--size 16:9|4:3|A4] [--scope PATH] [--lang zh|en] [--font NAME] -o FILE`.
#include <fmt/format.h>

#include <iostream>
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
  std::string chain, scope, view = "chain", format = "svg", lang = "zh", font = GraphvizOptions{}.font, out, size = "16:9";
  std::string date, importance;
  int max_firms = 3, per_gap = 3, max_nodes = 300, max_gaps = 6;
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
  d.max_gaps = o.max_gaps;
  d.date = o.date;
  const PageSize page = *page_size(o.size);  // --size is checked against the same names
  d.aspect = page.width_in / page.height_in;
  GraphvizOptions g;
  g.format = o.format;
  g.font = o.font;
  g.page = page.name;
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
  PageFit fit;
  const std::string bytes = render_graphviz(diagram, g, &fit);
  write_output(o.out, bytes);
  // An empty view is still written (a one-note diagram a report or slide can show); the
  // user hears why on stderr. A drawing too big for the page keeps 14 pt text on a larger
  // canvas of the page's shape; the note says how small the text gets on the slide itself.
  if (!diagram.message.empty()) std::cerr << "note: nothing to draw for this view; the diagram says why\n";
  if (kMinFontPt * fit.scale < 13.5)  // rounds to less than 14 pt
    std::cerr << fmt::format(
        "note: at 14 pt text the diagram needs {:.1f} x {:.1f} in; fitted to the {} page ({:.1f} x {:.1f} in) its text is {:.0f} pt "
        "(fewer firm names with --max-firms 0, or fewer gaps with --max-gaps, make it smaller)\n",
        fit.width_in, fit.height_in, page.name, page.width_in, page.height_in, kMinFontPt * fit.scale);
  return 0;
}

void add_render_command(CLI::App& app, Registry& r) {
  auto o = std::make_shared<RenderOptions>();
  CLI::App* cmd = app.add_subcommand("render", "Draw a diagram with GraphViz for a slide: chain (产业链图谱), targets (招商图谱 grid), supply network or scopes. A view with nothing to draw (a chain without supply relations) is written as one note saying so");
  add_input_options(*cmd, o->input);
  cmd->add_option("--chain", o->chain, "Chain: id, name or English name (auto, 汽车)")->required();
  cmd->add_option("--view", o->view, "What to draw")->check(CLI::IsMember({"chain", "targets", "supply", "scopes"}))->capture_default_str();
  cmd->add_option("--format", o->format, "Output format")
      ->check(CLI::IsMember({"svg", "png", "pdf", "dot"}))
      ->capture_default_str();
  cmd->add_option("--size", o->size, "Page the drawing is fitted to (16:9 and 4:3 slides, A4 landscape); text is 14 pt or more on it")
      ->check(CLI::IsMember({"16:9", "4:3", "A4"}))
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
  cmd->add_option("--max-gaps", o->max_gaps, "targets view: gaps drawn as columns, worst gap score first")
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
