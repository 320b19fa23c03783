// `chainlens whatif` on examples/minimal: bringing motorco into 青岛 makes bike.motor single
// (gap 0.6 * 0.334 = 0.2004, importance unchanged) and the chain SLSR (0.36 * 0 + 1 * 1) / 1.36 = 0.7353.
#include <catch2/catch.hpp>

#include "tests/support/run_cli.hpp"

using chainlens::test::read_source_file;
using chainlens::test::run_chainlens;

TEST_CASE("whatif: golden JSON, unknown ids and missing changes are refused", "[cli][whatif]") {
  const auto r = run_chainlens("whatif examples/minimal --chain bike --add motorco --format json");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == read_source_file("tests/data/golden/minimal-whatif.json"));
  for (const char* f : {"table", "csv", "md"})
    CHECK(run_chainlens(std::string("whatif examples/minimal --chain bike --remove packco --lang en --format ") + f)
              .exit_code == 0);
  const auto bad = run_chainlens("whatif examples/minimal --chain bike --add motorc");
  CHECK(bad.exit_code == 3);
  CHECK(bad.err.find("no enterprise 'motorc' in the workspace (did you mean '上海示例电机' (motorco)?)") != std::string::npos);
  CHECK(run_chainlens("whatif examples/minimal --chain bike").exit_code == 2);
}
