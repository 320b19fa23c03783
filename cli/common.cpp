// cli/common.cpp: loading with printed diagnostics, the error guard, and output.
#include "cli/common.hpp"

#include <algorithm>
#include <cctype>
#include <iostream>
#include <string_view>

#include <unistd.h>

#include "engine/candidate_score.hpp"
#include "engine/find.hpp"
#include "models/atomic_file.hpp"
#include "models/column_mapping.hpp"
#include "models/snapshot.hpp"
#include "render/json_stream.hpp"

namespace chainlens::cli {

LoadOptions InputOptions::load_options() const {
  LoadOptions o;
  o.limits.max_depth = max_depth;
  o.limits.max_string = max_string;
  o.limits.max_entries = max_entries;
  o.limits.max_file_bytes = max_file_mb << 20;  // bounded by the option's check (no overflow)
  o.limits.max_memory_bytes = max_memory_mb << 20;
  return o;
}

void add_input_options(CLI::App& cmd, InputOptions& o) {
  cmd.add_option("WORKSPACE", o.workspace, "Workspace folder, YAML file or .snap snapshot")->required();
  cmd.add_option("--max-depth", o.max_depth, "Deepest YAML nesting accepted")->capture_default_str();
  cmd.add_option("--max-string", o.max_string, "Longest text value accepted, in bytes")->capture_default_str();
  cmd.add_option("--max-entries", o.max_entries, "Most YAML entries one file may expand to (aliases)")->capture_default_str();
  // Bounded so that the byte count cannot overflow (issue 18): 1 TiB is far above any workspace.
  cmd.add_option("--max-file-mb", o.max_file_mb, "Largest input file accepted, in MiB")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 20))
      ->capture_default_str();
  cmd.add_option("--max-memory-mb", o.max_memory_mb,
                 "Most memory loading may take, in MiB (estimated from YAML nodes, firms and relations before allocating)")
      ->check(CLI::Range(std::size_t{16}, std::size_t{1} << 24))
      ->capture_default_str();
  cmd.add_flag("--check-sources", o.check_sources,
               "With a snapshot: refuse it when the files it was compiled from have changed");
}

void add_column_options(CLI::App& cmd, ColumnOptions& o) {
  cmd.add_option("--columns", o.columns,
                 "Map a foreign CSV header onto the bulk columns, e.g. "
                 "'企业名称=name,统一社会信用代码=id,省份=location,城市=location,区县=location,登记状态=status'");
  cmd.add_option("--columns-file", o.columns_file, "The same mapping from a file (YAML 'HEADER: column' or CSV 'HEADER,column')")
      ->excludes(cmd.get_option("--columns"));
}

BulkReadOptions bulk_read_options(const InputOptions& in, const ColumnOptions& columns) {
  BulkReadOptions o;
  o.max_string = in.max_string;
  if (!columns.columns.empty()) {
    try {
      o.columns = std::make_shared<ColumnMapping>(parse_column_mapping(columns.columns));
    } catch (const std::invalid_argument& e) {
      throw UsageError({{{"--columns", 0, 0}, e.what(), "e.g. --columns 企业名称=name,省份=location,城市=location"}});
    }
  } else if (!columns.columns_file.empty()) {
    o.columns = std::make_shared<ColumnMapping>(read_column_mapping_file(columns.columns_file));
    register_input_file(columns.columns_file);
  }
  return o;
}

void add_analysis_options(CLI::App& cmd, AnalysisOptions& o, bool with_scope, const std::vector<std::string>& formats) {
  o.format = formats.front();
  cmd.add_option("--chain", o.chain, "Chain: id, name or English name (auto, 汽车)");
  if (with_scope) {
    cmd.add_option("--scope", o.scope, "Region path or alias that counts as local (default: the chain's scope)");
    add_importance_option(cmd, o.importance);
  }
  cmd.add_option("--format", o.format, "Output format")->check(CLI::IsMember(formats))->capture_default_str();
  cmd.add_option("--lang", o.lang, "Language of the output (Chinese by default)")
      ->check(CLI::IsMember({"zh", "en"}))
      ->capture_default_str();
  cmd.add_option("-o,--output", o.out, "Write to this file (atomically) instead of standard output");
  if (std::find(formats.begin(), formats.end(), "csv") != formats.end())
    cmd.add_flag("--no-bom", o.no_bom, "CSV without the UTF-8 byte-order mark (which Excel needs to read Chinese)");
}

