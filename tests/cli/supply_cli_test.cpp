// `chainlens supply` on examples/minimal: bikeworks buys 3 from local packco and 1 from
// motorco in 上海: 0.75 by value, 0.5 by count; no local motor maker, so no matchmaking.
#include <catch2/catch.hpp>

#include "tests/support/run_cli.hpp"

using chainlens::test::read_source_file;
using chainlens::test::run_chainlens;

TEST_CASE("supply: golden JSON for examples/minimal, every format runs", "[cli][supply]") {
  const auto r = run_chainlens("supply examples/minimal --chain bike --format json");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == read_source_file("tests/data/golden/minimal-supply.json"));
  for (const char* f : {"table", "csv", "md"})
    CHECK(run_chainlens(std::string("supply examples/minimal --chain bike --verified-only --lang en --format ") + f)
              .exit_code == 0);
  // In 中国 every supplier is local.
  CHECK(run_chainlens("supply examples/minimal --chain bike --scope 中国 --format json").out.find("\"lsr_value\": 1.0") !=
        std::string::npos);
}
