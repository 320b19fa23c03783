// models/bulk_reader.hpp: bulk enterprise rows from CSV (RFC 4180, via
// fast-cpp-csv-parser) or JSON Lines (via simdjson), one row at a time, so that
// millions of rows stream in bounded memory and rows can be parsed in parallel.
#pragma once
#include <array>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/diagnostic.hpp"
#include "models/enterprise.hpp"

namespace chainlens {

enum class BulkFormat { csv, jsonl };

struct ColumnMapping;
class DecodedInput;

/// How bulk rows are read beyond their format.
struct BulkReadOptions {
  /// Longest field accepted, in bytes (--max-string); 0: no limit.
  std::size_t max_string = 4096;
  /// A foreign CSV header mapped onto the bulk columns (--columns); CSV only.
  std::shared_ptr<const ColumnMapping> columns;
  /// read_bulk_file: the rows that fit in what --max-memory-mb leaves (0: no such bound).
  std::size_t memory_rows = 0;
  /// read_bulk_file: where the rows' ids and names go (a workspace's pool); none: heap copies.
  TextPool* texts = nullptr;
};

/// From the file name: .csv -> csv; .jsonl, .ndjson, .json -> jsonl; else empty.
std::optional<BulkFormat> bulk_format_for(const std::string& file_name);

/// The columns of a bulk file, in this order (workspace-format.md).
/// v2 adds kind, group, revenue_year and listed after them.
inline constexpr std::array<const char*, 11> kBulkColumns{"id",   "name",   "location", "segments",
                                                          "role", "status", "revenue",  "kind",
                                                          "group", "revenue_year", "listed"};

/// One raw row. CSV rows arrive split into `fields` (in kBulkColumns order, "" when
/// absent); JSON Lines rows arrive as `text`. `error` is set when the row could not
/// even be split (e.g. an unclosed quote).
struct BulkRow {
  std::size_t line = 0;  // 1-based line in the file
  std::array<std::string, kBulkColumns.size()> fields;
  std::string text;
  std::string error;
  std::size_t max_string = 0;  // set by the reader: the longest field accepted (0: any)
};

/// The bulk columns of one row as text: views into a block's record or into a scratch.
using BulkFields = std::array<std::string_view, kBulkColumns.size()>;

/// Raw records cut by the (serial) reader and split into fields in parallel (issue 16): one
/// byte buffer and offsets, so that reading a row allocates nothing.
struct BulkBlock {
  struct Record {
    std::size_t offset = 0, size = 0;  // into `bytes`
    std::size_t line = 0;              // 1-based line the record starts on
    // Set when the record could not be read (too long, NUL, not text). A record without one
    // is strict UTF-8: the input decoder checks every line it passes on, and a line that is
    // neither UTF-8 nor GB18030 is an error of its record.
    std::string error;
  };
  std::string bytes;
  std::vector<Record> records;
  std::string_view text(const Record& r) const { return {bytes.data() + r.offset, r.size}; }
  void clear() {
    bytes.clear();
    records.clear();
  }
};

/// Per-thread buffers for BulkRowReader::split.
struct BulkScratch {
  bool fields_in_record = false;  // set by split: every field is a view into the record
  std::string record;
  std::vector<std::string> any;
  std::array<std::string, kBulkColumns.size()> owned;
  std::string json;
};

/// Splits rows; single-threaded and cheap so that parsing can run in parallel. The input
/// may be UTF-8 (with or without a BOM) or GB18030/GBK (models/text_encoding.hpp); a row
/// holding bytes that are neither comes back with `error` set.
class BulkRowReader {
 public:
  /// Reads the CSV header at once; problems with it are in header_problems().
  BulkRowReader(std::istream& in, BulkFormat format, std::string file_name, BulkReadOptions options = {});
  ~BulkRowReader();
  BulkRowReader(const BulkRowReader&) = delete;
  BulkRowReader& operator=(const BulkRowReader&) = delete;

  /// False at the end of input. Blank lines are skipped.
  bool next(BulkRow& row);
  /// Appends up to `max_records` raw records to `block` (the serial step of next()). False
  /// when none was left.
  bool next_block(BulkBlock& block, std::size_t max_records);
  /// Splits one record of a block into the bulk columns (the parallel step of next();
  /// thread-safe). CSV fields view `record` when it holds no quote, `scratch` otherwise;
  /// JSON Lines fields view `scratch`. False with `error` set (the message next() and
  /// parse_bulk_row give) when the record is no row.
  bool split(std::string_view record, std::size_t line, BulkScratch& scratch, BulkFields& out,
             std::string& error) const;
  std::size_t max_string() const noexcept { return options_.max_string; }
  const std::vector<Diagnostic>& header_problems() const noexcept { return header_problems_; }
  BulkFormat format() const noexcept { return format_; }
  const std::string& file_name() const noexcept { return file_; }
  /// The input's encoding as detected so far (UTF-8 until a non-ASCII byte decides).
  const char* encoding() const noexcept;

 private:
  struct Csv;
  std::unique_ptr<DecodedInput> decoded_;
  std::istream& in_;
  BulkReadOptions options_;
  BulkFormat format_;
  std::string file_;
  std::size_t line_ = 0;
  std::string record_;  // next_block's reused record
  BulkBlock one_;       // next()'s block of one record
  BulkScratch one_scratch_;
  std::unique_ptr<Csv> csv_;
  std::vector<Diagnostic> header_problems_;
};

/// Converts one raw row into an enterprise, location as written (aliases are resolved
/// by the caller). A bad row returns false with `error` set to the reason.
bool parse_bulk_row(const BulkRow& row, BulkFormat format, Enterprise& out, std::string& error,
                    TextPool* texts = nullptr);

/// Fills an enterprise from a row's column texts (location as written); false with the reason.
/// A bulk row's values once checked, the texts still views into its fields: what
/// enterprise_from_fields fills an enterprise from, and what `score` builds a candidate from
/// without making an enterprise (whose segment and group ids would be interned for good).
struct BulkValues {
  std::string_view id, name, location, group;   // name: the id when the row has none
  std::vector<std::string_view> segments;       // as listed, trimmed, none twice
  std::optional<Role> role;
  EnterpriseStatus status = EnterpriseStatus::operating;
  std::optional<double> revenue;
  EnterpriseKind kind = EnterpriseKind::firm;
  std::optional<int> revenue_year;
  std::optional<bool> listed;
};

/// Checks a row's column texts (lengths, UTF-8, control bytes, then each value) into `out`;
/// false with the reason. `out` keeps its list's memory from row to row.
bool bulk_values(const BulkFields& fields, std::size_t max_string, BulkValues& out, std::string& error);

/// The id and name go into `texts` when given.
bool enterprise_from_fields(const BulkFields& fields, std::size_t max_string, Enterprise& out, std::string& error,
                            TextPool* texts = nullptr);

/// Reads a whole bulk file; every bad row becomes a diagnostic at file:line.
std::vector<Enterprise> read_bulk_file(std::istream& in, BulkFormat format,
                                       const std::string& file_name, DiagnosticSink& sink,
                                       std::size_t max_rows, const BulkReadOptions& options = {});

}  // namespace chainlens
