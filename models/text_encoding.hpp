// models/text_encoding.hpp: bulk input in UTF-8 (with or without a BOM) or GB18030/GBK (what
// Excel saves CSV as on Chinese Windows), the latter converted to UTF-8 while streaming.
#pragma once
#include <deque>
#include <istream>
#include <memory>
#include <optional>
#include <string>

namespace chainlens {

enum class TextEncoding { undecided, utf8, gb18030 };

/// A line holding bytes that are not text in the file's encoding: 1-based line, byte column.
struct EncodingProblem {
  std::size_t line = 0, column = 0;
  std::string message;
};

/// Wraps a raw byte stream; `stream()` yields UTF-8. The encoding is decided on the first
/// chunk holding a non-ASCII byte (a BOM says UTF-8): GB18030 when more of its non-ASCII
/// lines are GB18030 and not UTF-8 than are UTF-8. Lines are converted whole (no GB18030
/// byte is '\n'), so a character never splits at a chunk boundary. A line that is not
/// text in the chosen encoding (or is UTF-8 in a GB18030 file) passes through unchanged and
/// is recorded as a problem, so that the row reader rejects that row naming file:line.
class DecodedInput {
 public:
  explicit DecodedInput(std::istream& raw);
  ~DecodedInput();
  DecodedInput(const DecodedInput&) = delete;
  DecodedInput& operator=(const DecodedInput&) = delete;

  std::istream& stream() noexcept { return *stream_; }
  TextEncoding encoding() const noexcept;
  /// The problem recorded on `line`, if any; problems on earlier lines are dropped (they
  /// were on lines inside a quoted field or on skipped lines).
  std::optional<EncodingProblem> problem_at(std::size_t line);

 private:
  class Buf;
  std::unique_ptr<Buf> buf_;
  std::unique_ptr<std::istream> stream_;
};

/// "UTF-8" or "GB18030" (for messages).
const char* encoding_name(TextEncoding e) noexcept;

}  // namespace chainlens
