// cli/main.cpp: the `chainlens` command: registers every subcommand and runs one.
#include <cerrno>
#include <cstring>
#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/argument_order.hpp"
#include "cli/commands.hpp"
#include "cli/huge_pages.hpp"
#include "cli/common.hpp"
#include "models/atomic_file.hpp"
#include "models/version.hpp"
#include "render/json_precision.hpp"

int main(int argc, char** argv) {
  chainlens::cli::restart_with_huge_pages(argc, argv);
  CLI::App app{"chainlens: industrial-chain (产业链) graph analysis"};
  app.set_version_flag("--version", std::string("chainlens ") + chainlens::kVersion);
  app.require_subcommand(1);
  bool full_precision = false;
  app.add_flag("--full-precision", full_precision,
               "JSON numbers at full double precision instead of 4 decimals (for comparing with another implementation)");
  app.footer(
      "Exit codes: 0 ok, 1 failure (e.g. cannot write output), 2 usage error, "
      "3 input error (every problem is listed as file:line:col).");
  // --full-precision (and any option of the app) also after the subcommand.
  app.fallthrough();
  chainlens::cli::Registry registry;
  chainlens::cli::add_all_commands(app, registry);
  std::vector<std::string> args(argv + (argc > 0 ? 1 : 0), argv + argc);
  if (const auto unknown = chainlens::cli::unknown_subcommand(app, args)) {
    std::cerr << "error: " << *unknown << '\n';
    return static_cast<int>(chainlens::cli::ExitCode::usage);
  }
  args = chainlens::cli::subcommand_first(app, std::move(args));
  std::reverse(args.begin(), args.end());  // CLI11 takes the words last first
  try {
    app.parse(args);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : static_cast<int>(chainlens::cli::ExitCode::usage);
  }
  chainlens::set_full_json_precision(full_precision);
  chainlens::install_temp_file_cleanup();
  int rc = registry.run();
  // A failed write to standard output is a failure, never exit 0 (issue 18).
  if (!chainlens::finish_stdout() && rc == 0) {  // (a failure already reported keeps its code)
    std::cerr << "error: cannot write standard output: " << std::strerror(errno ? errno : EIO) << '\n';
    rc = static_cast<int>(chainlens::cli::ExitCode::failure);
  }
  return rc;
}
