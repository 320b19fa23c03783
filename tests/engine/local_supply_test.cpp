// Enterprise local supply ratios, potential ratios and the matchmaking list, worked by hand
// (metrics.md "Local supply ratio").
#include <catch2/catch.hpp>

#include <cmath>

#include "engine/local_supply.hpp"
#include "tests/support/test_graph.hpp"

using namespace chainlens;
using chainlens::test::TestGraph;

namespace {

const char* kChain = R"(
chains: [{id: t, segments: [{id: a}, {id: b, inputs: [a]}]}]
enterprises:
  - id: e
    location: 中国/青岛
    segments: [b]
    declared: [{metric: local_supply_ratio, value: 0.45, bound: below, source: {note: test}}]
  - {id: f1, location: 中国/青岛, segments: [a]}
  - {id: f2, location: 中国/上海, segments: [a]}
  - {id: f3, location: 中国/上海, segments: [a]}
  - {id: g, location: 中国/青岛, segments: [a], status: building}
  - {id: h, location: 中国/青岛, segments: [b]}
supplies:
  - {from: f1, to: e, segment: a, value: 2}
  - {from: f2, to: e, segment: a, value: 6}
  - {from: f3, to: e, segment: a, value: 2, confidence: inferred}
  - {from: f2, to: h, segment: a}
)";

const EnterpriseSupply& row(const LocalSupplyReport& r, const std::string& id) {
  for (const EnterpriseSupply& x : r.enterprises)
    if (x.enterprise == id) return x;
  FAIL("no row for " << id);
  throw;
}

}  // namespace

TEST_CASE("local_supply: by value, by count, potential, matchmaking", "[engine][local_supply]") {
  const TestGraph t(kChain, "t");
  const LocalSupplyReport r = local_supply(t.graph(), Scope::parse("中国/青岛"));
  // Rows: local members e, f1, g, h (g is building but still a member), and no customer else.
  std::vector<std::string> ids;
  for (const EnterpriseSupply& x : r.enterprises) ids.push_back(x.enterprise);
  CHECK(ids == std::vector<std::string>{"e", "f1", "g", "h"});

  SECTION("e buys 2 locally of 10: 0.2 by value, 1/3 by count; f1 could replace both outsiders") {
    const EnterpriseSupply& e = row(r, "e");
    CHECK(e.relations == 3);
    CHECK(*e.by_value == Approx(0.2));
    CHECK(*e.by_count == Approx(1.0 / 3));
    CHECK(*e.potential_by_value == Approx(1.0));  // f1 operates locally in a; g only builds
    CHECK(*e.potential_by_count == Approx(1.0));
    CHECK(e.has_inferred);
    REQUIRE(e.declared.size() == 1);  // beside, never mixed in
    CHECK(e.declared[0].value == 0.45);
  }
  SECTION("no relations: no data, not 0") {
    CHECK_FALSE(row(r, "f1").by_count);
    CHECK_FALSE(row(r, "f1").by_value);
  }
  SECTION("a relation without a value: no ratio by value, 0 by count") {
    CHECK_FALSE(row(r, "h").by_value);
    CHECK(*row(r, "h").by_count == 0);
  }
  SECTION("the matchmaking list names the local alternative") {
    REQUIRE(r.matchmaking.size() == 3);
    CHECK(r.matchmaking[0].customer == "e");
    CHECK(r.matchmaking[0].supplier == "f2");
    CHECK(r.matchmaking[0].local_alternatives == ShownIds{"f1"});
    CHECK(r.matchmaking[1].supplier == "f3");
    CHECK(r.matchmaking[1].inferred);
    CHECK(r.matchmaking[2].customer == "h");
  }
}

TEST_CASE("local_supply: verified only leaves inferred relations out", "[engine][local_supply]") {
  const TestGraph t(kChain, "t");
  const LocalSupplyReport r = local_supply(t.graph(), Scope::parse("中国/青岛"), {true});
  const EnterpriseSupply& e = row(r, "e");
  CHECK(e.relations == 2);
  CHECK(*e.by_value == Approx(0.25));  // 2 of 8
  CHECK(*e.by_count == Approx(0.5));
  CHECK_FALSE(e.has_inferred);
  CHECK(r.matchmaking.size() == 2);
}

TEST_CASE("local_supply: in a wider scope every supplier is local", "[engine][local_supply]") {
  const TestGraph t(kChain, "t");
  const LocalSupplyReport r = local_supply(t.graph(), Scope::parse("中国"));
  CHECK(*row(r, "e").by_value == Approx(1.0));
  CHECK(r.matchmaking.empty());
}

