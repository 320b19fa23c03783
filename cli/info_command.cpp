// cli/info_command.cpp: `chainlens info WORKSPACE [--format table|json]`: what a
// workspace holds, per chain, and the content hash of its inputs.
#include <fmt/format.h>

#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "models/workspace_summary.hpp"

namespace chainlens::cli {

struct InfoOptions {
  InputOptions input;
  std::string format = "table";
  std::string out;
};

// `--format ids`: one chain id per line, for scripts (make demo loops over it).
static std::string info_ids(const WorkspaceSummary& s) {
  std::string out;
  for (const ChainSummary& c : s.chains) out += c.id + "\n";
  return out;
}

static std::string info_json(const WorkspaceSummary& s) {
  nlohmann::ordered_json j;
  j["workspace"] = s.name;
  j["scope"] = s.scope;
  j["content_hash"] = s.content_hash;
  j["files"] = s.files;
  j["sources"] = s.sources;
  j["regions"] = s.regions;
  j["segments"] = s.segments;
  j["enterprises"] = {{"total", s.enterprises}, {"local", s.local}, {"non_local", s.non_local}};
  j["supplies"] = s.supplies;
  j["chains"] = nlohmann::ordered_json::array();
  for (const ChainSummary& c : s.chains)
    j["chains"].push_back({{"id", c.id},
                           {"name", c.name},
                           {"scope", c.scope},
                           {"segments", c.segments},
                           {"leaf_segments", c.leaf_segments},
                           {"enterprises", {{"total", c.enterprises}, {"local", c.local}, {"non_local", c.non_local}}},
                           {"supplies", c.supplies},
                           {"gaps", c.gaps},
                           {"target_lists", c.target_lists},
                           {"goals", c.goals}});
  return j.dump(2) + "\n";
}

static std::string info_table(const WorkspaceSummary& s) {
  std::string out;
  out += fmt::format("workspace     {}\n", s.name.empty() ? "(unnamed)" : s.name);
  out += fmt::format("scope         {}\n", s.scope.empty() ? "(none)" : s.scope);
  out += fmt::format("content hash  {}\n", s.content_hash);
  out += fmt::format("files {}, sources {}, regions {}, segments {}, supply relations {}\n", s.files, s.sources,
                     s.regions, s.segments, s.supplies);
  out += fmt::format("enterprises {} (local {}, non-local {})\n\n", s.enterprises, s.local, s.non_local);
  // Chinese names go last so that the columns line up without display-width tricks.
  out += fmt::format("{:<14} {:>8} {:>5} {:>11} {:>6} {:>9} {:>8} {:>5} {:>7} {:>5}  {}\n", "chain", "segments",
                     "leaf", "enterprises", "local", "non-local", "supplies", "gaps", "targets", "goals", "name / scope");
  for (const ChainSummary& c : s.chains)
    out += fmt::format("{:<14} {:>8} {:>5} {:>11} {:>6} {:>9} {:>8} {:>5} {:>7} {:>5}  {} / {}\n", c.id, c.segments,
                       c.leaf_segments, c.enterprises, c.local, c.non_local, c.supplies, c.gaps, c.target_lists,
                       c.goals, c.name, c.scope.empty() ? "(no scope)" : c.scope);
  return out;
}

static int run_info(const InfoOptions& o) {
  const WorkspaceSummary s = summarize(load_input(o.input));
  write_output(o.out, o.format == "json" ? info_json(s) : o.format == "ids" ? info_ids(s) : info_table(s));
  return 0;
}

void add_info_command(CLI::App& app, Registry& r) {
  auto o = std::make_shared<InfoOptions>();
  CLI::App* cmd = app.add_subcommand("info", "Show what a workspace holds: chains, counts, scope, content hash");
  add_input_options(*cmd, o->input);
  cmd->add_option("--format", o->format, "Output format")->check(CLI::IsMember({"table", "json", "ids"}))->capture_default_str();
  cmd->add_option("-o,--output", o->out, "Write to this file (atomically) instead of standard output");
  cmd->callback([o, &r] { r.selected = [o] { return guarded([&] { return run_info(*o); }); }; });
}

}  // namespace chainlens::cli
