// `chainlens targets` on examples/minimal against golden JSON checked by hand (metrics v2):
// gap scores cell 0.5756 (the top), motor 0.334 (see gaps_cli_test). cellco/cell: gap 1, fit 1,
// strength ln 81 / ln 10001 = 0.4771, link 1 (supplies packco), related 1 (battery present),
// listed 1: 100 * (0.40 + 0.10 + 0.15 * 0.4771 + 0.15 + 0.10 + 0.10) = 92.16.
// motorco/motor: gap 0.334 / 0.5756 = 0.5803, fit 1, strength unknown 0.3, link 1 (supplies
// bikeworks), related 1 (assembly present): 100 * (0.40 * 0.5803 + 0.10 + 0.045 + 0.15 + 0.10) = 62.71.
// Portfolio: cellco -> cell, then motorco -> motor; SLSR 0.6 / 1.36 = 0.4412 -> 1.
#include <catch2/catch.hpp>

#include <cmath>

#include <nlohmann/json.hpp>

#include "tests/support/run_cli.hpp"

using chainlens::test::read_source_file;
using chainlens::test::run_chainlens;

TEST_CASE("targets: golden JSON with the portfolio for examples/minimal", "[cli][targets]") {
  const auto r = run_chainlens("targets examples/minimal --chain bike --portfolio 2 --format json");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == read_source_file("tests/data/golden/minimal-targets.json"));
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["targets"][0]["id"] == "cellco");
  CHECK(j["targets"][0]["score"].get<double>() ==
        Approx(100 * (0.40 + 0.10 + 0.15 * std::log(81.0) / std::log(10001.0) + 0.15 + 0.10 + 0.10)).margin(0.01));
  CHECK(j["targets"][1]["score"].get<double>() ==
        Approx(100 * (0.40 * 0.334 / 0.5756 + 0.10 + 0.15 * 0.3 + 0.15 + 0.10)).margin(0.01));
  CHECK(j["portfolio"]["closed"] == nlohmann::json::array({"bike.cell", "bike.motor"}));
  CHECK(j["portfolio"]["slsr_after"].get<double>() == 1.0);
}

TEST_CASE("targets: every format runs, weights are printed, bad weights exit 2", "[cli][targets]") {
  for (const char* f : {"table", "csv", "md"})
    CHECK(run_chainlens(std::string("targets examples/minimal --chain bike --format ") + f).exit_code == 0);
  const auto en = run_chainlens("targets examples/minimal --chain bike --lang en --weights listed=0");
  CHECK(en.out.find("weights: gap=0.4 fit=0.1 strength=0.15 link=0.15 related=0.1 listed=0 ") != std::string::npos);
  CHECK(en.out.find("上海示例电芯") != std::string::npos);  // cellco, by name: no id in a table
  CHECK(en.out.find("cellco") == std::string::npos);
  const auto bad = run_chainlens("targets examples/minimal --chain bike --weights gap=-1");
  CHECK(bad.exit_code == 2);  // a bad option value is a usage error (issue 18)
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

TEST_CASE("targets --include-nearby: firms elsewhere in 青岛 are counted and left out by default", "[cli][targets]") {
  const auto r = run_chainlens("targets chains/xihaian --chain auto --format json");
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  const std::size_t excluded = j["nearby_excluded"].get<std::size_t>();
  CHECK(excluded > 0);
  const auto all = nlohmann::json::parse(run_chainlens("targets chains/xihaian --chain auto --format json --include-nearby").out);
  CHECK(all["nearby_excluded"].get<std::size_t>() == 0);
  CHECK(all["targets"].size() + all["unmatched"].size() == j["targets"].size() + j["unmatched"].size() + excluded);
  const auto table = run_chainlens("targets chains/xihaian --chain auto");
  CHECK(table.out.find("未列入; 用 --include-nearby 显示") != std::string::npos);
}

TEST_CASE("targets --by-gap: pairs scored for each gap, 增资扩产 marked", "[cli][targets]") {
  const auto r = run_chainlens("targets chains/xihaian --chain auto --by-gap 3 --format json");
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  bool saw_group = false;
  bool extend_seen = false;
  for (const auto& g : j["gaps"]) {
    // 补链/强链 rows come before every 延链 row.
    if (g["kind"] == "extend") extend_seen = true;
    else CHECK_FALSE(extend_seen);
    CHECK(g["candidates"].size() <= 3);
    double last = 101;
    for (const auto& c : g["candidates"]) {
      CHECK(c["score"].get<double>() <= last);  // ranked by the pair's score for this gap
      last = c["score"].get<double>();
      saw_group = saw_group || c["group_link"].get<bool>();
    }
  }
  CHECK(saw_group);
}
