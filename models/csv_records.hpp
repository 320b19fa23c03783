// models/csv_records.hpp: CSV records that always make progress (issue 18). A record is a
// line, or several when a quoted field holds newlines (RFC 4180); a line longer than the
// limit is skipped whole and reported, never retried; a NUL byte is reported. Fields are
// split by fast-cpp-csv-parser's own rules, so messages stay those of the library.
#pragma once
#include <array>
#include <cstdio>
#include <istream>
#include <string>
#include <string_view>
#include <cstring>
#include <vector>

#include "models/fccp.hpp"

namespace chainlens {

/// The longest record accepted, in bytes (the parser's own line limit, 2^24 - 1).
inline constexpr std::size_t kMaxCsvRecord = (std::size_t{1} << 24) - 1;

namespace csv_error {
struct line_too_long : io::error::base, io::error::with_file_name, io::error::with_file_line {
  std::size_t limit = kMaxCsvRecord;
  void format_error_message() const override {
    std::snprintf(error_message_buffer, sizeof(error_message_buffer),
                  "Line %d in file \"%s\" is longer than %zu bytes; skipped.", file_line, file_name, limit);
  }
};
struct nul_byte : io::error::base, io::error::with_file_name, io::error::with_file_line {
  void format_error_message() const override {
    std::snprintf(error_message_buffer, sizeof(error_message_buffer),
                  "Line %d in file \"%s\" contains a NUL byte.", file_line, file_name);
  }
};
}  // namespace csv_error

/// Splits a stream into CSV records (see above). A UTF-8 BOM at the start is dropped.
class CsvRecordReader {
 public:
  enum class Status { ok, too_long };
  explicit CsvRecordReader(std::istream& in, std::size_t max_bytes = kMaxCsvRecord);
  /// False at the end. `record` has no line end (a final CR is dropped); `line` is the
  /// 1-based line it starts on. A quote left open to the end of input (or beyond the limit)
  /// closes nothing: the record is its first line only, so one stray quote costs one row.
  bool next(std::string& record, std::size_t& line, Status& status);
  /// The next record that is not blank (next() plus the checks every CSV table makes): one
  /// over the limit throws line_too_long and one holding a NUL byte nul_byte, naming `file`
  /// and `line`; either is consumed, so the next call reads the record after it.
  bool next_row(std::string& record, std::size_t& line, const std::string& file);
  /// next_row's common case in a run, with no copy: up to `max` records that are one whole
  /// line in the buffer, within the limit, with no quote and no NUL byte and not blank, each
  /// passed as take(record, line) as a view into the buffer (valid during the call only).
  /// Stops before the first record that is not such (next_row reads it) and returns how
  /// many were taken; 0 says only that next_row must read the next one.
  template <class Take>
  std::size_t take_plain(std::size_t max, Take&& take) {
    std::size_t n = 0;
    while (n < max) {
      const char* begin = buf_.data() + pos_;
      const std::size_t left = end_ - pos_;
      const void* nl = std::memchr(begin, '\n', left);
      if (!nl) break;
      const auto k = static_cast<std::size_t>(static_cast<const char*>(nl) - begin);
      if (k > max_ || std::memchr(begin, '"', k) || std::memchr(begin, '\0', k)) break;
      std::string_view rec(begin, k);
      if (!rec.empty() && rec.back() == '\r') rec.remove_suffix(1);
      if (rec.empty() || rec.front() == ' ' || rec.front() == '\t') break;  // maybe blank: next_row decides
      take(rec, line_);
      ++line_;
      pos_ += k + 1;
      ++n;
    }
    return n;
  }
  std::size_t max_bytes() const noexcept { return max_; }

 private:
  bool fill();
  std::istream& in_;
  std::size_t max_;
  std::string buf_;     // [pos_, end_): read, not yet consumed; past end_: scratch
  std::size_t pos_ = 0, end_ = 0, line_ = 1;
  bool eof_ = false;
};

/// Every field of one record, trimmed and unquoted by the parser's own rules (any count).
std::vector<std::string> split_csv_record(std::string record);

/// Runs `split`, setting `file` and `line` on any parser error it throws.
template <class Split>
void with_csv_place(const std::string& file, std::size_t line, Split&& split) {
  try {
    try {
      split();
    } catch (io::error::with_file_name& e) {
      e.set_file_name(file.c_str());
      throw;
    }
  } catch (io::error::with_file_line& e) {
    e.set_file_line(static_cast<unsigned>(line));
    throw;
  }
}

/// A CSV file with N known columns (header by name), rows as strings.
template <unsigned N>
class CsvTable {
 public:
  using trim = io::trim_chars<' ', '\t', '\r'>;
  using quote = io::double_quote_escape<',', '"'>;
  CsvTable(std::istream& in, const std::string& file_name, std::array<std::string, N> names,
           std::size_t max_bytes = kMaxCsvRecord)
      : records_(in, max_bytes), file_(file_name), names_(std::move(names)) {
    for (unsigned i = 0; i < N; ++i) order_.push_back(static_cast<int>(i));
  }

