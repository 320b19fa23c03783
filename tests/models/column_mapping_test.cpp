// Foreign headers (issue 15): `--columns` and mapping files onto the bulk columns, region
// levels joined and resolved through aliases (山东省, 青岛市, 黄岛区), 登记状态 translated.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "models/column_mapping.hpp"
#include "models/region.hpp"

using namespace chainlens;

namespace {

std::shared_ptr<const ColumnMapping> mapping(const std::string& text) {
  return std::make_shared<ColumnMapping>(parse_column_mapping(text));
}

const char* kQcc =
    "企业名称,统一社会信用代码,登记状态,省份,城市,区县,注册资本,所属环节\n"
    "示例电池有限公司,91370211SAMPLE0001,存续（在营、开业、在册）,山东省,青岛市,黄岛区,5000万元人民币,a;b\n"
    "示例电控有限公司,91440300SAMPLE0002,注销,广东省,深圳市,南山区,100万元人民币,b\n"
    "示例零件有限公司,91370200SAMPLE0003,在业,山东省,青岛市,,,a\n";

const char* kMap = "企业名称=name,统一社会信用代码=id,登记状态=status,省份=location,城市=location,区县=location,所属环节=segments";

std::vector<Region> xihaian_regions() {
  std::vector<Region> r(3);
  r[0].path = RegionPath::parse("中国/山东");
  r[0].aliases = {"山东"};
  r[1].path = RegionPath::parse("中国/山东/青岛");
  r[1].aliases = {"青岛"};
  r[2].path = RegionPath::parse("中国/山东/青岛/西海岸新区");
  r[2].aliases = {"西海岸新区", "黄岛区"};
  return r;
}

}  // namespace

TEST_CASE("parse_column_mapping: HEADER=column items, checked", "[models][columns]") {
  const ColumnMapping m = parse_column_mapping(" 企业名称 = name , 省份=location,城市=location ");
  REQUIRE(m.entries.size() == 3);
  CHECK(m.entries[0].header == "企业名称");
  CHECK(m.entries[0].column == 1);
  CHECK(m.entries[2].column == 2);
  CHECK_THROWS_WITH(parse_column_mapping("企业名称=title"), Catch::Contains("unknown column 'title'"));
  CHECK_THROWS_WITH(parse_column_mapping("企业名称"), Catch::Contains("is not HEADER=column"));
  CHECK_THROWS_WITH(parse_column_mapping("a=name,b=name"), Catch::Contains("column 'name' is mapped twice"));
  CHECK_THROWS_WITH(parse_column_mapping("a=name,a=id"), Catch::Contains("header 'a' is mapped twice"));
  CHECK_THROWS(parse_column_mapping(""));
}

TEST_CASE("a 企查查-style header loads through a mapping", "[models][columns]") {
  std::istringstream in(kQcc);
  BulkReadOptions o;
  o.columns = mapping(kMap);
  DiagnosticSink sink;
  const auto rows = read_bulk_file(in, BulkFormat::csv, "qcc.csv", sink, 100, o);
  CHECK(sink.empty());
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].id == "91370211SAMPLE0001");
  CHECK(rows[0].name == "示例电池有限公司");
  CHECK(rows[0].status == EnterpriseStatus::operating);
  CHECK(rows[0].segments == std::vector<std::string>{"a", "b"});
  CHECK(rows[0].location.str() == "中国/山东省/青岛市/黄岛区");
  CHECK(rows[1].status == EnterpriseStatus::closed);  // 注销
  CHECK(rows[2].location.str() == "中国/山东省/青岛市");  // an empty 区县 is left out
  // The levels resolve through the workspace's regions: 山东省 and 青岛市 by their aliases,
  // 黄岛区 as an alias lying under what came before it.
  const auto regions = xihaian_regions();
  CHECK(resolve_alias(regions, rows[0].location).str() == "中国/山东/青岛/西海岸新区");
  CHECK(resolve_alias(regions, rows[2].location).str() == "中国/山东/青岛");
  CHECK(resolve_alias(regions, rows[1].location).str() == "中国/广东省/深圳市/南山区");
}

