// cli/score_command.cpp: `chainlens score WORKSPACE --chain ID --candidates FILE|-`:
// streaming batch scoring of a bulk pool, parallel, output in input order, bad rows to
// a rejects file; a mapper for Spark/Hadoop (docs/scaling.md).
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "engine/batch_score.hpp"
#include "engine/chain_graph.hpp"
#include "engine/gaps.hpp"
#include "models/atomic_file.hpp"
#include "render/targets_writer.hpp"

namespace chainlens::cli {

struct ScoreOptions {
  InputOptions input;
  ColumnOptions columns;
  std::string chain, scope, weights, importance, candidates, input_format, format = "csv", out, rejects, lang = "zh";
  bool include_nearby = false, no_bom = false;
  int threads = 0;
  std::size_t max_rejects = static_cast<std::size_t>(-1);
  std::size_t chunk = 512;
  bool progress = true;
};

namespace {

// Output goes through the output module (stdout, a device or FIFO directly, a file
// atomically), through one buffer so that a million rows are a few hundred writes, not a
// million. A failed write throws, so that the run exits 1 (issue 18).
class Output {
 public:
  explicit Output(const std::string& path) : file_(std::make_unique<AtomicFile>(path)) {}
  void write(std::string_view s) {
    buffer_ += s;
    if (buffer_.size() >= (1u << 20)) flush();
  }
  void flush() {
    file_->write(buffer_);
    buffer_.clear();
  }
  void commit() {
    flush();
    file_->commit();
  }

 private:
  std::unique_ptr<AtomicFile> file_;
  std::string buffer_;
};

// Lines in a file, for the progress bar's percentage and ETA: a memchr-speed pass that
// costs a few percent of scoring, and only when the bar is shown.
std::size_t count_lines(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<char> buf(1 << 20);
  std::size_t n = 0;
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    n += static_cast<std::size_t>(std::count(buf.data(), buf.data() + in.gcount(), '\n'));
  }
  return n;
}

class ProgressBar {
 public:
  ProgressBar(bool enabled, std::size_t total_rows)
      : enabled_(enabled && ::isatty(STDERR_FILENO)), total_(total_rows), start_(std::chrono::steady_clock::now()) {}
  bool enabled() const { return enabled_; }
  void set_total(std::size_t rows) { total_ = rows; }
  void update(const BatchStats& s, bool final = false) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (!final && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    const double secs = std::chrono::duration<double>(now - start_).count();
    const double rate = secs > 0 ? s.rows / secs : 0;
    std::string line = fmt::format("\r{} rows  {:.0f} rows/s  {} rejected", s.rows, rate, s.rejected);
    if (total_ > 0) {
      const double frac = std::min(1.0, static_cast<double>(s.rows) / static_cast<double>(total_));
      const double eta = rate > 0 ? (static_cast<double>(total_) - s.rows) / rate : 0;
      line += fmt::format("  {:5.1f}%  ETA {:.0f} s", 100 * frac, std::max(0.0, eta));
    }
    std::cerr << line << "   " << std::flush;
    if (final) std::cerr << '\n';
  }

 private:
  bool enabled_;
  std::size_t total_;
  std::chrono::steady_clock::time_point start_, last_{};
};

}  // namespace

