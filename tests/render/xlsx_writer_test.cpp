// The xlsx writer, read back by another program (python3-openpyxl): sheet names, the frozen
// Chinese header, numbers and percentages as numbers, text never a formula; and the gap
// report's workbook from a hand-built chain and from the CLI on chains/xihaian.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "engine/chain_graph.hpp"
#include "render/gaps_writer.hpp"
#include "render/xlsx_writer.hpp"
#include "tests/support/run_cli.hpp"
#include "tests/support/test_graph.hpp"
#include "tests/support/xlsx_inspect.hpp"

using namespace chainlens;
using chainlens::test::TestGraph;

namespace {

namespace fs = std::filesystem;
using chainlens::test::TempDir;

nlohmann::json inspect(const fs::path& xlsx) { return chainlens::test::inspect_xlsx(xlsx); }
fs::path save(const TempDir& dir, const std::string& name, const std::string& bytes) {
  return chainlens::test::save_bytes(dir.path, name, bytes);
}

const char* kLine = R"(
chains: [{id: t, name: 测试链, segments: [{id: a, name: 电芯}, {id: b, name: 电池, inputs: [a]}, {id: c, name: 整车, inputs: [b]}]}]
enterprises: [{id: f1, name: 一号电池厂, location: 中国/青岛, segments: [b]}, {id: f2, location: 中国/上海, segments: [a]}]
)";

}  // namespace

TEST_CASE("to_xlsx: sheets, frozen header, numbers, percentages and text as openpyxl reads them", "[render][xlsx]") {
  Table t;
  t.header = {"代码", "名称", "得分", "配套率", "备注"};
  t.kinds = {CellKind::text, CellKind::text, CellKind::number, CellKind::percent, CellKind::text};
  t.id_column = 0;
  t.rows = {{"f1", "一号电池厂", "71.25", "0.3279", "=1+1"}, {"f2", "二号", "-", "", "@SUM(A1)"}};
  Table second;
  second.header = {"x"};
  second.rows = {{"1"}};  // a text column: "1" stays the text "1"
  const TempDir dir;
  // 31 characters at most and no []:*?/\ in a sheet name; two sheets may not share one.
  const std::string long_name = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三";
  const auto f = save(dir, "t.xlsx", to_xlsx({{"招商目标", t}, {"a/b:c", second}, {long_name, second}, {long_name, second}}));
  const auto j = inspect(f);
  REQUIRE(j["sheets"].size() == 4);
  CHECK(j["sheets"][0] == "招商目标");
  CHECK(j["sheets"][1] == "a_b_c");
  CHECK(j["sheets"][2] == long_name.substr(0, 31 * 3));  // 31 three-byte characters
  CHECK(j["sheets"][3].get<std::string>() != j["sheets"][2].get<std::string>());
  const auto& s = j["data"]["招商目标"];
  CHECK(s["freeze"] == "A2");
  const auto& rows = s["rows"];
  CHECK(rows[0][0]["v"] == "代码");  // the id column stays in xlsx
  CHECK(rows[0][3]["v"] == "配套率");
  CHECK(rows[1][1]["v"] == "一号电池厂");
  CHECK(rows[1][2]["t"] == "n");
  CHECK(rows[1][2]["v"].get<double>() == 71.25);
  CHECK(rows[1][3]["t"] == "n");
  CHECK(rows[1][3]["v"].get<double>() == 0.3279);
  CHECK(rows[1][3]["f"] == "0.0%");
  CHECK(rows[1][4]["t"] == "s");  // never a formula
  CHECK(rows[1][4]["v"] == "=1+1");
  CHECK(rows[2][4]["v"] == "@SUM(A1)");
  CHECK(rows[2][2]["v"].is_null());  // "-" in a number column: an empty cell
  CHECK(rows[2][3]["v"].is_null());
  CHECK(j["data"]["a_b_c"]["rows"][1][0]["v"] == "1");
  // Widths by display width: the Chinese name column (5 wide characters, 10 columns) is
  // wider than the id column.
  CHECK(s["widths"]["B"].get<double>() > s["widths"]["A"].get<double>());
}

TEST_CASE("to_xlsx: the same tables give the same bytes", "[render][xlsx]") {
  Table t;
  t.header = {"a"};
  t.rows = {{"x"}};
  CHECK(to_xlsx({{"s", t}}) == to_xlsx({{"s", t}}));
  CHECK(sheet_name("") == "Sheet");
  CHECK(sheet_name("[x]*?") == "_x___");
}

