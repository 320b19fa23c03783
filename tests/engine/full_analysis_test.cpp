// analyze_chain (the analyses of `analyze` run side by side) against each analysis called in
// turn, on the bundled 西海岸 workspace; and rank_targets' row cap against the full ranking.
#include <catch2/catch.hpp>

#include "engine/chain_graph.hpp"
#include "engine/full_analysis.hpp"
#include "models/yaml_loader.hpp"
#include "tests/support/pairs_chain.hpp"
#include "tests/support/test_graph.hpp"

using namespace chainlens;

namespace {

std::vector<std::pair<std::string, double>> ranked(const std::vector<CandidateScore>& rows) {
  std::vector<std::pair<std::string, double>> out;
  for (const CandidateScore& c : rows) out.emplace_back(c.id, c.score);
  return out;
}

}  // namespace

TEST_CASE("analyze_chain: the same reports as the analyses called one by one", "[engine][full_analysis]") {
  const Workspace ws = load_workspace("chains/xihaian");
  for (const char* chain : {"auto", "ship"}) {
    CAPTURE(chain);
    const Chain* c = ws.find_chain(chain);
    REQUIRE(c != nullptr);
    const ChainGraph graph(ws, *c);
    const Scope scope = graph.default_scope();
    FullAnalysisOptions o;
    o.weights = ws.scoring;
    const FullAnalysis all = analyze_chain(graph, scope, o);

    const GapReport gaps = find_gaps(graph, scope);
    REQUIRE(all.gaps.segments.size() == gaps.segments.size());
    for (std::size_t i = 0; i < gaps.segments.size(); ++i) {
      CHECK(all.gaps.segments[i].segment == gaps.segments[i].segment);
      CHECK(all.gaps.segments[i].gap_score == gaps.segments[i].gap_score);
    }
    const ChokepointReport chokepoints = find_chokepoints(graph);
    CHECK(all.chokepoints.segments == chokepoints.segments);
    CHECK(all.chokepoints.enterprises == chokepoints.enterprises);
    CHECK(all.gaps.chokepoints == chokepoints.segments);
    const LocalSupplyReport supply = local_supply(graph, scope);
    CHECK(all.supply.enterprises.size() == supply.enterprises.size());
    CHECK(all.supply.matchmaking.size() == supply.matchmaking.size());
    CHECK(all.supply.chain_slsr == supply.chain_slsr);
    const TargetsReport targets = rank_targets(prepare_scoring(graph, gaps, ws.scoring), workspace_candidates(graph, scope));
    CHECK(ranked(all.targets.targets) == ranked(targets.targets));
    CHECK(ranked(all.targets.unmatched) == ranked(targets.unmatched));
    CHECK(all.targets.targets_total == targets.targets.size());
    CHECK_FALSE(targets.targets.empty());
  }
}

TEST_CASE("rank_targets: a row cap keeps the top of the full ranking and counts every target", "[engine][full_analysis][row_caps]") {
  const chainlens::test::TestGraph t(chainlens::test::kPairsChain, "t");
  const ChainGraph& g = t.graph();
  const Scope scope = g.default_scope();
  const ScoringModel model = prepare_scoring(g, find_gaps(g, scope), ScoreWeights{});
  const std::vector<Candidate> candidates = workspace_candidates(g, scope);
  const TargetsReport full = rank_targets(model, candidates);
  // By hand: top (北京), lister (广东) and sub (上海, no segment: unmatched) are candidates;
  // near (青岛/城阳) is one level up, parkx a park.
  REQUIRE(full.targets.size() == 2);
  CHECK(full.targets_total == 2);
  const TargetsReport capped = rank_targets(model, candidates, 1);
  REQUIRE(capped.targets.size() == 1);
  CHECK(capped.targets_total == 2);
  CHECK(capped.targets[0].id == full.targets[0].id);
  CHECK(capped.targets[0].score == full.targets[0].score);
  CHECK(capped.unmatched_total == full.unmatched.size());
  CHECK(capped.unmatched.size() == std::min<std::size_t>(1, full.unmatched.size()));
  CHECK(capped.nearby_excluded == full.nearby_excluded);
}
