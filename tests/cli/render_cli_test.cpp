// `chainlens render` as a user runs it: svg to standard output, png to a file (atomically),
// the same bytes twice, png refused on standard output.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/support/run_cli.hpp"

using chainlens::test::run_chainlens;

TEST_CASE("render: chain view as svg and png, deterministic, binary needs -o", "[cli][render]") {
  const auto svg = run_chainlens("render examples/minimal --chain bike --format svg");
  REQUIRE(svg.exit_code == 0);
  CHECK(svg.out.find("电动自行车") != std::string::npos);
  CHECK(svg.out.find("</svg>") != std::string::npos);
  CHECK(run_chainlens("render examples/minimal --chain bike --format svg").out == svg.out);
  const auto en = run_chainlens("render examples/minimal --chain bike --format dot --lang en");
  CHECK(en.out.find("E-bike chain map") != std::string::npos);

  const std::string png = (std::filesystem::temp_directory_path() / "chainlens-bike.png").string();
  REQUIRE(run_chainlens("render examples/minimal --chain bike --format png -o " + png).exit_code == 0);
  std::ifstream in(png, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  CHECK(bytes.str().substr(1, 3) == "PNG");
  std::filesystem::remove(png);
  const auto refused = run_chainlens("render examples/minimal --chain bike --format png");
  CHECK(refused.exit_code == 3);
  CHECK(refused.err.find("png is binary: give a file with -o") != std::string::npos);
}

TEST_CASE("render: targets, supply and scopes views from the command line", "[cli][render]") {
  const auto targets = run_chainlens("render examples/minimal --chain bike --view targets --format dot --date 2026-01-02");
  REQUIRE(targets.exit_code == 0);
  CHECK(targets.out.find("招商图谱") != std::string::npos);
  CHECK(targets.out.find("2026-01-02") != std::string::npos);
  CHECK(targets.out.find("cand:") != std::string::npos);
  const auto supply = run_chainlens("render examples/minimal --chain bike --view supply --format svg --lang en");
  REQUIRE(supply.exit_code == 0);
  CHECK(supply.out.find("supply network") != std::string::npos);
  const auto scopes = run_chainlens("render examples/minimal --chain bike --view scopes --format dot");
  REQUIRE(scopes.exit_code == 0);
  CHECK(scopes.out.find("多级范围对比") != std::string::npos);
  CHECK(run_chainlens("render examples/minimal --chain bike --view scopes --format dot").out == scopes.out);
  CHECK(run_chainlens("render examples/minimal --chain bike --view nosuch --format dot").exit_code == 2);
}
