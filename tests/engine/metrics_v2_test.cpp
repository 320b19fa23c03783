// metrics.md version 2 on hand-worked workspaces: the four importance factors, types and
// the untyped fallback, enterprise kinds, gap kinds, the workspace model across chains,
// per-pair candidate scores with groups and the nearby rule, and the per-pair portfolio.
#include <catch2/catch.hpp>

#include <cmath>

#include "engine/candidate_score.hpp"
#include "engine/chain_graph.hpp"
#include "engine/gaps.hpp"
#include "engine/portfolio.hpp"
#include "engine/targets.hpp"
#include "engine/workspace_model.hpp"
#include "tests/support/pairs_chain.hpp"
#include "tests/support/test_graph.hpp"

using namespace chainlens;
using chainlens::test::TestGraph;

namespace {

const SegmentGap& gap(const GapReport& r, const std::string& id) { return test::gap_row(r, id); }

// a (material) -> b (component) -> p (product) -> s (service); q a second product.
// The plan calls a a technology gap; g1 of the target list makes q in 上海; f1 makes b locally.
const char* kFactors = R"(
chains:
  - id: t
    target_lists: [{id: l, enterprises: [g1]}]
    gaps: [{segment: a, kind: technology}]
    segments:
      - {id: a, type: material}
      - {id: b, type: component, inputs: [{from: a, share: 1}]}
      - {id: p, type: product, inputs: [{from: b, share: 0.5}]}
      - {id: q, type: product}
      - {id: s, type: service, inputs: [p]}
enterprises:
  - {id: f1, location: 中国/青岛, segments: [b]}
  - {id: g1, location: 中国/上海, segments: [q]}
)";

}  // namespace

TEST_CASE("v2 importance: value, dependence, plan and import on a hand-worked chain", "[engine][v2]") {
  const TestGraph t(kFactors, "t");
  // y on the products p, q: 1/2 each. phi = 0.6 (v2 default).
  // x_p = x_q = 0.5; x_b = 0.6 * 0.5 * 0.5 = 0.15; x_a = 0.6 * 1 * 0.15 = 0.09; x_s = 0.
  const GapReport r = find_gaps(t.graph(), Scope::parse("中国/青岛"));
  const SegmentGap& a = gap(r, "a");
  CHECK(a.output == Approx(0.09));
  CHECK(a.factors.value == Approx(0.18));     // 0.09 / 0.5
  CHECK(a.factors.dependence == Approx(0.5)); // p is downstream, q is not
  CHECK(a.factors.plan == 1.0);               // declared gap
  CHECK(a.factors.import == 1.0);             // nothing domestic, and a technology gap
  CHECK(a.importance == Approx(0.35 * 0.18 + 0.25 * 0.5 + 0.25 + 0.15));  // 0.588
  const SegmentGap& b = gap(r, "b");
  CHECK(b.factors.value == Approx(0.3));
  CHECK(b.factors.plan == 0.0);
  CHECK(b.factors.import == 0.0);             // f1 operates in 中国
  CHECK(b.importance == Approx(0.35 * 0.3 + 0.25 * 0.5));  // 0.23
  CHECK(b.status == SegmentStatus::single);
  CHECK(b.gap_score == Approx(0.6 * 0.23));
  CHECK(b.kind == GapKind::strengthen);
  const SegmentGap& q = gap(r, "q");
  CHECK(q.factors.plan == 0.5);               // g1 of the target list operates in q
  CHECK(q.factors.import == 0.0);             // g1 is in 中国
  CHECK(q.importance == Approx(0.35 + 0.25 * 0.5 + 0.25 * 0.5));  // 0.6
  const SegmentGap& p = gap(r, "p");
  CHECK(p.factors.import == 1.0);
  CHECK(p.importance == Approx(0.35 + 0.125 + 0.15));  // 0.625
  const SegmentGap& s = gap(r, "s");
  CHECK(s.type == SegmentType::service);
  CHECK(s.factors.import == 0.0);             // a service is never an import gap by itself
  CHECK(s.importance == 0.0);
  // Gap kinds: a fills (b is present downstream); p and q have nothing present downstream;
  // s is a service: all three extend.
  CHECK(a.kind == GapKind::fill);
  CHECK(p.kind == GapKind::extend);
  CHECK(q.kind == GapKind::extend);
  CHECK(s.kind == GapKind::extend);
  // Order: p 0.625, q 0.6, a 0.588, b 0.138, s 0.
  REQUIRE(r.segments.size() == 5);
  CHECK(r.segments[0].segment == "p");
  CHECK(r.segments[1].segment == "q");
  CHECK(r.segments[2].segment == "a");
  CHECK(r.segments[3].segment == "b");
  // SLSR over b, p, s weighted by x: (0.15*0 + 0.5*0.5 + 0*0) / 0.65.
  CHECK(*r.slsr == Approx(0.25 / 0.65));
}

