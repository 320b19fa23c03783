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

// Every field a writer prints of a scored row.
void check_same_row(const CandidateScore& a, const CandidateScore& b) {
  CAPTURE(a.id);
  CHECK(a.id == b.id);
  CHECK(a.name == b.name);
  CHECK(a.score == b.score);
  CHECK(a.segment == b.segment);
  CHECK(a.segment_name == b.segment_name);
  CHECK(a.kind == b.kind);
  CHECK((a.matched == b.matched && a.local == b.local && a.nearby == b.nearby && a.eligible == b.eligible));
  CHECK((a.revenue_unknown == b.revenue_unknown && a.on_target_list == b.on_target_list && a.group_link == b.group_link));
  CHECK(a.chain_segments == b.chain_segments);
  REQUIRE(a.pairs.size() == b.pairs.size());
  for (std::size_t i = 0; i < a.pairs.size(); ++i) {
    CHECK(a.pairs[i].segment == b.pairs[i].segment);
    CHECK(a.pairs[i].score == b.pairs[i].score);
    CHECK(a.pairs[i].factors.fit == b.pairs[i].factors.fit);
    CHECK(a.pairs[i].factors.link == b.pairs[i].factors.link);
    CHECK(a.pairs[i].factors.strength == b.pairs[i].factors.strength);
  }
}

}  // namespace

TEST_CASE("rank_targets: the workspace's firms read in place rank as their Candidate copies (issue 16)",
          "[engine][full_analysis]") {
  const Workspace ws = load_workspace("chains/xihaian");
  for (const Chain& c : ws.chains) {
    CAPTURE(c.id);
    const ChainGraph graph(ws, c);
    const Scope scope = graph.default_scope();
    const std::vector<const Enterprise*> firms = workspace_candidate_firms(graph, scope);
    const std::vector<Candidate> copies = workspace_candidates(graph, scope);
    REQUIRE(firms.size() == copies.size());
    for (std::size_t i = 0; i < firms.size(); ++i) CHECK(firms[i]->id == copies[i].id);
    const ScoringModel model = prepare_scoring(graph, find_gaps(graph, scope), ws.scoring);
    for (std::size_t cap : {std::size_t{3}, static_cast<std::size_t>(-1)}) {
      const TargetsReport in_place = rank_targets(model, firms, cap);
      const TargetsReport copied = rank_targets(model, copies, cap);
      CHECK(in_place.targets_total == copied.targets_total);
      CHECK(in_place.unmatched_total == copied.unmatched_total);
      CHECK(in_place.nearby_excluded == copied.nearby_excluded);
      REQUIRE(in_place.targets.size() == copied.targets.size());
      REQUIRE(in_place.unmatched.size() == copied.unmatched.size());
      for (std::size_t i = 0; i < copied.targets.size(); ++i) check_same_row(in_place.targets[i], copied.targets[i]);
      for (std::size_t i = 0; i < copied.unmatched.size(); ++i) check_same_row(in_place.unmatched[i], copied.unmatched[i]);
    }
  }
}

