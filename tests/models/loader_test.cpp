// Loading folders: files read sorted by path as one workspace, every error in
// every file reported at once, the content hash, and round trips of every field.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>

#include "models/source_check.hpp"
#include "models/yaml_loader.hpp"
#include "tests/support/fresh_dir.hpp"

using namespace chainlens;
namespace fs = std::filesystem;
using chainlens::test::fresh_dir;

TEST_CASE("load_workspace: ten planted errors in three files are all reported", "[models][loader]") {
  const fs::path cwd = fs::current_path();
  fs::current_path(CHAINLENS_SOURCE_DIR);
  std::vector<std::string> got;
  try {
    load_workspace("tests/data/three-files-ten-errors");
  } catch (const InputError& e) {
    for (const Diagnostic& d : e.diagnostics()) got.push_back(format_diagnostic(d));
  }
  fs::current_path(cwd);
  std::ifstream in(CHAINLENS_SOURCE_DIR "/tests/data/three-files-ten-errors/expected.txt");
  std::vector<std::string> want;
  for (std::string line; std::getline(in, line);)
    if (line.find(": error: ") != std::string::npos) want.push_back(line);
  REQUIRE(want.size() == 10);
  CHECK(got == want);
}

TEST_CASE("load_workspace: examples/minimal round-trips every field", "[models][loader]") {
  const Workspace ws = load_workspace(CHAINLENS_SOURCE_DIR "/examples/minimal");
  CHECK(ws.name == "示例工作区 (minimal example)");
  CHECK(ws.scope.str() == "中国/山东/青岛");
  REQUIRE(ws.chains.size() == 1);
  const Chain& c = ws.chains[0];
  CHECK(c.name_en == "E-bike");
  REQUIRE(c.segments.size() == 5);
  CHECK(c.segments[2].parent == "bike.parts");
  CHECK(c.segments[2].stage == Stage::midstream);
  REQUIRE(c.segments[4].inputs.size() == 2);
  CHECK(c.segments[4].inputs[0].share == Approx(0.6));
  CHECK_FALSE(c.segments[4].inputs[1].share.has_value());
  CHECK(c.goals.at(0).value == 10);
  CHECK(c.goals.at(0).year == 2025);
  CHECK(c.gaps.at(0).kind == DeclaredGapKind::missing);
  CHECK(c.target_lists.at(0).enterprises == std::vector<std::string>{"cellco"});
  REQUIRE(ws.enterprises.size() == 4);
  CHECK(ws.enterprises[0].location.str() == "中国/山东/青岛");  // the alias 青岛 resolved
  CHECK(ws.enterprises[2].location.str() == "中国/上海");
  CHECK(ws.enterprises[0].role == Role::anchor);
  CHECK(ws.enterprises[3].revenue == Approx(80));
  REQUIRE(ws.supplies.size() == 3);
  CHECK(ws.supplies[0].value == Approx(3));
  CHECK(ws.content_hash.size() == 16);
}

TEST_CASE("load_workspace: the content hash follows the bytes", "[models][loader]") {
  const fs::path d = fresh_dir("chainlens-hash");
  std::ofstream(d / "a.yaml") << "chains: [{id: c}]\n";
  const std::string h1 = load_workspace(d).content_hash;
  CHECK(load_workspace(d).content_hash == h1);
  std::ofstream(d / "a.yaml") << "chains: [{id: c, name: x}]\n";
  CHECK(load_workspace(d).content_hash != h1);
}

TEST_CASE("load_workspace: bulk CSV files in a folder add enterprises", "[models][loader]") {
  const fs::path d = fresh_dir("chainlens-bulk");
  std::ofstream(d / "chain.yaml") << "regions: [{path: 中国/山东/青岛, aliases: [青岛]}]\n"
                                     "chains: [{id: c, segments: [{id: a}, {id: p}, {id: k, parent: p}]}]\n";
  std::ofstream(d / "pool.csv") << "id,location,segments\nx,青岛,a\ny,中国,p\nz,火星,a\n";
  std::vector<std::string> got;
  try {
    load_workspace(d);
  } catch (const InputError& e) {
    for (const Diagnostic& diag : e.diagnostics()) got.push_back(format_diagnostic(diag));
  }
  const std::string f = (d / "pool.csv").generic_string();
  REQUIRE(got.size() == 2);
  CHECK(got[0] == f + ":3:1: error: segment 'p' in 'segments' of enterprise 'y' is a parent segment (name one of its children: k)");
  CHECK(got[1].rfind(f + ":4:1: error: unknown region or alias '火星' in '火星'", 0) == 0);
  std::ofstream(d / "pool.csv") << "id,location,segments\nx,青岛,a\n";
  const Workspace ws = load_workspace(d);
  REQUIRE(ws.enterprises.size() == 1);
  CHECK(ws.enterprises[0].location.str() == "中国/山东/青岛");
  CHECK_FALSE(ws.enterprises[0].more.has_value());  // a registry row carries no detail (issue 16)
  CHECK(ws.enterprises[0].pos.file() == f);
  CHECK(ws.enterprises[0].pos.line == 2);
}

