// `chainlens chokepoints` on examples/minimal: the supply path cellco - packco - bikeworks -
// motorco makes packco and bikeworks articulation points; each buyer has one supplier per
// input segment; cell and motor are both sources, so no segment dominates the assembly.
#include <catch2/catch.hpp>

#include "tests/support/run_cli.hpp"

using chainlens::test::read_source_file;
using chainlens::test::run_chainlens;

TEST_CASE("chokepoints: golden JSON for examples/minimal, every format runs", "[cli][chokepoints]") {
  const auto r = run_chainlens("chokepoints examples/minimal --chain bike --format json");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == read_source_file("tests/data/golden/minimal-chokepoints.json"));
  for (const char* f : {"table", "csv", "md"})
    CHECK(run_chainlens(std::string("chokepoints examples/minimal --chain bike --lang en --format ") + f).exit_code == 0);
}
