// cli/render_command.cpp: `chainlens render WORKSPACE --chain ID [--view chain] --format
// svg|png|pdf|dot [--scope PATH] [--lang zh|en] [--font NAME] [--max-firms N] -o FILE`.
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "engine/chain_graph.hpp"
#include "engine/chokepoints.hpp"
#include "engine/gaps.hpp"
#include "render/diagram.hpp"
#include "render/graphviz_writer.hpp"

namespace chainlens::cli {

struct RenderOptions {
  InputOptions input;
  std::string chain, scope, view = "chain", format = "svg", lang = "zh", font = GraphvizOptions{}.font, out;
  int max_firms = 3;
};

static int run_render(const RenderOptions& o) {
  if ((o.format == "png" || o.format == "pdf") && (o.out.empty() || o.out == "-"))
    throw InputError({{{"-o", 0, 0}, o.format + " is binary: give a file with -o", "e.g. -o chain.png"}});
  const Workspace ws = load_input(o.input);
  const Chain& chain = require_chain(ws, o.chain);
  const ChainGraph graph(ws, chain);
  GapReport gaps = find_gaps(graph, resolve_scope(ws, chain, o.scope));
  const ChokepointReport chokepoints = find_chokepoints(graph);
  DiagramOptions d;
  d.lang = parse_lang(o.lang);
  d.max_firms = o.max_firms;
  GraphvizOptions g;
  g.format = o.format;
  g.font = o.font;
  write_output(o.out, render_graphviz(chain_diagram(graph, gaps, chokepoints, d), g));
  return 0;
}

void add_render_command(CLI::App& app, Registry& r) {
  auto o = std::make_shared<RenderOptions>();
  CLI::App* cmd = app.add_subcommand("render", "Draw a chain diagram (产业链图谱) with GraphViz: svg, png, pdf or dot");
  add_input_options(*cmd, o->input);
  cmd->add_option("--chain", o->chain, "Chain id")->required();
  cmd->add_option("--view", o->view, "What to draw")->check(CLI::IsMember({"chain"}))->capture_default_str();
  cmd->add_option("--format", o->format, "Output format")
      ->check(CLI::IsMember({"svg", "png", "pdf", "dot"}))
      ->capture_default_str();
  cmd->add_option("--scope", o->scope, "Region path or alias that counts as local (default: the chain's scope)");
  cmd->add_option("--lang", o->lang, "Diagram language")->check(CLI::IsMember({"zh", "en"}))->capture_default_str();
  cmd->add_option("--font", o->font, "Font name (a CJK font for Chinese text)")->capture_default_str();
  cmd->add_option("--max-firms", o->max_firms, "Firm names shown per segment; more become a count")
      ->check(CLI::Range(0, 100))
      ->capture_default_str();
  cmd->add_option("-o,--output", o->out, "Write to this file (atomically); standard output for svg and dot");
  cmd->callback([o, &r] { r.selected = [o] { return guarded([&] { return run_render(*o); }); }; });
}

}  // namespace chainlens::cli
