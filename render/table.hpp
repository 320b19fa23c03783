// render/table.hpp: a plain table of strings and its renderings as aligned terminal text
// (by display width, so Chinese lines up), CSV (RFC 4180) and Markdown.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace chainlens {

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  // short rows are padded with empty cells
  std::vector<bool> align_right;               // per column; absent means left-aligned
};

/// Columns padded to the widest cell's display width, separated by two spaces, a dashed
/// rule under the header, no trailing spaces; every line ends in '\n'.
std::string to_text(const Table& t);

/// RFC 4180: cells with comma, quote, CR or LF are quoted, quotes doubled; CRLF-free ('\n').
std::string to_csv(const Table& t);
/// One CSV cell, quoted when RFC 4180 requires it; a text cell starting with = + - @ (or
/// a tab or CR) gets a leading ' so that no spreadsheet runs it as a formula. Numbers such
/// as -0.5 stay numbers.
std::string csv_quote(std::string_view cell);
/// True for a text cell that a spreadsheet would read as a formula (see csv_quote).
bool formula_like(std::string_view cell);
/// Text for a Markdown line or table cell: '|' escaped, line ends as spaces, < and > as
/// entities (no raw HTML).
std::string markdown_escape(std::string_view text);

/// GitHub Markdown table; '|' escaped as '\|', newlines in a cell become spaces.
std::string to_markdown(const Table& t);

}  // namespace chainlens
