// models/diagnostic.hpp: positions and diagnostics for problems in user input,
// and InputError, which carries every diagnostic found (never only the first).
#pragma once
#include <stdexcept>
#include <string>
#include <vector>

namespace chainlens {

/// A place in an input file; line and column are 1-based, 0 when unknown.
struct SourcePos {
  std::string file;
  int line = 0, column = 0;
};

struct Diagnostic {
  SourcePos pos;
  std::string message;
  std::string hint;  // optional; printed in parentheses after the message
};

/// "file:line:col: error: message (hint)"; parts that are unknown are left out.
std::string format_diagnostic(const Diagnostic& d);

/// A problem in the user's input (as opposed to a bug, which is an assert or
/// std::logic_error). what() is the first diagnostic; diagnostics() has all.
class InputError : public std::runtime_error {
 public:
  explicit InputError(std::vector<Diagnostic> all);
  const std::vector<Diagnostic>& diagnostics() const noexcept { return all_; }

 private:
  std::vector<Diagnostic> all_;
};

/// Collects diagnostics while a reader walks its input; throws once at the end.
/// Keeps the first kMaxKept diagnostics (and counts the rest) so that a hostile
/// file cannot exhaust memory with errors; `force` keeps one past the cap.
class DiagnosticSink {
 public:
  static constexpr std::size_t kMaxKept = 1000;
  void error(SourcePos pos, std::string message, std::string hint = {}, bool force = false);
  bool empty() const noexcept { return all_.empty(); }
  std::size_t size() const noexcept { return all_.size(); }
  std::size_t dropped() const noexcept { return dropped_; }
  /// The kept diagnostics, plus one line saying how many were dropped, if any.
  std::vector<Diagnostic> all() const;
  /// Throws InputError with everything collected, if anything was.
  void throw_if_any() const;

 private:
  std::vector<Diagnostic> all_;
  std::size_t dropped_ = 0;
};

/// The closest candidate within a small edit distance, or "" (for did-you-mean hints).
std::string closest_match(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace chainlens
