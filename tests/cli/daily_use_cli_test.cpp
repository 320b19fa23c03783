// Issue 15 "one CLI" and "names as input", run as a user would: names, ids and aliases name
// the same thing; ambiguity and typos are errors with the matches; options go before or after
// the subcommand; `find`; --top; report -o FILE; CSV with a BOM for Excel.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "tests/support/run_cli.hpp"

using chainlens::test::run_chainlens;

namespace {

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::filesystem::path fresh_dir(const std::string& name) {
  const auto d = std::filesystem::temp_directory_path() / ("chainlens-daily-" + name);
  std::filesystem::remove_all(d);
  std::filesystem::create_directories(d);
  return d;
}

}  // namespace

TEST_CASE("names as input: --chain takes the id, the Chinese name or the English name", "[cli][daily]") {
  const auto by_id = run_chainlens("gaps chains/xihaian --chain auto --format json");
  const auto by_name = run_chainlens("gaps chains/xihaian --chain 汽车 --format json");
  const auto by_en = run_chainlens("gaps chains/xihaian --chain automotive --format json");
  REQUIRE(by_id.exit_code == 0);
  CHECK(by_name.exit_code == 0);
  CHECK(by_en.exit_code == 0);
  CHECK(by_name.out == by_id.out);
  CHECK(by_en.out == by_id.out);
}

TEST_CASE("names as input: a name two firms share is ambiguous: exit 2, every match listed", "[cli][daily]") {
  const auto r = run_chainlens("whatif tests/data/names-and-scopes --chain bike --add 示例电机");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("names 2 enterprises") != std::string::npos);
  CHECK(r.err.find("上海示例电机 (motorco)") != std::string::npos);
  CHECK(r.err.find("苏州示例电机 (motorco2)") != std::string::npos);
  // Its full name is no longer ambiguous.
  CHECK(run_chainlens("whatif tests/data/names-and-scopes --chain bike --add 苏州示例电机").exit_code == 0);
}

TEST_CASE("names as input: part of a name is never guessed, the matches are the hint", "[cli][daily]") {
  // 高端 starts the names of two chains: 高端化工新材料 and 高端装备.
  const auto r = run_chainlens("gaps chains/xihaian --chain 高端");
  CHECK(r.exit_code == 3);
  CHECK(r.out.empty());
  CHECK(r.err.find("no chain '高端'") != std::string::npos);
  CHECK(r.err.find("'高端化工新材料' (chem)") != std::string::npos);
  CHECK(r.err.find("'高端装备' (equipment)") != std::string::npos);
}

TEST_CASE("names as input: an unknown chain gets a did-you-mean, exit 3", "[cli][daily]") {
  const auto r = run_chainlens("gaps chains/xihaian --chain autx");
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("no chain 'autx'") != std::string::npos);
  CHECK(r.err.find("did you mean 'auto'") != std::string::npos);
}

TEST_CASE("names as input: whatif --add takes an alias, the same firm added and removed is refused", "[cli][daily]") {
  const auto by_alias = run_chainlens("whatif chains/xihaian --chain auto --add 宁德时代 --format json");
  const auto by_id = run_chainlens("whatif chains/xihaian --chain auto --add catl --format json");
  REQUIRE(by_id.exit_code == 0);
  CHECK(by_alias.exit_code == 0);
  CHECK(by_alias.out == by_id.out);
  const auto both = run_chainlens("whatif chains/xihaian --chain auto --add 宁德时代 --remove catl");
  CHECK(both.exit_code == 2);
  CHECK(both.err.find("both added and removed") != std::string::npos);
  const auto none = run_chainlens("whatif chains/xihaian --chain auto --add 不存在的公司");
  CHECK(none.exit_code == 3);
  CHECK(none.err.find("no enterprise '不存在的公司'") != std::string::npos);
}

