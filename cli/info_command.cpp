// cli/info_command.cpp: `chainlens info WORKSPACE [--format table|json|csv|md|ids] [--lang]`: what a
// workspace holds, per chain, and the content hash of its inputs.
#include <fmt/format.h>

#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "models/workspace_summary.hpp"
#include "render/lang.hpp"
#include "render/table.hpp"

namespace chainlens::cli {

struct InfoOptions {
  InputOptions input;
  AnalysisOptions a;
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

// Names, not ids, for a person; Chinese by default (issue 15).
static std::string info_table(const WorkspaceSummary& s, Lang lang, const std::string& format) {
  const bool zh = lang == Lang::zh;
  Table head;
  head.header = {zh ? "项目" : "item", zh ? "内容" : "value"};
  head.rows = {{zh ? "工作区" : "workspace", s.name.empty() ? (zh ? "(未命名)" : "(unnamed)") : s.name},
               {zh ? "范围" : "scope", s.scope.empty() ? (zh ? "(无)" : "(none)") : s.scope},
               {zh ? "内容哈希" : "content hash", s.content_hash},
               {zh ? "文件 / 来源 / 地区" : "files / sources / regions",
                fmt::format("{} / {} / {}", s.files, s.sources, s.regions)},
               {zh ? "环节 / 供应关系" : "segments / supply relations", fmt::format("{} / {}", s.segments, s.supplies)},
               {zh ? "企业 (本地 / 外地)" : "enterprises (local / elsewhere)",
                fmt::format("{} ({} / {})", s.enterprises, s.local, s.non_local)}};
  Table t;
  t.header = {zh ? "产业链" : "chain",         zh ? "环节" : "segments",     zh ? "末级环节" : "leaf",
              zh ? "企业" : "enterprises",     zh ? "本地" : "local",        zh ? "外地" : "elsewhere",
              zh ? "供应关系" : "supplies",    zh ? "规划缺口" : "gaps",     zh ? "拟招商名录" : "target lists",
              zh ? "目标" : "goals",           zh ? "范围" : "scope"};
  t.align_right = {false, true, true, true, true, true, true, true, true, true, false};
  for (const ChainSummary& c : s.chains)
    t.rows.push_back({c.name.empty() ? c.id : c.name, std::to_string(c.segments), std::to_string(c.leaf_segments),
                      std::to_string(c.enterprises), std::to_string(c.local), std::to_string(c.non_local),
                      std::to_string(c.supplies), std::to_string(c.gaps), std::to_string(c.target_lists),
                      std::to_string(c.goals), c.scope.empty() ? (zh ? "(无)" : "(no scope)") : c.scope});
  if (format == "csv") {
    t.header.insert(t.header.begin(), zh ? "代码" : "id");
    for (std::size_t i = 0; i < s.chains.size(); ++i) t.rows[i].insert(t.rows[i].begin(), s.chains[i].id);
    return to_csv(t);
  }
  if (format == "md") return to_markdown(head) + "\n" + to_markdown(t);
  std::string out;
  for (const auto& row : head.rows) out += row[0] + "  " + row[1] + "\n";
  return out + "\n" + to_text(t);
}

static int run_info(const InfoOptions& o) {
  // Kept to the process's end, never freed (as analyze does): freeing a million enterprises
  // took a fifth of this command on the largest benchmark. A static pointer: not a leak to LSan.
  static const Workspace* kept = nullptr;
  kept = new Workspace(load_input(o.input));
  const WorkspaceSummary s = summarize(*kept);
  const std::string& f = o.a.format;
  write_result(o.a, f == "json" ? info_json(s) : f == "ids" ? info_ids(s) : info_table(s, parse_lang(o.a.lang), f));
  return 0;
}

void add_info_command(CLI::App& app, Registry& r) {
  auto o = std::make_shared<InfoOptions>();
  CLI::App* cmd = app.add_subcommand("info", "Show what a workspace holds: chains, counts, scope, content hash");
  add_input_options(*cmd, o->input);
  cmd->add_option("--format", o->a.format, "Output format (ids: one chain id a line, for scripts)")
      ->check(CLI::IsMember({"table", "json", "csv", "md", "ids"}))
      ->capture_default_str();
  cmd->add_option("--lang", o->a.lang, "Language of the output (Chinese by default)")->check(CLI::IsMember({"zh", "en"}))->capture_default_str();
  cmd->add_option("-o,--output", o->a.out, "Write to this file (atomically) instead of standard output");
  cmd->add_flag("--no-bom", o->a.no_bom, "CSV without the UTF-8 byte-order mark");
  cmd->callback([o, &r] { r.selected = [o] { return guarded([&] { return run_info(*o); }); }; });
}

}  // namespace chainlens::cli
