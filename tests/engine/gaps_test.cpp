// find_gaps, SLSR and the multi-scope report on hand-worked chains (metrics.md v2 "Importance
// of a segment", gap kinds, "Structural LSR", "Regions and scope"), the style guide's example first.
#include <catch2/catch.hpp>

#include "engine/chain_graph.hpp"
#include "engine/gaps.hpp"
#include "engine/multi_scope.hpp"
#include "engine/structural_supply.hpp"
#include "tests/support/test_graph.hpp"

using namespace chainlens;
using chainlens::test::TestGraph;

namespace {

const SegmentGap& gap(const GapReport& r, const std::string& id) { return test::gap_row(r, id); }

const char* kLine = R"(
chains: [{id: t, segments: [{id: a}, {id: b, inputs: [a]}, {id: c, inputs: [b]}]}]
enterprises: [{id: f1, location: 中国/青岛, segments: [b]}]
)";

}  // namespace

TEST_CASE("find_gaps: chain a -> b -> c with one local firm in b", "[engine][gaps]") {
  const TestGraph t(kLine, "t");
  const ChainGraph& graph = t.graph();
  // Untyped: a, b components, c the product: y_C = (0, 0, 1); phi 0.6, s = 1:
  // x = (0.36, 0.6, 1), V = x / 1. D = 1 everywhere (c is downstream of all). P = 0 (no
  // declared gap, no target list). K: only b has an operating enterprise in 中国 (f1):
  // K = (1, 0, 1). importance = 0.35 V + 0.25 D + 0.25 P + 0.15 K:
  //   a 0.35 * 0.36 + 0.25 + 0.15 = 0.526, b 0.35 * 0.6 + 0.25 = 0.46, c 0.35 + 0.25 + 0.15 = 0.75.
  SECTION("in 中国/青岛: c extends, a fills, b strengthens") {
    const GapReport r = find_gaps(graph, Scope::parse("中国/青岛"));
    REQUIRE(r.segments.size() == 3);
    // gap scores: c missing 1.0 * 0.75, a missing 1.0 * 0.526, b single 0.6 * 0.46 = 0.276.
    CHECK(r.segments[0].segment == "c");
    CHECK(r.segments[0].gap_score == Approx(0.75));
    CHECK(r.segments[1].segment == "a");
    CHECK(r.segments[1].gap_score == Approx(0.526));
    CHECK(r.segments[1].kind == GapKind::fill);      // a: present b lies downstream
    CHECK(r.segments[2].segment == "b");
    CHECK(r.segments[2].gap_score == Approx(0.276));
    CHECK(r.segments[2].kind == GapKind::strengthen);
    CHECK(r.slsr == Approx(0.625));                  // (0.6 * 0 + 1 * 1) / (0.6 + 1)
  }
  SECTION("in 中国/上海: nothing is present, so every gap extends") {
    for (const SegmentGap& g : find_gaps(graph, Scope::parse("中国/上海")).segments)
      CHECK(g.kind == GapKind::extend);
  }
}

TEST_CASE("find_gaps: every field of the a -> b -> c report in 中国/青岛", "[engine][gaps]") {
  const TestGraph t(kLine, "t");
  const GapReport r = find_gaps(t.graph(), Scope::parse("中国/青岛"));
  CHECK(r.chain == "t");
  CHECK(r.scope.str() == "中国/青岛");
  CHECK_FALSE(r.empty_scope);
  CHECK_FALSE(r.demand_fallback);  // c is a product (untyped rule), so y_C needs no fallback
  CHECK(r.weights.value == 0.35);  // the workspace's (default) importance weights
  const SegmentGap& c = gap(r, "c");
  CHECK(c.chain == "t");
  CHECK(c.type == SegmentType::product);
  CHECK(c.status == SegmentStatus::missing);
  CHECK(c.kind == GapKind::extend);  // nothing downstream of the terminal
  CHECK(c.output == Approx(1.0));
  CHECK(c.factors.value == Approx(1.0));
  CHECK(c.factors.dependence == Approx(1.0));
  CHECK(c.factors.plan == 0.0);
  CHECK(c.factors.import == 1.0);  // no operating enterprise of c in 中国
  CHECK(c.importance == Approx(0.75));
  CHECK(c.reach == 0);
  CHECK(c.slsr == Approx(1.0));  // its one input, b, is present
  const SegmentGap& b = gap(r, "b");
  CHECK(b.type == SegmentType::component);
  CHECK(b.kind == GapKind::strengthen);
  CHECK(b.severity == 0.6);
  CHECK(b.output == Approx(0.6));
  CHECK(b.factors.import == 0.0);  // f1 operates in b in 中国/青岛
  CHECK(b.importance == Approx(0.46));
  CHECK(b.local_enterprises == std::vector<std::string_view>{"f1"});
  CHECK(b.slsr == Approx(0.0));
  CHECK_FALSE(b.declared);
  const SegmentGap& a = gap(r, "a");
  CHECK(a.output == Approx(0.36));
  CHECK(a.gap_score == Approx(0.526));
  CHECK(a.reach == 2);
  CHECK_FALSE(a.slsr.has_value());  // no inputs
}

