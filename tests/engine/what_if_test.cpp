// What-if: adding a candidate closes a missing segment, removing the only firm opens one;
// figures before and after are those of the analyses run on each side.
#include <catch2/catch.hpp>

#include "engine/what_if.hpp"
#include "tests/support/test_graph.hpp"

using namespace chainlens;
using chainlens::test::TestGraph;

namespace {

const char* kChain = R"(
chains: [{id: t, segments: [{id: a}, {id: b, inputs: [a]}, {id: c, inputs: [b]}]}]
enterprises:
  - {id: f1, location: 中国/青岛, segments: [b]}
  - {id: g1, location: 中国/上海, segments: [a, c]}
)";

SegmentStatus status(const GapReport& r, const std::string& id) {
  for (const SegmentGap& g : r.segments)
    if (g.segment == id) return g.status;
  FAIL("no segment " << id);
  return SegmentStatus::missing;
}

}  // namespace

TEST_CASE("what_if: adding g1 makes a and c single, SLSR goes from 2/3 to 1", "[engine][what_if]") {
  const TestGraph t(kChain, "t");
  const WhatIfReport r = what_if(t.graph(), Scope::parse("中国/青岛"), {{WhatIfChange::Kind::add, "g1"}});
  CHECK(status(r.before.gaps, "a") == SegmentStatus::missing);
  CHECK(status(r.after.gaps, "a") == SegmentStatus::single);
  CHECK(status(r.after.gaps, "c") == SegmentStatus::single);
  CHECK(r.changed_segments == std::vector<std::string>{"a", "c"});
  CHECK(*r.before.gaps.slsr == Approx(2.0 / 3));  // (0.5 * 0 + 1 * 1) / 1.5
  CHECK(*r.after.gaps.slsr == Approx(1.0));
}

TEST_CASE("what_if: removing the only local firm opens its segment", "[engine][what_if]") {
  const TestGraph t(kChain, "t");
  const WhatIfReport r = what_if(t.graph(), Scope::parse("中国/青岛"), {{WhatIfChange::Kind::remove, "f1"}});
  CHECK(status(r.before.gaps, "b") == SegmentStatus::single);
  CHECK(status(r.after.gaps, "b") == SegmentStatus::missing);
  CHECK(r.after.gaps.empty_scope);
  CHECK(*r.after.gaps.slsr == Approx(0.0));
  CHECK_THROWS_WITH(what_if(t.graph(), Scope::parse("中国/青岛"), {{WhatIfChange::Kind::remove, "nobody"}}),
                    "no enterprise 'nobody' in the workspace");
}
