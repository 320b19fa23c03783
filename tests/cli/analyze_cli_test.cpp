// `chainlens analyze`: row caps per table (issue 16). Small workspaces print what they printed
// before caps existed; a cap says which tables lost rows and how many, in the --lang.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "tests/support/run_cli.hpp"

using chainlens::test::run_chainlens;

TEST_CASE("analyze: under the default cap the output is the full output, without a row_caps section",
          "[cli][analyze][row_caps]") {
  const auto capped = run_chainlens("analyze examples/minimal --chain bike --lang en");
  const auto all = run_chainlens("analyze examples/minimal --chain bike --lang en --all-rows");
  REQUIRE(capped.exit_code == 0);
  REQUIRE(all.exit_code == 0);
  CHECK(capped.out == all.out);
  CHECK(capped.out.find("row_caps") == std::string::npos);
}

TEST_CASE("analyze: --max-rows caps each table and says how many rows were left out", "[cli][analyze][row_caps]") {
  const auto r = run_chainlens("analyze examples/minimal --chain bike --lang en --max-rows 1");
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  // By hand (examples/minimal, bike): articulation firms packco and bikeworks (2), single
  // sources of bikeworks (battery, motor) and packco (cell) (3), supply rows bikeworks and
  // packco (2), targets 2, no matchmaking and no unmatched firm: 1 + 2 + 1 + 1 = 5 left out.
  CHECK(j["chokepoints"]["enterprises"].size() == 1);
  CHECK(j["chokepoints"]["single_sources"].size() == 1);
  CHECK(j["supply"]["enterprises"].size() == 1);
  CHECK(j["targets"]["targets"].size() == 1);
  const auto& caps = j["row_caps"];
  CHECK(caps["max_rows"] == 1);
  CHECK(caps["rows_left_out"] == 5);
  REQUIRE(caps["tables"].size() == 4);
  CHECK(caps["tables"][0]["table"] == "chokepoints.enterprises");
  CHECK(caps["tables"][0]["total"] == 2);
  CHECK(caps["tables"][1]["table"] == "chokepoints.single_sources");
  CHECK(caps["tables"][1]["total"] == 3);
  CHECK(caps["tables"][2]["table"] == "supply.enterprises");
  CHECK(caps["tables"][3]["table"] == "targets.targets");
  CHECK(caps["note"] == "Each table lists at most 1 rows; 5 rows were left out (--all-rows lists every row).");
  // Chinese by default.
  const auto zh = nlohmann::json::parse(run_chainlens("analyze examples/minimal --chain bike --max-rows 1").out);
  CHECK(zh["row_caps"]["note"] == "每张表最多列出 1 行, 共有 5 行未列出 (加 --all-rows 列出全部)。");
}