static int run_score(const ScoreOptions& o) {
  const Workspace ws = load_input(o.input, o.importance);
  const Chain& chain = require_chain(ws, o.chain);
  const ChainGraph graph(ws, chain);
  const Scope scope = resolve_scope(ws, chain, o.scope);
  const ScoreWeights weights = weights_option(ws.scoring, o.weights);
  const ScoringModel model = prepare_scoring(graph, find_gaps(graph, scope), weights, o.include_nearby);

  const bool from_stdin = o.candidates == "-";
  const std::string shown = from_stdin ? "<stdin>" : o.candidates;
  std::optional<BulkFormat> format;
  if (!o.input_format.empty()) format = o.input_format == "csv" ? BulkFormat::csv : BulkFormat::jsonl;
  else if (!from_stdin) format = bulk_format_for(o.candidates);
  if (!format)
    throw InputError({{{shown, 0, 0}, "cannot tell the candidate file's format",
                       "name it *.csv or *.jsonl, or pass --input-format csv|jsonl"}});
  std::ifstream file;
  ProgressBar bar(o.progress, 0);
  if (!from_stdin) {
    file.open(o.candidates, std::ios::binary);
    if (!file) throw InputError({{{shown, 0, 0}, "cannot open the file", {}}});
    if (bar.enabled()) {
      const std::size_t lines = count_lines(o.candidates);
      bar.set_total(*format == BulkFormat::csv && lines > 0 ? lines - 1 : lines);  // minus the header
    }
  }
  if (!from_stdin) register_input_file(o.candidates);
  std::istream& in = from_stdin ? std::cin : file;
  // Outputs are opened (and checked against the inputs) before any row is read.
  Output out(o.out);
  std::string rejects_path = o.rejects;
  if (rejects_path.empty() && !o.out.empty() && o.out != "-") rejects_path = o.out + ".rejects.csv";
  std::unique_ptr<Output> rejects;
  if (!rejects_path.empty()) rejects = std::make_unique<Output>(rejects_path);

  BulkRowReader reader(in, *format, shown, bulk_read_options(o.input, o.columns));
  if (!reader.header_problems().empty()) throw InputError(reader.header_problems());
  const bool csv = o.format == "csv";
  const Lang lang = parse_lang(o.lang);
  // A BOM only opens a file (for Excel); standard output is the streaming path into another
  // program (a mapper, a pipe), which a BOM would only disturb.
  if (csv && !o.no_bom && !o.out.empty() && o.out != "-") out.write(kUtf8Bom);
  if (csv) out.write(score_csv_header(lang));
  if (rejects) rejects->write("line,reason\n");
  BatchSinks sinks;
  if (csv) sinks.render = [lang](std::string& out, const ScoreRow& s, std::size_t line) { append_score_csv_row(out, s, line, lang); };
  else sinks.render = [](std::string& out, const ScoreRow& s, std::size_t line) { append_score_jsonl_row(out, s, line); };
  sinks.write = [&](const std::string& rows) { out.write(rows); };
  sinks.reject = [&](std::size_t line, const std::string& reason) {
    if (rejects) {
      std::string r = reason;
      for (char& c : r)
        if (c == '"') c = '\'';
      rejects->write(fmt::format("{},\"{}\"\n", line, r));
    } else {
      std::cerr << shown << ':' << line << ": reject: " << reason << '\n';
    }
  };
  sinks.progress = [&](const BatchStats& s) { bar.update(s); };
  BatchOptions bo;
  bo.threads = o.threads;
  bo.chunk = o.chunk;
  const BatchStats s = score_stream(model, ws.regions, reader, sinks, bo);
  bar.update(s, true);
  out.commit();
  if (rejects) rejects->commit();
  std::cerr << fmt::format("scored {} rows: {} scored, {} unmatched, {} local (not candidates), {} nearby (left out), "
                           "{} rejected{}\n",
                           s.rows, s.scored, s.unmatched, s.local, s.nearby, s.rejected,
                           rejects && s.rejected ? " (see " + rejects_path + ")" : "");
  // A file whose every row is rejected (say, a foreign header not mapped) is an input
  // error, never "scored 0 rows" with exit 0 (issue 15).
  if (s.rows > 0 && s.rejected == s.rows) {
    std::cerr << fmt::format("error: every row of {} was rejected ({} {}, read as {})\n", shown, s.rows,
                             s.rows == 1 ? "row" : "rows", reader.encoding());
    return static_cast<int>(ExitCode::input_error);
  }
  if (s.rejected > o.max_rejects) {
    std::cerr << fmt::format("error: {} rejected rows exceed --max-rejects {}\n", s.rejected, o.max_rejects);
    return static_cast<int>(ExitCode::input_error);
  }
  return 0;
}

void add_score_command(CLI::App& app, Registry& r) {
  auto o = std::make_shared<ScoreOptions>();
  CLI::App* cmd = app.add_subcommand("score", "Score a bulk candidate pool (CSV or JSON Lines), streaming, in parallel");
  add_input_options(*cmd, o->input);
  cmd->add_option("--chain", o->chain, "Chain: id, name or English name (auto, 汽车)")->required();
  cmd->add_option("--candidates", o->candidates, "Candidate file, or - for standard input")->required();
  add_column_options(*cmd, o->columns);
  cmd->add_option("--input-format", o->input_format, "Format of the candidates (default: from the file name)")
      ->check(CLI::IsMember({"csv", "jsonl"}));
  cmd->add_option("--scope", o->scope, "Region path or alias that counts as local (default: the chain's scope)");
  cmd->add_option("--weights", o->weights, "Override score weights, e.g. gap=0.5,strength=0.2");
  add_importance_option(*cmd, o->importance);
  cmd->add_flag("--include-nearby", o->include_nearby,
                "Score candidates elsewhere in the region one level up (市内转移) instead of leaving them out");
  cmd->add_option("--format", o->format, "Output format")->check(CLI::IsMember({"csv", "jsonl"}))->capture_default_str();
  cmd->add_option("-o,--output", o->out, "Write to this file (atomically) instead of standard output");
  cmd->add_option("--lang", o->lang, "Language of the CSV header and labels (JSON Lines keys are always English)")
      ->check(CLI::IsMember({"zh", "en"}))
      ->capture_default_str();
  cmd->add_flag("--no-bom", o->no_bom, "No UTF-8 byte-order mark in a CSV written with -o (standard output never has one)");
  cmd->add_option("--rejects", o->rejects, "File for bad rows (default: OUTPUT.rejects.csv, or standard error)");
  cmd->add_option("--max-rejects", o->max_rejects, "Exit with code 3 when more rows than this are rejected");
  cmd->add_option("-j,--threads", o->threads, "Worker threads (0: all cores)")->capture_default_str();
  cmd->add_option("--chunk", o->chunk, "Rows per parallel work item")->check(CLI::Range(1, 1 << 20))->capture_default_str();
  cmd->add_flag("--progress,!--no-progress", o->progress, "Progress bar on standard error when it is a terminal");
  cmd->callback([o, &r] { r.selected = [o] { return guarded([&] { return run_score(*o); }); }; });
}

}  // namespace chainlens::cli
