// The bundled workspaces (chains/): every quote is found verbatim in its seed document
// (issue 3); skipped with a warning where ../shared/seeds is absent.
#include <catch2/catch.hpp>

#include <filesystem>

#include "tests/support/run_cli.hpp"

using chainlens::test::run_chainlens;

namespace {

const std::filesystem::path kSeeds = std::filesystem::path(CHAINLENS_SOURCE_DIR) / ".." / "shared" / "seeds";

}  // namespace

TEST_CASE("chains: both bundled workspaces validate with every quote found", "[chains]") {
  for (const char* ws : {"chains/xihaian", "chains/qingdao"}) {
    INFO(ws);
    if (!std::filesystem::exists(kSeeds)) {
      WARN("skipped the quote check: " << kSeeds.string() << " is absent");
      CHECK(run_chainlens(std::string("validate ") + ws).exit_code == 0);
      continue;
    }
    const auto r = run_chainlens(std::string("validate ") + ws + " --sources " + kSeeds.string());
    CHECK(r.err == "");
    CHECK(r.exit_code == 0);
  }
}

TEST_CASE("chains: 汽车 at 新区 scope shows the plan's 三电 gap", "[chains]") {
  // seed-001: 电池、电机、电控三大核心部件配套企业均在外地 — yet 力神 makes batteries in the district.
  const auto r = run_chainlens("gaps chains/xihaian --chain auto --format json --lang en");
  REQUIRE(r.exit_code == 0);
  auto status_of = [&](const std::string& id) {
    const auto at = r.out.find("\"id\": \"" + id + "\"");
    REQUIRE(at != std::string::npos);
    const auto s = r.out.find("\"status\": \"", at) + 11;
    return r.out.substr(s, r.out.find('"', s) - s);
  };
  CHECK(status_of("auto.motor") == "missing");
  CHECK(status_of("auto.motor-controller") == "missing");
  CHECK(status_of("auto.battery") == "single");
}

TEST_CASE("chains: 汽车 gap report equals its checked-in JSON", "[chains]") {
  // Regenerate with `chainlens gaps chains/xihaian --chain auto --format json` when the
  // chain data changes on purpose, and review the diff: every changed figure needs a reason.
  const auto r = run_chainlens("gaps chains/xihaian --chain auto --format json");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == chainlens::test::read_source_file("tests/data/golden/xihaian-auto-gaps.json"));
}
