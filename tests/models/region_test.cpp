// RegionPath: parsing, the "local to a scope" prefix rule, multi-scope prefixes.
#include <catch2/catch.hpp>

#include "models/region.hpp"

using chainlens::RegionPath;

TEST_CASE("RegionPath::parse: trims parts and drops empty ones", "[models][region]") {
  CHECK(RegionPath::parse(" 中国 / 山东//青岛/ ").parts == std::vector<std::string>{"中国", "山东", "青岛"});
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
