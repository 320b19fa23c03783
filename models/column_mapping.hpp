// models/column_mapping.hpp: maps a foreign CSV header (a 企查查-style export: 企业名称,
// 统一社会信用代码, 省份, 城市, 区县, 登记状态 …) onto the bulk columns (kBulkColumns), from
// `--columns 企业名称=name,省份=location` or a small mapping file.
#pragma once
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "models/bulk_reader.hpp"
#include "models/diagnostic.hpp"

namespace chainlens {

struct ColumnMapping {
  struct Entry {
    std::string header;  // as the file's header writes it
    std::size_t column;  // index in kBulkColumns
  };
  /// In the order given: several entries may fill `location` (levels, widest first, joined
  /// as a region path under 中国) and `segments` (joined with ';'); other columns take one.
  std::vector<Entry> entries;
};

/// "企业名称=name,省份=location,城市=location"; throws std::invalid_argument naming the bad item.
ColumnMapping parse_column_mapping(std::string_view text);

/// A mapping file: YAML (`企业名称: name`, one per line) or CSV (`企业名称,name` rows, an
/// optional `header,column` first row). Throws InputError naming file:line.
ColumnMapping read_column_mapping_file(const std::string& path);

/// 存续, 在业, 在营, 开业 … -> "operating"; 注销, 吊销, 撤销, 迁出, 停业, 清算 … -> "closed";
/// anything else comes back unchanged (and is checked as a status).
std::string registration_status(std::string_view text);

/// A mapping bound to one file's header. A header column named like a bulk column that the
/// mapping does not fill maps to it as is.
class BoundColumns {
 public:
  /// A mapped header missing from the file, or a required column (id, location) that no
  /// header column fills, is added to `problems` (at file:1), naming the header seen.
  BoundColumns(const ColumnMapping& mapping, const std::vector<std::string>& header, const std::string& file,
               std::vector<Diagnostic>& problems);
  /// The bulk fields of one row, `row` in the file's column order.
  void fill(const std::vector<std::string>& row, std::array<std::string, kBulkColumns.size()>& fields) const;

 private:
  std::array<std::vector<std::size_t>, kBulkColumns.size()> sources_;
};

/// "企业名称,省份,城市" (a header for messages, shortened past `max` names).
std::string header_list(const std::vector<std::string>& header, std::size_t max = 12);

}  // namespace chainlens
