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
  std::string out;
};

static int run_compile(const CompileOptions& o) {
  const Workspace ws = load_input(o.input);
  const std::string bytes = write_snapshot_bytes(ws);
  write_file_atomic(o.out, bytes);
  std::cerr << "wrote " << o.out << ": " << bytes.size() << " bytes, " << ws.chains.size() << " chains, "
            << ws.enterprises.size() << " enterprises, sources " << ws.content_hash << '\n';
  return 0;
}

void add_compile_command(CLI::App& app, Registry& r) {
  auto o = std::make_shared<CompileOptions>();
  CLI::App* cmd = app.add_subcommand("compile", "Save a validated workspace as a snapshot (.snap) for fast loading");
  add_input_options(*cmd, o->input);
  cmd->add_option("-o,--output", o->out, "Snapshot file to write (atomically)")->required();
  cmd->callback([o, &r] { r.selected = [o] { return guarded([&] { return run_compile(*o); }); }; });
}

}  // namespace chainlens::cli
