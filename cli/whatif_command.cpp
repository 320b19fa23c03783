// cli/whatif_command.cpp: `chainlens whatif WORKSPACE --chain ID (--add ID | --remove ID)...
// [--scope PATH] [--format table|json|csv|md] [--lang zh|en] [-o FILE]`: before / after / difference.
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "engine/chain_graph.hpp"
#include "engine/what_if.hpp"
#include "render/what_if_writer.hpp"

namespace chainlens::cli {

struct WhatIfOptions {
  InputOptions input;
  AnalysisOptions a;
  std::vector<std::string> add, remove;
};

static int run_whatif(const WhatIfOptions& o) {
  const Workspace ws = load_input(o.input, o.a.importance);
  const Chain& chain = require_chain(ws, o.a.chain);
  const ChainGraph graph(ws, chain);
  std::vector<WhatIfChange> changes;
  // Ids, names and aliases (--add 宁德时代); the same firm added and removed is a usage error
  // however it is written.
  auto take = [&](const std::vector<std::string>& list, WhatIfChange::Kind kind, const char* option) {
    for (const std::string& text : list) {
      const std::string id = require_enterprise(ws, text, option);
      for (const WhatIfChange& c : changes)
        if (c.enterprise == id && c.kind != kind)
          throw UsageError({{{"--add/--remove", 0, 0}, "'" + text + "' is both added and removed", "drop one of them"}});
      changes.push_back({kind, id});
    }
  };
  take(o.add, WhatIfChange::Kind::add, "--add");
  take(o.remove, WhatIfChange::Kind::remove, "--remove");
  const WhatIfReport r = what_if(graph, resolve_scope(ws, chain, o.a.scope), changes);
  write_result(o.a, write_what_if(r, o.a.format, parse_lang(o.a.lang)));
  return 0;
}

void add_whatif_command(CLI::App& app, Registry& r) {
  auto o = std::make_shared<WhatIfOptions>();
  CLI::App* cmd = app.add_subcommand(
      "whatif", "Re-run every analysis with enterprises added to the scope or removed: before, after, difference");
  add_input_options(*cmd, o->input);
  add_analysis_options(*cmd, o->a);
  cmd->add_option("--add", o->add, "Enterprise (id, name or alias) to place in the scope as a local operating firm (repeatable)");
  cmd->add_option("--remove", o->remove, "Enterprise (id, name or alias) to take out (repeatable)");
  cmd->callback([o, &r] {
    if (o->add.empty() && o->remove.empty()) throw CLI::ValidationError("--add/--remove", "give at least one --add or --remove");
    r.selected = [o] { return guarded([&] { return run_whatif(*o); }); };
  });
}

}  // namespace chainlens::cli
