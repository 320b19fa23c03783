// cli/common.cpp: loading with printed diagnostics, the error guard, and output.
#include "cli/common.hpp"

#include <cctype>
#include <iostream>
#include <string_view>

#include "engine/candidate_score.hpp"
#include "models/atomic_file.hpp"
#include "models/snapshot.hpp"

namespace chainlens::cli {

LoadOptions InputOptions::load_options() const {
  LoadOptions o;
  o.limits.max_depth = max_depth;
  o.limits.max_string = max_string;
  o.limits.max_entries = max_entries;
  o.limits.max_file_bytes = max_file_mb << 20;  // bounded by the option's check (no overflow)
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
  cmd.add_flag("--check-sources", o.check_sources,
               "With a snapshot: refuse it when the files it was compiled from have changed");
}

void add_analysis_options(CLI::App& cmd, AnalysisOptions& o, bool with_scope, const std::vector<std::string>& formats) {
  o.format = formats.front();
  cmd.add_option("--chain", o.chain, "Chain id");
  if (with_scope) {
    cmd.add_option("--scope", o.scope, "Region path or alias that counts as local (default: the chain's scope)");
    add_importance_option(cmd, o.importance);
  }
  cmd.add_option("--format", o.format, "Output format")->check(CLI::IsMember(formats))->capture_default_str();
  cmd.add_option("--lang", o.lang, "Language of the output (Chinese by default)")
      ->check(CLI::IsMember({"zh", "en"}))
      ->capture_default_str();
  cmd.add_option("-o,--output", o.out, "Write to this file (atomically) instead of standard output");
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

const Chain& require_chain(const Workspace& ws, const std::string& id) {
  if (const Chain* c = ws.find_chain(id)) return *c;
  if (id.empty()) {
    std::string known;
    for (const Chain& c : ws.chains) known += (known.empty() ? "" : ", ") + c.id;
    throw InputError({{{"--chain", 0, 0}, "--chain is required", "chains: " + known}});
  }
  std::string known;
  std::vector<std::string> ids;
  for (const Chain& c : ws.chains) {
    known += (known.empty() ? "" : ", ") + c.id;
    ids.push_back(c.id);
  }
  const std::string close = closest_match(id, ids);
  throw InputError({{{}, "no chain '" + id + "' in the workspace",
                     close.empty() ? "chains: " + known : "did you mean '" + close + "'?"}});
}

Scope resolve_scope(const Workspace& ws, const Chain& chain, const std::string& text) {
  if (text.empty()) return ws.chain_scope(chain);
  return resolve_alias(ws.regions, RegionPath::parse(text));
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
