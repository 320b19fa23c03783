// The gap report writers: labels in both languages, the empty-scope first line, JSON keys
// of workspace-format.md, fixed 4-decimal numbers, and the multi-scope layouts.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "engine/chain_graph.hpp"
#include "render/gaps_writer.hpp"
#include "tests/support/test_graph.hpp"

using namespace chainlens;
using chainlens::test::TestGraph;

namespace {

const char* kLine = R"(
chains: [{id: t, segments: [{id: a, name: 电芯}, {id: b, name: 电池, inputs: [a]}, {id: c, name: "整车|X", inputs: [b]}]}]
enterprises: [{id: f1, location: 中国/青岛, segments: [b]}, {id: f2, location: 中国/上海, segments: [a]}]
)";

}  // namespace

TEST_CASE("status_label, kind_label: Chinese by default, English with en", "[render][gaps]") {
  CHECK(status_label(SegmentStatus::missing, Lang::zh) == "缺链");
  CHECK(status_label(SegmentStatus::planned, Lang::zh) == "在建补链");
  CHECK(status_label(SegmentStatus::single, Lang::zh) == "单点");
  CHECK(status_label(SegmentStatus::weak, Lang::zh) == "弱链");
  CHECK(status_label(SegmentStatus::covered, Lang::zh) == "有链");
  CHECK(status_label(SegmentStatus::covered, Lang::en) == "covered");
  CHECK(kind_label(GapKind::fill, Lang::zh) == "补链");
  CHECK(kind_label(GapKind::extend, Lang::zh) == "延链");
  CHECK(kind_label(GapKind::strengthen, Lang::zh) == "强链");
  CHECK(kind_label(GapKind::extend, Lang::en) == "extend");
  CHECK(kind_label(std::nullopt, Lang::en).empty());
}

TEST_CASE("write_gaps: JSON keys, order and rounding", "[render][gaps]") {
  const TestGraph t(kLine, "t");
  const GapReport r = find_gaps(t.graph(), Scope::parse("中国/青岛"));
  const auto j = nlohmann::ordered_json::parse(write_gaps(r, "json", Lang::zh));
  CHECK(j["chain"] == "t");
  CHECK(j["scope"] == "中国/青岛");
  // v2: c is the product (untyped end segment): x = (a 0.36, b 0.6, c 1); SLSR over b and c
  // = (0.6 * 0 + 1 * 1) / 1.6 = 0.625. Importance: c 0.35 + 0.25 + 0.15 (no firm in 中国) = 0.75,
  // a 0.35 * 0.36 + 0.25 = 0.376 (missing), b 0.35 * 0.6 + 0.25 = 0.46 (single: 0.276).
  CHECK(j["slsr"].get<double>() == 0.625);
  CHECK(j["weights"]["value"].get<double>() == 0.35);
  CHECK(j["chokepoints"].is_array());
  CHECK(j["chokepoints"].empty());
  const auto& first = j["segments"][0];
  std::vector<std::string> keys;
  for (auto it = first.begin(); it != first.end(); ++it) keys.push_back(it.key());
  // Codes and ids, each *_label (the words in --lang) beside its code.
  const std::vector<std::string> spec{"id",         "name",     "chain",      "chain_label", "type",
                                      "status",     "status_label", "severity", "importance", "factors",
                                      "gap_score",  "kind",     "kind_label", "reach",       "local_enterprises"};
  CHECK(std::vector<std::string>(keys.begin(), keys.begin() + 15) == spec);
  CHECK(first["id"] == "c");
  CHECK(first["type"] == "product");
  CHECK(first["status"] == "missing");
  CHECK(first["kind"] == "extend");
  CHECK(first["kind_label"] == "延链");
  CHECK(first["status_label"] == "缺链");
  CHECK(j["chain_label"] == "t");  // no name: the id
  CHECK(first["factors"]["import"].get<double>() == 1.0);
  CHECK(first["importance"].get<double>() == 0.75);
  CHECK(j["segments"][2]["id"] == "b");
  CHECK(j["segments"][2]["local_enterprises"] == nlohmann::json::array({"f1"}));
  CHECK(nlohmann::json::parse(write_gaps(r, "json", Lang::en))["segments"][2]["kind"] == "strengthen");
}