TEST_CASE("find_gaps: cross-chain input, a weak link declared by the other chain", "[engine][gaps]") {
  const TestGraph t(R"(
chains:
  - id: steel
    segments:
      - {id: steel.ore}
      - {id: steel.plate, inputs: [steel.ore], input_intensity: 0.3}
    gaps: [{segment: steel.plate, kind: weak}]
  - id: ship
    segments:
      - {id: ship.hull, inputs: [steel.plate]}
      - {id: ship.engine}
      - {id: ship.vessel, inputs: [{from: ship.hull, share: 0.5}, ship.engine]}
enterprises:
  - {id: yard, location: 中国/青岛, segments: [ship.vessel, ship.hull]}
  - {id: mill1, location: 中国/青岛, segments: [steel.plate]}
  - {id: mill2, location: 中国/青岛, segments: [steel.plate]}
  - {id: enginer, location: 中国/上海, segments: [ship.engine]}
)",
                    "ship");
  // Untyped: vessel is ship's one product (no outgoing edge); hull, engine, plate components.
  // y_C = (vessel 1); phi 0.6: x_vessel 1, x_hull 0.6 * 0.5 * 1 = 0.3, x_engine 0.3,
  // x_plate 0.6 * 1 * 0.3 = 0.18 (the plate's own phi 0.3 only prices its input steel.ore).
  // D = 1 for all four (vessel downstream of each). K = 0 for all: each has an operating
  // enterprise in 中国 (yard, enginer, mill1/2), and `weak` is no import kind.
  // P: the steel chain's declared gap names steel.plate: P = 1; the others 0.
  // importance: vessel 0.35 + 0.25 = 0.6, hull = engine 0.35 * 0.3 + 0.25 = 0.355,
  //             plate 0.35 * 0.18 + 0.25 + 0.25 = 0.563.
  const GapReport r = find_gaps(t.graph(), Scope::parse("中国/青岛"));
  REQUIRE(r.segments.size() == 4);
  std::vector<std::string> order;
  for (const SegmentGap& g : r.segments) order.push_back(g.segment);
  // gap scores: vessel single 0.6 * 0.6 = 0.36, engine missing 1.0 * 0.355 = 0.355,
  // plate weak 0.5 * 0.563 = 0.2815, hull single 0.6 * 0.355 = 0.213: the declared gap
  // lifts the plate above the hull (v1 ranked it last).
  CHECK(order == std::vector<std::string>{"ship.vessel", "ship.engine", "steel.plate", "ship.hull"});
  CHECK(gap(r, "ship.vessel").gap_score == Approx(0.36));
  CHECK(gap(r, "ship.engine").gap_score == Approx(0.355));
  CHECK(gap(r, "ship.engine").kind == GapKind::fill);
  CHECK(gap(r, "ship.hull").gap_score == Approx(0.213));
  CHECK(gap(r, "steel.plate").output == Approx(0.18));
  CHECK(gap(r, "steel.plate").factors.plan == 1.0);
  CHECK(gap(r, "steel.plate").factors.import == 0.0);
  CHECK(gap(r, "steel.plate").declared);
  CHECK_FALSE(gap(r, "steel.plate").declared_import);
  CHECK(gap(r, "steel.plate").chain == "steel");
  CHECK(gap(r, "steel.plate").status == SegmentStatus::weak);
  CHECK(gap(r, "steel.plate").importance == Approx(0.563));
  CHECK(gap(r, "steel.plate").gap_score == Approx(0.2815));
  CHECK(gap(r, "steel.plate").kind == GapKind::strengthen);
  CHECK(gap(r, "steel.plate").reach == 2);
  CHECK(gap(r, "steel.plate").local_enterprises == std::vector<std::string_view>{"mill1", "mill2"});
  CHECK_FALSE(gap(r, "steel.plate").slsr.has_value());
  CHECK(gap(r, "ship.vessel").slsr == Approx(0.5));  // hull present (0.5), engine missing
  // chain SLSR over hull (plate present: 1) and vessel (0.5), by x: (0.3 * 1 + 1 * 0.5) / 1.3
  CHECK(r.slsr == Approx(0.8 / 1.3));
  CHECK_FALSE(r.demand_fallback);
}