  /// Throws io::error::base (file name set) when the header is missing or bad.
  void read_header(io::ignore_column policy) {
    std::string rec;
    if (!records_.next_row(rec, line_, file_)) {
      io::error::header_missing e;
      e.set_file_name(file_.c_str());
      throw e;
    }
    header_ = split_csv_record(rec);
    try {
      io::detail::parse_header_line<N, trim, quote>(rec.data(), order_, names_.data(), policy);
    } catch (io::error::with_file_name& e) {
      e.set_file_name(file_.c_str());
      throw;
    }
  }

  bool has_column(const std::string& name) const {
    for (int c : order_)
      if (c >= 0 && names_[static_cast<unsigned>(c)] == name) return true;
    return false;
  }

  /// False at the end. A bad row throws io::error::base (file name and line set) and is
  /// consumed: the next call reads the row after it.
  bool read_row(std::array<std::string, N>& out) {
    if (!next_record(rec_)) return false;
    parse_record(rec_, line_, out);
    return true;
  }

  /// The next record that is not blank, unsplit (serial). A record too long or holding a NUL
  /// byte throws as read_row does, and is consumed.
  bool next_record(std::string& rec) { return records_.next_row(rec, line_, file_); }
  /// CsvRecordReader::take_plain, keeping line() in step.
  template <class Take>
  std::size_t take_plain(std::size_t max, Take&& take) {
    return records_.take_plain(max, [&](std::string_view rec, std::size_t line) {
      line_ = line;
      take(rec, line);
    });
  }

  /// Splits a record read by next_record (on `line`) into the named columns; thread-safe.
  /// Throws io::error::base with the file name and line set. `rec` is used as scratch.
  template <class Out>
  void parse_record(std::string& rec, std::size_t line, Out& out) const {
    char* cols[N] = {};
    with_csv_place(file_, line, [&] { io::detail::parse_line<trim, quote>(rec.data(), cols, order_); });
    for (unsigned i = 0; i < N; ++i) out[i] = cols[i] ? cols[i] : "";
  }

  /// For each field of a record in file order, the named column it fills (-1: an extra one).
  const std::vector<int>& column_order() const noexcept { return order_; }

  /// The line the last record read starts on.
  std::size_t line() const noexcept { return line_; }
  /// The header's column names as written (for messages).
  const std::vector<std::string>& header() const noexcept { return header_; }

 private:
  CsvRecordReader records_;
  std::string file_, rec_;
  std::array<std::string, N> names_;
  std::vector<int> order_;
  std::vector<std::string> header_;
  std::size_t line_ = 0;
};

/// A CSV file read with whatever columns its header has (a foreign export mapped by
/// models/column_mapping.hpp): the header, then rows with exactly that many fields.
class CsvAnyTable {
 public:
  CsvAnyTable(std::istream& in, std::string file_name, std::size_t max_bytes = kMaxCsvRecord)
      : records_(in, max_bytes), file_(std::move(file_name)) {}
  /// Throws io::error::base when there is no header.
  const std::vector<std::string>& read_header();
  /// False at the end. A bad row throws io::error::base (consumed, as CsvTable's).
  bool read_row(std::vector<std::string>& out);
  /// read_row in two steps: the record (serial), then its fields (thread-safe).
  bool next_record(std::string& rec);
  /// CsvRecordReader::take_plain, keeping line() in step.
  template <class Take>
  std::size_t take_plain(std::size_t max, Take&& take) {
    return records_.take_plain(max, [&](std::string_view rec, std::size_t line) {
      line_ = line;
      take(rec, line);
    });
  }
  void parse_record(std::string rec, std::size_t line, std::vector<std::string>& out) const;
  std::size_t line() const noexcept { return line_; }
  const std::vector<std::string>& header() const noexcept { return header_; }

 private:
  CsvRecordReader records_;
  std::string file_, rec_;
  std::vector<std::string> header_;
  std::size_t line_ = 0;
};

}  // namespace chainlens
