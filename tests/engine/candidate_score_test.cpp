// v2 candidate scores (per pair), ranking and the per-pair portfolio on the style.md chain
// a -> b -> c, worked by hand.
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

const SegmentGap& gap_of(const GapReport& r, const std::string& id) {
  for (const SegmentGap& g : r.segments)
    if (g.segment == id) return g;
  throw std::logic_error("no segment " + id);
}

}  // namespace

TEST_CASE("score_candidate: every factor on a -> b -> c with f1 local in b", "[engine][targets]") {
  const TestGraph t(kChain, "t");
  const Scope qd = Scope::parse("中国/青岛");
  // Untyped: c is t's product: y_C = (0, 0, 1), phi 0.6: x = (0.36, 0.6, 1) = V. D = 1 for all.
  // P: no declared gap; g1 (on t's list) operates in a and c: P = (0.5, 0, 0.5).
  // K = 0 for all: g1 (上海) in a and c, f1 and g2 in b, all operating in 中国 (gone is closed).
  //   a 0.35 * 0.36 + 0.25 + 0.25 * 0.5 = 0.501, missing -> 0.501
  //   b 0.35 * 0.6 + 0.25 = 0.46, single -> 0.6 * 0.46 = 0.276
  //   c 0.35 + 0.25 + 0.125 = 0.725, missing -> 0.725 (the max)
  // gap factor = gap_score / 0.725: a 0.501 / 0.725, b 0.276 / 0.725, c 1.
  const GapReport gaps = find_gaps(t.graph(), qd);
  REQUIRE(gap_of(gaps, "a").gap_score == Approx(0.501));
  REQUIRE(gap_of(gaps, "b").gap_score == Approx(0.276));
  REQUIRE(gap_of(gaps, "c").gap_score == Approx(0.725));
  const ScoringModel m = prepare_scoring(t.graph(), gaps, ScoreWeights{});
  const std::vector<Candidate> pool = workspace_candidates(t.graph(), qd);
  // f1 is local, gone is closed, g3 has no segment in t and is on no list of t.
  std::vector<std::string> ids;
  for (const Candidate& c : pool) ids.push_back(c.id);
  CHECK(ids == std::vector<std::string>{"g1", "g2", "big"});

  SECTION("g1: best pair c (延链): gap 1, fit 0.5, strength 1, link 1, related 1, listed 1 -> 95") {
    const CandidateScore s = score_candidate(m, pool[0]);
    CHECK(s.segment == "c");
    CHECK(s.kind == GapKind::extend);
    CHECK(s.factors.gap == Approx(1.0));
    CHECK(s.factors.fit == 0.5);              // c is not its first segment (a is)
    CHECK(s.factors.strength == Approx(1.0)); // revenue 10000 = revenue_ref
    CHECK(s.factors.link == 1);               // g1 supplies f1, local
    CHECK_FALSE(s.group_link);                // by supply, not by a group
    CHECK(s.factors.related == Approx(1.0));  // N(c) = {b}, b present
    CHECK(s.factors.listed == 1);
    // 100 * (0.40 + 0.10 * 0.5 + 0.15 + 0.15 + 0.10 + 0.10) = 95
    CHECK(s.score == Approx(95.0));
    REQUIRE(s.pairs.size() == 2);
    // Pair a (补链): gap 0.501 / 0.725, fit 1 (its main business), related 1 (N(a) = {b}):
    // 100 * (0.40 * 0.501 / 0.725 + 0.10 + 0.15 + 0.15 + 0.10 + 0.10) = 27.6414 + 60 = 87.6414
    CHECK(s.pairs[1].segment == "a");
    CHECK(s.pairs[1].kind == GapKind::fill);
    CHECK(s.pairs[1].factors.fit == 1.0);
    CHECK(s.pairs[1].score == Approx(100 * (0.40 * 0.501 / 0.725 + 0.60)));
  }
  SECTION("g2: gap 0.276 / 0.725 at b (强链), strength log 100 / log 10001, fit 1, nothing else") {
    const CandidateScore s = score_candidate(m, pool[1]);
    CHECK(s.segment == "b");
    CHECK(s.kind == GapKind::strengthen);
    CHECK(s.factors.gap == Approx(0.276 / 0.725));  // 0.38069
    CHECK(s.factors.fit == 1.0);
    CHECK(s.factors.strength == Approx(std::log(100.0) / std::log(10001.0)));  // 0.499995
    CHECK(s.factors.link == 0);
    CHECK(s.factors.related == 0);  // N(b) = {a, c}, neither present
    CHECK(s.factors.listed == 0);
    // 100 * (0.40 * 0.38069 + 0.10 * 1 + 0.15 * 0.499995) = 15.2276 + 10 + 7.4999 = 32.7275
    CHECK(s.score == Approx(100 * (0.40 * 0.276 / 0.725 + 0.10 + 0.15 * std::log(100.0) / std::log(10001.0))));
    CHECK(s.score == Approx(32.7275).epsilon(1e-5));
    CHECK_FALSE(s.revenue_unknown);
  }
  SECTION("rank: matched by score, the listed major with no segment is unmatched") {
    const TargetsReport r = rank_targets(m, pool);
    REQUIRE(r.targets.size() == 2);
    CHECK(r.targets[0].id == "g1");  // 95
    CHECK(r.targets[1].id == "g2");  // 32.73
    REQUIRE(r.unmatched.size() == 1);
    CHECK(r.unmatched[0].id == "big");
    CHECK(r.unmatched[0].score == 0);
    CHECK(r.unmatched[0].on_target_list);
    CHECK(r.nearby_excluded == 0);  // a 2-component scope has no nearby rule
  }
  SECTION("weights change the score and only the score") {
    ScoreWeights w = parse_weights("gap=1,fit=0,strength=0,link=0,related=0,listed=0", ScoreWeights{});
    const ScoringModel only_gap = prepare_scoring(t.graph(), find_gaps(t.graph(), qd), w);
    const CandidateScore s = score_candidate(only_gap, pool[1]);
    // 100 * 1 * 0.276 / 0.725 = 38.069; the factors are the same as with the default weights.
    CHECK(s.score == Approx(100 * 0.276 / 0.725));
    CHECK(s.factors.strength == Approx(std::log(100.0) / std::log(10001.0)));
    CHECK(s.factors.fit == 1.0);
  }
  SECTION("a local candidate scores 0 and says so") {
    Candidate local = pool[1];
    local.location = Scope::parse("中国/青岛/黄岛");
    const CandidateScore s = score_candidate(m, local);
    CHECK(s.local);
    CHECK(s.score == 0);
    CHECK(s.pairs.empty());
  }
  SECTION("an unknown revenue scores scoring.unknown_strength and says 营收未知") {
    Candidate unknown = pool[1];
    unknown.revenue.reset();
    const CandidateScore s = score_candidate(m, unknown);
    CHECK(s.revenue_unknown);
    CHECK(s.factors.strength == Approx(0.3));
    // 100 * (0.40 * 0.276 / 0.725 + 0.10 + 0.15 * 0.3) = 15.2276 + 10 + 4.5 = 29.7276
    CHECK(s.score == Approx(100 * (0.40 * 0.276 / 0.725 + 0.10 + 0.045)));
  }
}

