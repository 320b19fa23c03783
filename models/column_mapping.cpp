// models/column_mapping.cpp: parsing `--columns` and mapping files, binding them to a
// header, and filling the bulk fields of a row (region levels joined, 登记状态 translated).
#include "models/column_mapping.hpp"

#include <yaml-cpp/yaml.h>

#include <stdexcept>

#include "models/csv_records.hpp"
#include "models/read_file.hpp"

namespace chainlens {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string column_names() {
  std::string out;
  for (const char* c : kBulkColumns) out += out.empty() ? c : std::string(", ") + c;
  return out;
}

// Index of a bulk column, or throws naming the accepted ones.
std::size_t column_index(std::string_view name) {
  for (std::size_t i = 0; i < kBulkColumns.size(); ++i)
    if (name == kBulkColumns[i]) return i;
  throw std::invalid_argument("unknown column '" + std::string(name) + "' (expected one of " + column_names() + ")");
}

constexpr std::size_t kLocation = 2, kSegments = 3, kStatus = 5;

void add(ColumnMapping& m, std::string_view header, std::string_view column) {
  header = trim(header);
  column = trim(column);
  if (header.empty()) throw std::invalid_argument("an empty header name before '=" + std::string(column) + "'");
  const std::size_t c = column_index(column);
  for (const auto& e : m.entries) {
    if (e.header == header) throw std::invalid_argument("header '" + std::string(header) + "' is mapped twice");
    if (e.column == c && c != kLocation && c != kSegments)
      throw std::invalid_argument("column '" + std::string(column) +
                                  "' is mapped twice (only location and segments take several header columns)");
  }
  m.entries.push_back({std::string(header), c});
}

}  // namespace

ColumnMapping parse_column_mapping(std::string_view text) {
  ColumnMapping m;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(',', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view item = trim(text.substr(start, end - start));
    start = end + 1;
    if (item.empty()) continue;
    const std::size_t eq = item.rfind('=');
    if (eq == std::string_view::npos)
      throw std::invalid_argument("'" + std::string(item) + "' is not HEADER=column");
    add(m, item.substr(0, eq), item.substr(eq + 1));
  }
  if (m.entries.empty()) throw std::invalid_argument("no HEADER=column item");
  return m;
}

ColumnMapping read_column_mapping_file(const std::string& path) {
  std::string text;
  if (!read_whole_file(path, text)) throw InputError({{{path, 0, 0}, "cannot open the mapping file", {}}});
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  ColumnMapping m;
  const bool yaml = path.size() > 5 && (path.ends_with(".yaml") || path.ends_with(".yml"));
  if (yaml) {
    try {
      const YAML::Node root = YAML::Load(text);
      if (!root.IsMap())
        throw InputError({{{path, 1, 1}, "a mapping file holds one 'HEADER: column' per line", "e.g. 企业名称: name"}});
      for (const auto& kv : root) {
        const int line = kv.first.Mark().line + 1;
        if (!kv.first.IsScalar() || !kv.second.IsScalar())
          throw InputError({{{path, line, 1}, "expected 'HEADER: column'", "e.g. 省份: location"}});
        try {
          add(m, kv.first.Scalar(), kv.second.Scalar());
        } catch (const std::invalid_argument& e) {
          throw InputError({{{path, line, 1}, e.what(), {}}});
        }
      }
    } catch (const YAML::Exception& e) {
      throw InputError({{{path, e.mark.line + 1, e.mark.column + 1}, "YAML syntax: " + e.msg, {}}});
    }
  } else {
    std::size_t start = 0;
    int line = 0;
    while (start < text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      const std::string_view row = trim(std::string_view(text).substr(start, end - start));
      start = end + 1;
      ++line;
      if (row.empty() || row.front() == '#') continue;
      std::vector<std::string> f = split_csv_record(std::string(row));
      if (line == 1 && f.size() == 2 && f[0] == "header" && f[1] == "column") continue;
      if (f.size() != 2) throw InputError({{{path, line, 1}, "expected HEADER,column", "e.g. 企业名称,name"}});
      try {
        add(m, f[0], f[1]);
      } catch (const std::invalid_argument& e) {
        throw InputError({{{path, line, 1}, e.what(), {}}});
      }
    }
  }
  if (m.entries.empty()) throw InputError({{{path, 1, 1}, "the mapping file maps no column", "e.g. 企业名称,name"}});
  return m;
}

std::string registration_status(std::string_view text) {
  const auto has = [&](std::string_view w) { return text.find(w) != std::string_view::npos; };
  for (std::string_view w : {"注销", "吊销", "撤销", "迁出", "停业", "歇业", "清算", "关闭"})
    if (has(w)) return "closed";
  for (std::string_view w : {"存续", "在业", "在营", "开业", "在册", "正常"})
    if (has(w)) return "operating";
  return std::string(text);
}

std::string header_list(const std::vector<std::string>& header, std::size_t max) {
  std::string out;
  for (std::size_t i = 0; i < header.size() && i < max; ++i) out += (i ? "," : "") + header[i];
  if (header.size() > max) out += ",…";
  return out;
}

BoundColumns::BoundColumns(const ColumnMapping& mapping, const std::vector<std::string>& header,
                           const std::string& file, std::vector<Diagnostic>& problems) {
  const std::string seen = "the header has " + header_list(header);
  for (const auto& e : mapping.entries) {
    std::size_t at = header.size();
    for (std::size_t i = 0; i < header.size(); ++i)
      if (header[i] == e.header) at = i;
    if (at == header.size()) {
      problems.push_back({{file, 1, 1}, "column '" + e.header + "' named by the mapping is not in the header", seen});
      continue;
    }
    sources_[e.column].push_back(at);
  }
  for (std::size_t c = 0; c < kBulkColumns.size(); ++c) {
    if (!sources_[c].empty()) continue;
    for (std::size_t i = 0; i < header.size(); ++i)
      if (header[i] == kBulkColumns[c]) sources_[c].push_back(i);
  }
  for (std::size_t c : {std::size_t{0}, kLocation})
    if (sources_[c].empty())
      problems.push_back({{file, 1, 1},
                          std::string("no column maps to '") + kBulkColumns[c] + "' (" + seen + ")",
                          std::string("map one with --columns 'HEADER=") + kBulkColumns[c] + "' or --columns-file"});
}

void BoundColumns::fill(const std::vector<std::string>& row, std::array<std::string, kBulkColumns.size()>& fields) const {
  for (std::size_t c = 0; c < fields.size(); ++c) {
    std::string& out = fields[c];
    out.clear();
    const auto& src = sources_[c];
    if (c == kLocation && src.size() > 1) {
      // Levels, widest first: 山东省 / 青岛市 / 黄岛区 -> 中国/山东省/青岛市/黄岛区 (aliases resolve them).
      for (std::size_t i : src) {
        if (row[i].empty()) continue;
        if (out.empty() && row[i] != "中国" && row[i].rfind("中国/", 0) != 0) out = "中国";
        out += out.empty() ? row[i] : "/" + row[i];
      }
      continue;
    }
    for (std::size_t i : src) {
      if (row[i].empty()) continue;
      if (c == kSegments && !out.empty()) out += ';' + row[i];
      else if (out.empty()) out = row[i];
    }
    if (c == kStatus && !out.empty()) out = registration_status(out);
  }
}

}  // namespace chainlens