TEST_CASE("write_gaps xlsx: names, not ids, in the name column, SLSR as a percentage", "[render][xlsx][gaps]") {
  const TestGraph g(kLine, "t");
  const GapReport r = find_gaps(g.graph(), Scope::parse("中国/青岛"));
  const TempDir dir;
  const auto j = inspect(save(dir, "gaps.xlsx", write_gaps(r, "xlsx", Lang::zh)));
  // c is the product (an end segment, not a service): 延链 apart from the 缺口 sheet.
  REQUIRE(j["sheets"] == nlohmann::json::array({"缺口", "延链"}));
  const auto& rows = j["data"]["缺口"]["rows"];
  CHECK(rows[0][0]["v"] == "环节代码");
  CHECK(rows[0][1]["v"] == "环节");
  // a (missing, gap 0.376) before b (single, 0.276); b's local firm by name.
  CHECK(rows[1][0]["v"] == "a");
  CHECK(rows[1][1]["v"] == "电芯");
  CHECK(rows[2][1]["v"] == "电池");
  CHECK(rows[2][14]["v"] == "一号电池厂");
  // b's SLSR: its one input a is missing here: 0, a number formatted as a percentage.
  CHECK(rows[2][12]["t"] == "n");
  CHECK(rows[2][12]["v"].get<double>() == 0.0);
  CHECK(rows[2][12]["f"] == "0.0%");
  CHECK(rows[1][12]["v"].is_null());  // a has no inputs: no SLSR, an empty cell
  CHECK(rows[2][5]["v"].get<double>() == Approx(0.276));
}

TEST_CASE("gaps --format xlsx on chains/xihaian: segment and firm names", "[cli][xlsx]") {
  const TempDir dir;
  const fs::path f = dir.path / "auto.xlsx";
  const auto run = chainlens::test::run_chainlens("gaps chains/xihaian --chain auto --format xlsx -o '" + f.string() + "'");
  REQUIRE(run.exit_code == 0);
  const auto j = inspect(f);
  const std::string first = j["sheets"][0];
  CHECK(first == "缺口");
  std::vector<std::string> names;
  for (const auto& row : j["data"][first]["rows"]) names.push_back(row[1]["v"].is_string() ? row[1]["v"].get<std::string>() : "");
  CHECK(std::find(names.begin(), names.end(), "驱动电机") != names.end());
  for (const std::string& n : names) {
    INFO(n);
    CHECK(n.rfind("auto.", 0) == std::string::npos);  // no id in the name column
  }
  const auto& header = j["data"][first]["rows"][0];
  CHECK(header[0]["v"] == "环节代码");
  CHECK(j["data"][first]["freeze"] == "A2");
}

TEST_CASE("every tabular command and the report write xlsx on chains/xihaian", "[cli][xlsx]") {
  const TempDir dir;
  struct Case {
    std::string args, first_sheet, name_header;
  };
  const std::vector<Case> cases = {
      {"targets chains/xihaian --chain auto --portfolio 3", "招商目标", "企业"},
      {"targets chains/xihaian --chain auto --by-gap 3", "各缺口候选企业", "环节"},
      {"chokepoints chains/xihaian --chain auto", "卡点", "类型"},
      {"supply chains/xihaian --chain auto", "本地配套", "企业"},
      {"whatif chains/xihaian --chain auto --add geely --remove sgmw-qd", "环节变化", "环节"},
      {"gaps chains/xihaian --chain auto --all-scopes", "缺口 西海岸新区", "环节"},
  };
  int n = 0;
  for (const Case& c : cases) {
    INFO(c.args);
    const fs::path f = dir.path / ("out" + std::to_string(++n) + ".xlsx");
    const auto run = chainlens::test::run_chainlens(c.args + " --format xlsx -o '" + f.string() + "'");
    REQUIRE(run.exit_code == 0);
    const auto j = inspect(f);
    CHECK(j["sheets"][0] == c.first_sheet);
    // The header row: the id column first, then the name column a person reads.
    const auto& header = j["data"][c.first_sheet.c_str()]["rows"][0];
    CHECK(header[0]["v"].get<std::string>().find("代码") != std::string::npos);
    bool named = false;
    for (const auto& cell : header) named = named || cell["v"] == c.name_header;
    CHECK(named);
  }
  const auto targets = inspect(dir.path / "out1.xlsx");
  CHECK(targets["sheets"][1] == "招商组合");
  // The report: one workbook of its tables, the format taken from the file name.
  const fs::path report = dir.path / "auto.xlsx";
  REQUIRE(chainlens::test::run_chainlens("report chains/xihaian --chain auto --date 2026-01-02 -o '" + report.string() + "'")
              .exit_code == 0);
  const auto r = inspect(report);
  CHECK(r["sheets"][0] == "概览");
  CHECK(r["data"]["概览"]["rows"][1][1] == nlohmann::json{{"v", "汽车 产业链招商报告"}, {"t", "s"}, {"f", "General"}});
  const auto& sheets = r["sheets"];
  for (const char* s : {"缺口", "延链", "卡点", "本地配套", "招商目标", "招商组合"}) {
    INFO(s);
    CHECK(std::find(sheets.begin(), sheets.end(), s) != sheets.end());
  }
}
