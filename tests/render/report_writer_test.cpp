// The report writers on a chain small enough to know every row: the gap table has one row per
// segment, declared gaps sit in their own section with their quotes, the page references
// nothing outside itself, and the JSON carries what the HTML shows.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "engine/chain_graph.hpp"
#include "engine/chain_report.hpp"
#include "render/report_writer.hpp"
#include "tests/support/count.hpp"
#include "tests/support/test_graph.hpp"
#include "tests/support/xlsx_inspect.hpp"

using namespace chainlens;
using chainlens::test::count;
using chainlens::test::TestGraph;

namespace {

// a -> b -> c; in 中国/青岛: a missing, b single (f1), c covered (f2, f3). x and y make a, off scope.
const char* kChain = R"(
sources:
  - {id: doc, title: 测试规划, year: 2022}
chains:
  - id: t
    name: 测试链
    goals:
      - {metric: output_value, value: 500, unit: 亿元, year: 2025, source: {id: doc, quote: "产值500亿元"}}
    declared:
      - {metric: local_supply_ratio, value: 0.45, bound: below, source: {id: doc, quote: "配套率不足45%"}}
    segments:
      - {id: a, name: 材料, stage: upstream}
      - {id: b, name: 部件, stage: midstream, inputs: [a]}
      - {id: c, name: "整车 <script>alert(1)</script>", stage: downstream, inputs: [b]}
    gaps:
      - {segment: a, kind: import-dependent, note: 材料依赖进口, source: {id: doc, quote: "材料依赖进口"}}
    target_lists:
      - {id: l, name: 拟招商名录, enterprises: [y], source: {id: doc, quote: "拟招商名录"}}
enterprises:
  - {id: f1, name: 本地一, location: 中国/青岛, segments: [b]}
  - {id: f2, name: 本地二, location: 中国/青岛, segments: [c]}
  - {id: f3, name: 本地三, location: 中国/青岛, segments: [c]}
  - {id: x, name: 外地X, location: 中国/上海, segments: [a]}
  - {id: y, name: 外地Y, location: 中国/北京, segments: [a]}
)";

struct Fixture {
  TestGraph t{kChain, "t"};
  ChainReport report = build_chain_report(t.graph(), Scope::parse("中国/青岛"));
  ReportContext context(Lang lang) const {
    ReportContext c;
    c.workspace = &t.workspace();
    c.graph = &t.graph();
    c.report = &report;
    c.lang = lang;
    c.date = "2026-01-02";
    c.version = "9.9.9";
    c.chain_svg = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<svg id=\"chain-svg\"></svg>\n";
    c.targets_svg = "<svg id=\"targets-svg\"></svg>";
    return c;
  }
};

}  // namespace

TEST_CASE("build_chain_report: every analysis on one scope", "[render][report]") {
  const Fixture f;
  const ChainReport& r = f.report;
  CHECK(r.gaps().scope.str() == "中国/青岛");
  REQUIRE(r.scopes.scopes.size() == 2);  // 中国/青岛, 中国
  CHECK(r.gaps().segments.size() == 3);
  CHECK(r.status_counts.at(SegmentStatus::missing) == 1);
  CHECK(r.status_counts.at(SegmentStatus::single) == 1);
  CHECK(r.status_counts.at(SegmentStatus::covered) == 1);
  CHECK(r.targets.targets.size() == 2);  // x and y
  REQUIRE(r.portfolio.picked.size() == 1);  // one of them closes a; nothing else is open to close but b (no candidate)
  CHECK(r.portfolio.picked[0].closes == std::vector<std::string>{"a"});
  CHECK(r.gaps().chokepoints == r.chokepoints.segments);
}

