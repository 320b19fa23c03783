// cli/common.hpp: what every subcommand shares: exit codes, loading a workspace
// (or a snapshot) with diagnostics printed, and writing output to stdout or a file.
#pragma once
#include <functional>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

#include "models/bulk_reader.hpp"
#include "models/workspace.hpp"
#include "models/yaml_loader.hpp"

namespace chainlens {
class TextSink;
}

namespace chainlens::cli {

/// Documented in the README and in --help.
enum class ExitCode : int { ok = 0, failure = 1, usage = 2, input_error = 3 };

/// A bad option value found after parsing (e.g. --weights gap=x): printed like an input
/// error, but exits 2 (usage), as CLI11's own checks do.
class UsageError : public InputError {
 public:
  using InputError::InputError;
};

/// Options every command that reads a workspace takes.
struct InputOptions {
  std::string workspace;      // folder, YAML file or .snap snapshot
  std::size_t max_depth = LoadLimits{}.max_depth;
  std::size_t max_string = LoadLimits{}.max_string;
  std::size_t max_file_mb = LoadLimits{}.max_file_bytes >> 20;
  std::size_t max_entries = LoadLimits{}.max_entries;
  std::size_t max_memory_mb = LoadLimits{}.max_memory_bytes >> 20;
  bool check_sources = false;  // for a snapshot: refuse it when its source files changed
  LoadOptions load_options() const;
};

/// What every analysis command takes: which chain, in which scope, how to print it.
struct AnalysisOptions {
  std::string chain, scope, format = "table", lang = "zh", out;
  bool no_bom = false;  // CSV without the UTF-8 byte-order mark Excel needs
  std::string importance;  // --importance value=...,dependence=...,plan=...,import=...
};

/// Adds --chain, --scope (unless the analysis has none), --format (one of `formats`, the
/// first is the default), --lang and -o.
void add_analysis_options(CLI::App& cmd, AnalysisOptions& o, bool with_scope = true,
                          const std::vector<std::string>& formats = {"table", "json", "csv", "md", "xlsx"});

/// Loads a workspace folder, YAML file or snapshot as the options say; throws InputError.
Workspace load_input(const InputOptions& o);
/// The same, with `--importance` weights applied over the workspace's (metrics.md v2).
Workspace load_input(const InputOptions& o, const std::string& importance);

/// Adds `--importance` to a command that has no AnalysisOptions.
void add_importance_option(CLI::App& cmd, std::string& importance);

/// Adds the WORKSPACE positional and the limit flags to a subcommand.
void add_input_options(CLI::App& cmd, InputOptions& o);

/// `--columns` / `--columns-file` of a command reading a bulk candidate file.
struct ColumnOptions {
  std::string columns, columns_file;
};
void add_column_options(CLI::App& cmd, ColumnOptions& o);
/// How to read a bulk candidate file: --max-string and the column mapping (a bad
/// `--columns` is a UsageError, a bad mapping file an InputError).
BulkReadOptions bulk_read_options(const InputOptions& in, const ColumnOptions& columns);

/// Loads the workspace; on InputError prints every diagnostic to stderr and
/// returns nullopt (the caller returns ExitCode::input_error).
std::optional<Workspace> load_or_report(const InputOptions& o);

/// Runs `body`; turns InputError into printed diagnostics + exit 3 and any other
/// std::exception into "error: ..." + exit 1. Every subcommand goes through it.
int guarded(const std::function<int()>& body);

/// Writes `text` to `out_path` atomically, or to stdout when it is "" or "-".
void write_output(const std::string& out_path, const std::string& text);

/// Writes an analysis result as the options say: CSV opens with a UTF-8 byte-order mark
/// (without it Excel on Chinese Windows reads the UTF-8 as GBK) unless --no-bom; an xlsx
/// workbook is never written to a terminal (a UsageError asking for -o).
void write_result(const AnalysisOptions& o, const std::string& text);

/// Streams a JSON result into --out a block at a time (a file atomically, as write_output):
/// `write` puts the document into the sink without its trailing newline, which is added.
/// For outputs too long to hold whole (issue 16: a city-wide network's matchmaking list).
void stream_json_result(const AnalysisOptions& o, const std::function<void(TextSink&)>& write);

/// The UTF-8 byte-order mark.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

/// --font values that are safe inside an SVG or HTML attribute and a GraphViz string:
/// letters (any script), digits, space and - _ . , + ( ); quotes, <, >, &, ;, \ and
/// control characters are refused (exit 2).
CLI::Validator font_name_check();

/// --date values: a real calendar date written YYYY-MM-DD (2024-13-45 is refused, exit 2).
CLI::Validator date_check();

/// Looks a chain up by id, name or English name (exactly); an unknown name is
/// an InputError with a did-you-mean, an ambiguous one a UsageError listing the matches.
const Chain& require_chain(const Workspace& ws, const std::string& text);
/// The id of the enterprise `text` names (id, name or alias), the same way; `option` names
/// the flag in messages (--add, --remove).
std::string require_enterprise(const Workspace& ws, const std::string& text, const std::string& option);

/// The workspace's score weights with `--weights gap=0.5,...` applied; a bad item is an
/// InputError naming --weights.
ScoreWeights weights_option(const ScoreWeights& base, const std::string& text);

/// The scope written on the command line (an alias such as 黄岛区 is resolved), or the
/// chain's default scope when `text` is empty.
Scope resolve_scope(const Workspace& ws, const Chain& chain, const std::string& text);
/// A scope written on the command line; a path that is no declared region, location or
/// chain scope (nor a prefix of one) is a UsageError with a did-you-mean.
Scope resolve_scope_text(const Workspace& ws, const std::string& text);

}  // namespace chainlens::cli
