// Candidate scores, ranking and the portfolio on the style.md chain a -> b -> c, worked by hand.
#include <catch2/catch.hpp>

#include <cmath>

#include "engine/portfolio.hpp"
#include "engine/targets.hpp"
#include "tests/support/test_graph.hpp"

using namespace chainlens;
using chainlens::test::TestGraph;

namespace {

const char* kChain = R"(
chains:
  - id: t
    segments: [{id: a}, {id: b, inputs: [a]}, {id: c, inputs: [b]}]
    target_lists: [{id: list, enterprises: [g1, big]}]
  - id: z
    segments: [{id: z.other}]
enterprises:
  - {id: f1, location: 中国/青岛, segments: [b]}
  - {id: g1, location: 中国/上海, segments: [a, c], revenue: 10000}
  - {id: g2, location: 中国/北京, segments: [b], revenue: 99}
  - {id: g3, location: 中国/北京, segments: [z.other]}
  - {id: big, location: 中国/北京, segments: [z.other]}
  - {id: gone, location: 中国/北京, segments: [a], status: closed}
supplies:
  - {from: g1, to: f1, segment: a}
)";

}  // namespace

TEST_CASE("score_candidate: every factor on a -> b -> c with f1 local in b", "[engine][targets]") {
  const TestGraph t(kChain, "t");
  const Scope qd = Scope::parse("中国/青岛");
  // x = (0.25, 0.5, 1); a missing 1.0*0.25, b single 0.6*0.5 = 0.3, c missing 1.0*1.
  const ScoringModel m = prepare_scoring(t.graph(), find_gaps(t.graph(), qd), ScoreWeights{});
  const std::vector<Candidate> pool = workspace_candidates(t.graph(), qd);
  // f1 is local, gone is closed, g3 has no segment in t and is on no list of t.
  std::vector<std::string> ids;
  for (const Candidate& c : pool) ids.push_back(c.id);
  CHECK(ids == std::vector<std::string>{"g1", "g2", "big"});

  SECTION("g1: gap 1 at c (延链), strength 1, link 1, related 1, listed 1 -> 100") {
    const CandidateScore s = score_candidate(m, pool[0]);
    CHECK(s.segment == "c");
    CHECK(s.kind == GapKind::extend);
    CHECK(s.factors.gap == Approx(1.0));
    CHECK(s.factors.strength == Approx(1.0));
    CHECK(s.factors.link == 1);
    CHECK(s.factors.related == Approx(1.0));  // N(a) = {b}, N(c) = {b}; b present: 2 / 2
    CHECK(s.factors.listed == 1);
    CHECK(s.score == Approx(100.0));
  }
  SECTION("g2: gap 0.3 at b (强链), strength log 100 / log 10001, nothing else") {
    const CandidateScore s = score_candidate(m, pool[1]);
    CHECK(s.segment == "b");
    CHECK(s.kind == GapKind::strengthen);
    CHECK(s.factors.gap == Approx(0.3));
    CHECK(s.factors.strength == Approx(std::log(100.0) / std::log(10001.0)));
    CHECK(s.factors.related == 0);  // N(b) = {a, c}, neither present
    CHECK(s.score == Approx(100 * (0.45 * 0.3 + 0.15 * std::log(100.0) / std::log(10001.0))));
    CHECK_FALSE(s.revenue_unknown);
  }
  SECTION("rank: matched by score, the listed major with no segment is unmatched") {
    const TargetsReport r = rank_targets(m, pool);
    REQUIRE(r.targets.size() == 2);
    CHECK(r.targets[0].id == "g1");
    CHECK(r.targets[1].id == "g2");
    REQUIRE(r.unmatched.size() == 1);
    CHECK(r.unmatched[0].id == "big");
    CHECK(r.unmatched[0].score == 0);
    CHECK(r.unmatched[0].on_target_list);
  }
  SECTION("weights change the score and only the score") {
    ScoreWeights w = parse_weights("gap=1,strength=0,link=0,related=0,listed=0", ScoreWeights{});
    const ScoringModel only_gap = prepare_scoring(t.graph(), find_gaps(t.graph(), qd), w);
    CHECK(score_candidate(only_gap, pool[1]).score == Approx(30.0));
  }
  SECTION("a local candidate scores 0 and says so") {
    Candidate local = pool[1];
    local.location = Scope::parse("中国/青岛/黄岛");
    const CandidateScore s = score_candidate(m, local);
    CHECK(s.local);
    CHECK(s.score == 0);
  }
}

TEST_CASE("pick_portfolio: greedy by closed gap score, then the what-if SLSR", "[engine][targets]") {
  const TestGraph t(kChain, "t");
  const Scope qd = Scope::parse("中国/青岛");
  const ScoringModel m = prepare_scoring(t.graph(), find_gaps(t.graph(), qd), ScoreWeights{});
  const std::vector<Candidate> pool = workspace_candidates(t.graph(), qd);
  const TargetsReport r = rank_targets(m, pool);
  const Portfolio p = pick_portfolio(t.graph(), m, r, pool, 3);
  // g1 closes a and c (0.25 + 1), then g2 closes b (0.3); nothing is left for a third.
  REQUIRE(p.picked.size() == 2);
  CHECK(p.picked[0].id == "g1");
  CHECK(p.picked[0].gain == Approx(1.25));
  CHECK(p.picked[1].id == "g2");
  CHECK(p.closed == std::vector<std::string>{"a", "b", "c"});
  // Before: SLSR(b) = 0 (a absent), SLSR(c) = 1 (b present): (0.5 * 0 + 1 * 1) / 1.5.
  REQUIRE(p.slsr_before);
  CHECK(*p.slsr_before == Approx(2.0 / 3));
  // After: every input is present.
  REQUIRE(p.slsr_after);
  CHECK(*p.slsr_after == Approx(1.0));
}

TEST_CASE("parse_weights: named overrides, errors name the problem", "[engine][targets]") {
  const ScoreWeights w = parse_weights("gap=0.5,listed=0", ScoreWeights{});
  CHECK(w.gap == 0.5);
  CHECK(w.listed == 0);
  CHECK(w.strength == 0.15);
  CHECK_THROWS_WITH(parse_weights("gapp=1", {}),
                    "unknown weight 'gapp' (expected gap, strength, link, related, listed or revenue_ref)");
  CHECK_THROWS_WITH(parse_weights("gap=x", {}), "weight gap must be a number >= 0, got 'x'");
  CHECK_THROWS_WITH(parse_weights("gap", {}), "weight 'gap' is not name=value");
}
