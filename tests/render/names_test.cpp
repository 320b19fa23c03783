// Names, not ids, in every table a person reads (issue 15 item 1): each analysis of the
// bundled 汽车 chain as a text table, Chinese and English, shows chain, segment and firm
// names; ids stay in JSON and in the id column of CSV.
#include <catch2/catch.hpp>

#include <regex>
#include <string>

#include <nlohmann/json.hpp>

#include "tests/support/run_cli.hpp"

using chainlens::test::run_chainlens;

namespace {

// An id of the workspace as a table would print it: auto.motor, sgmw-qd, lishen-qd, geely.
bool has_id(const std::string& text) {
  static const std::regex id(R"((^|[^A-Za-z0-9_.-])(auto\.[a-z-]+|sgmw-qd|lishen-qd|geely)([^A-Za-z0-9_.-]|$))");
  return std::regex_search(text, id);
}

}  // namespace

TEST_CASE("tables: chain, segment and firm names, no ids, in both languages", "[cli][names]") {
  const char* commands[] = {
      "gaps chains/xihaian --chain auto",
      "gaps chains/xihaian --chain auto --all-scopes",
      "targets chains/xihaian --chain auto --by-gap 3",
      "targets chains/xihaian --chain auto --portfolio 5",
      "chokepoints chains/xihaian --chain auto",
      "supply chains/xihaian --chain auto",
      "whatif chains/xihaian --chain auto --add geely --remove sgmw-qd",
  };
  for (const char* c : commands)
    for (const char* lang : {"zh", "en"})
      for (const char* format : {"table", "md"}) {
        const std::string args = std::string(c) + " --lang " + lang + " --format " + format;
        INFO(args);
        const auto r = run_chainlens(args);
        REQUIRE(r.exit_code == 0);
        CHECK_FALSE(has_id(r.out));
        CHECK(r.out.find(std::string(lang) == "zh" ? "汽车" : "Automotive") != std::string::npos);
      }
}

TEST_CASE("tables: what a 招商 director reads first", "[cli][names]") {
  const auto gaps = run_chainlens("gaps chains/xihaian --chain auto");
  REQUIRE(gaps.exit_code == 0);
  CHECK(gaps.out.rfind("汽车 产业链缺口 · 范围 ", 0) == 0);
  CHECK(gaps.out.find("驱动电机") != std::string::npos);
  // SLSR as a percentage with one decimal in the heading.
  CHECK(std::regex_search(gaps.out.substr(0, gaps.out.find('\n')), std::regex(R"(SLSR \d+\.\d%$)")));
  const auto whatif = run_chainlens("whatif chains/xihaian --chain auto --add geely --remove sgmw-qd");
  REQUIRE(whatif.exit_code == 0);
  CHECK(whatif.out.find("引进 吉利控股集团") != std::string::npos);
  CHECK(whatif.out.find("移除 上汽通用五菱汽车股份有限公司青岛分公司") != std::string::npos);
  const auto targets = run_chainlens("targets chains/xihaian --chain auto --portfolio 5");
  REQUIRE(targets.exit_code == 0);
  CHECK(targets.out.rfind("汽车 产业链招商目标 · 范围 ", 0) == 0);
  CHECK(targets.out.find("企业代码") == std::string::npos);
  const auto en = run_chainlens("chokepoints chains/xihaian --chain auto --lang en");
  CHECK(en.out.rfind("Chokepoints of the Automotive chain", 0) == 0);
}

TEST_CASE("JSON: ids and English codes stay, *_label beside them", "[cli][names]") {
  const auto r = run_chainlens("gaps chains/xihaian --chain auto --format json");
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["chain"] == "auto");
  CHECK(j["chain_label"] == "汽车");
  bool any_kind = false;
  for (const auto& s : j["segments"]) {
    CHECK(s["id"].get<std::string>().find('.') != std::string::npos);
    if (s["kind"].is_null()) continue;
    any_kind = true;
    const std::string kind = s["kind"];
    CHECK((kind == "fill" || kind == "extend" || kind == "strengthen"));
    const std::string label = s["kind_label"];
    CHECK((label == "补链" || label == "延链" || label == "强链"));
  }
  CHECK(any_kind);
  const auto csv = run_chainlens("gaps chains/xihaian --chain auto --format csv");
  CHECK(csv.out.find("环节代码,环节,") <= 3);  // after a UTF-8 BOM, if any
  CHECK(csv.out.find("\nauto.motor,驱动电机,") != std::string::npos);
}
