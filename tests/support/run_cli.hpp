// tests/support/run_cli.hpp: runs the built `chainlens` as a user would, from the
// source folder, and captures its exit code and both output streams.
#pragma once
#include <string>

namespace chainlens::test {

struct CliRun {
  int exit_code = -1;
  std::string out, err;
};

/// `args` is appended to the command line as is (tests pass simple, quoted-if-needed words).
CliRun run_chainlens(const std::string& args, const std::string& stdin_text = "");

/// The whole content of a file under the source folder.
std::string read_source_file(const std::string& relative_path);

}  // namespace chainlens::test