TEST_CASE("loader: the rows of a bulk file share one copy of its name (issue 16)", "[models][loader]") {
  const fs::path d = fresh_dir("chainlens-bulk-pos");
  std::ofstream(d / "chain.yaml") << "chains: [{id: c, segments: [{id: a}]}]\n"
                                     "enterprises: [{id: y1, location: 中国, segments: [a]}, {id: y2, location: 中国, segments: [a]}]\n";
  std::ofstream(d / "pool-with-a-long-file-name.csv") << "id,location,segments\nx1,中国,a\nx2,中国,a\nx3,中国,a\n";
  const Workspace ws = load_workspace(d);
  std::map<std::string, const Enterprise*> by_id;
  for (const Enterprise& e : ws.enterprises) by_id[e.id.str()] = &e;
  REQUIRE(by_id.size() == 5);
  const std::string csv = (d / "pool-with-a-long-file-name.csv").generic_string();
  CHECK(by_id["x1"]->pos.file() == csv);
  CHECK(by_id["x3"]->pos.line == 4);
  CHECK(&by_id["x1"]->pos.file() == &by_id["x3"]->pos.file());
  CHECK(by_id["y2"]->pos.file() == (d / "chain.yaml").generic_string());
  // A diagnostic still gets a plain position.
  const SourcePos plain = by_id["x2"]->pos;
  CHECK(plain.file == csv);
  CHECK(plain.line == 3);
  CHECK(plain.column == 1);
}

TEST_CASE("check_quotes: white space is ignored, nothing else", "[models][sources]") {
  const Workspace ws = load_workspace(CHAINLENS_SOURCE_DIR "/tests/data/quotes/workspace.yaml");
  const auto problems = check_quotes(ws, CHAINLENS_SOURCE_DIR "/tests/data/quotes");
  REQUIRE(problems.size() == 1);
  CHECK(format_diagnostic(problems[0]) ==
        std::string(CHAINLENS_SOURCE_DIR) + "/tests/data/quotes/workspace.yaml:9:27: error: quote not found in doc.txt: "
        "\"芯片全部自给\" (copy it verbatim from the document; only white space may differ)");
  const auto missing = check_quotes(ws, "/nonexistent");
  REQUIRE(missing.size() == 1);
  CHECK(missing[0].message == "cannot open '/nonexistent/doc.txt'");
}

TEST_CASE("loader: equal enterprise locations share their parts after alias resolution (issue 16)", "[models][loader]") {
  const Workspace ws = load_workspace_text(R"(
regions: [{path: 中国/山东/青岛/西海岸新区, aliases: [黄岛区]}]
chains: [{id: t, segments: [{id: a}]}]
enterprises:
  - {id: f1, location: 黄岛区/董家口, segments: [a]}
  - {id: f2, location: 中国/山东/青岛/西海岸新区/董家口, segments: [a]}
  - {id: f3, location: 中国/上海, segments: [a]}
)",
                                           "t.yaml");
  REQUIRE(ws.enterprises.size() == 3);
  CHECK(ws.enterprises[0].location.str() == "中国/山东/青岛/西海岸新区/董家口");
  CHECK(&ws.enterprises[0].location.parts() == &ws.enterprises[1].location.parts());
  CHECK(ws.enterprises[2].location.str() == "中国/上海");
  CHECK(&ws.enterprises[2].location.parts() != &ws.enterprises[0].location.parts());
}

TEST_CASE("loader: an enterprise's detail is kept where something is written, and `use:` adds to it (issue 16)",
          "[models][loader]") {
  const Workspace ws = load_workspace_text(R"(
chains: [{id: t, segments: [{id: a}, {id: b}]}]
enterprises:
  - {id: bare, location: 中国, segments: [a]}
  - {id: cited, location: 中国, segments: [a], aliases: [别名], note: 说明, source: {note: public knowledge}}
  - {use: bare, segments: [b], capacity: {b: 5}, note: 用于b, source: {note: 补充}}
  - {use: cited, segments: [b], note: 也用于b}
)",
                                           "t.yaml");
  REQUIRE(ws.enterprises.size() == 2);
  const EnterpriseDetail& bare = ws.enterprises[0].detail();
  CHECK(ws.enterprises[0].segments == std::vector<std::string>{"a", "b"});
  CHECK(bare.capacity == std::map<std::string, double>{{"b", 5}});
  CHECK(bare.note == "用于b");
  REQUIRE(bare.link_sources.size() == 1);
  CHECK(bare.link_sources[0].note == "补充");
  CHECK(bare.source.empty());
  const EnterpriseDetail& cited = ws.enterprises[1].detail();
  CHECK(cited.aliases == std::vector<std::string>{"别名"});
  CHECK(cited.note == "说明; 也用于b");
  CHECK(cited.source.note == "public knowledge");
  CHECK(cited.link_sources.empty());  // the use cites nothing
}