TEST_CASE("pick_portfolio: greedy over pairs, one firm and one segment per pick, then the what-if SLSR",
          "[engine][targets]") {
  const TestGraph t(kChain, "t");
  const Scope qd = Scope::parse("中国/青岛");
  const ScoringModel m = prepare_scoring(t.graph(), find_gaps(t.graph(), qd), ScoreWeights{});
  const std::vector<Candidate> pool = workspace_candidates(t.graph(), qd);
  const TargetsReport r = rank_targets(m, pool);
  const Portfolio p = pick_portfolio(t.graph(), m, r, pool, 3);
  // Pairs by score: g1/c 95, g1/a 87.64, g2/b 32.73. g1/c is picked; g1/a is skipped (g1 is
  // taken: one project, one segment); g2/b is picked; nothing is left for a third pick.
  REQUIRE(p.picked.size() == 2);
  CHECK(p.picked[0].id == "g1");
  CHECK(p.picked[0].segment == "c");
  CHECK(p.picked[0].score == Approx(95.0));
  CHECK(p.picked[0].gain == Approx(0.725));  // gap_score of c
  CHECK(p.picked[0].closes == std::vector<std::string>{"c"});
  CHECK(p.picked[1].id == "g2");
  CHECK(p.picked[1].segment == "b");
  CHECK(p.picked[1].gain == Approx(0.276));
  CHECK(p.closed == std::vector<std::string>{"c", "b"});
  // x = (0.36, 0.6, 1). Before: SLSR(b) = 0 (a absent), SLSR(c) = 1 (b present):
  // (0.6 * 0 + 1 * 1) / 1.6 = 0.625.
  REQUIRE(p.slsr_before);
  CHECK(*p.slsr_before == Approx(0.625));
  // After: g1 joins in c only, so a stays missing (g1's other segment is unchanged): the
  // inputs' presence, and so the SLSR, stay (0.6 * 0 + 1 * 1) / 1.6 = 0.625.
  REQUIRE(p.slsr_after);
  CHECK(*p.slsr_after == Approx(0.625));
  SECTION("k = 1 takes the best pair only") {
    const Portfolio one = pick_portfolio(t.graph(), m, r, pool, 1);
    REQUIRE(one.picked.size() == 1);
    CHECK(one.closed == std::vector<std::string>{"c"});
  }
}

