// `chainlens targets` on examples/minimal against golden JSON checked by hand:
// x = (assembly 1, battery 0.3, motor 0.2, cell 0.15); cellco = 100 * (0.45 * 0.15 +
// 0.15 * ln 81 / ln 10001 + 0.15 + 0.15 + 0.10) = 53.91; motorco = 100 * (0.45 * 0.2 + 0.15 + 0.15) = 39;
// portfolio: motorco (0.2) then cellco (0.15); SLSR 0.6 / 1.3 = 0.4615 -> 1.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "tests/support/run_cli.hpp"

using chainlens::test::read_source_file;
using chainlens::test::run_chainlens;

TEST_CASE("targets: golden JSON with the portfolio for examples/minimal", "[cli][targets]") {
  const auto r = run_chainlens("targets examples/minimal --chain bike --portfolio 2 --format json");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == read_source_file("tests/data/golden/minimal-targets.json"));
}

TEST_CASE("targets: every format runs, weights are printed, bad weights exit 3", "[cli][targets]") {
  for (const char* f : {"table", "csv", "md"})
    CHECK(run_chainlens(std::string("targets examples/minimal --chain bike --format ") + f).exit_code == 0);
  const auto en = run_chainlens("targets examples/minimal --chain bike --lang en --weights listed=0");
  CHECK(en.out.find("weights: gap=0.45 strength=0.15 link=0.15 related=0.15 listed=0 ") != std::string::npos);
  CHECK(en.out.find("cellco") != std::string::npos);
  const auto bad = run_chainlens("targets examples/minimal --chain bike --weights gap=-1");
  CHECK(bad.exit_code == 3);
  CHECK(bad.err.find("weight gap must be a number >= 0, got '-1'") != std::string::npos);
  CHECK(run_chainlens("targets examples/minimal --chain nope").exit_code == 3);
}

TEST_CASE("targets --candidates: a bulk pool joins the ranking, rows outside the chain are unmatched",
          "[cli][targets]") {
  const auto r = run_chainlens("targets examples/minimal --chain bike --candidates tests/data/bulk/bike-pool.csv --format json");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("\"id\": \"pool-motor\"") != std::string::npos);
  CHECK(r.out.find("\"unmatched\": [\n    \"pool-other\"\n  ]") != std::string::npos);
}

TEST_CASE("targets --by-gap: each gap segment with its best candidates, 名录 firms starred", "[cli][targets]") {
  const auto r = run_chainlens("targets chains/xihaian --chain auto --by-gap 3 --format json --lang en");
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["gaps"].size() > 10);
  bool battery = false, listed = false;
  for (const auto& g : j["gaps"]) {
    CHECK(g["status"] != "covered");
    CHECK(g["candidates"].size() <= 3);
    for (const auto& c : g["candidates"]) listed |= c["on_target_list"].get<bool>();
    // 动力电池 is a declared gap (三电 supplied from outside): the pool names battery makers for it.
    if (g["segment"] == "auto.battery") battery = g["candidates"].size() == 3;
  }
  CHECK(battery);
  CHECK(listed);  // the 名录 OEMs appear beside the pool firms
  const auto text = run_chainlens("targets chains/xihaian --chain auto --by-gap 2");
  CHECK(text.out.find("★") != std::string::npos);
}