TEST_CASE("write_report_html: self-contained, one gap row per segment, evidence apart", "[render][report]") {
  const Fixture f;
  const std::string html = write_report_html(f.context(Lang::zh));
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(count(html, "<tr data-segment=") == 3);
  CHECK(html.find("测试链 产业链招商报告") != std::string::npos);
  // Inline SVG without the XML prolog.
  CHECK(html.find("<svg id=\"chain-svg\">") != std::string::npos);
  CHECK(html.find("<svg id=\"targets-svg\">") != std::string::npos);
  CHECK(html.find("<?xml") == std::string::npos);
  // Nothing fetched: no external script, stylesheet, image or font.
  CHECK(html.find("src=") == std::string::npos);
  CHECK(html.find("href=\"http") == std::string::npos);
  CHECK(html.find("url(") == std::string::npos);
  CHECK(html.find("@import") == std::string::npos);
  // A hostile segment name is text, not markup.
  CHECK(html.find("<script>alert(1)</script>") == std::string::npos);
  CHECK(html.find("整车 &lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  // Declared gap and declared ratio quoted in the evidence sections, with the document title.
  const auto declared = html.find("id=\"declared\"");
  REQUIRE(declared != std::string::npos);
  CHECK(html.find("材料依赖进口", declared) != std::string::npos);
  CHECK(html.find("doc 《测试规划》 「配套率不足45%」") != std::string::npos);
  CHECK(html.find("local_supply_ratio 不足 45%") != std::string::npos);
  // Provenance.
  CHECK(html.find("chainlens 9.9.9") != std::string::npos);
  CHECK(html.find(f.t.workspace().content_hash) != std::string::npos);
  CHECK(html.find("2026-01-02") != std::string::npos);
  CHECK(html.find("Leontief") != std::string::npos);
  CHECK(html.find("IMPLAN") != std::string::npos);
  // English on request.
  const std::string en = write_report_html(f.context(Lang::en));
  CHECK(en.find("chain report") != std::string::npos);
  CHECK(en.find("lang=\"en\"") != std::string::npos);
}

TEST_CASE("write_report_json: the sections the HTML shows, figures as the single commands print them", "[render][report]") {
  const Fixture f;
  ReportContext c = f.context(Lang::en);
  c.chain_svg_file = "t-chain.svg";
  const auto j = nlohmann::json::parse(write_report_json(c));
  CHECK(j["chain"]["id"] == "t");
  CHECK(j["summary"]["status_counts"]["missing"] == 1);
  CHECK(j["summary"]["status_counts"]["covered"] == 1);
  CHECK(j["summary"]["segments"] == 3);
  REQUIRE(j["gaps"]["scopes"].size() == 2);
  CHECK(j["gaps"]["scopes"][0]["segments"].size() == 3);
  CHECK(j["declared_gaps"][0]["kind"] == "import-dependent");
  CHECK(j["declared_gaps"][0]["source"]["quote"] == "材料依赖进口");
  CHECK(j["declared"][0]["value"] == 0.45);
  CHECK(j["goals"][0]["value"] == 500);
  CHECK(j["targets"]["targets"].size() == 2);
  CHECK(j["target_lists"][0]["enterprises"][0] == "y");
  CHECK(j["diagrams"]["chain"] == "t-chain.svg");
  CHECK(j["provenance"]["date"] == "2026-01-02");
  CHECK(j["provenance"]["sources"][0]["title"] == "测试规划");
  CHECK(j.contains("chokepoints"));
  CHECK(j.contains("local_supply"));
}

TEST_CASE("write_report_md: tables and linked diagrams", "[render][report]") {
  const Fixture f;
  ReportContext c = f.context(Lang::zh);
  c.chain_svg_file = "t-chain.svg";
  c.targets_svg_file = "t-targets.svg";
  const std::string md = write_report_md(c);
  CHECK(md.rfind("# 测试链 产业链招商报告", 0) == 0);
  CHECK(md.find("![产业链图谱](t-chain.svg)") != std::string::npos);
  CHECK(md.find("![招商图谱](t-targets.svg)") != std::string::npos);
  CHECK(md.find("| 材料 | 缺链 |") != std::string::npos);
  CHECK(md.find("<svg") == std::string::npos);
}

TEST_CASE("write_report_xlsx: one sheet per table, names beside ids, percentages as numbers", "[render][report][xlsx]") {
  const Fixture f;
  const chainlens::test::TempDir dir;
  const auto j = chainlens::test::inspect_xlsx(
      chainlens::test::save_bytes(dir.path, "t.xlsx", write_report_xlsx(f.context(Lang::zh))));
  // a missing, b single, c covered: all on the 缺口 sheet (no 延链 row, no parent).
  CHECK(j["sheets"] == nlohmann::json::array({"概览", "多级范围", "缺口", "卡点", "本地配套", "招商目标", "招商组合"}));
  const auto& gaps = j["data"]["缺口"]["rows"];
  CHECK(gaps[1][0]["v"] == "a");
  CHECK(gaps[1][1]["v"] == "材料");
  CHECK(gaps[2][14]["v"] == "本地一");  // b's local firm, by name
  // 多级范围: 中国/青岛 then 中国; in 中国 every segment has a firm: c's input b local, b's input a
  // local (x, y): SLSR 1, a number shown as 100.0%.
  const auto& scopes = j["data"]["多级范围"]["rows"];
  CHECK(scopes[1][0]["v"] == "中国/青岛");
  CHECK(scopes[2][0]["v"] == "中国");
  CHECK(scopes[2][1]["v"].get<double>() == 1.0);
  CHECK(scopes[2][1]["f"] == "0.0%");
  const auto& targets = j["data"]["招商目标"]["rows"];
  CHECK(targets[0][0]["v"] == "企业代码");
  CHECK(targets[0][2]["v"] == "企业");
  CHECK((targets[1][2]["v"] == "外地X" || targets[1][2]["v"] == "外地Y"));
  CHECK(targets[1][3]["t"] == "n");  // the score, a number
  CHECK(j["data"]["招商组合"]["rows"].size() == 2);  // header and the one pick
  CHECK(write_report_xlsx(f.context(Lang::en)).size() > 0);
}
