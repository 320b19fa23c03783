// cli/validate_command.cpp: `chainlens validate WORKSPACE [--sources DIR]`: load with
// every check, optionally verify quotes against the documents, list every problem.
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "models/source_check.hpp"

namespace chainlens::cli {

struct ValidateOptions {
  InputOptions input;
  std::string sources_dir;
  bool quiet = false;
};

static int run_validate(const ValidateOptions& o) {
  const Workspace ws = load_input(o.input);
  if (!o.sources_dir.empty()) {
    const std::vector<Diagnostic> problems = check_quotes(ws, o.sources_dir);
    if (!problems.empty()) throw InputError(problems);
  }
  if (!o.quiet) {
    std::size_t segments = 0;
    for (const Chain& c : ws.chains) segments += c.segments.size();
    std::cout << "ok: " << ws.files.size() << " files, " << ws.chains.size() << " chains, " << segments
              << " segments, " << ws.enterprises.size() << " enterprises, " << ws.supplies.size()
              << " supply relations" << (o.sources_dir.empty() ? "" : ", every quote found") << '\n';
  }
  return 0;
}

void add_validate_command(CLI::App& app, Registry& r) {
  auto o = std::make_shared<ValidateOptions>();
  CLI::App* cmd = app.add_subcommand("validate", "Check a workspace and list every problem as file:line:col");
  add_input_options(*cmd, o->input);
  cmd->add_option("--sources", o->sources_dir,
                  "Folder of the source documents: check that every quote appears in its document");
  cmd->add_flag("-q,--quiet", o->quiet, "Print nothing when the workspace is valid");
  cmd->callback([o, &r] { r.selected = [o] { return guarded([&] { return run_validate(*o); }); }; });
}

}  // namespace chainlens::cli
