// tests/support/fresh_dir.hpp: an empty folder of a given name under the system's temporary
// folder, for tests that write files.
#pragma once
#include <filesystem>

namespace chainlens::test {

inline std::filesystem::path fresh_dir(const char* name) {
  const std::filesystem::path d = std::filesystem::temp_directory_path() / name;
  std::filesystem::remove_all(d);
  std::filesystem::create_directories(d);
  return d;
}

}  // namespace chainlens::test
