// fuzz/fuzz_bulk.cpp: libFuzzer target for the bulk candidate readers (CSV and JSON Lines)
// and the bulk supply CSV reader, in UTF-8 or GB18030, and a foreign header mapped with
// --columns (issue 15): every bad row is a diagnostic, never a crash.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "models/bulk_reader.hpp"
#include "models/column_mapping.hpp"
#include "models/supply_reader.hpp"
#include "models/supply_table.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  // The first byte picks the reader, so one corpus exercises all four.
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  chainlens::DiagnosticSink sink;
  std::istringstream in(text);
  switch (data[0] % 4) {
    case 0: chainlens::read_bulk_file(in, chainlens::BulkFormat::csv, "fuzz.csv", sink, 100000); break;
    case 1: chainlens::read_bulk_file(in, chainlens::BulkFormat::jsonl, "fuzz.jsonl", sink, 100000); break;
    case 2: {
      // Into columns, as the loader reads them (interning each id).
      chainlens::SupplyTable table;
      chainlens::read_supply_csv(in, "fuzz-supplies.csv", sink, 100000,
                                 [&](const chainlens::Supply& s) { table.push_back(s); });
      break;
    }
    default: {
      static const auto mapping = std::make_shared<chainlens::ColumnMapping>(chainlens::parse_column_mapping(
          "企业名称=name,代码=id,登记状态=status,省份=location,城市=location,区县=location,环节=segments"));
      chainlens::BulkReadOptions options;
      options.columns = mapping;
      chainlens::read_bulk_file(in, chainlens::BulkFormat::csv, "fuzz-mapped.csv", sink, 100000, options);
      break;
    }
  }
  return 0;
}
