// models/diagnostic.cpp: formatting and collecting input diagnostics.
#include "models/diagnostic.hpp"

#include <algorithm>

namespace chainlens {

std::string format_diagnostic(const Diagnostic& d) {
  std::string out;
  if (!d.pos.file.empty()) {
    out += d.pos.file;
    if (d.pos.line > 0) {
      out += ':' + std::to_string(d.pos.line);
      if (d.pos.column > 0) out += ':' + std::to_string(d.pos.column);
    }
    out += ": ";
  }
  out += "error: " + d.message;
  if (!d.hint.empty()) out += " (" + d.hint + ")";
  return out;
}

static std::string first_message(const std::vector<Diagnostic>& all) {
  return all.empty() ? std::string("input error") : format_diagnostic(all.front());
}

InputError::InputError(std::vector<Diagnostic> all)
    : std::runtime_error(first_message(all)), all_(std::move(all)) {}

void DiagnosticSink::error(SourcePos pos, std::string message, std::string hint, bool force) {
  if (all_.size() >= kMaxKept && !force) {
    ++dropped_;
    return;
  }
  all_.push_back(Diagnostic{std::move(pos), std::move(message), std::move(hint)});
}

std::vector<Diagnostic> DiagnosticSink::all() const {
  std::vector<Diagnostic> out = all_;
  if (dropped_ > 0)
    out.push_back({{}, std::to_string(dropped_) + " more errors not shown", "fix the ones above first"});
  return out;
}

void DiagnosticSink::throw_if_any() const {
  if (!all_.empty()) throw InputError(all());
}

// Optimal string alignment distance (Levenshtein plus adjacent transpositions, so
// "chian" is one step from "chain"), over bytes: keys are ASCII, ids mostly so.
static std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

std::string closest_match(const std::string& word, const std::vector<std::string>& candidates) {
  // Allow roughly a third of the word to differ (ninja's spellcheck does the same kind).
  const std::size_t limit = std::max<std::size_t>(2, word.size() / 3);
  std::string best;
  std::size_t best_d = limit + 1;
  for (const std::string& c : candidates) {
    if (c.size() > word.size() + limit + 1 || word.size() > c.size() + limit + 1) continue;
    const std::size_t d = edit_distance(word, c);
    if (d < best_d || (d == best_d && c < best)) best_d = d, best = c;
  }
  return best_d <= limit ? best : std::string();
}

}  // namespace chainlens
