// render/xlsx_writer.cpp: libxlsxwriter writes to a file name only (1.1.4 has no memory
// output), so the workbook goes to a private temp file that is read back and removed.
#include "render/xlsx_writer.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

#include "render/text_width.hpp"

namespace chainlens {

std::string sheet_name_within(std::string_view name, int max_chars);

namespace {

std::optional<double> number_of(std::string_view cell) {
  if (!cell.empty() && cell.front() == '+') cell.remove_prefix(1);
  double d = 0;
  const auto r = std::from_chars(cell.data(), cell.data() + cell.size(), d);
  if (cell.empty() || r.ptr != cell.data() + cell.size() || r.ec != std::errc()) return std::nullopt;
  return d;
}

// The temp file, removed however the writer leaves.
struct TempFile {
  std::string path;
  TempFile() {
    std::string pattern = (std::filesystem::temp_directory_path() / "chainlens-XXXXXX.xlsx").string();
    const int fd = mkstemps(pattern.data(), 5);
    if (fd < 0) throw std::runtime_error("cannot create a temp file for the xlsx workbook");
    ::close(fd);
    path = pattern;
  }
  ~TempFile() {
    std::error_code ec;
    std::filesystem::remove(path, ec);
  }
};

void check(lxw_error e, const char* what) {
  if (e != LXW_NO_ERROR) throw std::runtime_error(std::string("xlsx: ") + what + ": " + lxw_strerror(e));
}

void write_sheet(lxw_workbook* wb, lxw_worksheet* ws, const Table& t, lxw_format* head, lxw_format* pct) {
  std::size_t n = t.header.size();
  for (const auto& row : t.rows) n = std::max(n, row.size());
  auto kind = [&](std::size_t i) { return i < t.kinds.size() ? t.kinds[i] : CellKind::text; };
  std::vector<int> width(n, 4);
  for (std::size_t c = 0; c < t.header.size(); ++c) {
    check(worksheet_write_string(ws, 0, lxw_col_t(c), t.header[c].c_str(), head), "header");
    width[c] = std::max(width[c], display_width(t.header[c]));
  }
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const lxw_row_t row = lxw_row_t(r + 1);
    for (std::size_t c = 0; c < t.rows[r].size(); ++c) {
      const std::string& cell = t.rows[r][c];
      const lxw_col_t col = lxw_col_t(c);
      if (kind(c) != CellKind::text) {
        if (const auto v = number_of(cell)) {
          check(worksheet_write_number(ws, row, col, *v, kind(c) == CellKind::percent ? pct : nullptr), "number");
          width[c] = std::max(width[c], kind(c) == CellKind::percent ? 7 : display_width(cell));
          continue;
        }
        if (cell.empty() || cell == "-") continue;  // no data: an empty cell, not a text "-"
      }
      if (cell.empty()) continue;
      // write_string stores a shared string: "=1+1" stays text, never a formula.
      check(worksheet_write_string(ws, row, col, cell.c_str(), nullptr), "cell");
      width[c] = std::max(width[c], display_width(cell));
    }
  }
  for (std::size_t c = 0; c < n; ++c)
    worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c), std::min(width[c], 60) + 2.0, nullptr);
  if (!t.header.empty()) worksheet_freeze_panes(ws, 1, 0);
  (void)wb;
}

}  // namespace

std::string sheet_name(std::string_view name) { return sheet_name_within(name, 31); }

std::string sheet_name_within(std::string_view name, int max_chars) {
  std::string out;
  int chars = 0;
  for (std::size_t i = 0; i < name.size() && chars < max_chars;) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    std::string ch(name.substr(i, len));
    if (ch.size() == 1 && std::string_view("[]:*?/\\").find(ch[0]) != std::string_view::npos) ch = "_";
    out += ch;
    i += len;
    ++chars;
  }
  // Excel refuses a name that starts or ends with an apostrophe.
  if (!out.empty() && out.front() == '\'') out.front() = '_';
  if (!out.empty() && out.back() == '\'') out.back() = '_';
  return out.empty() ? "Sheet" : out;
}

std::string to_xlsx(const std::vector<Sheet>& sheets) {
  TempFile file;
  lxw_workbook* wb = workbook_new(file.path.c_str());
  if (!wb) throw std::runtime_error("xlsx: cannot start a workbook");
  lxw_doc_properties props{};
  props.created = 946684800;  // 2000-01-01, fixed (0 means "now"): the same tables give the same bytes
  char creator[] = "chainlens";
  props.author = creator;
  workbook_set_properties(wb, &props);
  lxw_format* head = workbook_add_format(wb);
  format_set_bold(head);
  format_set_bg_color(head, 0xDDEBF7);
  format_set_bottom(head, LXW_BORDER_THIN);
  lxw_format* pct = workbook_add_format(wb);
  format_set_num_format(pct, "0.0%");
  std::set<std::string> used;
  std::vector<Sheet> all = sheets;
  if (all.empty()) all.push_back({"Sheet", {}});
  for (const Sheet& s : all) {
    std::string name = sheet_name(s.name);
    for (int i = 2; used.count(name); ++i) name = sheet_name_within(s.name, 25) + " (" + std::to_string(i) + ")";
    used.insert(name);
    lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
    if (!ws) {
      workbook_close(wb);
      throw std::runtime_error("xlsx: cannot add sheet '" + name + "'");
    }
    write_sheet(wb, ws, s.table, head, pct);
  }
  check(workbook_close(wb), "cannot write the workbook");
  std::ifstream in(file.path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) throw std::runtime_error("xlsx: cannot read the workbook back");
  return bytes.str();
}

}  // namespace chainlens
