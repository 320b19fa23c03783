// Atomic outputs: the file appears whole or not at all; a failed write leaves the
// old file intact and no temp file behind.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "models/atomic_file.hpp"

namespace fs = std::filesystem;
using namespace chainlens;

namespace {
std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}
fs::path fresh_dir(const char* name) {
  const fs::path d = fs::temp_directory_path() / name;
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}
}  // namespace

TEST_CASE("write_file_atomic: replaces the content and leaves no temp file", "[models][atomic]") {
  const fs::path d = fresh_dir("chainlens-atomic-1");
  write_file_atomic(d / "out.txt", "old");
  write_file_atomic(d / "out.txt", "new");
  CHECK(slurp(d / "out.txt") == "new");
  CHECK(std::distance(fs::directory_iterator(d), fs::directory_iterator()) == 1);
}

TEST_CASE("AtomicFile: a failure mid-write leaves the old file intact", "[models][atomic]") {
  const fs::path d = fresh_dir("chainlens-atomic-2");
  write_file_atomic(d / "report.html", "the old report");
  {
    AtomicFile f(d / "report.html");
    f.write("half of a new rep");
    CHECK(fs::exists(f.temp_path()));
    // No commit: as if the writer threw before finishing.
  }
  CHECK(slurp(d / "report.html") == "the old report");
  CHECK(std::distance(fs::directory_iterator(d), fs::directory_iterator()) == 1);
}

TEST_CASE("write_file_atomic: an unwritable folder throws and writes nothing", "[models][atomic]") {
  CHECK_THROWS_AS(write_file_atomic("/nonexistent-folder/x.txt", "x"), std::system_error);
}