TEST_CASE("find_gaps: an empty scope makes every segment missing, importance unchanged", "[engine][gaps]") {
  const TestGraph t(kLine, "t");
  const GapReport r = find_gaps(t.graph(), Scope::parse("中国/北京"));
  CHECK(r.empty_scope);
  CHECK_FALSE(r.demand_fallback);  // y_C is the chain's, whatever the scope
  for (const SegmentGap& g : r.segments) CHECK(g.status == SegmentStatus::missing);
  // Importance is the same at every scope (f1 in 青岛 is under the root 中国 too, so K(b) = 0):
  // b 0.35 * 0.6 + 0.25 = 0.46, missing -> 0.46; a 0.526 -> 0.526.
  CHECK(gap(r, "b").importance == Approx(0.46));
  CHECK(gap(r, "b").gap_score == Approx(0.46));
  CHECK(gap(r, "a").gap_score == Approx(0.526));
  CHECK(gap(r, "a").kind == GapKind::extend);  // nothing present downstream in 北京
  CHECK(r.slsr == Approx(0.0));  // inputs exist, none present: 0, not null
}

TEST_CASE("find_gaps: ties in gap score break by id, a chain without inputs has no SLSR", "[engine][gaps]") {
  const TestGraph t(R"(
chains: [{id: t, segments: [{id: z}, {id: m}, {id: a, final_demand: 2}]}]
enterprises: [{id: f, location: 中国/青岛, segments: [a]}]
)",
                    "t");
  const GapReport r = find_gaps(t.graph(), Scope::parse("中国/青岛"));
  // No edges: all three are untyped end segments, so products. y_C: z 1, m 1, a 2 (declared),
  // scaled by 1/4: (0.25, 0.25, 0.5) and x = y. V = x / 0.5 = (0.5, 0.5, 1); D = own y;
  // P = 0; K: a has f in 中国 (0), z and m nobody (1).
  //   z = m: 0.35 * 0.5 + 0.25 * 0.25 + 0.15 = 0.3875, missing -> 0.3875 each (a tie);
  //   a: 0.35 + 0.25 * 0.5 = 0.475, single -> 0.6 * 0.475 = 0.285.
  REQUIRE(r.segments.size() == 3);
  CHECK(r.segments[0].segment == "m");
  CHECK(r.segments[0].gap_score == Approx(0.3875));
  CHECK(r.segments[1].segment == "z");
  CHECK(r.segments[1].gap_score == r.segments[0].gap_score);
  CHECK(r.segments[2].segment == "a");
  CHECK(r.segments[2].gap_score == Approx(0.285));
  CHECK_FALSE(r.slsr.has_value());
}

TEST_CASE("gap_kind: covered has none, planned fills or extends like missing", "[engine][gaps]") {
  CHECK_FALSE(gap_kind(SegmentStatus::covered, SegmentType::component, true).has_value());
  CHECK(gap_kind(SegmentStatus::planned, SegmentType::component, true) == GapKind::fill);
  CHECK(gap_kind(SegmentStatus::planned, SegmentType::component, false) == GapKind::extend);
  CHECK(gap_kind(SegmentStatus::weak, SegmentType::component, false) == GapKind::strengthen);
  CHECK(gap_kind(SegmentStatus::single, SegmentType::component, true) == GapKind::strengthen);
  // v2: a service or rnd segment extends whatever its status, unless covered.
  CHECK(gap_kind(SegmentStatus::missing, SegmentType::service, true) == GapKind::extend);
  CHECK(gap_kind(SegmentStatus::single, SegmentType::rnd, true) == GapKind::extend);
  CHECK_FALSE(gap_kind(SegmentStatus::covered, SegmentType::service, true).has_value());
}

