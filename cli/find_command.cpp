// cli/find_command.cpp: `chainlens find WORKSPACE TEXT`: every chain, segment and enterprise
// whose id, name or alias holds TEXT, with where each sits (issue 15).
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "engine/find.hpp"
#include "render/find_writer.hpp"

namespace chainlens::cli {

struct FindOptions {
  InputOptions input;
  AnalysisOptions a;
  std::string text;
  std::size_t top = 50;
};

static int run_find(const FindOptions& o) {
  const Workspace ws = load_input(o.input);
  const std::vector<FindHit> hits = find(ws, o.text, o.top == 0 ? SIZE_MAX : o.top);
  write_result(o.a, write_find(ws, o.text, hits, o.a.format, parse_lang(o.a.lang)));
  return hits.empty() ? static_cast<int>(ExitCode::failure) : 0;
}

void add_find_command(CLI::App& app, Registry& r) {
  auto o = std::make_shared<FindOptions>();
  CLI::App* cmd = app.add_subcommand(
      "find", "Look chains, segments and enterprises up by id, name or alias (exit 1 when nothing matches)");
  add_input_options(*cmd, o->input);
  cmd->add_option("TEXT", o->text, "Text to look for (a name, part of one, an alias or an id)")->required();
  cmd->add_option("--format", o->a.format, "Output format")->check(CLI::IsMember({"table", "json", "csv", "md"}))->capture_default_str();
  cmd->add_option("--lang", o->a.lang, "Language of the output (Chinese by default)")->check(CLI::IsMember({"zh", "en"}))->capture_default_str();
  cmd->add_option("-o,--output", o->a.out, "Write to this file (atomically) instead of standard output");
  cmd->add_flag("--no-bom", o->a.no_bom, "CSV without the UTF-8 byte-order mark");
  cmd->add_option("--top", o->top, "Most matches shown (0: all)")->capture_default_str();
  cmd->callback([o, &r] { r.selected = [o] { return guarded([&] { return run_find(*o); }); }; });
}

}  // namespace chainlens::cli
