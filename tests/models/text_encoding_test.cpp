// Bulk input encodings (issue 15): UTF-8 with or without a BOM, GB18030/GBK converted while
// streaming (across chunk boundaries), and bytes that are neither rejected at file:line.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/support/gbk.hpp"
#include "models/bulk_reader.hpp"
#include "models/text_encoding.hpp"
#include "models/yaml_loader.hpp"

using namespace chainlens;

using chainlens::test::to_gbk;

namespace {

struct Read {
  std::vector<Enterprise> rows;
  std::vector<std::string> errors;
  std::string encoding;
};

Read read_all(const std::string& bytes, BulkFormat format = BulkFormat::csv, BulkReadOptions options = {}) {
  std::istringstream in(bytes);
  BulkRowReader reader(in, format, "pool.csv", options);
  Read r;
  for (const Diagnostic& d : reader.header_problems()) r.errors.push_back(format_diagnostic(d));
  BulkRow row;
  std::string error;
  while (reader.next(row)) {
    Enterprise e;
    if (parse_bulk_row(row, format, e, error)) r.rows.push_back(std::move(e));
    else r.errors.push_back(std::to_string(row.line) + ": " + error);
  }
  r.encoding = reader.encoding();
  return r;
}

const std::string kPool =
    "id,name,location,segments\n"
    "f1,青岛示例电池有限公司,中国/山东/青岛,a\n"
    "f2,\"甲, 乙公司\",中国/上海,b\n";

}  // namespace

TEST_CASE("bulk encodings: GBK is detected and converted to UTF-8", "[models][bulk][encoding]") {
  const Read r = read_all(to_gbk(kPool));
  CHECK(r.errors.empty());
  REQUIRE(r.rows.size() == 2);
  CHECK(r.rows[0].name == "青岛示例电池有限公司");
  CHECK(r.rows[0].location.str() == "中国/山东/青岛");
  CHECK(r.rows[1].name == "甲, 乙公司");
  CHECK(r.encoding == "GB18030");
}

TEST_CASE("bulk encodings: UTF-8 with and without a BOM", "[models][bulk][encoding]") {
  for (const std::string& bytes : {kPool, "\xEF\xBB\xBF" + kPool}) {
    const Read r = read_all(bytes);
    CHECK(r.errors.empty());
    REQUIRE(r.rows.size() == 2);
    CHECK(r.rows[0].id == "f1");  // the BOM is not part of the first column's name
    CHECK(r.rows[0].name == "青岛示例电池有限公司");
    CHECK(r.encoding == "UTF-8");
  }
  // JSON Lines in GBK too.
  const Read j = read_all(to_gbk("{\"id\": \"f1\", \"name\": \"示例\", \"location\": \"中国/青岛\"}\n"), BulkFormat::jsonl);
  CHECK(j.errors.empty());
  REQUIRE(j.rows.size() == 1);
  CHECK(j.rows[0].name == "示例");
}

TEST_CASE("bulk encodings: GBK rows across many 1 MiB chunks and a line cut in pieces", "[models][bulk][encoding]") {
  // 40,000 rows (about 1.9 MB of GBK): rows straddle chunk boundaries; every name must
  // come back whole. Then one 6 MB name (longer than the 4 MiB the decoder holds before
  // converting a line in pieces): a GBK character cut by a piece boundary must survive.
  std::string text = "id,name,location\n";
  for (int i = 0; i < 40000; ++i) text += "f" + std::to_string(i) + ",示例企业第" + std::to_string(i) + "号,中国/青岛\n";
  std::string huge;
  for (int i = 0; i < 2'000'000; ++i) huge += "中";
  text += "big,x" + huge + ",中国/青岛\n";  // "x": the GBK bytes start at an odd offset
  BulkReadOptions no_limit;
  no_limit.max_string = 0;
  const Read r = read_all(to_gbk(text), BulkFormat::csv, no_limit);
  CHECK(r.errors.empty());
  REQUIRE(r.rows.size() == 40001);
  CHECK(r.rows[12345].name == "示例企业第12345号");
  CHECK(r.rows[39999].name == "示例企业第39999号");
  CHECK(r.rows[40000].name.size() == 1 + 3 * 2'000'000);
  CHECK(r.rows[40000].name == "x" + huge);
}

TEST_CASE("bulk encodings: bytes that are neither, and a file mixing both, reject rows at file:line",
          "[models][bulk][encoding]") {
  SECTION("in a UTF-8 file") {
    const Read r = read_all(kPool + "f3,\xFF\xFE,中国,a\n");
    REQUIRE(r.rows.size() == 2);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0] == "4: the text at byte 4 is neither UTF-8 nor GB18030 (GBK) text (save the file as UTF-8)");
  }
  SECTION("in a GBK file") {
    const Read r = read_all(to_gbk(kPool) + "f3,\xFF,中国,a\n" + to_gbk("f4,示例,中国,a\n"));
    CHECK(r.encoding == "GB18030");
    REQUIRE(r.rows.size() == 3);
    CHECK(r.rows[2].name == "示例");
    REQUIRE(r.errors.size() == 1);
    // line 4 holds \xFF (in neither) and the UTF-8 of 中国, which GB18030 reads as other text
    CHECK(r.errors[0].rfind("4: the text at byte 4 is neither UTF-8 nor GB18030 (GBK) text", 0) == 0);
  }
  SECTION("UTF-8 rows in a file that is mostly GBK") {
    const Read r = read_all(to_gbk(kPool + "f3,示例三,中国,a\n") + "f4,示例四,中国,a\n");
    CHECK(r.encoding == "GB18030");
    REQUIRE(r.rows.size() == 3);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0] ==
          "5: the line is UTF-8 but the file is GB18030 (GBK): one file mixes two encodings (save the file as UTF-8)");
  }
}

TEST_CASE("bulk rows: --max-string holds for every field", "[models][bulk]") {
  const std::string name(5000, 'n');
  Read r = read_all("id,name,location\nf1," + name + ",中国\n");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0] == "2: column 'name' is 5000 bytes long, above the limit of 4096 (raise it with --max-string)");
  BulkReadOptions wide;
  wide.max_string = 10000;
  r = read_all("id,name,location\nf1," + name + ",中国\n", BulkFormat::csv, wide);
  CHECK(r.errors.empty());
  r = read_all("{\"id\":\"f1\",\"location\":\"中国\",\"name\":\"" + name + "\"}\n", BulkFormat::jsonl);
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].find("column 'name' is 5000 bytes long") != std::string::npos);
}

TEST_CASE("bulk encodings: a GBK enterprise file and a GBK supply CSV in a workspace folder load",
          "[models][bulk][encoding]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("chainlens-gbk-ws-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "chain.yaml") << "chains:\n  - id: c\n    segments:\n      - {id: a, stage: upstream}\n"
                                       "      - {id: b, stage: downstream, inputs: [a]}\n";
  std::ofstream(dir / "firms.csv", std::ios::binary)
      << to_gbk("id,name,location,segments\nf1,甲公司,中国/青岛,a\nf2,乙公司,中国/上海,b\n");
  std::ofstream(dir / "supplies.csv", std::ios::binary) << to_gbk("from,to,segment,value\nf1,f2,a,1.5\n");
  const Workspace ws = load_workspace(dir);
  REQUIRE(ws.enterprises.size() == 2);
  CHECK(ws.enterprises[0].name == "甲公司");
  CHECK(ws.supply_table.size() == 1);  // bulk rows live in the columns only
  CHECK(ws.supplies.empty());
  fs::remove_all(dir);
}