TEST_CASE("names as input: an unknown scope is an error with a did-you-mean, not an empty scope", "[cli][daily]") {
  const auto typo = run_chainlens("gaps chains/xihaian --chain auto --scope 西海岸");
  CHECK(typo.exit_code == 2);
  CHECK(typo.out.empty());
  CHECK(typo.err.find("no region '西海岸'") != std::string::npos);
  CHECK(typo.err.find("did you mean '西海岸新区'") != std::string::npos);
  // An alias and the full path it stands for give the same report.
  const auto alias = run_chainlens("gaps chains/xihaian --chain auto --scope 黄岛区 --format json");
  const auto path = run_chainlens("gaps chains/xihaian --chain auto --scope 中国/山东/青岛/西海岸新区 --format json");
  CHECK(alias.exit_code == 0);
  CHECK(alias.out == path.out);
  // A prefix of known locations is a real scope (青岛 as a whole).
  CHECK(run_chainlens("gaps chains/xihaian --chain auto --scope 中国/山东/青岛").exit_code == 0);
  CHECK(run_chainlens("gaps chains/xihaian --workspace --scope 西海岸").exit_code == 2);
}

TEST_CASE("find: a name lists the firm with its segments, place and group, nothing found exits 1", "[cli][daily]") {
  const auto r = run_chainlens("find chains/xihaian 宁德时代 --format json");
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(!j["hits"].empty());
  const auto& hit = j["hits"][0];
  CHECK(hit["kind"] == "enterprise");
  CHECK(hit["id"] == "catl");
  CHECK(hit["local"] == false);
  CHECK(!hit["segments"].empty());
  const auto table = run_chainlens("find chains/xihaian 宁德时代");
  CHECK(table.exit_code == 0);
  CHECK(table.out.find("企业") != std::string::npos);
  CHECK(table.out.find("外地") != std::string::npos);
  CHECK(table.out.find("动力电池 (汽车)") != std::string::npos);  // its segment, by name, with its chain
  CHECK(table.out.find("catl") == std::string::npos);            // no id in the table a person reads
  const auto seg = run_chainlens("find chains/xihaian 驱动电机 --lang en");
  CHECK(seg.exit_code == 0);
  CHECK(seg.out.find("segment") != std::string::npos);
  const auto none = run_chainlens("find chains/xihaian zzzz-nothing");
  CHECK(none.exit_code == 1);
  CHECK(none.out.find("0") != std::string::npos);
}

TEST_CASE("one CLI: options before the subcommand equal options after it", "[cli][daily]") {
  const auto after = run_chainlens("gaps chains/xihaian --chain auto --lang en --format json --full-precision");
  const auto before = run_chainlens("--lang en --chain auto --full-precision gaps chains/xihaian --format json");
  REQUIRE(after.exit_code == 0);
  CHECK(before.exit_code == 0);
  CHECK(before.out == after.out);
  const auto app_first = run_chainlens("--full-precision gaps chains/xihaian --chain auto --lang en --format json");
  CHECK(app_first.out == after.out);
}

TEST_CASE("one CLI: a mistyped subcommand gets a did-you-mean, exit 2", "[cli][daily]") {
  const auto r = run_chainlens("gap chains/xihaian --chain auto");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("unknown command 'gap'") != std::string::npos);
  CHECK(r.err.find("did you mean 'gaps'") != std::string::npos);
}

TEST_CASE("one CLI: targets takes --top (one name per idea), --limit is gone", "[cli][daily]") {
  const auto r = run_chainlens("targets chains/xihaian --chain auto --top 3 --format csv --no-bom");
  REQUIRE(r.exit_code == 0);
  std::size_t lines = 0;
  for (char c : r.out) lines += c == '\n';
  CHECK(lines == 4);  // header + 3 rows
  CHECK(run_chainlens("targets chains/xihaian --chain auto --limit 3").exit_code == 2);
}