TEST_CASE("structural_supply: SLSR and leakage where demand is declared", "[engine][structural_supply]") {
  const TestGraph t(R"(
chains: [{id: t, segments: [{id: a}, {id: b, inputs: [a]}, {id: c, inputs: [b]}]}]
enterprises: [{id: f1, location: 中国/青岛, segments: [b]}]
demand:
  - {segment: a, value: 3}
  - {segment: b, value: 8}
  - {segment: c, value: 5}
)",
                    "t");
  const StructuralSupply s = structural_supply(t.graph(), Scope::parse("中国/青岛"));
  REQUIRE(s.segments.size() == 3);
  CHECK(s.segments[0].demand == Approx(3));
  CHECK_FALSE(s.segments[0].leakage.has_value());  // a has no inputs: SLSR undefined
  CHECK(s.segments[1].leakage == Approx(8.0));      // 8 * (1 - 0)
  CHECK(s.segments[2].leakage == Approx(0.0));      // 5 * (1 - 1)
  // x_C = (0.36, 0.6, 1) (demand rows are local demand, not final demand y_C):
  // (0.6 * 0 + 1 * 1) / (0.6 + 1) = 0.625.
  CHECK(s.chain == Approx(0.625));
}

TEST_CASE("find_gaps_all_scopes: narrowest first, missing in 中国 is import-dependent", "[engine][gaps][multi_scope]") {
  const TestGraph t(R"(
chains:
  - id: m
    scope: 中国/山东/青岛/西海岸新区
    segments: [{id: m.a}, {id: m.b, inputs: [m.a]}, {id: m.c, inputs: [m.b]}]
enterprises:
  - {id: x, location: 中国/山东/青岛/西海岸新区, segments: [m.c]}
  - {id: y, location: 中国/山东/青岛/城阳, segments: [m.b]}
  - {id: z, location: 日本/东京, segments: [m.a]}
)",
                    "m");
  const MultiScopeReport r = find_gaps_all_scopes(t.graph(), t.graph().default_scope());
  CHECK(r.chain == "m");
  REQUIRE(r.scopes.size() == 4);
  CHECK(r.scopes[0].scope.str() == "中国/山东/青岛/西海岸新区");
  CHECK(r.scopes[1].scope.str() == "中国/山东/青岛");
  CHECK(r.scopes[3].scope.str() == "中国");
  CHECK(gap(r.scopes[0], "m.b").status == SegmentStatus::missing);
  CHECK(gap(r.scopes[0], "m.b").kind == GapKind::fill);
  CHECK(gap(r.scopes[1], "m.b").status == SegmentStatus::single);
  // K (v2): m.a's only enterprise is in 日本: an import gap at every scope; m.b has
  // the firm `y` in 中国 (青岛/城阳): K = 0.
  CHECK(gap(r.scopes[0], "m.a").factors.import == 1.0);
  CHECK(gap(r.scopes[0], "m.b").factors.import == 0.0);
  CHECK(r.import_dependent == std::vector<std::string>{"m.a"});
  for (const GapReport& s : r.scopes) {
    CHECK(gap(s, "m.a").import_dependent);
    CHECK_FALSE(gap(s, "m.b").import_dependent);
  }
  // In 中国: m.b's input m.a missing (0), m.c's input m.b present (1); x = (0.36, 0.6, 1):
  // (0.6 * 0 + 1 * 1) / 1.6 = 0.625.
  CHECK(r.scopes[3].slsr == Approx(0.625));
  SECTION("the empty path means everywhere: one report, nothing import-dependent") {
    const MultiScopeReport all = find_gaps_all_scopes(t.graph(), Scope{});
    REQUIRE(all.scopes.size() == 1);
    CHECK(all.import_dependent.empty());
    CHECK(gap(all.scopes[0], "m.a").status == SegmentStatus::single);
  }
}
