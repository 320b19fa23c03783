// cli/main.cpp: the `chainlens` command: registers every subcommand and runs one.
#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "models/version.hpp"

int main(int argc, char** argv) {
  CLI::App app{"chainlens: industrial-chain (产业链) graph analysis"};
  app.set_version_flag("--version", std::string("chainlens ") + chainlens::kVersion);
  app.require_subcommand(1);
  app.footer(
      "Exit codes: 0 ok, 1 failure (e.g. cannot write output), 2 usage error, "
      "3 input error (every problem is listed as file:line:col).");
  chainlens::cli::Registry registry;
  chainlens::cli::add_all_commands(app, registry);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : static_cast<int>(chainlens::cli::ExitCode::usage);
  }
  return registry.run();
}
