// The huge-pages restart (cli/huge_pages.*): which arguments count as large input, and a run
// that restarts itself writes what a run that does not writes.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/huge_pages.hpp"
#include "tests/support/fresh_dir.hpp"
#include "tests/support/run_cli.hpp"

namespace fs = std::filesystem;
using chainlens::test::fresh_dir;
using chainlens::cli::argument_bytes;
using chainlens::cli::kHugePagesFrom;

namespace {
std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}
}  // namespace

TEST_CASE("argument_bytes: files and folders named by the arguments, options and missing paths not",
          "[cli][huge_pages]") {
  const fs::path d = fresh_dir("chainlens-huge-args");
  fs::create_directories(d / "ws" / "sub");
  std::ofstream(d / "ws" / "a.yaml") << "0123456789";               // 10 bytes
  std::ofstream(d / "ws" / "sub" / "b.csv") << "01234";             // 5 bytes, one level down
  { std::ofstream big(d / "big.csv"); }
  fs::resize_file(d / "big.csv", kHugePagesFrom + 1);               // sparse: no disk used
  const std::string ws = (d / "ws").string(), big = (d / "big.csv").string();

  CHECK(argument_bytes({"score", ws}, kHugePagesFrom) == 15);
  CHECK(argument_bytes({ws, (d / "missing.csv").string(), "--chain", "syn"}, kHugePagesFrom) == 15);
  CHECK(argument_bytes({"-o", "--candidates", "-"}, kHugePagesFrom) == 0);
  CHECK(argument_bytes({ws, big}, kHugePagesFrom) == kHugePagesFrom + 16);
  CHECK(argument_bytes({big, ws}, kHugePagesFrom) == kHugePagesFrom + 1);  // enough: stops counting
}

TEST_CASE("a run with large inputs restarts itself and writes the same bytes", "[cli][huge_pages]") {
  const fs::path d = fresh_dir("chainlens-huge-run");
  // An existing output counts as an argument's file too: 32 MB of it makes the run restart
  // (on Linux with huge pages in madvise mode; elsewhere both runs are the same run).
  { std::ofstream o(d / "restarted.md"); }
  fs::resize_file(d / "restarted.md", kHugePagesFrom);
  const auto a = chainlens::test::run_chainlens("gaps examples/minimal --chain bike -o '" + (d / "restarted.md").string() + "'");
  REQUIRE(a.exit_code == 0);
  ::setenv("CHAINLENS_NO_HUGE_PAGES", "1", 1);
  const auto b = chainlens::test::run_chainlens("gaps examples/minimal --chain bike -o '" + (d / "plain.md").string() + "'");
  ::unsetenv("CHAINLENS_NO_HUGE_PAGES");
  REQUIRE(b.exit_code == 0);
  CHECK(a.err == b.err);
  const std::string restarted = slurp(d / "restarted.md");
  CHECK(restarted.size() < 100000);  // the sparse file was replaced, not appended to
  CHECK(restarted == slurp(d / "plain.md"));
  CHECK_FALSE(restarted.empty());
}
