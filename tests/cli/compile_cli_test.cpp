// `chainlens compile` writes a snapshot that `info` and `validate` accept in place of the workspace.
#include <catch2/catch.hpp>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "tests/support/run_cli.hpp"

using chainlens::test::run_chainlens;

TEST_CASE("compile: a snapshot gives the same info as its workspace", "[cli][snapshot]") {
  const std::string snap = (std::filesystem::temp_directory_path() / "chainlens-minimal.snap").string();
  const auto c = run_chainlens("compile examples/minimal -o " + snap);
  REQUIRE(c.exit_code == 0);
  const auto from_ws = run_chainlens("info examples/minimal --format json");
  const auto from_snap = run_chainlens("info " + snap + " --format json --check-sources");
  REQUIRE(from_snap.exit_code == 0);
  CHECK(from_snap.out == from_ws.out);
  CHECK(run_chainlens("validate " + snap).exit_code == 0);
  std::filesystem::remove(snap);
}
