// cli/compile_command.cpp: `chainlens compile WORKSPACE -o FILE.snap`: load and validate
// once, save a snapshot that every command accepts in place of the workspace.
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "models/atomic_file.hpp"
#include "models/snapshot.hpp"

namespace chainlens::cli {

struct CompileOptions {
  InputOptions input;
  std::string lang = "zh";
  std::string out;
};

static int run_compile(const CompileOptions& o) {
  const Workspace ws = load_input(o.input);
  const std::string bytes = write_snapshot_bytes(ws);
  // Never write a snapshot that loading refuses (issue 18): loading applies --max-file-mb to
  // the snapshot as to any input file, so the same limit is checked here, before the rename.
  const std::size_t mib = (bytes.size() + (std::size_t{1} << 20) - 1) >> 20;
  if (bytes.size() > (o.input.max_file_mb << 20))
    throw InputError({{{o.out, 0, 0},
                       "the snapshot would be " + std::to_string(mib) + " MiB, above the --max-file-mb limit of " +
                           std::to_string(o.input.max_file_mb) + " MiB that loading it applies; nothing written",
                       "raise --max-file-mb to at least " + std::to_string(mib) + " here and when loading it"}});
  write_file_atomic(o.out, bytes);
  if (bytes.size() > LoadLimits{}.max_file_bytes)
    std::cerr << "note: loading " << o.out << " needs --max-file-mb " << mib << " or more\n";
  if (o.lang == "zh")
    std::cerr << "已写入 " << o.out << ": " << bytes.size() << " 字节, " << ws.chains.size() << " 条产业链, "
              << ws.enterprises.size() << " 家企业, 内容哈希 " << ws.content_hash << '\n';
  else
    std::cerr << "wrote " << o.out << ": " << bytes.size() << " bytes, " << ws.chains.size() << " chains, "
              << ws.enterprises.size() << " enterprises, sources " << ws.content_hash << '\n';
  return 0;
}

void add_compile_command(CLI::App& app, Registry& r) {
  auto o = std::make_shared<CompileOptions>();
  CLI::App* cmd = app.add_subcommand("compile", "Save a validated workspace as a snapshot (.snap) for fast loading");
  add_input_options(*cmd, o->input);
  cmd->add_option("-o,--output", o->out, "Snapshot file to write (atomically)")->required();
  cmd->add_option("--lang", o->lang, "Language of the summary line (Chinese by default)")
      ->check(CLI::IsMember({"zh", "en"}))
      ->capture_default_str();
  cmd->callback([o, &r] { r.selected = [o] { return guarded([&] { return run_compile(*o); }); }; });
}

}  // namespace chainlens::cli
