// Bulk enterprise rows: CSV (RFC 4180 quoting) and JSON Lines, with a diagnostic
// at file:line for every bad row and the good rows kept.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "models/bulk_reader.hpp"

using namespace chainlens;

namespace {
std::vector<std::string> messages(const DiagnosticSink& sink) {
  std::vector<std::string> out;
  for (const Diagnostic& d : sink.all()) out.push_back(format_diagnostic(d));
  return out;
}
}  // namespace

TEST_CASE("read_bulk_file: CSV rows, quoting and bad rows", "[models][bulk]") {
  std::ifstream in(CHAINLENS_SOURCE_DIR "/tests/data/bulk/pool.csv");
  DiagnosticSink sink;
  const auto rows = read_bulk_file(in, BulkFormat::csv, "pool.csv", sink, 1000);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].id == "f1");
  CHECK(rows[0].name == "甲, 公司");  // a quoted comma stays in the field
  CHECK(rows[0].location.str() == "中国/青岛");
  CHECK(rows[0].segments == std::vector<std::string>{"a", "b"});
  CHECK(rows[0].role == Role::supplier);
  CHECK(rows[0].revenue == Approx(12.5));
  CHECK(rows[0].pos.line == 2);
  CHECK(rows[1].id == "f2");
  CHECK_FALSE(rows[1].revenue.has_value());
  CHECK(rows[1].pos.line == 3);
  const auto m = messages(sink);
  REQUIRE(m.size() == 6);
  CHECK(m[0].rfind("pool.csv:5:1: error: ", 0) == 0);  // the unclosed quote
  CHECK(m[1] == "pool.csv:6:1: error: unknown role 'boss' (expected anchor, key, supplier, research or platform)");
  CHECK(m[2] == "pool.csv:7:1: error: revenue 'NaN' is not a finite number");
  CHECK(m[3] == "pool.csv:8:1: error: missing id");
  CHECK(m[4] == "pool.csv:9:1: error: revenue must not be negative");
  CHECK(m[5] == "pool.csv:10:1: error: missing location");
}

TEST_CASE("read_bulk_file: JSON Lines rows and bad rows", "[models][bulk]") {
  std::ifstream in(CHAINLENS_SOURCE_DIR "/tests/data/bulk/pool.jsonl");
  DiagnosticSink sink;
  const auto rows = read_bulk_file(in, BulkFormat::jsonl, "pool.jsonl", sink, 1000);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].name == "甲\"公司");
  CHECK(rows[0].segments == std::vector<std::string>{"a", "b"});
  CHECK(rows[0].revenue == Approx(12.5));
  CHECK(rows[1].segments == std::vector<std::string>{"a"});  // a ;-separated text is accepted too
  CHECK(rows[1].role == Role::key);
  const auto m = messages(sink);
  REQUIRE(m.size() == 4);
  CHECK(m[0] == "pool.jsonl:3:1: error: expected a JSON object per line");  // on-demand parsing sees no object
  CHECK(m[1] == "pool.jsonl:4:1: error: expected a JSON object per line");
  CHECK(m[2] == "pool.jsonl:5:1: error: revenue 'x' is not a finite number");
  CHECK(m[3] == "pool.jsonl:7:1: error: segments must be strings");
}

TEST_CASE("read_bulk_file: a header without the required columns", "[models][bulk]") {
  std::istringstream in("name,segments\nx,a\n");
  DiagnosticSink sink;
  CHECK(read_bulk_file(in, BulkFormat::csv, "h.csv", sink, 1000).empty());
  const auto m = messages(sink);
  REQUIRE(m.size() == 2);
  CHECK(m[0] == "h.csv:1:1: error: missing column 'id' in the header (it has name,segments) "
                "(name the columns id,name,location,segments,role,status,revenue, or map a foreign header "
                "with --columns 'HEADER=id,…' or --columns-file)");
}

TEST_CASE("read_bulk_file: the row cap", "[models][bulk]") {
  std::istringstream in("id,location\na,中国\nb,中国\nc,中国\n");
  DiagnosticSink sink;
  CHECK(read_bulk_file(in, BulkFormat::csv, "r.csv", sink, 2).size() == 2);
  REQUIRE(sink.size() == 1);
  CHECK(format_diagnostic(sink.all()[0]) == "r.csv:4:1: error: more than 2 rows (raise the limit with --max-rows)");
}

TEST_CASE("BulkRowReader::next_block: plain runs and the records between them, in any block size",
          "[models][bulk]") {
  // Plain lines are taken straight from the buffer; a quote, a NUL byte, a blank or
  // space-led line and a last line without its newline go one by one. Both ways must give
  // the same records, lines and errors, whatever the block size.
  const std::string csv = std::string("id,name,location\n") +
                          "a1,甲,中国/青岛\r\n"
                          "a2,\"乙, 公司\",中国/上海\n"
                          "\n"
                          "  \t\n"
                          "a3,丙,中国" + std::string(1, '\0') + "/北京\n"
                          " a4,丁,中国/北京\n"
                          "a5,戊,\"多\n行\",中国\n"
                          "a6,己,中国/青岛\n"
                          "a7,庚,中国/青岛";
  struct Seen {
    std::string text;
    std::size_t line;
    bool error;
    bool operator==(const Seen&) const = default;
  };
  const std::vector<Seen> want{{"a1,甲,中国/青岛", 2, false},
                               {"a2,\"乙, 公司\",中国/上海", 3, false},
                               {"", 6, true},
                               {" a4,丁,中国/北京", 7, false},
                               {"a5,戊,\"多\n行\",中国", 8, false},
                               {"a6,己,中国/青岛", 10, false},
                               {"a7,庚,中国/青岛", 11, false}};
  for (const std::size_t size : {1, 2, 3, 100}) {
    std::istringstream in(csv);
    BulkRowReader reader(in, BulkFormat::csv, "mixed.csv");
    REQUIRE(reader.header_problems().empty());
    std::vector<Seen> got;
    BulkBlock block;
    while (reader.next_block(block, size)) {
      CHECK(block.records.size() <= size);
      for (const auto& r : block.records) got.push_back({std::string(block.text(r)), r.line, !r.error.empty()});
      block.clear();
    }
    INFO("block size " << size);
    CHECK(got == want);
  }
}
