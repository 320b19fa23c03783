// RegionPath: parsing, the "local to a scope" prefix rule, multi-scope prefixes.
#include <catch2/catch.hpp>

#include "models/region.hpp"

using chainlens::RegionPath;

TEST_CASE("RegionPath::parse: trims parts and drops empty ones", "[models][region]") {
  CHECK(RegionPath::parse(" 中国 / 山东//青岛/ ").parts() == std::vector<std::string>{"中国", "山东", "青岛"});
  CHECK(RegionPath::parse("").empty());
  CHECK(RegionPath::parse("中国/山东/青岛").str() == "中国/山东/青岛");
}

TEST_CASE("RegionPath::within: whole components, never a string prefix", "[models][region]") {
  const RegionPath qd = RegionPath::parse("中国/山东/青岛");
  CHECK(RegionPath::parse("中国/山东/青岛/西海岸新区").within(qd));
  CHECK(qd.within(qd));
  CHECK_FALSE(RegionPath::parse("中国/山东").within(qd));
  CHECK_FALSE(RegionPath::parse("中国/山东/青岛市").within(qd));  // a longer name is another region
  CHECK(qd.within(RegionPath{}));                                  // the empty scope holds everything
}

TEST_CASE("RegionPath::prefixes_narrow_first: from the scope down to the country", "[models][region]") {
  const auto p = RegionPath::parse("中国/山东/青岛/西海岸新区").prefixes_narrow_first();
  REQUIRE(p.size() == 4);
  CHECK(p[0].str() == "中国/山东/青岛/西海岸新区");
  CHECK(p[3].str() == "中国");
}

TEST_CASE("RegionPath: copies share their parts, prefix and child make new paths, equality is by value", "[models][region]") {
  const RegionPath qd = RegionPath::parse("中国/山东/青岛");
  const RegionPath copy = qd;  // NOLINT(performance-unnecessary-copy-initialization): the point
  CHECK(&copy.parts() == &qd.parts());
  // Built separately: another list, the same path.
  const RegionPath again = RegionPath::parse("中国 / 山东 / 青岛");
  CHECK(&again.parts() != &qd.parts());
  CHECK(again == qd);
  CHECK_FALSE(again < qd);
  CHECK(RegionPath::parse("中国/山东") < qd);
  CHECK(qd.prefix(1).str() == "中国");
  CHECK(qd.prefix(2) == RegionPath::parse("中国/山东"));
  CHECK(qd.prefix(9) == qd);
  CHECK(qd.prefix(0).empty());
  CHECK(qd.child("西海岸新区").str() == "中国/山东/青岛/西海岸新区");
  CHECK(qd.str() == "中国/山东/青岛");  // child made a new path
  CHECK(RegionPath().child("中国") == RegionPath::parse("中国"));
  CHECK(RegionPath() == RegionPath::parse(" / "));
}

TEST_CASE("RegionPool: equal paths come back sharing one list, others apart", "[models][region]") {
  chainlens::RegionPool pool;
  const RegionPath a = pool.intern({"中国", "山东", "青岛"});
  const RegionPath b = pool.intern(RegionPath::parse("中国/山东/青岛").parts());
  const RegionPath c = pool.intern({"中国", "山东"});
  CHECK(&a.parts() == &b.parts());
  CHECK(&a.parts() != &c.parts());
  CHECK(a.str() == "中国/山东/青岛");
  CHECK(c.str() == "中国/山东");
  CHECK(pool.intern({}).empty());
}
