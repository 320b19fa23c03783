// What-if: adding a candidate closes a missing segment, removing the only firm opens one;
// figures before and after are those of the analyses run on each side (metrics.md v2).
#include <catch2/catch.hpp>

#include "engine/what_if.hpp"
#include "tests/support/test_graph.hpp"

using namespace chainlens;
using chainlens::test::TestGraph;

namespace {

// a -> b -> c, untyped: a and b feed a non-service, so components; c feeds nothing, so the
// product. y_C = (0, 0, 1); phi = 0.6 (v2 default), every share 1:
// x_c = 1, x_b = 0.6 * 1 * 1 = 0.6, x_a = 0.6 * 1 * 0.6 = 0.36.
const char* kChain = R"(
chains: [{id: t, segments: [{id: a}, {id: b, inputs: [a]}, {id: c, inputs: [b]}]}]
enterprises:
  - {id: f1, location: 中国/青岛, segments: [b]}
  - {id: g1, location: 中国/上海, segments: [a, c]}
)";

const SegmentGap& gap(const GapReport& r, const std::string& id) { return test::gap_row(r, id); }

SegmentStatus status(const GapReport& r, const std::string& id) { return gap(r, id).status; }

}  // namespace

TEST_CASE("what_if: adding g1 makes a and c single, SLSR goes from 0.625 to 1", "[engine][what_if]") {
  const TestGraph t(kChain, "t");
  const WhatIfReport r = what_if(t.graph(), Scope::parse("中国/青岛"), {{WhatIfChange::Kind::add, "g1"}});
  CHECK(status(r.before.gaps, "a") == SegmentStatus::missing);
  CHECK(status(r.after.gaps, "a") == SegmentStatus::single);
  CHECK(status(r.after.gaps, "c") == SegmentStatus::single);
  // Importance is scope-free and g1 was already operating in 中国 (K = 0 before and after):
  // a: V 0.36, D 1, P 0, K 0 -> 0.35 * 0.36 + 0.25 = 0.376; c: V 1, D 1 -> 0.35 + 0.25 = 0.6.
  // a: missing 1.0 * 0.376 -> single 0.6 * 0.376 = 0.2256; c: 0.6 -> 0.6 * 0.6 = 0.36.
  CHECK(gap(r.before.gaps, "a").gap_score == Approx(0.376));
  CHECK(gap(r.after.gaps, "a").gap_score == Approx(0.2256));
  CHECK(gap(r.before.gaps, "c").gap_score == Approx(0.6));
  CHECK(gap(r.after.gaps, "c").gap_score == Approx(0.36));
  // b stays single with the same importance (0.35 * 0.6 + 0.25 = 0.46): not changed.
  CHECK(gap(r.after.gaps, "b").gap_score == Approx(0.6 * 0.46));
  CHECK(r.changed_segments == std::vector<std::string>{"a", "c"});
  // SLSR: b's input a absent (0), c's input b present (1), weighted by x:
  // (0.6 * 0 + 1 * 1) / (0.6 + 1) = 0.625; after, a is present too: (0.6 + 1) / 1.6 = 1.
  CHECK(*r.before.gaps.slsr == Approx(0.625));
  CHECK(*r.after.gaps.slsr == Approx(1.0));
}

TEST_CASE("what_if: removing the only local firm opens its segment", "[engine][what_if]") {
  const TestGraph t(kChain, "t");
  const WhatIfReport r = what_if(t.graph(), Scope::parse("中国/青岛"), {{WhatIfChange::Kind::remove, "f1"}});
  CHECK(status(r.before.gaps, "b") == SegmentStatus::single);
  CHECK(status(r.after.gaps, "b") == SegmentStatus::missing);
  CHECK(r.after.gaps.empty_scope);
  CHECK(*r.after.gaps.slsr == Approx(0.0));
  // v2 import factor: f1 was b's only operating enterprise in 中国, so closing it makes b an
  // import gap: K 0 -> 1. Importance 0.35 * 0.6 + 0.25 = 0.46 -> 0.46 + 0.15 = 0.61;
  // gap score single 0.6 * 0.46 = 0.276 -> missing 1.0 * 0.61 = 0.61.
  CHECK(gap(r.before.gaps, "b").factors.import == 0.0);
  CHECK(gap(r.after.gaps, "b").factors.import == 1.0);
  CHECK(gap(r.before.gaps, "b").gap_score == Approx(0.276));
  CHECK(gap(r.after.gaps, "b").gap_score == Approx(0.61));
  CHECK_THROWS_WITH(what_if(t.graph(), Scope::parse("中国/青岛"), {{WhatIfChange::Kind::remove, "nobody"}}),
                    "no enterprise 'nobody' in the workspace");
}

TEST_CASE("what_if: the after report names its local firms once the changed copy is gone", "[engine][what_if][report_names]") {
  const TestGraph t(R"(
chains: [{id: t, segments: [{id: a}, {id: b, inputs: [a]}]}]
enterprises:
  - {id: f1, name: 本地一厂, location: 中国/青岛, segments: [b]}
  - {id: g1, name: 外地集团, location: 中国/上海, segments: [a]}
  - {id: g2, location: 中国/上海, segments: [a]}
)", "t");
  const WhatIfReport r = what_if(t.graph(), Scope::parse("中国/青岛"),
                                 {{WhatIfChange::Kind::add, "g1"}, {WhatIfChange::Kind::add, "g2"}});
  CHECK(gap(r.after.gaps, "a").local_enterprises == std::vector<std::string_view>{"g1", "g2"});
  // Named on demand from the workspace the copy was made of: a name, else the id.
  CHECK(r.after.gaps.names.firm("g1") == "外地集团");
  CHECK(r.after.gaps.names.firm("g2") == "g2");
  CHECK(r.before.gaps.names.firm("f1") == "本地一厂");
  CHECK(r.after.gaps.names.firm("nobody").empty());
}

TEST_CASE("what_if: rows after the change view the edited copy, which the report keeps", "[engine][what_if]") {
  // x buys b from the non-local y; f1 is a local operating maker of b: a matchmaking row
  // (x, b, y) with f1 the alternative, before and after adding g1. The rows view the ids
  // of the copy what_if edits (ASan catches a view outliving it).
  const TestGraph t(R"(
chains: [{id: t, segments: [{id: a}, {id: b, inputs: [a]}, {id: c, inputs: [b]}]}]
enterprises:
  - {id: f1, location: 中国/青岛, segments: [b]}
  - {id: g1, location: 中国/上海, segments: [a, c]}
  - {id: x, location: 中国/青岛, segments: [c]}
  - {id: y, location: 中国/上海, segments: [b]}
supplies:
  - {from: y, to: x, segment: b}
)",
                    "t");
  WhatIfReport r = what_if(t.graph(), Scope::parse("中国/青岛"), {{WhatIfChange::Kind::add, "g1"}});
  const WhatIfReport kept = std::move(r);
  REQUIRE(kept.after.supply.matchmaking.size() == 1);
  const Matchmaking& m = kept.after.supply.matchmaking[0];
  CHECK(std::string(m.customer) + ">" + std::string(m.supplier) + ":" + std::string(m.segment) == "x>y:b");
  CHECK(m.local_alternatives == ShownIds{"f1"});
  CHECK(kept.after.supply.names.firm(m.supplier) == "y");
}
