// The bad-input corpus (tests/data/bad/, issue 9): every malformed workspace and candidate file
// gives exactly its recorded diagnostics and exit code: named file:line:col, never a crash.
// Cases are written by tests/data/bad/make_cases.py; `--record` rewrites `expected` after a
// deliberate message change (review the diff).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/support/run_cli.hpp"

using chainlens::test::read_source_file;
using chainlens::test::run_chainlens;
namespace fs = std::filesystem;

TEST_CASE("bad-input corpus: each case gives exactly its expected diagnostics", "[cli][bad-input]") {
  const fs::path root = fs::path(CHAINLENS_SOURCE_DIR) / "tests" / "data" / "bad";
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(root))
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  REQUIRE(names.size() >= 60);
  for (const std::string& name : names) {
    DYNAMIC_SECTION(name) {
      std::string args = read_source_file("tests/data/bad/" + name + "/args");
      while (!args.empty() && (args.back() == '\n' || args.back() == '\r')) args.pop_back();
      const auto r = run_chainlens(args);
      const std::string got = r.err + "exit: " + std::to_string(r.exit_code) + "\n";
      CHECK(got == read_source_file("tests/data/bad/" + name + "/expected"));
      // Input errors exit 3; a rejected candidate row is not an error (it goes to the rejects).
      CHECK((r.exit_code == 3 || (r.exit_code == 0 && args.rfind("score ", 0) == 0)));
    }
  }
}