TEST_CASE("v2 importance is the same at every scope, and weights are settable", "[engine][v2]") {
  const TestGraph t(kFactors, "t");
  const GapReport qd = find_gaps(t.graph(), Scope::parse("中国/青岛"));
  const GapReport sh = find_gaps(t.graph(), Scope::parse("中国/上海"));
  for (const SegmentGap& g : qd.segments) CHECK(gap(sh, g.segment).importance == Approx(g.importance));
  // Only the plan factor: importance is P.
  const GapReport plan = find_gaps(t.graph(), Scope::parse("中国/青岛"), ImportanceWeights{0, 0, 1, 0});
  CHECK(gap(plan, "a").importance == 1.0);
  CHECK(gap(plan, "q").importance == 0.5);
  CHECK(gap(plan, "b").importance == 0.0);
  CHECK(parse_importance("plan=2,value=0", ImportanceWeights{}).plan == 2);
  CHECK_THROWS_AS(parse_importance("value=0,dependence=0,plan=0,import=0", ImportanceWeights{}), std::invalid_argument);
  CHECK_THROWS_AS(parse_importance("worth=1", ImportanceWeights{}), std::invalid_argument);
}

TEST_CASE("v2 untyped fallback: an end segment, or one feeding only services, is a product", "[engine][v2]") {
  const TestGraph t(R"(
chains:
  - id: t
    segments:
      - {id: a}
      - {id: b, inputs: [a]}
      - {id: c, inputs: [b]}
      - {id: shop, type: service, inputs: [c]}
      - {id: d, inputs: [a]}
)", "t");
  const ChainGraph& g = t.graph();
  CHECK(g[*g.find_segment("a")].type == SegmentType::component);
  CHECK(g[*g.find_segment("b")].type == SegmentType::component);
  CHECK(g[*g.find_segment("c")].type == SegmentType::product);   // feeds only a service
  CHECK(g[*g.find_segment("d")].type == SegmentType::product);   // feeds nothing
  CHECK(g[*g.find_segment("shop")].type == SegmentType::service);
  // y on the two products, 1/2 each.
  CHECK(g[*g.find_segment("c")].y == Approx(0.5));
  CHECK(g[*g.find_segment("d")].y == Approx(0.5));
  CHECK(g[*g.find_segment("shop")].y == 0.0);
  CHECK_FALSE(g.demand_fallback());
}

TEST_CASE("v2 final demand: declared weights scale, a chain of services falls back", "[engine][v2]") {
  const TestGraph t(R"(
chains:
  - id: t
    segments:
      - {id: ev, type: product, final_demand: 3}
      - {id: bus, type: product}
      - {id: parts, type: component, inputs: [ev]}
  - id: u
    segments:
      - {id: m, type: material}
      - {id: svc, type: service, inputs: [m]}
      - {id: k, type: component, inputs: [m]}
)", "t");
  const ChainGraph& g = t.graph();
  CHECK(g[*g.find_segment("ev")].y == Approx(0.75));
  CHECK(g[*g.find_segment("bus")].y == Approx(0.25));
  const ChainGraph u = build_chain_graph(t.workspace(), "u");
  // No product and no declared demand: y equally on u's end segments that are not services.
  CHECK(u.demand_fallback());
  CHECK(u[*u.find_segment("k")].y == 1.0);
  CHECK(u[*u.find_segment("svc")].y == 0.0);
}