TEST_CASE("analyze_chain: the same reports as the analyses called one by one", "[engine][full_analysis]") {
  const Workspace ws = load_workspace("chains/xihaian");
  // Built whole, and with the supply network left to analyze_chain (what `analyze` does).
  for (const auto network : {ChainGraph::NetworkBuild::now, ChainGraph::NetworkBuild::later})
  for (const char* chain : {"auto", "ship"}) {
    CAPTURE(chain, network == ChainGraph::NetworkBuild::later);
    const Chain* c = ws.find_chain(chain);
    REQUIRE(c != nullptr);
    ChainGraph graph(ws, *c, nullptr, network);
    CHECK(graph.has_supply_network() == (network == ChainGraph::NetworkBuild::now));
    const Scope scope = graph.default_scope();
    FullAnalysisOptions o;
    o.weights = ws.scoring;
    const FullAnalysis all = analyze_chain(graph, scope, o);
    REQUIRE(graph.has_supply_network());

    const GapReport gaps = find_gaps(graph, scope);
    REQUIRE(all.gaps.segments.size() == gaps.segments.size());
    for (std::size_t i = 0; i < gaps.segments.size(); ++i) {
      CHECK(all.gaps.segments[i].segment == gaps.segments[i].segment);
      CHECK(all.gaps.segments[i].gap_score == gaps.segments[i].gap_score);
    }
    const ChokepointReport chokepoints = find_chokepoints(graph);
    CHECK(all.chokepoints.segments == chokepoints.segments);
    CHECK(all.chokepoints.enterprises == chokepoints.enterprises);
    REQUIRE(all.chokepoints.single_sources.size() == chokepoints.single_sources.size());
    for (std::size_t i = 0; i < chokepoints.single_sources.size(); ++i) {
      CHECK(all.chokepoints.single_sources[i].enterprise == chokepoints.single_sources[i].enterprise);
      CHECK(all.chokepoints.single_sources[i].segment == chokepoints.single_sources[i].segment);
      CHECK(all.chokepoints.single_sources[i].supplier == chokepoints.single_sources[i].supplier);
    }
    CHECK(all.gaps.chokepoints == chokepoints.segments);
    const LocalSupplyReport supply = local_supply(graph, scope);
    CHECK(all.supply.enterprises.size() == supply.enterprises.size());
    CHECK(all.supply.matchmaking.size() == supply.matchmaking.size());
    CHECK(all.supply.chain_slsr == supply.chain_slsr);
    for (std::size_t i = 0; i < std::min(all.supply.enterprises.size(), supply.enterprises.size()); ++i) {
      CHECK(all.supply.enterprises[i].enterprise == supply.enterprises[i].enterprise);
      CHECK(all.supply.enterprises[i].local_relations == supply.enterprises[i].local_relations);
    }
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

TEST_CASE("workspace_candidate_firms: a repeated id is one candidate, its first candidate position (issue 16)",
          "[engine][full_analysis]") {
  // A workspace built in code may repeat an id (the loader refuses it in files). By hand:
  // `top` at 0 is a candidate; a copy of `top` appended later must not be a second one.
  // `lister` is repeated first as a local (Qingdao) firm, then as a candidate outside: the
  // first *candidate* position is the copy, and it is the one ranked, as rank_targets'
  // first-of-each-id over the Candidate copies ranks it.
  Workspace ws = load_workspace_text(chainlens::test::kPairsChain, "test.yaml");
  const auto at = [&](const std::string& id) {
    for (const Enterprise& e : ws.enterprises)
      if (e.id == id) return e;
    throw std::logic_error("no " + id);
  };
  Enterprise top_again = at("top");
  top_again.name = "second top";
  Enterprise lister = at("lister");
  Enterprise local_lister = lister;
  local_lister.location = RegionPath::parse("中国/山东/青岛/新区");
  lister.name = "the lister outside";
  // Replace the original lister with the local copy, and append the outside one and top's copy.
  for (Enterprise& e : ws.enterprises)
    if (e.id == "lister") e = local_lister;
  ws.enterprises.push_back(lister);
  ws.enterprises.push_back(top_again);
  const ChainGraph graph(ws, *ws.find_chain("t"));
  const Scope scope = graph.default_scope();
  const std::vector<const Enterprise*> firms = workspace_candidate_firms(graph, scope);
  std::vector<std::string> ids, names;
  for (const Enterprise* e : firms) ids.push_back(e->id.str()), names.push_back(e->name.str());
  // By hand, in workspace order: local-c is local, sub operates in no segment of the chain
  // and is on no list, top (position 2) is one, the local lister is not, near (城阳, outside
  // 新区) is one, parkx is a park; then lister's outside copy; top's copy is dropped.
  CHECK(ids == std::vector<std::string>{"top", "near", "lister"});
  CHECK(names.front() == at("top").name);
  CHECK(names.back() == "the lister outside");
  const ScoringModel model = prepare_scoring(graph, find_gaps(graph, scope), ScoreWeights{});
  const TargetsReport in_place = rank_targets(model, firms);
  const TargetsReport copied = rank_targets(model, workspace_candidates(graph, scope));
  REQUIRE(in_place.targets.size() == copied.targets.size());
  CHECK(in_place.targets.size() == 2);  // near is one level up: counted, not ranked
  CHECK(in_place.nearby_excluded == 1);
  for (std::size_t i = 0; i < in_place.targets.size(); ++i) check_same_row(in_place.targets[i], copied.targets[i]);
}