TEST_CASE("local_supply: a row cap keeps the first rows in report order and counts the rest (issue 16)",
          "[engine][local_supply][row_caps]") {
  const TestGraph t(kChain, "t");
  LocalSupplyOptions o;
  o.max_rows = 2;
  const LocalSupplyReport r = local_supply(t.graph(), Scope::parse("中国/青岛"), o);
  // By hand: rows e, f1, g, h -> the first 2; matchmaking (e,f2), (e,f3), (h,f2) -> the first 2.
  std::vector<std::string> ids;
  for (const EnterpriseSupply& x : r.enterprises) ids.push_back(x.enterprise);
  CHECK(ids == std::vector<std::string>{"e", "f1"});
  CHECK(r.enterprises_total == 4);
  REQUIRE(r.matchmaking.size() == 2);
  CHECK(r.matchmaking[0].supplier == "f2");
  CHECK(r.matchmaking[1].supplier == "f3");
  CHECK(r.matchmaking_total == 3);
  // Kept rows are the same as without a cap.
  CHECK(*r.enterprises[0].by_value == Approx(0.2));
  const LocalSupplyReport all = local_supply(t.graph(), Scope::parse("中国/青岛"));
  CHECK(all.enterprises_total == 4);
  CHECK(all.matchmaking_total == 3);
}

TEST_CASE("local_supply: past the row cap the matchmaking rows are only counted", "[engine][local_supply][row_caps]") {
  const TestGraph t(kChain, "t");
  LocalSupplyOptions o;
  o.max_rows = 1;
  const LocalSupplyReport r = local_supply(t.graph(), Scope::parse("中国/青岛"), o);
  // By hand: e's row is built with its two matchmaking rows (f2, f3), then the cap is reached
  // for both tables; h's relation from f2 (f1 operates locally in a) is counted, not built.
  REQUIRE(r.enterprises.size() == 1);
  CHECK(r.enterprises[0].enterprise == "e");
  CHECK(r.enterprises_total == 4);
  REQUIRE(r.matchmaking.size() == 1);
  CHECK(r.matchmaking[0].supplier == "f2");
  CHECK(r.matchmaking_total == 3);
}

TEST_CASE("local_supply: a customer's relations are summed in file order", "[engine][local_supply]") {
  // s3 and s2 join the network (as suppliers of o1, o2) before s1, so by vertex they come
  // first; c's relations are, in the file, 2^53 from s1, then 1 from s2 (local), then 1 from s3.
  // In file order 2^53 + 1 rounds back to 2^53 (ties to even) twice: the total is 2^53 and
  // by value is 1 / 2^53 exactly. Summed by vertex, 1 + 1 + 2^53 = 2^53 + 2 would give another
  // double.
  const TestGraph t(R"(
chains: [{id: t, segments: [{id: a}, {id: b, inputs: [a]}]}]
enterprises:
  - {id: c, location: 中国/青岛, segments: [b]}
  - {id: o1, location: 中国/青岛, segments: [b]}
  - {id: o2, location: 中国/青岛, segments: [b]}
  - {id: s1, location: 中国/上海, segments: [a]}
  - {id: s2, location: 中国/青岛, segments: [a]}
  - {id: s3, location: 中国/上海, segments: [a]}
supplies:
  - {from: s3, to: o1, segment: a, value: 1}
  - {from: s2, to: o2, segment: a, value: 1}
  - {from: s1, to: c, segment: a, value: 9007199254740992}
  - {from: s2, to: c, segment: a, value: 1}
  - {from: s3, to: c, segment: a, value: 1}
)",
                    "t");
  const LocalSupplyReport r = local_supply(t.graph(), Scope::parse("中国/青岛"));
  const EnterpriseSupply& c = row(r, "c");
  CHECK(c.relations == 3);
  CHECK(c.local_relations == 1);
  REQUIRE(c.by_value);
  CHECK(*c.by_value == std::ldexp(1.0, -53));
}

TEST_CASE("local_supply: past the row cap a customer that is its segment's only local firm has no alternative",
          "[engine][local_supply][row_caps]") {
  // c0 comes first by id and fills the cap of 1; f1 is the only local operating firm in a,
  // so f1's own purchase from f2 has no local alternative, x1's has (f1).
  const std::string base = R"(
chains: [{id: t, segments: [{id: a}, {id: b, inputs: [a]}]}]
enterprises:
  - {id: c0, location: 中国/青岛, segments: [b]}
  - {id: f1, location: 中国/青岛, segments: [a]}
  - {id: f2, location: 中国/上海, segments: [a]}
  - {id: x1, location: 中国/青岛, segments: [b]}
supplies:
  - {from: f2, to: c0, segment: a}
  - {from: f2, to: f1, segment: a}
  - {from: f2, to: x1, segment: a}
)";
  LocalSupplyOptions capped;
  capped.max_rows = 1;
  const Scope qd = Scope::parse("中国/青岛");
  {
    const TestGraph t(base, "t");
    const LocalSupplyReport r = local_supply(t.graph(), qd, capped);
    REQUIRE(r.matchmaking.size() == 1);
    CHECK(r.matchmaking[0].customer == "c0");
    CHECK(r.matchmaking_total == 2);  // c0 and x1, not f1
    CHECK(local_supply(t.graph(), qd).matchmaking_total == 2);
  }
  {
    // A second local firm in a (f3) is an alternative for f1 too.
    std::string more = base;
    more.insert(more.find("supplies:"), "  - {id: f3, location: 中国/青岛, segments: [a]}\n");
    const TestGraph t(more, "t");
    CHECK(local_supply(t.graph(), qd, capped).matchmaking_total == 3);
    CHECK(local_supply(t.graph(), qd).matchmaking_total == 3);
  }
}
