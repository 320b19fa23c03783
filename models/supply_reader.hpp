// models/supply_reader.hpp: bulk supply relations from CSV (header from,to,segment[,value]
// [,confidence]), for supply networks of millions of edges that YAML could not carry.
#pragma once
#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "models/diagnostic.hpp"
#include "models/enterprise.hpp"

namespace chainlens {

/// True when a CSV file's first line is a supply header (its first column is `from`).
bool is_supply_csv_header(std::string_view first_line);

/// Reads every row and hands each good one to `row`, in file order; each bad row becomes a
/// diagnostic at file:line (all of them, up to the sink's limit). Rows are `{from, to,
/// segment, value, confidence}`; `pos` holds the line only (its file is empty) and `source`
/// is empty: the caller knows the file (BulkSupplyRange) and names it in later diagnostics.
/// Nothing is kept here: a network of millions of rows goes straight into the caller's
/// columns (as Supply structs it was 4 GB of a 216 MB workspace's load). Returns the rows handed.
std::size_t read_supply_csv(std::istream& in, const std::string& file_name, DiagnosticSink& sink,
                            std::size_t max_rows, const std::function<void(const Supply&)>& row);

}  // namespace chainlens
