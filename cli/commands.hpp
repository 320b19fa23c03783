// cli/commands.hpp: the subcommand table. Each subcommand lives in its own file and
// registers itself here with one line: add_<name>_command(app, registry).
#pragma once
#include <functional>

#include <CLI/CLI.hpp>

namespace chainlens::cli {

/// Holds the action of whichever subcommand the user picked.
struct Registry {
  std::function<int()> selected;
  int run() const { return selected ? selected() : 2; }
};

void add_validate_command(CLI::App& app, Registry& r);
void add_info_command(CLI::App& app, Registry& r);
void add_compile_command(CLI::App& app, Registry& r);
void add_targets_command(CLI::App& app, Registry& r);
void add_score_command(CLI::App& app, Registry& r);
void add_gaps_command(CLI::App& app, Registry& r);
void add_chokepoints_command(CLI::App& app, Registry& r);
void add_supply_command(CLI::App& app, Registry& r);
void add_whatif_command(CLI::App& app, Registry& r);
void add_render_command(CLI::App& app, Registry& r);
void add_report_command(CLI::App& app, Registry& r);
void add_analyze_command(CLI::App& app, Registry& r);
void add_serve_command(CLI::App& app, Registry& r);
void add_find_command(CLI::App& app, Registry& r);

/// Adds every subcommand, in the order --help lists them.
inline void add_all_commands(CLI::App& app, Registry& r) {
  add_validate_command(app, r);
  add_info_command(app, r);
  add_find_command(app, r);
  add_targets_command(app, r);
  add_score_command(app, r);
  add_compile_command(app, r);
  add_gaps_command(app, r);
  add_chokepoints_command(app, r);
  add_supply_command(app, r);
  add_whatif_command(app, r);
  add_render_command(app, r);
  add_report_command(app, r);
  add_analyze_command(app, r);
  add_serve_command(app, r);
}

}  // namespace chainlens::cli
