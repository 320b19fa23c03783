// cli/report_command.cpp: `chainlens report WORKSPACE (--chain ID | --all) --format html|md|json
// -o DIR`: the chain team's report, one file per chain (and an index for --all), diagrams
// rendered in the same run as the numbers.
#include <ctime>
#include <filesystem>
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "engine/chain_graph.hpp"
#include "engine/chain_report.hpp"
#include "engine/workspace_model.hpp"
#include "engine/gaps.hpp"
#include "render/gaps_writer.hpp"
#include "render/json_precision.hpp"

#include <fmt/format.h>
#include "models/version.hpp"
#include "render/diagram.hpp"
#include "render/graphviz_writer.hpp"
#include "render/report_writer.hpp"
#include "render/table.hpp"
#include "models/workspace_validation.hpp"

namespace chainlens::cli {

struct ReportOptions {
  InputOptions input;
  std::string chain, scope, format = "html", lang = "zh", out, date, weights, importance, font = GraphvizOptions{}.font;
  bool all = false, include_nearby = false, format_given = false;
  int portfolio = 3;
  std::size_t top = 20;
};

static std::string today() {
  const std::time_t now = std::time(nullptr);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", std::localtime(&now));
  return buf;
}

// Segments above which the report draws no diagrams (the bundled chains have under 40).
constexpr std::size_t kMaxDiagramSegments = 600;

// Where the report goes: `-o out/` (or a name without a report extension) is a folder, one
// file per chain; `-o auto.html` with --chain is that file, its format from the extension
// unless --format says the same (issue 15: `-o auto.html` used to make a folder auto.html/).
struct ReportTarget {
  std::filesystem::path dir, file;  // file: empty for a folder
  std::string format;
};

static ReportTarget report_target(const ReportOptions& o) {
  const std::filesystem::path out(o.out);
  std::string ext = out.extension().string();
  for (char& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  const std::string from_ext = ext == ".html" || ext == ".htm" ? "html" : ext == ".md" ? "md" : ext == ".json" ? "json" : ext == ".xlsx" ? "xlsx" : "";
  const bool is_dir = std::filesystem::is_directory(out) || from_ext.empty() || o.out.back() == '/';
  if (is_dir) return {out, {}, o.format_given ? o.format : "html"};
  if (o.all)
    throw UsageError({{{"-o", 0, 0}, "--all writes one file per chain and an index: -o takes a folder", "e.g. -o reports/"}});
  if (o.format_given && o.format != from_ext)
    throw UsageError({{{"-o", 0, 0}, "-o " + o.out + " names a " + from_ext + " file but --format is " + o.format,
                       "drop --format, or name the file ." + o.format}});
  return {out.parent_path(), out, from_ext};
}

static int run_report(const ReportOptions& o) {
  if (o.all == !o.chain.empty())
    throw UsageError({{{"--chain", 0, 0}, "give either --chain or --all", "e.g. --chain 汽车, or --all for every chain"}});
  const Workspace ws = load_input(o.input, o.importance);
  std::vector<const Chain*> chains;
  if (o.all)
    for (const Chain& c : ws.chains) chains.push_back(&c);
  else
    chains.push_back(&require_chain(ws, o.chain));
  // File names are built only from ids that pass the one id rule (issue 18): never a path.
  for (const Chain* c : chains)
    if (const std::string why = id_problem(c->id, true); !why.empty())
      throw InputError({{c->pos, "chain id '" + printable(c->id) + "' " + why + ": cannot name a report file", {}}});
  const Lang lang = parse_lang(o.lang);
  const std::string date = o.date.empty() ? today() : o.date;
  const ReportTarget target = report_target(o);
  const std::filesystem::path& dir = target.dir;
  // Every file is built first and written at the end, each atomically: a run killed while
  // computing leaves the previous report set untouched instead of half old, half new.
  std::vector<std::pair<std::filesystem::path, std::string>> pending;
  auto emit = [&](const std::string& file, std::string text) { pending.emplace_back(dir / file, std::move(text)); };

  ChainReportOptions ro;
  ro.weights = weights_option(ws.scoring, o.weights);
  ro.portfolio = o.portfolio;
  ro.include_nearby = o.include_nearby;
  // One workspace model for every chain of the run: the Leontief factorisation is shared.
  const auto model = std::make_shared<const WorkspaceModel>(ws);
  GraphvizOptions svg;
  svg.format = "svg";
  svg.font = o.font;
  std::vector<ReportIndexEntry> index;
  nlohmann::ordered_json json_index = nlohmann::ordered_json::array();
  for (const Chain* chain : chains) {
    const ChainGraph graph(ws, *chain, model);
    const Scope scope = resolve_scope(ws, *chain, o.scope);
    const ChainReport report = build_chain_report(graph, scope, ro);
    DiagramOptions d;
    d.lang = lang;
    d.date = date;
    ReportContext c;
    c.workspace = &ws;
    c.graph = &graph;
    c.report = &report;
    c.lang = lang;
    c.date = date;
    c.version = kVersion;
    c.top_targets = o.top;
    // GraphViz's layout grows faster than linearly, and a map of thousands of segments is no
    // slide anyway: past kMaxDiagramSegments the report keeps its tables and says why the map
    // is missing (a 10k-segment chain took minutes in dot alone, issue 18).
    if (graph.segment_count() <= kMaxDiagramSegments) {
      c.chain_svg = render_graphviz(chain_diagram(graph, report.gaps(), report.chokepoints, d), svg);
      c.targets_svg = render_graphviz(targets_diagram(graph, report.gaps(), report.targets, d), svg);
    } else {
      std::cerr << "note: " << chain->id << " has " << graph.segment_count() << " segments, more than the "
                << kMaxDiagramSegments << " a readable diagram holds: its report has no diagrams "
                << "(render --view chain draws it anyway)\n";
    }
    const std::string stem = target.file.empty() ? chain->id : target.file.stem().string();
    std::string file = target.file.empty() ? chain->id + "." + target.format : target.file.filename().string();
    if (target.format == "html") {
      emit(file, write_report_html(c));
    } else if (target.format == "xlsx") {
      emit(file, write_report_xlsx(c));  // the tables only: one sheet each
    } else {
      if (!c.chain_svg.empty()) {
        c.chain_svg_file = stem + "-chain.svg";
        c.targets_svg_file = stem + "-targets.svg";
        emit(c.chain_svg_file, c.chain_svg);
        emit(c.targets_svg_file, c.targets_svg);
      }
      emit(file, target.format == "md" ? write_report_md(c) : write_report_json(c));
    }
    std::string goal;
    for (const Goal& g : chain->goals)
      if (g.metric == "output_value") goal = goal_text(g);
    index.push_back({chain->id, chain_display_name(*chain, lang), file, report.gaps().slsr, report.status_counts, goal});
    json_index.push_back({{"chain", chain->id}, {"file", file}});
  }
  if (o.all) {
    // The workspace view (metrics.md v2): which gaps matter to the district as a whole.
    const Scope ws_scope = o.scope.empty() ? ws.scope : resolve_scope_text(ws, o.scope);
    const GapReport whole = find_workspace_gaps(*model, ws_scope, ws.importance);
    if (target.format == "html") {
      emit("index.html", write_report_index_html(ws, index, lang, date, kVersion, &whole));
    } else if (target.format == "md") {
      std::string md = "# " + ws.name + "\n\n";
      for (const ReportIndexEntry& e : index) md += "- [" + markdown_escape(e.name) + "](" + e.file + ")\n";
      md += std::string("\n## ") + tr(lang, "全区视图: 对各条产业链合计最重要的补链、强链环节", "Workspace view: the links to fill or strengthen that matter most") + "\n\n";
      for (const SegmentGap* g : top_fill_gaps(whole, 15))
        md += fmt::format("1. {} ({}) — {} {:.4f} · {}\n", segment_label(whole.names, g->segment, lang),
                          chain_label(whole.names, g->chain, lang), kind_label(g->kind, lang), g->gap_score, gap_reason(*g, lang));
      emit("index.md", md);
    } else if (target.format == "json") {
      nlohmann::ordered_json out{{"chains", json_index}, {"workspace_gaps", nlohmann::ordered_json::array()}};
      for (const SegmentGap* g : top_fill_gaps(whole, 15))
        out["workspace_gaps"].push_back({{"id", g->segment}, {"chain", g->chain}, {"status", status_name(g->status)},
                                         {"gap_score", json_round(g->gap_score, 4)}});
      emit("index.json", out.dump(2) + "\n");
    }
  }
  std::filesystem::create_directories(dir.empty() ? "." : dir);
  for (const auto& [path, text] : pending) write_output(path.string(), text);
  for (const auto& [path, text] : pending)
    if (path.extension() != ".svg") std::cerr << "wrote " << path.string() << "\n";
  return 0;
}

void add_report_command(CLI::App& app, Registry& r) {
  auto o = std::make_shared<ReportOptions>();
  CLI::App* cmd = app.add_subcommand("report", "Write the chain team's report (HTML, Markdown or JSON) for one chain or all");
  add_input_options(*cmd, o->input);
  cmd->add_option("--chain", o->chain, "Chain: id, name or English name (auto, 汽车)");
  cmd->add_flag("--all", o->all, "Every chain of the workspace, plus an index");
  cmd->add_option("--scope", o->scope, "Region path or alias that counts as local (default: each chain's scope)");
  cmd->add_option("--format", o->format, "Report format (default: from the -o file name, else html)")
      ->check(CLI::IsMember({"html", "md", "json", "xlsx"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", o->out,
                  "A file (auto.html, auto.md, auto.json) for one chain, or a folder (created if needed) for one file per chain")
      ->required();
  cmd->add_option("--lang", o->lang, "Report language")->check(CLI::IsMember({"zh", "en"}))->capture_default_str();
  cmd->add_option("--date", o->date, "Date printed in the report (default: today)")->check(date_check());
  cmd->add_option("--weights", o->weights, "Override score weights, e.g. gap=0.5,listed=0");
  add_importance_option(*cmd, o->importance);
  cmd->add_flag("--include-nearby", o->include_nearby,
                "Keep candidates elsewhere in the region one level up (市内转移), left out by default");
  cmd->add_option("--portfolio", o->portfolio, "Size of the recommended portfolio (0: none)")
      ->check(CLI::Range(0, 100))
      ->capture_default_str();
  cmd->add_option("--top", o->top, "Target companies listed")->check(CLI::Range(1, 10000))->capture_default_str();
  cmd->add_option("--font", o->font, "Diagram font (a CJK font for Chinese text)")->check(font_name_check())->capture_default_str();
  cmd->callback([o, &r, cmd] {
    o->format_given = cmd->count("--format") > 0;
    r.selected = [o] { return guarded([&] { return run_report(*o); }); };
  });
}

}  // namespace chainlens::cli