TEST_CASE("v2 kinds: a park never counts, an institute only in an rnd segment", "[engine][v2]") {
  const TestGraph t(R"(
chains:
  - id: t
    segments:
      - {id: lab, type: rnd}
      - {id: fab, type: component}
      - {id: tv, type: product, inputs: [fab, lab]}
enterprises:
  - {id: park1, kind: park, location: 中国/青岛, segments: [fab]}
  - {id: inst, kind: institute, location: 中国/青岛, segments: [fab, lab]}
  - {id: f1, kind: firm, location: 中国/青岛, segments: [fab]}
  - {id: p1, kind: project, location: 中国/青岛, segments: [tv]}
)", "t");
  const GapReport r = find_gaps(t.graph(), Scope::parse("中国/青岛"));
  const SegmentGap& fab = gap(r, "fab");
  CHECK(fab.status == SegmentStatus::single);  // f1 only; the park and the institute are carriers
  CHECK(fab.local_enterprises == std::vector<std::string_view>{"f1"});
  CHECK(fab.carriers == std::vector<std::string_view>{"inst", "park1"});
  const SegmentGap& lab = gap(r, "lab");
  CHECK(lab.status == SegmentStatus::single);  // the institute counts in rnd
  CHECK(lab.kind == GapKind::extend);          // rnd extends
  CHECK(gap(r, "tv").status == SegmentStatus::single);  // a project counts like a firm
}

TEST_CASE("v2 weak rule: a declared gap of any kind, naming a parent, weakens each leaf", "[engine][v2]") {
  const TestGraph t(R"(
chains:
  - id: t
    gaps: [{segment: trio, kind: local-supply}]
    segments:
      - {id: trio}
      - {id: bat, type: component, parent: trio}
      - {id: motor, type: component, parent: trio}
      - {id: car, type: product, inputs: [bat, motor]}
enterprises:
  - {id: f1, location: 中国/青岛, segments: [bat]}
  - {id: f2, location: 中国/青岛, segments: [bat]}
  - {id: f3, location: 中国/青岛, segments: [motor]}
)", "t");
  const GapReport r = find_gaps(t.graph(), Scope::parse("中国/青岛"));
  CHECK(gap(r, "bat").status == SegmentStatus::weak);   // two operating, and the plan names its parent
  CHECK(gap(r, "motor").status == SegmentStatus::single);
  CHECK(gap(r, "motor").weak_flag);
  CHECK(gap(r, "bat").factors.plan == 1.0);
  CHECK(gap(r, "car").factors.plan == 0.0);
  CHECK(gap(r, "bat").factors.import == 0.0);  // local-supply is not an import gap
}

