// cli/common.cpp: loading with printed diagnostics, the error guard, and output.
#include "cli/common.hpp"

#include <iostream>

#include "engine/candidate_score.hpp"
#include "models/atomic_file.hpp"
#include "models/snapshot.hpp"

namespace chainlens::cli {

LoadOptions InputOptions::load_options() const {
  LoadOptions o;
  o.limits.max_depth = max_depth;
  o.limits.max_string = max_string;
  o.limits.max_entries = max_entries;
  o.limits.max_file_bytes = max_file_mb << 20;
  return o;
}

void add_input_options(CLI::App& cmd, InputOptions& o) {
  cmd.add_option("WORKSPACE", o.workspace, "Workspace folder, YAML file or .snap snapshot")->required();
  cmd.add_option("--max-depth", o.max_depth, "Deepest YAML nesting accepted")->capture_default_str();
  cmd.add_option("--max-string", o.max_string, "Longest text value accepted, in bytes")->capture_default_str();
  cmd.add_option("--max-entries", o.max_entries, "Most YAML entries one file may expand to (aliases)")->capture_default_str();
  cmd.add_option("--max-file-mb", o.max_file_mb, "Largest input file accepted, in MiB")->capture_default_str();
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
    throw InputError({{{"--importance", 0, 0}, e.what(), "e.g. --importance value=0.4,plan=0.3"}});
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
  } catch (const InputError& e) {
    print_diagnostics(e);
    return static_cast<int>(ExitCode::input_error);
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << '\n';
    return static_cast<int>(ExitCode::failure);
  }
}

void write_output(const std::string& out_path, const std::string& text) {
  if (out_path.empty() || out_path == "-") {
    std::cout << text;
    std::cout.flush();
    return;
  }
  write_file_atomic(out_path, text);
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
    throw InputError({{{"--weights", 0, 0}, e.what(), "e.g. --weights gap=0.5,strength=0.2"}});
  }
}

}  // namespace chainlens::cli
