// `chainlens render` as a user runs it: svg to standard output, png to a file (atomically),
// the same bytes twice, png refused on standard output; page sizes, legends, names not ids.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
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

TEST_CASE("render: --size fits the drawing to a 16:9, 4:3 or A4 page", "[cli][render]") {
  const auto wide = run_chainlens("render examples/minimal --chain bike --format dot");
  REQUIRE(wide.exit_code == 0);
  CHECK(wide.out.find("size=\"13.333,7.500!\"") != std::string::npos);  // 16:9 by default
  CHECK(run_chainlens("render examples/minimal --chain bike --format dot --size 4:3").out.find("size=\"10.000,7.500!\"") !=
        std::string::npos);
  CHECK(run_chainlens("render examples/minimal --chain bike --format dot --size A4").out.find("size=\"11.690,8.270!\"") !=
        std::string::npos);
  CHECK(run_chainlens("render examples/minimal --chain bike --format dot --size 3:2").exit_code == 2);
  // The English diagram's legend says Legend, and only that.
  const auto en = run_chainlens("render examples/minimal --chain bike --format dot --lang en");
  CHECK(en.out.find("<B>Legend</B>") != std::string::npos);
  CHECK(en.out.find("图例") == std::string::npos);
  CHECK(en.out.find("Chokepoint (heavy border)") != std::string::npos);
}

TEST_CASE("render: bundled chains show names (来自 芯屏 链), stages in order, an empty supply network as a note", "[cli][render]") {
  const auto dot = run_chainlens("render chains/xihaian --chain auto --format dot");
  REQUIRE(dot.exit_code == 0);
  CHECK(dot.out.find("来自 芯屏 链") != std::string::npos);
  CHECK(dot.out.find("来自 xinping 链") == std::string::npos);
  // No id (chain.segment or a firm id) in any label a reader sees: labels are HTML-like <...>.
  const std::regex label("label=<([^\\n]*)>");
  const std::regex id("\\b(auto|xinping|chem|ship)\\.[a-z0-9-]+");
  for (auto it = std::sregex_iterator(dot.out.begin(), dot.out.end(), label); it != std::sregex_iterator(); ++it) {
    const std::string text = (*it)[1];
    INFO(text);
    CHECK_FALSE(std::regex_search(text, id));
  }
  // 汽车 has no supply relation recorded: one note, exit 0, and the reason on stderr.
  const auto supply = run_chainlens("render chains/xihaian --chain auto --view supply --format svg");
  REQUIRE(supply.exit_code == 0);
  CHECK(supply.out.find("没有记录供应关系") != std::string::npos);
  CHECK(supply.err.find("nothing to draw") != std::string::npos);
  // The targets grid: several gap columns.
  const auto targets = run_chainlens("render chains/xihaian --chain auto --view targets --format dot");
  REQUIRE(targets.exit_code == 0);
  CHECK(targets.out.find("cluster_gap0") != std::string::npos);
  CHECK(targets.out.find("cluster_gap3") != std::string::npos);
}