Workspace load_input(const InputOptions& o) {
  Workspace ws = load_workspace_or_snapshot(o.workspace, o.load_options());
  // No output of this run may overwrite what it read (issue 18).
  register_input_file(o.workspace);
  for (const std::string& f : ws.files) register_input_file(f);
  register_input_folder(o.workspace, {".yaml", ".yml", ".csv", ".jsonl", ".ndjson", ".json"});
  if (o.check_sources && is_snapshot_file(o.workspace)) check_snapshot_sources(ws, o.workspace);
  return ws;
}

void add_importance_option(CLI::App& cmd, std::string& importance) {
  cmd.add_option("--importance", importance,
                 "Override the importance weights, e.g. value=0.35,dependence=0.25,plan=0.25,import=0.15");
}

Workspace load_input(const InputOptions& o, const std::string& importance) {
  Workspace ws = load_input(o);
  if (importance.empty()) return ws;
  try {
    ws.importance = parse_importance(importance, ws.importance);
  } catch (const std::invalid_argument& e) {
    throw UsageError({{{"--importance", 0, 0}, e.what(), "e.g. --importance value=0.4,plan=0.3"}});
  }
  return ws;
}

static void print_diagnostics(const InputError& e) {
  for (const Diagnostic& d : e.diagnostics()) std::cerr << format_diagnostic(d) << '\n';
  const std::size_t n = e.diagnostics().size();
  std::cerr << n << (n == 1 ? " error" : " errors") << '\n';
}

std::optional<Workspace> load_or_report(const InputOptions& o) {
  try {
    return load_input(o);
  } catch (const InputError& e) {
    print_diagnostics(e);
    return std::nullopt;
  }
}

int guarded(const std::function<int()>& body) {
  try {
    return body();
  } catch (const UsageError& e) {
    print_diagnostics(e);
    return static_cast<int>(ExitCode::usage);
  } catch (const InputError& e) {
    print_diagnostics(e);
    return static_cast<int>(ExitCode::input_error);
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << '\n';
    return static_cast<int>(ExitCode::failure);
  }
}

void write_output(const std::string& out_path, const std::string& text) {
  // Standard output, a device or FIFO directly; a regular file atomically (models/atomic_file).
  write_file_atomic(out_path, text);
}

void stream_json_result(const AnalysisOptions& o, const std::function<void(TextSink&)>& write) {
  AtomicFile file(o.out);
  TextSink sink([&file](std::string_view block) { file.write(block); });
  write(sink);
  sink.text() += '\n';
  sink.flush();
  file.commit();
}

void write_result(const AnalysisOptions& o, const std::string& text) {
  if (o.format == "xlsx" && (o.out.empty() || o.out == "-") && isatty(STDOUT_FILENO))
    throw UsageError({{{"--format", 0, 0}, "an xlsx workbook is not written to a terminal", "add -o FILE.xlsx"}});
  if (o.format == "csv" && !o.no_bom) {
    write_output(o.out, std::string(kUtf8Bom) + text);
    return;
  }
  write_output(o.out, text);
}

CLI::Validator font_name_check() {
  return CLI::Validator(
      [](std::string& v) -> std::string {
        if (v.empty() || v.size() > 200) return "a font name of 1 to 200 bytes";
        for (const char c : v) {
          const auto u = static_cast<unsigned char>(c);
          if (u >= 0x80 || std::isalnum(u) || std::string_view(" -_.,+()").find(c) != std::string_view::npos) continue;
          return "a font name may hold letters, digits, spaces and - _ . , + ( ) only";
        }
        return {};
      },
      "FONT");
}

CLI::Validator date_check() {
  return CLI::Validator(
      [](std::string& v) -> std::string {
        const auto digits = [&](std::size_t at, std::size_t n) {
          int x = 0;
          for (std::size_t i = at; i < at + n; ++i) {
            if (!std::isdigit(static_cast<unsigned char>(v[i]))) return -1;
            x = x * 10 + (v[i] - '0');
          }
          return x;
        };
        if (v.size() != 10 || v[4] != '-' || v[7] != '-') return "a date written YYYY-MM-DD";
        const int y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
        if (y < 0 || m < 1 || m > 12 || d < 1) return "a date written YYYY-MM-DD";
        static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        if (d > days[m - 1] + (m == 2 && leap ? 1 : 0)) return "no such day: " + v;
        return {};
      },
      "DATE");
}

// "宁德时代 (catl)", or "'宁德时代' (catl)" in a did-you-mean, for the lists of messages.
static std::string labelled(const std::string& name, const std::string& id, bool quoted = false) {
  if (name.empty() || name == id) return quoted ? "'" + id + "'" : id;
  return (quoted ? "'" + name + "'" : name) + " (" + id + ")";
}

static std::string hit_list(const std::vector<FindHit>& hits, bool quoted) {
  std::string out;
  for (const FindHit& h : hits) out += (out.empty() ? "" : ", ") + labelled(h.name, h.id, quoted);
  return out;
}

