// cli/analyze_command.cpp: `chainlens analyze WORKSPACE --chain ID`: every analysis of one chain
// in one run, as one JSON object {gaps, chokepoints, supply, targets} (what the benchmarks
// call the full analysis, and what the Python peer's `all` prints). Long tables are capped
// per table by default (issue 16: a city-wide network has millions of rows); --all-rows lifts it.
#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "engine/chain_graph.hpp"
#include "engine/full_analysis.hpp"
#include "engine/portfolio.hpp"
#include "render/chokepoints_writer.hpp"
#include "render/gaps_writer.hpp"
#include "render/json_stream.hpp"
#include "render/local_supply_writer.hpp"
#include "render/targets_writer.hpp"

namespace chainlens::cli {

struct AnalyzeOptions {
  InputOptions input;
  AnalysisOptions a;
  std::string weights;
  int portfolio = 0;
  std::size_t max_rows = 500;
  bool all_rows = false;
};

namespace {

/// One capped table: its path in the JSON, the rows shown and the rows there were.
struct CappedTable {
  std::string table;
  std::size_t shown = 0, total = 0;
};

template <class Rows>
void cap_rows(Rows& rows, std::size_t total, std::size_t max, const char* table, std::vector<CappedTable>& capped) {
  if (rows.size() > max) rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(max), rows.end());
  if (total > rows.size()) capped.push_back({table, rows.size(), total});
}

// The `row_caps` section: present only when a table was capped, so small workspaces print
// exactly what they printed before caps existed.
std::string row_caps_json(const std::vector<CappedTable>& capped, std::size_t max, Lang lang) {
  std::size_t left_out = 0;
  nlohmann::ordered_json tables = nlohmann::ordered_json::array();
  for (const CappedTable& c : capped) {
    left_out += c.total - c.shown;
    tables.push_back({{"table", c.table}, {"shown", c.shown}, {"total", c.total}});
  }
  const std::string note =
      fmt::format(fmt::runtime(tr(lang, "每张表最多列出 {} 行, 共有 {} 行未列出 (加 --all-rows 列出全部)。",
                                  "Each table lists at most {} rows; {} rows were left out (--all-rows lists every row).")),
                  max, left_out);
  nlohmann::ordered_json j{{"max_rows", max}, {"rows_left_out", left_out}, {"note", note}, {"tables", tables}};
  return j.dump(2);
}

}  // namespace

static std::string trimmed(std::string json) {
  while (!json.empty() && (json.back() == '\n' || json.back() == ' ')) json.pop_back();
  return json;
}

static int run_analyze(const AnalyzeOptions& o) {
  // The workspace and graph live to the process's end, never freed: freeing a million
  // enterprises and their strings took over a second on the largest benchmark, and the OS
  // takes the memory back at exit at once. (Held by a static pointer: not a leak to LSan.)
  static const Workspace* kept_workspace = nullptr;
  static ChainGraph* kept_graph = nullptr;
  kept_workspace = new Workspace(load_input(o.input, o.a.importance));
  const Workspace& ws = *kept_workspace;
  const Chain& chain = require_chain(ws, o.a.chain);
  // The supply network is built inside analyze_chain, beside the analyses that do not read it.
  kept_graph = new ChainGraph(ws, chain, nullptr, ChainGraph::NetworkBuild::later);
  ChainGraph& graph = *kept_graph;
  const Scope scope = resolve_scope(ws, chain, o.a.scope);
  const Lang lang = parse_lang(o.a.lang);
  const std::size_t max_rows = o.all_rows ? static_cast<std::size_t>(-1) : o.max_rows;
  FullAnalysisOptions analysis_options;
  analysis_options.weights = weights_option(ws.scoring, o.weights);
  analysis_options.max_rows = max_rows;
  analysis_options.every_target = o.portfolio > 0;
  // Kept to the process's end like the workspace: freeing its rows is time for nothing.
  static FullAnalysis* kept_analysis = nullptr;
  kept_analysis = new FullAnalysis(analyze_chain(graph, scope, analysis_options));
  FullAnalysis& all = *kept_analysis;
  GapReport& gaps = all.gaps;
  ChokepointReport& chokepoints = all.chokepoints;
  LocalSupplyReport& supply = all.supply;
  const ScoringModel& model = all.model;
  TargetsReport& targets = all.targets;
  std::optional<Portfolio> portfolio;
  if (o.portfolio > 0) portfolio = pick_portfolio(graph, model, targets, {}, o.portfolio);
  // Row caps, table by table in output order (the portfolio above saw every target).
  std::vector<CappedTable> capped;
  cap_rows(chokepoints.enterprises, chokepoints.enterprises_total, max_rows, "chokepoints.enterprises", capped);
  cap_rows(chokepoints.single_sources, chokepoints.single_sources_total, max_rows, "chokepoints.single_sources", capped);
  cap_rows(supply.enterprises, supply.enterprises_total, max_rows, "supply.enterprises", capped);
  cap_rows(supply.matchmaking, supply.matchmaking_total, max_rows, "supply.matchmaking", capped);
  cap_rows(targets.targets, targets.targets_total, max_rows, "targets.targets", capped);
  cap_rows(targets.unmatched, targets.unmatched_total, max_rows, "targets.unmatched", capped);
  // The sections are the single commands' JSON, joined: the same keys and numbers. They
  // stream into the output a block at a time (issue 16): --all-rows on a city-wide network
  // is hundreds of megabytes of JSON, never held whole.
  stream_json_result(o.a, [&](TextSink& sink) {
    std::string& text = sink.text();
    text += "{\n\"gaps\": " + trimmed(write_gaps(gaps, "json", lang));
    text += ",\n\"chokepoints\": ";
    write_chokepoints_json(chain.id, chokepoints, lang, sink);
    text += ",\n\"supply\": ";
    write_local_supply_json(supply, lang, sink);
    text += ",\n\"targets\": ";
    write_targets_json(targets, portfolio ? &*portfolio : nullptr, lang, sink);
    if (!capped.empty()) text += ",\n\"row_caps\": " + row_caps_json(capped, max_rows, lang);
    text += "\n}";
  });
  return 0;
}

void add_analyze_command(CLI::App& app, Registry& r) {
  auto o = std::make_shared<AnalyzeOptions>();
  CLI::App* cmd = app.add_subcommand("analyze", "Run every analysis of a chain at once: JSON {gaps, chokepoints, supply, targets}");
  add_input_options(*cmd, o->input);
  add_analysis_options(*cmd, o->a, true, {"json"});
  cmd->add_option("--weights", o->weights, "Override score weights, e.g. gap=0.5,listed=0");
  cmd->add_option("--portfolio", o->portfolio, "Also pick K candidates that together close the most gaps")
      ->check(CLI::Range(0, 1000));
  cmd->add_option("--max-rows", o->max_rows, "Rows per table at most (default 500); the output says how many were left out")
      ->check(CLI::Range(1, 100000000));
  cmd->add_flag("--all-rows", o->all_rows, "Every row of every table (no row cap)");
  cmd->callback([o, &r] { r.selected = [o] { return guarded([&] { return run_analyze(*o); }); }; });
}

}  // namespace chainlens::cli