TEST_CASE("v2 workspace model: a path through another chain counts for D and the gap kind", "[engine][v2]") {
  // steel (chain m) -> hull (chain ship) -> vessel (ship's product); the chain m has its own product bar.
  const TestGraph t(R"(
chains:
  - id: m
    segments:
      - {id: ore, type: material}
      - {id: steel, type: material, inputs: [ore]}
      - {id: bar, type: product, inputs: [steel]}
  - id: ship
    segments:
      - {id: hull, type: component, inputs: [{from: steel, share: 1}]}
      - {id: vessel, type: product, inputs: [{from: hull, share: 1}]}
enterprises:
  - {id: yard, location: 中国/青岛, segments: [vessel]}
)", "m");
  const GapReport r = find_gaps(t.graph(), Scope::parse("中国/青岛"));
  // In chain m, ore's only product is bar: D(ore) = 1. Steel's gap kind sees the present
  // vessel downstream through ship's hull, so it fills, though nothing of m is present.
  CHECK(gap(r, "ore").factors.dependence == Approx(1.0));
  CHECK(gap(r, "steel").kind == GapKind::fill);
  CHECK(gap(r, "bar").kind == GapKind::extend);
  // The ship chain's y_C is on vessel (1): x_hull = 0.6 * 1 * 1 = 0.6 and x_steel = 0.6 * 1 * 0.6
  // = 0.36 (steel joins ship's graph as hull's input; bar has no y_ship, so adds nothing).
  const ChainGraph ship = build_chain_graph(t.workspace(), "ship");
  const GapReport s = find_gaps(ship, Scope::parse("中国/青岛"));
  CHECK(gap(s, "steel").output == Approx(0.36));  // 0.6 * 1 * x_hull(0.6)
  CHECK(gap(s, "steel").factors.dependence == Approx(1.0));
  // The workspace view: y = (y_m + y_ship) / 2, so D(steel) = 1 and D(bar) = 0.5.
  const WorkspaceModel model(t.workspace());
  const GapReport w = find_workspace_gaps(model, Scope::parse("中国/青岛"), ImportanceWeights{});
  CHECK(w.chain.empty());
  CHECK(w.segments.size() == 5);
  CHECK(gap(w, "steel").factors.dependence == Approx(1.0));
  CHECK(gap(w, "bar").factors.dependence == Approx(0.5));
  CHECK(gap(w, "vessel").status == SegmentStatus::single);
}

using chainlens::test::kPairsChain;

TEST_CASE("v2 pair scores: fit, unknown strength, group followed to the top, listed, nearby", "[engine][v2]") {
  const TestGraph t(kPairsChain, "t");
  const Scope scope = Scope::parse("中国/山东/青岛/新区");
  const GapReport gaps = find_gaps(t.graph(), scope);
  // x_c = 1, x_a = x_b = 0.6 * 0.5 = 0.3; D = 1 everywhere; lister (target list) in a: P(a) = 0.5;
  // top operates in a and b in 中国: K = 0. a: 0.35*0.3 + 0.25 + 0.125 = 0.48 (missing),
  // b: 0.355 (missing), c: 0.35 + 0.25 = 0.6, single -> 0.36. So gap(a) = 1, gap(b) = 0.355/0.48.
  REQUIRE(gap(gaps, "a").gap_score == Approx(0.48));
  REQUIRE(gap(gaps, "b").gap_score == Approx(0.355));
  REQUIRE(gap(gaps, "c").gap_score == Approx(0.36));
  const ScoringModel m = prepare_scoring(t.graph(), gaps, ScoreWeights{});
  const TargetsReport r = rank_targets(m, workspace_candidates(t.graph(), scope));
  CHECK(r.nearby_excluded == 1);  // near, in 青岛/城阳: 市内转移
  // The park is not a candidate; sub operates in no segment of the chain and is on no list.
  REQUIRE(r.targets.size() == 2);
  const CandidateScore& top = r.targets[0];
  CHECK(top.id == "top");
  CHECK(top.group_link);                       // local-c -> sub -> top
  CHECK(top.factors.link == 1.0);
  CHECK(top.factors.strength == Approx(1.0));  // revenue = revenue_ref
  REQUIRE(top.pairs.size() == 2);
  // Best pair a: gap 1, fit 0.5 (its main business is b), strength 1, link 1, related 1 ({c} present).
  CHECK(top.segment == "a");
  CHECK(top.pairs[0].factors.fit == 0.5);
  CHECK(top.score == Approx(100 * (0.40 + 0.10 * 0.5 + 0.15 + 0.15 + 0.10)));  // 85
  CHECK(top.pairs[1].segment == "b");
  CHECK(top.pairs[1].factors.fit == 1.0);
  CHECK(top.pairs[1].score == Approx(100 * (0.40 * 0.355 / 0.48 + 0.10 + 0.15 + 0.15 + 0.10)));
  const CandidateScore& lister = r.targets[1];
  CHECK(lister.id == "lister");
  CHECK(lister.revenue_unknown);
  CHECK(lister.factors.strength == Approx(0.3));  // scoring.unknown_strength
  CHECK(lister.factors.listed == 1.0);
  CHECK_FALSE(lister.group_link);
  CHECK(lister.score == Approx(100 * (0.40 + 0.10 + 0.15 * 0.3 + 0 + 0.10 + 0.10)));  // 74.5
  // --include-nearby keeps near.
  const ScoringModel mn = prepare_scoring(t.graph(), gaps, ScoreWeights{}, true);
  const TargetsReport rn = rank_targets(mn, workspace_candidates(t.graph(), scope));
  CHECK(rn.nearby_excluded == 0);
  CHECK(rn.targets.size() == 3);
  // Every pair score lies in [0, 100] with the default weights.
  for (const CandidateScore& c : rn.targets)
    for (const PairScore& p : c.pairs) CHECK((p.score >= 0 && p.score <= 100));
}

