// render/table.hpp: a plain table of strings and its renderings as aligned terminal text
// (by display width, so Chinese lines up), CSV (RFC 4180) and Markdown (xlsx: xlsx_writer).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chainlens {

/// What a column holds. A percent cell holds the fraction ("0.3279"): text and Markdown
/// print it as 32.8%, CSV as written, xlsx as a number formatted 0.0%.
enum class CellKind { text, number, percent };

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  // short rows are padded with empty cells
  std::vector<bool> align_right;               // per column; absent means left-aligned (numbers: right)
  std::vector<CellKind> kinds;                 // per column; absent means text
  /// A column of ids, for CSV and xlsx (joins, lookups); text and Markdown, read by people
  /// beside the name column, leave it out.
  std::optional<std::size_t> id_column;
};

/// 32.8% for "0.3279" (one decimal); a cell that is not a number ("-", "") as it is.
std::string percent_text(std::string_view fraction);
/// The table a person reads: without the id column, percent cells as percentages, number
/// and percent columns right-aligned.
Table for_reading(const Table& t);

/// The table for_reading, columns padded to the widest cell's display width, separated by two spaces, a dashed
/// rule under the header, no trailing spaces; every line ends in '\n'.
std::string to_text(const Table& t);

/// RFC 4180: cells with comma, quote, CR or LF are quoted, quotes doubled; CRLF-free ('\n').
std::string to_csv(const Table& t);
/// One CSV cell, quoted when RFC 4180 requires it; a text cell starting with = + - @ (or
/// a tab or CR) gets a leading ' so that no spreadsheet runs it as a formula. Numbers such
/// as -0.5 stay numbers.
std::string csv_quote(std::string_view cell);
/// csv_quote appended to `out` (no allocation for a plain cell).
void append_csv_cell(std::string& out, std::string_view cell);
/// `v` with `digits` decimals appended to `out`: the bytes of fmt's "{:.Nf}" (the exact binary
/// value rounded half to even), with repeated figures converted once per thread.
void append_fixed(std::string& out, double v, int digits);
/// True for a text cell that a spreadsheet would read as a formula (see csv_quote).
bool formula_like(std::string_view cell);
/// Text for a Markdown line or table cell: '|' escaped, line ends as spaces, < and > as
/// entities (no raw HTML).
std::string markdown_escape(std::string_view text);

/// GitHub Markdown table of the table for_reading; '|' escaped as '\|', newlines in a cell become spaces.
std::string to_markdown(const Table& t);

}  // namespace chainlens