TEST_CASE("write_gaps: an empty scope is stated in the first line", "[render][gaps]") {
  const TestGraph t(kLine, "t");
  const GapReport r = find_gaps(t.graph(), Scope::parse("中国/北京"));
  const std::string zh = write_gaps(r, "table", Lang::zh);
  CHECK(zh.substr(0, zh.find('\n')) == "空范围: 中国/北京 内没有本链的任何本地企业, 所有环节均为缺链。");
  const std::string en = write_gaps(r, "md", Lang::en);
  CHECK(en.substr(0, en.find('\n')) ==
        "## Empty scope: no enterprise of this chain is local to 中国/北京; every segment is missing.");
  CHECK(nlohmann::json::parse(write_gaps(r, "json", Lang::en))["empty_scope"] == true);
}

TEST_CASE("write_gaps: table, csv and md rows with 4 decimals", "[render][gaps]") {
  const TestGraph t(kLine, "t");
  const GapReport r = find_gaps(t.graph(), Scope::parse("中国/青岛"));
  const std::string csv = write_gaps(r, "csv", Lang::en);
  CHECK(csv.substr(0, csv.find('\n')) ==
        "segment id,segment,status,severity,importance,gap score,kind,value,dependence,plan,import,reach,SLSR,reason,"
        "local enterprises");
  CHECK(csv.find("\nb,电池,single,0.6000,0.4600,0.2760,strengthen,0.6000,1.0000,0.0000,0.0000,1,0.0000,"
                 "every product depends on it · value 0.60,f1\n") != std::string::npos);
  CHECK(csv.find("\na,电芯,missing,1.0000,0.3760,0.3760,fill,0.3600,1.0000,0.0000,0.0000,2,-,"
                 "every product depends on it · value 0.36,\n") != std::string::npos);
  const std::string md = write_gaps(r, "md", Lang::zh);
  // Markdown and text are read by people: no id column, SLSR as a percentage (1 -> 100.0%).
  CHECK(md.find("| 整车\\|X | 缺链 | 1.0000 | 0.7500 | 0.7500 | 延链 | 1.0000 | 1.0000 | 0.0000 | 1.0000 | 0 | "
                "100.0% | 全部产品依赖 · 价值 1.00 · 国内无供给 |  |") != std::string::npos);
  CHECK(md.find("| c |") == std::string::npos);
  // 延链 rows (c) come after the 补链/强链 table, under their own title.
  CHECK(md.find("延链环节") != std::string::npos);
  CHECK(md.find("| 电芯 |") < md.find("延链环节"));
  CHECK(md.find("| 整车") > md.find("延链环节"));
  const std::string text = write_gaps(r, "table", Lang::zh);
  CHECK(text.substr(0, text.find('\n')) == "t 产业链缺口 · 范围 中国/青岛 · 结构性本地配套率 SLSR 62.5%");
  CHECK_THROWS_AS(write_gaps(r, "xml", Lang::zh), std::invalid_argument);
}

TEST_CASE("write_gaps: multi-scope JSON and CSV", "[render][gaps][multi_scope]") {
  const TestGraph t(kLine, "t");
  const MultiScopeReport r = find_gaps_all_scopes(t.graph(), Scope::parse("中国/青岛"));
  const auto j = nlohmann::json::parse(write_gaps(r, "json", Lang::zh));
  REQUIRE(j["scopes"].size() == 2);
  CHECK(j["scopes"][0]["scope"] == "中国/青岛");
  CHECK(j["scopes"][1]["scope"] == "中国");
  CHECK(j["import_dependent"] == nlohmann::json::array({"c"}));  // c has no firm anywhere
  const std::string csv = write_gaps(r, "csv", Lang::en);
  CHECK(csv.substr(0, 6) == "scope,");
  CHECK(csv.find("\n中国,c,整车|X,missing (import-dependent),") != std::string::npos);
  const std::string text = write_gaps(r, "table", Lang::zh);
  CHECK(text.find("进口依赖 (卡脖子, 根范围内缺链): 整车|X") != std::string::npos);
}
