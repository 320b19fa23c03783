// find_gaps, SLSR and the multi-scope report on hand-worked chains (metrics.md "Importance
// of a segment", "Structural LSR", "Regions and scope"), the style guide's example first.
#include <catch2/catch.hpp>

#include "engine/chain_graph.hpp"
#include "engine/gaps.hpp"
#include "engine/multi_scope.hpp"
#include "engine/structural_supply.hpp"
#include "tests/support/test_graph.hpp"

using namespace chainlens;
using chainlens::test::TestGraph;

namespace {

const SegmentGap& gap(const GapReport& r, const std::string& id) {
  for (const SegmentGap& g : r.segments)
    if (g.segment == id) return g;
  throw std::logic_error("no segment " + id);
}

const char* kLine = R"(
chains: [{id: t, segments: [{id: a}, {id: b, inputs: [a]}, {id: c, inputs: [b]}]}]
enterprises: [{id: f1, location: 中国/青岛, segments: [b]}]
)";

}  // namespace

TEST_CASE("find_gaps: chain a -> b -> c with one local firm in b", "[engine][gaps]") {
  const TestGraph t(kLine, "t");
  const ChainGraph& graph = t.graph();
  // phi = 0.5, s = 1, y = (0, 0, 1) -> x = (0.25, 0.5, 1) = importance
  SECTION("in 中国/青岛: c extends, b strengthens, a fills") {
    const GapReport r = find_gaps(graph, Scope::parse("中国/青岛"));
    REQUIRE(r.segments.size() == 3);
    CHECK(r.segments[0].segment == "c");            // missing: 1.0 * 1.0
    CHECK(r.segments[1].gap_score == Approx(0.3));  // b single: 0.6 * 0.5
    CHECK(r.segments[2].kind == GapKind::fill);     // a: present b lies downstream
    CHECK(r.slsr == Approx(2.0 / 3));               // (0.5 * 0 + 1 * 1) / 1.5
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
  CHECK(r.demand_fallback);  // b is present but has y = 0, so y^R = y
  const SegmentGap& c = gap(r, "c");
  CHECK(c.status == SegmentStatus::missing);
  CHECK(c.kind == GapKind::extend);  // nothing downstream of the terminal
  CHECK(c.importance == Approx(1.0));
  CHECK(c.reach == 0);
  CHECK(c.slsr == Approx(1.0));  // its one input, b, is present
  const SegmentGap& b = gap(r, "b");
  CHECK(b.kind == GapKind::strengthen);
  CHECK(b.severity == 0.6);
  CHECK(b.local_enterprises == std::vector<std::string>{"f1"});
  CHECK(b.slsr == Approx(0.0));
  const SegmentGap& a = gap(r, "a");
  CHECK(a.gap_score == Approx(0.25));
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
  // y^R = (vessel 1); x: vessel 1, hull 0.5 * 0.5 = 0.25, engine 0.25, plate 0.5 * 1 * 0.25 = 0.125
  // (the plate's own phi 0.3 plays no part: its input steel.ore stays in the steel chain).
  const GapReport r = find_gaps(t.graph(), Scope::parse("中国/青岛"));
  REQUIRE(r.segments.size() == 4);
  std::vector<std::string> order;
  for (const SegmentGap& g : r.segments) order.push_back(g.segment);
  // gap scores 0.6 * 1, 1 * 0.25, 0.6 * 0.25, 0.5 * 0.125
  CHECK(order == std::vector<std::string>{"ship.vessel", "ship.engine", "ship.hull", "steel.plate"});
  CHECK(gap(r, "ship.engine").gap_score == Approx(0.25));
  CHECK(gap(r, "ship.engine").kind == GapKind::fill);
  CHECK(gap(r, "ship.hull").gap_score == Approx(0.15));
  CHECK(gap(r, "steel.plate").status == SegmentStatus::weak);
  CHECK(gap(r, "steel.plate").gap_score == Approx(0.0625));
  CHECK(gap(r, "steel.plate").kind == GapKind::strengthen);
  CHECK(gap(r, "steel.plate").reach == 2);
  CHECK(gap(r, "steel.plate").local_enterprises == std::vector<std::string>{"mill1", "mill2"});
  CHECK_FALSE(gap(r, "steel.plate").slsr.has_value());
  CHECK(gap(r, "ship.vessel").slsr == Approx(0.5));  // hull present (0.5), engine missing
  CHECK(r.slsr == Approx(0.6));                      // (0.25 * 1 + 1 * 0.5) / 1.25
  CHECK_FALSE(r.demand_fallback);
}

TEST_CASE("find_gaps: an empty scope makes every segment missing and uses y", "[engine][gaps]") {
  const TestGraph t(kLine, "t");
  const GapReport r = find_gaps(t.graph(), Scope::parse("中国/北京"));
  CHECK(r.empty_scope);
  CHECK(r.demand_fallback);
  for (const SegmentGap& g : r.segments) CHECK(g.status == SegmentStatus::missing);
  CHECK(gap(r, "b").importance == Approx(0.5));  // y^R = y: x = (0.25, 0.5, 1)
  CHECK(gap(r, "a").gap_score == Approx(0.25));
  CHECK(r.slsr == Approx(0.0));  // inputs exist, none present: 0, not null
}

TEST_CASE("find_gaps: ties in gap score break by id, a chain without inputs has no SLSR", "[engine][gaps]") {
  const TestGraph t(R"(
chains: [{id: t, segments: [{id: z}, {id: m}, {id: a, final_demand: 2}]}]
enterprises: [{id: f, location: 中国/青岛, segments: [a]}]
)",
                    "t");
  const GapReport r = find_gaps(t.graph(), Scope::parse("中国/青岛"));
  // y^R = (0, 0, 2): x = y^R, so z and m have importance 0 and tie at 0.
  REQUIRE(r.segments.size() == 3);
  CHECK(r.segments[0].segment == "a");
  CHECK(r.segments[0].gap_score == Approx(0.6));
  CHECK(r.segments[1].segment == "m");
  CHECK(r.segments[2].segment == "z");
  CHECK(r.segments[2].gap_score == 0);
  CHECK_FALSE(r.slsr.has_value());
}

TEST_CASE("gap_kind: covered has none, planned fills or extends like missing", "[engine][gaps]") {
  CHECK_FALSE(gap_kind(SegmentStatus::covered, true).has_value());
  CHECK(gap_kind(SegmentStatus::planned, true) == GapKind::fill);
  CHECK(gap_kind(SegmentStatus::planned, false) == GapKind::extend);
  CHECK(gap_kind(SegmentStatus::weak, false) == GapKind::strengthen);
  CHECK(gap_kind(SegmentStatus::single, true) == GapKind::strengthen);
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
  CHECK(s.chain == Approx(2.0 / 3));
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
  CHECK(r.import_dependent == std::vector<std::string>{"m.a"});
  for (const GapReport& s : r.scopes) {
    CHECK(gap(s, "m.a").import_dependent);
    CHECK_FALSE(gap(s, "m.b").import_dependent);
  }
  CHECK(r.scopes[3].slsr == Approx(2.0 / 3));
  SECTION("the empty path means everywhere: one report, nothing import-dependent") {
    const MultiScopeReport all = find_gaps_all_scopes(t.graph(), Scope{});
    REQUIRE(all.scopes.size() == 1);
    CHECK(all.import_dependent.empty());
    CHECK(gap(all.scopes[0], "m.a").status == SegmentStatus::single);
  }
}