TEST_CASE("one CLI: CSV opens with a UTF-8 BOM for Excel unless --no-bom", "[cli][daily]") {
  const auto bom = run_chainlens("gaps chains/xihaian --chain auto --format csv");
  REQUIRE(bom.exit_code == 0);
  CHECK(bom.out.rfind("\xEF\xBB\xBF", 0) == 0);
  const auto plain = run_chainlens("gaps chains/xihaian --chain auto --format csv --no-bom");
  CHECK(plain.out.rfind("\xEF\xBB\xBF", 0) == std::string::npos);
  CHECK(bom.out.substr(3) == plain.out);
}

TEST_CASE("one CLI: report -o FILE writes that file, --all takes a folder", "[cli][daily]") {
  const auto d = fresh_dir("report");
  const auto html = d / "auto.html";
  const auto r = run_chainlens("report chains/xihaian --chain 汽车 --date 2026-01-01 -o " + html.string());
  REQUIRE(r.exit_code == 0);
  CHECK(std::filesystem::is_regular_file(html));
  CHECK(slurp(html).find("<html") != std::string::npos);
  const auto md = d / "auto.md";
  CHECK(run_chainlens("report chains/xihaian --chain auto --date 2026-01-01 -o " + md.string()).exit_code == 0);
  CHECK(std::filesystem::is_regular_file(md));
  CHECK(std::filesystem::is_regular_file(d / "auto-chain.svg"));  // its diagrams beside it
  CHECK(run_chainlens("report chains/xihaian --chain auto --format json -o " + (d / "x.md").string()).exit_code == 2);
  CHECK(run_chainlens("report chains/xihaian --all -o " + (d / "all.html").string()).exit_code == 2);
  std::filesystem::remove_all(d);
}

TEST_CASE("one CLI: --lang on info and validate, weights that do not sum to 1 stay on 0-100", "[cli][daily]") {
  const auto zh = run_chainlens("info chains/xihaian");
  REQUIRE(zh.exit_code == 0);
  CHECK(zh.out.find("汽车") != std::string::npos);
  CHECK(zh.out.find("产业链") != std::string::npos);
  const auto en = run_chainlens("info chains/xihaian --lang en");
  CHECK(en.out.find("chain") != std::string::npos);
  // gap=2 makes the weights sum to 2.6: relative weights, so no score passes 100.
  const auto r = run_chainlens("targets chains/xihaian --chain auto --weights gap=2 --format json");
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  double top = 0;
  for (const auto& t : j["targets"]) top = std::max(top, t["score"].get<double>());
  CHECK(top > 0);
  CHECK(top <= 100.0);
  CHECK(run_chainlens("targets chains/xihaian --chain auto --weights gap=inf").exit_code == 2);
  CHECK(run_chainlens("targets chains/xihaian --chain auto --weights gap=-1").exit_code == 2);
  CHECK(run_chainlens("report chains/xihaian --chain auto --date 'next tuesday' -o /tmp/chainlens-daily-never").exit_code == 2);
}

TEST_CASE("one CLI: chokepoints takes --scope and shows whether each must-pass link is there", "[cli][daily]") {
  // 高端化工新材料 hangs on 先进高分子材料 (missing in 西海岸新区) and 丙烯 (one local firm).
  const auto r = run_chainlens("chokepoints chains/xihaian --chain 高端化工新材料 --format json");
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["segment_status"].size() == j["segments"].size());
  CHECK(j["scope"] == "中国/山东/青岛/西海岸新区");
  CHECK(j["segment_status"][0]["segment"] == "chem.polymer-advanced");
  CHECK(j["segment_status"][0]["status"] == "missing");
  // The table shows the status column by name.
  const auto table = run_chainlens("chokepoints chains/xihaian --chain chem");
  CHECK(table.out.find("本地状态") != std::string::npos);
  CHECK(table.out.find("缺链") != std::string::npos);
  CHECK(run_chainlens("chokepoints chains/xihaian --chain chem --scope 西海岸").exit_code == 2);
}
