// tests/support/run_cli.cpp: std::system with redirections into a private temp folder.
#include "tests/support/run_cli.hpp"

#include <sys/wait.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

namespace chainlens::test {

namespace fs = std::filesystem;

static std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

CliRun run_chainlens(const std::string& args, const std::string& stdin_text) {
  static std::atomic<int> counter{0};
  const fs::path dir = fs::temp_directory_path() /
                       ("chainlens-cli-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  fs::create_directories(dir);
  {
    std::ofstream in(dir / "in", std::ios::binary);
    in << stdin_text;
  }
  const std::string cmd = "cd '" CHAINLENS_SOURCE_DIR "' && '" CHAINLENS_BINARY "' " + args + " <'" +
                          (dir / "in").string() + "' >'" + (dir / "out").string() + "' 2>'" +
                          (dir / "err").string() + "'";
  const int status = std::system(cmd.c_str());
  CliRun r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(dir / "out");
  r.err = slurp(dir / "err");
  fs::remove_all(dir);
  return r;
}

std::string read_source_file(const std::string& relative_path) {
  const fs::path p = fs::path(CHAINLENS_SOURCE_DIR) / relative_path;
  if (!fs::exists(p)) throw std::runtime_error("missing test file " + p.string());
  return slurp(p);
}

}  // namespace chainlens::test
