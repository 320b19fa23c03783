// cli/targets_command.cpp: `chainlens targets WORKSPACE --chain ID`: ranked, explained
// target companies (招商目标) and an optional greedy portfolio with its what-if SLSR.
#include <fstream>
#include <memory>
#include <unordered_map>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "engine/chain_graph.hpp"
#include "engine/gaps.hpp"
#include "engine/portfolio.hpp"
#include "engine/targets.hpp"
#include "models/atomic_file.hpp"
#include "models/bulk_reader.hpp"
#include "render/targets_writer.hpp"

namespace chainlens::cli {

struct TargetsOptions {
  InputOptions input;
  AnalysisOptions a;
  ColumnOptions columns;
  std::string weights, candidates;
  int portfolio = 0;
  std::size_t top = 30, by_gap = 0;
  bool include_nearby = false;
};

// A bulk pool read whole (targets shows a ranked list; `score` is the streaming path).
static std::vector<Candidate> read_pool(const std::string& path, const Workspace& ws, const BulkReadOptions& options) {
  const auto format = bulk_format_for(path);
  if (!format) throw InputError({{{path, 0, 0}, "not a candidate file", "expected *.csv or *.jsonl"}});
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError({{{path, 0, 0}, "cannot open the file", {}}});
  DiagnosticSink sink;
  const std::vector<Enterprise> rows = read_bulk_file(in, *format, path, sink, LoadLimits{}.max_rows, options);
  // The same id twice in a pool is reported, never dropped silently (issue 18).
  std::unordered_map<std::string, int> first_line;
  for (const Enterprise& e : rows) {
    auto [it, inserted] = first_line.emplace(e.id, e.pos.line);
    if (!inserted)
      sink.error(e.pos, "duplicate candidate id '" + e.id + "'", "first at line " + std::to_string(it->second));
  }
  sink.throw_if_any();
  register_input_file(path);
  std::vector<Candidate> out;
  for (const Enterprise& e : rows) out.push_back(to_candidate(e, ws.regions));
  return out;
}

static int run_targets(const TargetsOptions& o) {
  const Workspace ws = load_input(o.input, o.a.importance);
  const Chain& chain = require_chain(ws, o.a.chain);
  const ChainGraph graph(ws, chain);
  const Scope scope = resolve_scope(ws, chain, o.a.scope);
  const ScoreWeights weights = weights_option(ws.scoring, o.weights);
  const GapReport gaps = find_gaps(graph, scope);
  const ScoringModel model = prepare_scoring(graph, gaps, weights, o.include_nearby);
  std::vector<Candidate> candidates = workspace_candidates(graph, scope);
  if (!o.candidates.empty()) {
    std::vector<Candidate> pool = read_pool(o.candidates, ws, bulk_read_options(o.input, o.columns));
    candidates.insert(candidates.end(), pool.begin(), pool.end());
  }
  const TargetsReport report = rank_targets(model, candidates);
  std::optional<Portfolio> portfolio;
  if (o.portfolio > 0) portfolio = pick_portfolio(graph, model, report, candidates, o.portfolio);
  const TargetsFormat format = o.a.format == "json"  ? TargetsFormat::json
                               : o.a.format == "csv" ? TargetsFormat::csv
                               : o.a.format == "md"  ? TargetsFormat::md
                               : o.a.format == "xlsx" ? TargetsFormat::xlsx
                                                   : TargetsFormat::table;
  if (o.by_gap > 0) {
    write_result(o.a, write_targets_by_gap(gaps, report, o.by_gap, format, parse_lang(o.a.lang)));
    return 0;
  }
  const Portfolio* picked = portfolio ? &*portfolio : nullptr;
  if (format == TargetsFormat::json)  // streamed: a pool of a million candidates
    stream_json_result(o.a, [&](TextSink& sink) { write_targets_json(report, picked, parse_lang(o.a.lang), sink); });
  else
    write_result(o.a, write_targets(report, picked, format, parse_lang(o.a.lang), o.top));
  return 0;
}

void add_targets_command(CLI::App& app, Registry& r) {
  auto o = std::make_shared<TargetsOptions>();
  CLI::App* cmd = app.add_subcommand("targets", "Rank target companies (招商目标) for a chain, with every factor");
  add_input_options(*cmd, o->input);
  add_analysis_options(*cmd, o->a);
  cmd->add_option("--weights", o->weights, "Override score weights, e.g. gap=0.5,strength=0.2,listed=0");
  cmd->add_option("--candidates", o->candidates, "Add a bulk candidate pool (CSV or JSON Lines)");
  add_column_options(*cmd, o->columns);
  cmd->add_option("--portfolio", o->portfolio, "Also pick K candidates that together close the most gaps")
      ->check(CLI::Range(0, 1000));
  cmd->add_option("--by-gap", o->by_gap, "List each gap segment with its best N candidates instead of one ranking")
      ->check(CLI::Range(1, 100));
  cmd->add_flag("--include-nearby", o->include_nearby,
                "Keep candidates elsewhere in the region one level up (市内转移), left out by default");
  // One name per idea across commands (issue 15): report and analyze say --top too.
  cmd->add_option("--top", o->top, "Rows shown in table/csv/md/xlsx (0: all; JSON has all)")->capture_default_str();
  cmd->callback([o, &r] { r.selected = [o] { return guarded([&] { return run_targets(*o); }); }; });
}

}  // namespace chainlens::cli
