// fuzz/fuzz_bulk.cpp: libFuzzer target for the bulk candidate readers (CSV and JSON Lines)
// and the bulk supply CSV reader: every bad row is a diagnostic, never a crash.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "models/bulk_reader.hpp"
#include "models/supply_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  // The first byte picks the reader, so one corpus exercises all three.
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  chainlens::DiagnosticSink sink;
  std::istringstream in(text);
  switch (data[0] % 3) {
    case 0: chainlens::read_bulk_file(in, chainlens::BulkFormat::csv, "fuzz.csv", sink, 100000); break;
    case 1: chainlens::read_bulk_file(in, chainlens::BulkFormat::jsonl, "fuzz.jsonl", sink, 100000); break;
    default: chainlens::read_supply_csv(in, "fuzz-supplies.csv", sink, 100000); break;
  }
  return 0;
}