TEST_CASE("v2 by-gap and portfolio: per pair, one firm and one segment per pick", "[engine][v2]") {
  const TestGraph t(kPairsChain, "t");
  const Scope scope = Scope::parse("中国/山东/青岛/新区");
  const GapReport gaps = find_gaps(t.graph(), scope);
  const ScoringModel m = prepare_scoring(t.graph(), gaps, ScoreWeights{});
  const std::vector<Candidate> pool = workspace_candidates(t.graph(), scope);
  const TargetsReport r = rank_targets(m, pool);
  const std::vector<RankedPair> ranked = ranked_pairs(r);
  // top/a 85, top/b 79.58, lister/a 74.5
  REQUIRE(ranked.size() == 3);
  CHECK(ranked[1].pair->segment == "b");
  const auto for_b = pairs_for_segment(ranked, "b", 5);
  REQUIRE(for_b.size() == 1);
  CHECK(for_b[0].pair->score == Approx(ranked[1].pair->score));  // top's fit to b, not its best score
  const auto for_a = pairs_for_segment(ranked, "a", 1);
  REQUIRE(for_a.size() == 1);
  CHECK(for_a[0].candidate->id == "top");
  // Portfolio: top takes a; top's b pair is skipped (one firm, one pick), and lister's a
  // pair too (a is closed). One pick only.
  const Portfolio p = pick_portfolio(t.graph(), m, r, pool, 3);
  REQUIRE(p.picked.size() == 1);
  CHECK(p.picked[0].id == "top");
  CHECK(p.picked[0].segment == "a");
  CHECK(p.closed == std::vector<std::string>{"a"});
  // c's inputs: a present after the pick, b not: SLSR_c 0 -> 0.5; the chain SLSR is c's.
  CHECK(*p.slsr_before == Approx(0.0));
  CHECK(*p.slsr_after == Approx(0.5));
}

TEST_CASE("v2 ties: equal pair scores break by candidate id, then segment id", "[engine][v2]") {
  const TestGraph t(R"(
chains:
  - id: t
    segments:
      - {id: a, type: component}
      - {id: b, type: component}
      - {id: c, type: product, inputs: [a, b]}
enterprises:
  - {id: zed, location: 中国/上海, segments: [a, b]}
  - {id: amy, location: 中国/上海, segments: [a, b]}
)", "t");
  const Scope scope = Scope::parse("中国/青岛");
  const GapReport gaps = find_gaps(t.graph(), scope);
  ScoreWeights w;
  w.fit = 0;  // so that a and b tie for each firm
  const TargetsReport r = rank_targets(prepare_scoring(t.graph(), gaps, w), workspace_candidates(t.graph(), scope));
  REQUIRE(r.targets.size() == 2);
  CHECK(r.targets[0].id == "amy");
  CHECK(r.targets[0].segment == "a");
  const auto ranked = ranked_pairs(r);
  CHECK(ranked[0].candidate->id == "amy");
  CHECK(ranked[1].candidate->id == "amy");
  CHECK(ranked[1].pair->segment == "b");
  CHECK(ranked[2].candidate->id == "zed");
}
