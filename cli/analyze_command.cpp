// cli/analyze_command.cpp: `chainlens analyze WORKSPACE --chain ID`: every analysis of one chain
// in one run, as one JSON object {gaps, chokepoints, supply, targets} (what the benchmarks
// call the full analysis, and what the Python peer's `all` prints).
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "engine/chain_graph.hpp"
#include "engine/chokepoints.hpp"
#include "engine/gaps.hpp"
#include "engine/local_supply.hpp"
#include "engine/portfolio.hpp"
#include "engine/targets.hpp"
#include "render/chokepoints_writer.hpp"
#include "render/gaps_writer.hpp"
#include "render/local_supply_writer.hpp"
#include "render/targets_writer.hpp"

namespace chainlens::cli {

struct AnalyzeOptions {
  InputOptions input;
  AnalysisOptions a;
  std::string weights;
  int portfolio = 0;
};

static std::string trimmed(std::string json) {
  while (!json.empty() && (json.back() == '\n' || json.back() == ' ')) json.pop_back();
  return json;
}

static int run_analyze(const AnalyzeOptions& o) {
  const Workspace ws = load_input(o.input, o.a.importance);
  const Chain& chain = require_chain(ws, o.a.chain);
  const ChainGraph graph(ws, chain);
  const Scope scope = resolve_scope(ws, chain, o.a.scope);
  const Lang lang = parse_lang(o.a.lang);
  GapReport gaps = find_gaps(graph, scope);
  const ChokepointReport chokepoints = find_chokepoints(graph);
  gaps.chokepoints = chokepoints.segments;
  const LocalSupplyReport supply = local_supply(graph, scope);
  const ScoringModel model = prepare_scoring(graph, gaps, weights_option(ws.scoring, o.weights));
  const std::vector<Candidate> candidates = workspace_candidates(graph, scope);
  const TargetsReport targets = rank_targets(model, candidates);
  std::optional<Portfolio> portfolio;
  if (o.portfolio > 0) portfolio = pick_portfolio(graph, model, targets, candidates, o.portfolio);
  // The sections are the single commands' JSON, joined: the same keys and numbers.
  std::string out = "{\n\"gaps\": " + trimmed(write_gaps(gaps, "json", lang)) +
                    ",\n\"chokepoints\": " + trimmed(write_chokepoints(chain.id, chokepoints, "json", lang)) +
                    ",\n\"supply\": " + trimmed(write_local_supply(supply, "json", lang)) + ",\n\"targets\": " +
                    trimmed(write_targets(targets, portfolio ? &*portfolio : nullptr, TargetsFormat::json, lang)) + "\n}\n";
  write_result(o.a, out);
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
  cmd->callback([o, &r] { r.selected = [o] { return guarded([&] { return run_analyze(*o); }); }; });
}

}  // namespace chainlens::cli
