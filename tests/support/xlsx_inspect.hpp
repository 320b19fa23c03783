// tests/support/xlsx_inspect.hpp: reads an .xlsx with another program (python3-openpyxl), so
// that tests check what a spreadsheet sees, not what our writer meant to write.
#pragma once
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

namespace chainlens::test {

/// A fresh folder under the temp dir, removed with the object.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::random_device rd;
    path = std::filesystem::temp_directory_path() / ("chainlens-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
};

/// {sheets: [names], data: {name: {freeze: "A2", rows: [[{v: value, t: n|s|f, f: number
/// format}]], widths: {column letter: width}}}}. Throws when Python fails.
inline nlohmann::json inspect_xlsx(const std::filesystem::path& xlsx) {
  static const char* script_text = R"(import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": wb.sheetnames, "data": {}}
for ws in wb.worksheets:
    rows = [[{"v": c.value, "t": c.data_type, "f": c.number_format} for c in row] for row in ws.iter_rows()]
    widths = {k: v.width for k, v in ws.column_dimensions.items()}
    out["data"][ws.title] = {"freeze": ws.freeze_panes, "rows": rows, "widths": widths}
print(json.dumps(out, ensure_ascii=False))
)";
  const std::filesystem::path script = xlsx.parent_path() / "inspect_xlsx.py";
  std::ofstream(script) << script_text;
  const std::string cmd = "/usr/bin/python3 '" + script.string() + "' '" + xlsx.string() + "'";
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) throw std::runtime_error("cannot run python3");
  std::string out;
  char buf[4096];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  if (pclose(p) != 0) throw std::runtime_error("openpyxl could not read " + xlsx.string());
  return nlohmann::json::parse(out);
}

/// Writes bytes to dir/name and returns the path.
inline std::filesystem::path save_bytes(const std::filesystem::path& dir, const std::string& name, const std::string& bytes) {
  const std::filesystem::path f = dir / name;
  std::ofstream(f, std::ios::binary) << bytes;
  return f;
}

}  // namespace chainlens::test
