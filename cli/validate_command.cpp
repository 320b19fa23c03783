// cli/validate_command.cpp: `chainlens validate WORKSPACE [--sources DIR]`: load with
// every check, optionally verify quotes against the documents, list every problem.
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "models/source_check.hpp"
#include "models/strict_check.hpp"

namespace chainlens::cli {

struct ValidateOptions {
  InputOptions input;
  std::string sources_dir;
  std::string lang = "zh";
  bool quiet = false;
  bool strict = false;
};

static int run_validate(const ValidateOptions& o) {
  const Workspace ws = load_input(o.input);
  std::vector<Diagnostic> problems;
  if (!o.sources_dir.empty()) problems = check_quotes(ws, o.sources_dir);
  if (o.strict) {
    const std::vector<Diagnostic> more = strict_problems(ws);
    problems.insert(problems.end(), more.begin(), more.end());
  }
  if (!problems.empty()) throw InputError(problems);
  // Warnings go to stderr and never change the exit code; --strict turns them into errors.
  if (!o.strict)
    for (const Diagnostic& d : workspace_warnings(ws)) {
      std::string line = format_diagnostic(d);
      if (auto at = line.find(": error: "); at != std::string::npos) line.replace(at, 9, ": warning: ");
      std::cerr << line << '\n';
    }
  if (!o.quiet) {
    std::size_t segments = 0;
    for (const Chain& c : ws.chains) segments += c.segments.size();
    // The summary follows --lang like every table; the diagnostics above stay English.
    if (o.lang == "zh")
      std::cout << "通过: " << ws.files.size() << " 个文件, " << ws.chains.size() << " 条产业链, " << segments
                << " 个环节, " << ws.enterprises.size() << " 家企业, " << ws.supply_table.size() << " 条供应关系"
                << (o.sources_dir.empty() ? "" : ", 引文全部找到") << '\n';
    else
      std::cout << "ok: " << ws.files.size() << " files, " << ws.chains.size() << " chains, " << segments
                << " segments, " << ws.enterprises.size() << " enterprises, " << ws.supply_table.size()
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
  cmd->add_option("--lang", o->lang, "Language of the summary line (Chinese by default; problems are in English)")
      ->check(CLI::IsMember({"zh", "en"}))
      ->capture_default_str();
  cmd->add_flag("-q,--quiet", o->quiet, "Print nothing when the workspace is valid");
  cmd->add_flag("--strict", o->strict,
                "Also require a source on every enterprise and share, a revenue_year with every revenue "
                "and a type on every leaf segment");
  cmd->callback([o, &r] { r.selected = [o] { return guarded([&] { return run_validate(*o); }); }; });
}

}  // namespace chainlens::cli
