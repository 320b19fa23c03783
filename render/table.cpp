// render/table.cpp: aligned text (display width via utf8proc), CSV and Markdown tables.
#include "render/table.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cstdint>
#include <iterator>

#include <fmt/format.h>

#include "render/text_width.hpp"

namespace chainlens {

namespace {

std::size_t column_count(const Table& t) {
  std::size_t n = t.header.size();
  for (const auto& row : t.rows) n = std::max(n, row.size());
  return n;
}

std::string cell_at(const std::vector<std::string>& row, std::size_t i) { return i < row.size() ? row[i] : ""; }

std::string rtrim(std::string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

}  // namespace

std::string percent_text(std::string_view cell) {
  double d = 0;
  const auto r = std::from_chars(cell.data(), cell.data() + cell.size(), d);
  if (cell.empty() || r.ptr != cell.data() + cell.size() || r.ec != std::errc()) return std::string(cell);
  const std::string out = fmt::format("{:.1f}%", d * 100);
  return out == "-0.0%" ? "0.0%" : out;
}

Table for_reading(const Table& in) {
  Table t;
  const std::size_t n = column_count(in);
  auto keep = [&](std::size_t i) { return !in.id_column || *in.id_column != i; };
  auto kind = [&](std::size_t i) { return i < in.kinds.size() ? in.kinds[i] : CellKind::text; };
  for (std::size_t i = 0; i < n; ++i) {
    if (!keep(i)) continue;
    if (!in.header.empty()) t.header.push_back(cell_at(in.header, i));
    t.align_right.push_back((i < in.align_right.size() && in.align_right[i]) || kind(i) != CellKind::text);
  }
  for (const auto& row : in.rows) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < n && i < row.size(); ++i)
      if (keep(i)) out.push_back(kind(i) == CellKind::percent ? percent_text(row[i]) : row[i]);
    t.rows.push_back(std::move(out));
  }
  return t;
}

std::string to_text(const Table& table) {
  const Table t = for_reading(table);
  const std::size_t n = column_count(t);
  std::vector<int> width(n, 0);
  auto measure = [&](const std::vector<std::string>& row) {
    for (std::size_t i = 0; i < n; ++i) width[i] = std::max(width[i], display_width(cell_at(row, i)));
  };
  measure(t.header);
  for (const auto& row : t.rows) measure(row);
  auto line = [&](const std::vector<std::string>& row) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
      if (i) out += "  ";
      const std::string cell = cell_at(row, i);
      const bool right = i < t.align_right.size() && t.align_right[i];
      if (right) out += std::string(std::size_t(width[i] - display_width(cell)), ' ') + cell;
      else out += pad_right(cell, width[i]);
    }
    return rtrim(out) + "\n";
  };
  std::string out;
  if (!t.header.empty()) {
    out += line(t.header);
    std::string rule;
    for (std::size_t i = 0; i < n; ++i) rule += (i ? "  " : "") + std::string(std::size_t(width[i]), '-');
    out += rule + "\n";
  }
  for (const auto& row : t.rows) out += line(row);
  return out;
}

// A number as a spreadsheet reads one (-0.5, +3, 1e-9, -12.5%): safe to write as is.
static bool numeric_cell(std::string_view cell) {
  if (!cell.empty() && cell.back() == '%') cell.remove_suffix(1);
  if (!cell.empty() && cell.front() == '+') cell.remove_prefix(1);
  if (cell.empty()) return false;
  double d = 0;
  const auto r = std::from_chars(cell.data(), cell.data() + cell.size(), d);
  return r.ptr == cell.data() + cell.size() && (r.ec == std::errc() || r.ec == std::errc::result_out_of_range);
}

bool formula_like(std::string_view cell) {
  if (cell.empty() || cell == "-") return false;  // a lone dash is the table's "none"
  const char c = cell.front();
  if (c != '=' && c != '+' && c != '-' && c != '@' && c != '\t' && c != '\r') return false;
  return !numeric_cell(cell);
}

void append_csv_cell(std::string& out, std::string_view cell) {
  // A text cell a spreadsheet would run as a formula gets a leading ' (issue 18).
  const bool guard = formula_like(cell);
  // A loop, not find_first_of: that calls memchr on the set once per character of the cell.
  const bool plain = std::none_of(cell.begin(), cell.end(), [](char c) { return c == ',' || c == '"' || c == '\r' || c == '\n'; });
  if (plain) {
    if (guard) out += '\'';
    out += cell;
    return;
  }
  out += '"';
  if (guard) out += '\'';
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void append_fixed(std::string& out, double v, int digits) {
  // to_chars rounds the exact binary value as fmt does. Figures repeat (a segment's gap, 0.5,
  // 1): a small per-thread memo of the text by the value's bits skips most conversions.
  struct Entry {
    std::uint64_t bits = 0;
    int digits = -1;
    unsigned char size = 0;
    char text[38];
  };
  thread_local std::array<Entry, 1024> memo;
  const auto bits = std::bit_cast<std::uint64_t>(v);
  Entry& e = memo[(bits ^ (bits >> 29) ^ static_cast<std::uint64_t>(digits)) * 0x9E3779B97F4A7C15ull >> 54];
  if (e.digits != digits || e.bits != bits) {
    const auto r = std::to_chars(e.text, e.text + sizeof e.text, v, std::chars_format::fixed, digits);
    if (r.ec != std::errc()) {  // longer than the memo holds: a huge figure, written directly
      e.digits = -1;
      fmt::format_to(std::back_inserter(out), "{:.{}f}", v, digits);
      return;
    }
    e.bits = bits;
    e.digits = digits;
    e.size = static_cast<unsigned char>(r.ptr - e.text);
  }
  out.append(e.text, e.size);
}

std::string csv_quote(std::string_view cell) {
  std::string out;
  append_csv_cell(out, cell);
  return out;
}

std::string to_csv(const Table& t) {
  const std::size_t n = column_count(t);
  auto line = [&](const std::vector<std::string>& row) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += (i ? "," : "") + csv_quote(cell_at(row, i));
    return out + "\n";
  };
  std::string out;
  if (!t.header.empty()) out += line(t.header);
  for (const auto& row : t.rows) out += line(row);
  return out;
}

std::string markdown_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n' || c == '\r') out += ' ';
    else if (c == '<') out += "&lt;";  // no raw HTML (<script>) from a name
    else if (c == '>') out += "&gt;";
    else out += c;
  }
  return out;
}

std::string to_markdown(const Table& table) {
  const Table t = for_reading(table);
  const std::size_t n = column_count(t);
  auto escape = [](const std::string& s) {
    std::string out;
    return markdown_escape(s);
  };
  auto line = [&](const std::vector<std::string>& row) {
    std::string out = "|";
    for (std::size_t i = 0; i < n; ++i) out += " " + escape(cell_at(row, i)) + " |";
    return out + "\n";
  };
  std::string out = line(t.header);  // Markdown needs a header row, even an empty one
  out += "|";
  for (std::size_t i = 0; i < n; ++i) out += (i < t.align_right.size() && t.align_right[i]) ? " ---: |" : " --- |";
  out += "\n";
  for (const auto& row : t.rows) out += line(row);
  return out;
}

}  // namespace chainlens