static std::string chain_list(const Workspace& ws) {
  std::string known;
  for (const Chain& c : ws.chains) known += (known.empty() ? "" : ", ") + labelled(c.name, c.id);
  return known;
}

// Ids, names, English names and aliases accepted by --chain, --add and --remove (issue 15).
static std::string resolve_or_throw(const Workspace& ws, const std::string& text, FindHit::Kind kind,
                                    const std::string& option) {
  const std::string what = kind_name(kind);
  const Resolution r = resolve_name(ws, text, kind);
  if (r.unique()) return r->id;
  if (r.hits.size() > 1)
    throw UsageError({{{option, 0, 0},
                       "'" + text + "' names " + std::to_string(r.hits.size()) + " " + what + "s: " + hit_list(r.hits, false),
                       "write the id or the full name of one"}});
  std::string hint;
  if (!r.near.empty()) {
    hint = std::string("did you mean ") + (r.near.size() > 1 ? "one of " : "") + hit_list(r.near, true) + "?";
  } else {
    std::vector<std::string> words;
    if (kind == FindHit::Kind::chain)
      for (const Chain& c : ws.chains) words.insert(words.end(), {c.id, c.name});
    if (kind == FindHit::Kind::enterprise)
      for (const Enterprise& e : ws.enterprises) words.insert(words.end(), {e.id.str(), e.name.str()});
    const std::string close = closest_match(text, words);
    if (!close.empty()) hint = "did you mean '" + close + "'?";
  }
  if (hint.empty())
    hint = kind == FindHit::Kind::chain ? "chains: " + chain_list(ws) : "look names up with: chainlens find WORKSPACE TEXT";
  throw InputError({{{option, 0, 0}, "no " + what + " '" + text + "' in the workspace", hint}});
}

const Chain& require_chain(const Workspace& ws, const std::string& text) {
  if (text.empty()) throw InputError({{{"--chain", 0, 0}, "--chain is required", "chains: " + chain_list(ws)}});
  if (const Chain* c = ws.find_chain(text)) return *c;
  return *ws.find_chain(resolve_or_throw(ws, text, FindHit::Kind::chain, "--chain"));
}

std::string require_enterprise(const Workspace& ws, const std::string& text, const std::string& option) {
  return resolve_or_throw(ws, text, FindHit::Kind::enterprise, option);
}

// Every path a scope may name: the declared regions, every location of an enterprise and
// every chain's scope, and each of their prefixes.
static std::vector<RegionPath> known_paths(const Workspace& ws) {
  std::vector<RegionPath> all;
  auto add = [&](const RegionPath& p) {
    for (const RegionPath& q : p.prefixes_narrow_first()) all.push_back(q);
  };
  for (const Region& r : ws.regions) add(r.path);
  for (const Enterprise& e : ws.enterprises) add(e.location);
  add(ws.scope);
  for (const Chain& c : ws.chains) add(ws.chain_scope(c));
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  return all;
}

Scope resolve_scope_text(const Workspace& ws, const std::string& text) {
  const Scope scope = resolve_alias(ws.regions, RegionPath::parse(text));
  const std::vector<RegionPath> known = known_paths(ws);
  if (std::binary_search(known.begin(), known.end(), scope)) return scope;
  // A typo (西海岸 for 西海岸新区) used to give an empty scope, every segment 缺链, exit 0.
  std::vector<std::string> words;
  for (const Region& r : ws.regions) words.insert(words.end(), r.aliases.begin(), r.aliases.end());
  for (const RegionPath& p : known) words.push_back(p.str());
  std::string close = closest_match(text, words);
  if (close.empty() && !text.empty())
    for (const std::string& w : words)
      if (w.rfind(text, 0) == 0) {  // (a prefix of an alias or path: 西海岸 -> 西海岸新区)
        close = w;
        break;
      }
  throw UsageError({{{"--scope", 0, 0}, "no region '" + text + "' in the workspace (not a declared region, alias or location)",
                     close.empty() ? "e.g. --scope " + ws.scope.str() : "did you mean '" + close + "'?"}});
}

Scope resolve_scope(const Workspace& ws, const Chain& chain, const std::string& text) {
  if (text.empty()) return ws.chain_scope(chain);
  return resolve_scope_text(ws, text);
}

ScoreWeights weights_option(const ScoreWeights& base, const std::string& text) {
  if (text.empty()) return base;
  try {
    return parse_weights(text, base);
  } catch (const std::invalid_argument& e) {
    throw UsageError({{{"--weights", 0, 0}, e.what(), "e.g. --weights gap=0.5,strength=0.2"}});
  }
}

}  // namespace chainlens::cli
