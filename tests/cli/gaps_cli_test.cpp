// `chainlens gaps` on examples/minimal: golden JSON checked by hand, every format, errors.
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "tests/support/run_cli.hpp"

using chainlens::test::read_source_file;
using chainlens::test::run_chainlens;

TEST_CASE("gaps: minimal example JSON matches the hand-checked golden file", "[cli][gaps]") {
  // bike in 中国/山东/青岛, metrics v2: y on the product assembly = 1, phi 0.6:
  // x = (assembly 1, battery 0.6 * 0.6 = 0.36, motor 0.6 * 0.4 = 0.24, cell 0.6 * 0.36 = 0.216);
  // V = x; D = 1 for all (all feed the one product); P(cell) = 1 (declared gap), else 0; K = 0
  // (every segment has an operating firm in 中国). importance = 0.35 V + 0.25 D + 0.25 P:
  // assembly 0.6, battery 0.376, motor 0.334, cell 0.5756. Assembly and battery single (0.6),
  // motor and cell missing: gap scores 0.36, 0.2256, 0.334, 0.5756;
  // SLSR = (1 * 0.6 + 0.36 * 0) / 1.36 = 0.4412.
  const auto r = run_chainlens("gaps examples/minimal --chain bike --format json");
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(r.out == read_source_file("tests/data/golden/minimal-gaps.json"));
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["slsr"].get<double>() == Approx(0.6 / 1.36).margin(1e-4));
  const auto& top = j["segments"][0];
  CHECK(top["id"] == "bike.cell");
  CHECK(top["importance"].get<double>() == Approx(0.35 * 0.216 + 0.25 + 0.25).margin(1e-4));
  CHECK(top["factors"]["plan"].get<double>() == 1.0);
  CHECK(top["type"] == "material");
  CHECK(j["segments"][1]["id"] == "bike.assembly");
  CHECK(j["segments"][1]["gap_score"].get<double>() == Approx(0.6 * 0.6).margin(1e-4));
}

TEST_CASE("gaps: table, md, csv and all-scopes runs succeed", "[cli][gaps]") {
  for (const char* args : {"--format table", "--format md", "--format csv", "--format table --lang en",
                           "--all-scopes", "--all-scopes --format json", "--scope 上海 --format csv"}) {
    INFO(args);
    const auto r = run_chainlens(std::string("gaps examples/minimal --chain bike ") + args);
    CHECK(r.exit_code == 0);
    CHECK_FALSE(r.out.empty());
  }
  const auto table = run_chainlens("gaps examples/minimal --chain bike");
  CHECK(table.out.rfind("电动自行车 产业链缺口 · 范围 中国/山东/青岛 · 结构性本地配套率 SLSR 44.1%\n", 0) == 0);
  const auto md = run_chainlens("gaps examples/minimal --chain bike --format md --lang en");
  // motor: V 0.24, D 1, P 0, K 0 -> 0.35 * 0.24 + 0.25 = 0.334.
  CHECK(md.out.find("| 电机 | missing | 1.0000 | 0.3340 | 0.3340 | fill | 0.2400 | 1.0000 | 0.0000 | 0.0000 "
                    "| 1 | - | every product depends on it · value 0.24 |  |") != std::string::npos);
}

TEST_CASE("gaps: an empty scope says so in the first line", "[cli][gaps]") {
  // 日本 is a declared region of the fixture where no firm of the chain is (an unknown region
  // is an error: tests/cli/daily_use_cli_test.cpp).
  const auto r = run_chainlens("gaps tests/data/names-and-scopes --chain bike --scope 日本 --lang en");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.substr(0, r.out.find('\n')) ==
        "Empty scope: no enterprise of this chain is local to 日本; every segment is missing.");
}

TEST_CASE("gaps: -o writes the file, an unknown chain is an input error", "[cli][gaps]") {
  const auto path = std::filesystem::temp_directory_path() / "chainlens-gaps-test.csv";
  std::filesystem::remove(path);
  const auto r = run_chainlens("gaps examples/minimal --chain bike --format csv -o " + path.string());
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.empty());
  std::ifstream in(path);
  std::stringstream content;
  content << in.rdbuf();
  CHECK(content.str() == run_chainlens("gaps examples/minimal --chain bike --format csv").out);
  std::filesystem::remove(path);
  const auto bad = run_chainlens("gaps examples/minimal --chain bik");
  CHECK(bad.exit_code == 3);
  CHECK(bad.err.find("no chain 'bik' in the workspace") != std::string::npos);
  CHECK(run_chainlens("gaps examples/minimal --chain bike --format xml").exit_code == 2);
}

TEST_CASE("gaps --importance: weights from the command line, bad ones refused", "[cli][gaps]") {
  // Only the plan factor: importance = P. bike.cell is the plan's declared gap (P = 1), the others 0.
  const auto r = run_chainlens("gaps examples/minimal --chain bike --format json --importance value=0,dependence=0,plan=1,import=0");
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["weights"]["plan"].get<double>() == 1.0);
  CHECK(j["segments"][0]["id"] == "bike.cell");
  CHECK(j["segments"][0]["importance"].get<double>() == 1.0);
  CHECK(j["segments"][1]["importance"].get<double>() == 0.0);
  const auto bad = run_chainlens("gaps examples/minimal --chain bike --importance value=x");
  CHECK(bad.exit_code == 2);  // a bad option value is a usage error (issue 18)
  CHECK(bad.err.find("--importance: error: weight value must be a number >= 0, got 'x'") != std::string::npos);
  CHECK(run_chainlens("gaps examples/minimal --chain bike --importance value=0,dependence=0,plan=0,import=0").exit_code == 2);
}

TEST_CASE("gaps --workspace: every leaf of the workspace, all chains' demand together", "[cli][gaps]") {
  const auto r = run_chainlens("gaps chains/xihaian --workspace --format json --lang en");
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["chain"] == "");
  CHECK(j["scope"] == "中国/山东/青岛/西海岸新区");
  std::set<std::string> chains;
  double dependence_power = -1;
  for (const auto& s : j["segments"]) {
    chains.insert(s["chain"].get<std::string>());
    CHECK(s["factors"]["dependence"].get<double>() <= 1.0 + 1e-9);
    if (s["id"] == "xinping.power-semiconductor") dependence_power = s["factors"]["dependence"].get<double>();
  }
  CHECK(chains.size() == 8);  // the leaves of every chain
  CHECK(j["segments"].size() > 150);
  // Power semiconductors feed 芯屏, 汽车 and others: the workspace view weighs them for all of them,
  // more than the 芯屏 chain alone does.
  const auto x = nlohmann::json::parse(run_chainlens("gaps chains/xihaian --chain xinping --format json").out);
  double within = -1;
  for (const auto& s : x["segments"])
    if (s["id"] == "xinping.power-semiconductor") within = s["factors"]["dependence"].get<double>();
  CHECK(dependence_power > 0);
  CHECK(dependence_power > within);
  CHECK(run_chainlens("gaps chains/xihaian --workspace --chain auto").exit_code == 3);
  CHECK(run_chainlens("gaps chains/xihaian --workspace --format md").exit_code == 0);
}