TEST_CASE("resolve_alias: deeper aliases and 省/市 spellings, canonical paths unchanged", "[models][region]") {
  auto regions = xihaian_regions();
  regions[0].aliases.clear();  // no 山东省 alias: the 省 suffix is tried without it
  CHECK(resolve_alias(regions, RegionPath::parse("中国/山东省/青岛市/城阳区")).str() == "中国/山东/青岛/城阳区");
  CHECK(resolve_alias(regions, RegionPath::parse("黄岛区/董家口")).str() == "中国/山东/青岛/西海岸新区/董家口");
  CHECK(resolve_alias(regions, RegionPath::parse("中国/山东/青岛/西海岸新区")).str() == "中国/山东/青岛/西海岸新区");
  // An alias under another region is not taken: 新区 under 江苏 is its own place.
  regions[2].aliases.push_back("新区");
  CHECK(resolve_alias(regions, RegionPath::parse("中国/江苏/新区")).str() == "中国/江苏/新区");
}

TEST_CASE("column mapping: a mapped header missing, a required column unmapped", "[models][columns]") {
  std::istringstream in(kQcc);
  BulkReadOptions o;
  o.columns = mapping("企业名称=name,所在省份=location");
  BulkRowReader reader(in, BulkFormat::csv, "qcc.csv", o);
  std::vector<std::string> m;
  for (const Diagnostic& d : reader.header_problems()) m.push_back(format_diagnostic(d));
  REQUIRE(m.size() == 3);
  CHECK(m[0].find("qcc.csv:1:1: error: column '所在省份' named by the mapping is not in the header") == 0);
  CHECK(m[0].find("the header has 企业名称,统一社会信用代码,登记状态,省份") != std::string::npos);
  CHECK(m[1].find("no column maps to 'id'") != std::string::npos);
  CHECK(m[1].find("--columns 'HEADER=id'") != std::string::npos);
  CHECK(m[2].find("no column maps to 'location'") != std::string::npos);

  // Without a mapping, the missing columns name the header seen and the mapping hint.
  std::istringstream plain(kQcc);
  BulkRowReader unmapped(plain, BulkFormat::csv, "qcc.csv");
  REQUIRE(unmapped.header_problems().size() == 2);
  const std::string first = format_diagnostic(unmapped.header_problems()[0]);
  CHECK(first.find("missing column 'id' in the header (it has 企业名称,统一社会信用代码") != std::string::npos);
  CHECK(first.find("--columns") != std::string::npos);
}

TEST_CASE("column mapping files: YAML and CSV, errors at file:line", "[models][columns]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("chainlens-columns-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir / name, std::ios::binary) << text;
    return (dir / name).string();
  };
  const ColumnMapping y = read_column_mapping_file(write("m.yaml", "企业名称: name\n省份: location\n城市: location\n"));
  REQUIRE(y.entries.size() == 3);
  CHECK(y.entries[2].header == "城市");
  const ColumnMapping c = read_column_mapping_file(write("m.csv", "header,column\n企业名称,name\n统一社会信用代码,id\n"));
  REQUIRE(c.entries.size() == 2);
  CHECK(c.entries[1].column == 0);
  try {
    read_column_mapping_file(write("bad.yaml", "企业名称: name\n省份: place\n"));
    FAIL("a bad column name must be refused");
  } catch (const InputError& e) {
    const std::string m = format_diagnostic(e.diagnostics().at(0));
    CHECK(m.find("bad.yaml:2:1: error: unknown column 'place'") != std::string::npos);
  }
  // The shipped sample's mapping file reads.
  CHECK(read_column_mapping_file(CHAINLENS_SOURCE_DIR "/tests/data/qcc-export/columns.yaml").entries.size() == 7);
  fs::remove_all(dir);
}
