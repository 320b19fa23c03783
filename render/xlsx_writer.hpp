// render/xlsx_writer.hpp: Excel workbooks (libxlsxwriter) from the same Tables the text,
// CSV and Markdown writers use: one sheet per table.
#pragma once
#include <string>
#include <vector>

#include "render/table.hpp"

namespace chainlens {

struct Sheet {
  std::string name;  // made safe for Excel: at most 31 characters, no []:*?/\, unique
  Table table;
};

/// The bytes of an .xlsx workbook: one sheet per table, frozen header row, Chinese header as
/// given, column widths from the display width of the cells, numbers as numbers, percent
/// columns with a 0.0% format, "-" or "" in a numeric column as an empty cell; text always
/// as text (never a formula). Creation time fixed, so the same tables give the same bytes.
/// Throws std::runtime_error when libxlsxwriter fails.
std::string to_xlsx(const std::vector<Sheet>& sheets);

/// A sheet name Excel accepts: []:*?/\ become _, at most 31 characters (not bytes), not
/// empty.
std::string sheet_name(std::string_view name);

}  // namespace chainlens
