// `chainlens analyze`: row caps per table (issue 16). Small workspaces print what they printed
// before caps existed; a cap says which tables lost rows and how many, in the --lang.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <fstream>
#include <iterator>

#include "tests/support/run_cli.hpp"
#include "tests/support/xlsx_inspect.hpp"

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

TEST_CASE("analyze: the streamed file is the standard output, its sections the single commands' JSON",
          "[cli][analyze][stream]") {
  // bench/peer/cases/edge has matchmaking rows, single sources and declared ratios: every
  // streamed row kind (issue 16: long tables go to the file a block at a time).
  chainlens::test::TempDir dir;
  const std::string file = (dir.path / "all.json").string();
  const std::string args = "analyze bench/peer/cases/edge --chain 化工 --all-rows";
  const auto out = run_chainlens(args);
  REQUIRE(out.exit_code == 0);
  REQUIRE(run_chainlens(args + " -o " + file).exit_code == 0);
  std::ifstream in(file, std::ios::binary);
  const std::string written((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(written == out.out);
  const auto j = nlohmann::ordered_json::parse(out.out);
  REQUIRE(j["supply"]["matchmaking"].size() == 6);
  REQUIRE(j["chokepoints"]["single_sources"].size() == 3);
  // Each section is the single command's JSON byte for byte (its trailing newline aside);
  // chokepoints there carry no local status (the command adds it for its scope).
  auto chokepoints = nlohmann::ordered_json::parse(run_chainlens("chokepoints bench/peer/cases/edge --chain 化工 --format json").out);
  chokepoints.erase("scope");
  chokepoints.erase("segment_status");
  CHECK(j["chokepoints"] == chokepoints);
  for (const std::string command : {"gaps", "supply", "targets"}) {
    const auto r = run_chainlens(command + " bench/peer/cases/edge --chain 化工 --format json");
    REQUIRE(r.exit_code == 0);
    REQUIRE(r.out.size() > 2);
    INFO(command);
    CHECK(out.out.find("\"" + command + "\": " + r.out.substr(0, r.out.size() - 1)) != std::string::npos);
  }
}