TEST_CASE("pick_portfolio: a pick that closes an input raises the what-if SLSR", "[engine][targets]") {
  // The same chain without g1's supply and list: g1 now makes only a.
  const TestGraph t(R"(
chains:
  - id: t
    segments: [{id: a}, {id: b, inputs: [a]}, {id: c, inputs: [b]}]
enterprises:
  - {id: f1, location: 中国/青岛, segments: [b]}
  - {id: g1, location: 中国/上海, segments: [a], revenue: 10000}
)",
                    "t");
  const Scope qd = Scope::parse("中国/青岛");
  const ScoringModel m = prepare_scoring(t.graph(), find_gaps(t.graph(), qd), ScoreWeights{});
  const std::vector<Candidate> pool = workspace_candidates(t.graph(), qd);
  const Portfolio p = pick_portfolio(t.graph(), m, rank_targets(m, pool), pool, 2);
  REQUIRE(p.picked.size() == 1);
  CHECK(p.picked[0].segment == "a");
  // a becomes present: SLSR(b) 0 -> 1, SLSR(c) stays 1: before 1 / 1.6 = 0.625, after 1.6 / 1.6 = 1.
  CHECK(*p.slsr_before == Approx(0.625));
  CHECK(*p.slsr_after == Approx(1.0));
}

TEST_CASE("parse_weights: named overrides, errors name the problem", "[engine][targets]") {
  const ScoreWeights w = parse_weights("gap=0.5,listed=0,fit=0.2,unknown_strength=0.1", ScoreWeights{});
  CHECK(w.gap == 0.5);
  CHECK(w.listed == 0);
  CHECK(w.fit == 0.2);
  CHECK(w.unknown_strength == 0.1);
  CHECK(w.strength == 0.15);
  CHECK_THROWS_WITH(parse_weights("gapp=1", {}),
                    "unknown weight 'gapp' (expected gap, fit, strength, link, related, listed, revenue_ref or "
                    "unknown_strength)");
  CHECK_THROWS_WITH(parse_weights("gap=x", {}), "weight gap must be a number >= 0, got 'x'");
  CHECK_THROWS_WITH(parse_weights("gap", {}), "weight 'gap' is not name=value");
  CHECK_THROWS_WITH(parse_weights("unknown_strength=2", {}), "unknown_strength must be in [0, 1]");
}

TEST_CASE("quick_score: the score, match and standing of score_candidate, with ties between pairs",
          "[engine][targets][row_caps]") {
  // Every enterprise of the bundled 汽车 and 船舶 chains, and of the chain above, as a candidate
  // under the default weights and under weights where only fit and listed count (so pairs of
  // one candidate tie on score and the segment id decides, and candidates tie across).
  const Workspace xihaian = load_workspace("chains/xihaian");
  const TestGraph small(kChain, "t");
  struct Case {
    const Workspace* ws;
    const char* chain;
  };
  int scored = 0, matched = 0;
  for (const Case& c : {Case{&xihaian, "auto"}, Case{&xihaian, "ship"}, Case{&small.workspace(), "t"}}) {
    const ChainGraph graph(*c.ws, *c.ws->find_chain(c.chain));
    const Scope scope = graph.default_scope();
    const GapReport gaps = find_gaps(graph, scope);
    ScoreWeights flat;
    flat.gap = flat.strength = flat.link = flat.related = 0;
    for (const ScoreWeights& w : {c.ws->scoring, flat})
      for (bool nearby : {false, true}) {
        const ScoringModel model = prepare_scoring(graph, gaps, w, nearby);
        for (const Enterprise& e : c.ws->enterprises) {
          const Candidate cand = to_candidate(e, {});
          const CandidateScore full = score_candidate(model, cand);
          const QuickScore quick = quick_score(model, cand);
          CAPTURE(c.chain, e.id, nearby);
          CHECK(quick.score == full.score);  // the same bits, not just close
          CHECK(quick.matched == full.matched);
          CHECK(quick.local == full.local);
          CHECK(quick.nearby == full.nearby);
          ++scored;
          matched += full.matched ? 1 : 0;
        }
      }
  }
  CHECK(matched > 20);  // the comparison ran on real matches, not on empty scores
  CHECK(scored > matched);
}
