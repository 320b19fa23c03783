// Bulk supply relations from CSV: rows, optional columns, and every bad row named by line.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "models/supply_reader.hpp"
#include "models/yaml_loader.hpp"

using namespace chainlens;

TEST_CASE("read_supply_csv: values, confidence, and every bad row with its line", "[models][bulk]") {
  CHECK(is_supply_csv_header("from,to,segment"));
  CHECK(is_supply_csv_header("\xEF\xBB\xBF" "from,to,segment,value"));
  CHECK_FALSE(is_supply_csv_header("id,name,location"));
  std::istringstream in("from,to,segment,value,confidence\n"
                        "a,b,s,1.5,\n"
                        "a,c,s,,inferred\n"
                        "a,,s,1,\n"
                        "a,b,s,x,\n"
                        "a,b,s,2,maybe\n");
  DiagnosticSink sink;
  std::vector<Supply> rows;
  CHECK(read_supply_csv(in, "sup.csv", sink, 100, [&](const Supply& s) { rows.push_back(s); }) == 2);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].value == 1.5);
  CHECK(rows[0].pos.line == 2);
  CHECK_FALSE(rows[1].value);
  CHECK(rows[1].confidence == Confidence::inferred);
  REQUIRE(sink.size() == 3);
  CHECK(sink.all()[0].pos.line == 4);
  CHECK(sink.all()[1].message == "bad value 'x'");
  CHECK(sink.all()[2].pos.line == 6);
}

TEST_CASE("a supply CSV in a workspace folder adds supply relations, checked like YAML ones", "[models][bulk]") {
  const auto dir = std::filesystem::temp_directory_path() / "chainlens-bulk-supply";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "ws.yaml") << "chains:\n  - id: t\n    segments:\n      - {id: p}\n      - {id: a, parent: p}\n"
                                    "      - {id: b, inputs: [a]}\n"
                                    "enterprises:\n  - {id: f, location: 中国, segments: [a]}\n"
                                    "  - {id: g, location: 中国, segments: [b]}\n";
  std::ofstream(dir / "supplies.csv") << "from,to,segment\nf,g,a\nf,g,p\nf,nobody,a\ng,g,b\n";
  try {
    load_workspace(dir);
    FAIL("bad rows must be refused");
  } catch (const InputError& e) {
    const auto& d = e.diagnostics();
    REQUIRE(d.size() == 3);
    CHECK(d[0].pos.file.find("supplies.csv") != std::string::npos);
    CHECK(d[0].pos.line == 3);
    CHECK(d[0].message.find("parent segment") != std::string::npos);
    CHECK(d[1].message == "unknown enterprise 'nobody' in a supply row");
    CHECK(d[2].message.find("supplies itself") != std::string::npos);
  }
  std::ofstream(dir / "supplies.csv") << "from,to,segment,value\nf,g,a,3\n";
  const Workspace ws = load_workspace(dir);
  REQUIRE(ws.supply_table.size() == 1);
  CHECK(ws.supply_table.value(0) == 3.0);
  CHECK(ws.supply_table.from_id(0) == "f");
  CHECK(ws.supplies.empty());  // bulk rows are kept as columns only
  std::filesystem::remove_all(dir);
}

TEST_CASE("YAML and CSV supply relations land in the columns in load order, each bad row named", "[models][bulk]") {
  const auto dir = std::filesystem::temp_directory_path() / "chainlens-bulk-supply-order";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "sub");
  // Files load sorted by path: a.yaml, b.csv, sub/c.yaml, sub/d.csv.
  std::ofstream(dir / "a.yaml") << "chains:\n  - id: t\n    segments:\n      - {id: p}\n      - {id: a, parent: p}\n"
                                   "      - {id: b, inputs: [a]}\n      - {id: c, inputs: [b]}\n"
                                   "enterprises:\n  - {id: f, location: 中国, segments: [a]}\n"
                                   "  - {id: g, location: 中国, segments: [b]}\n  - {id: h, location: 中国, segments: [c]}\n"
                                   "supplies:\n  - {from: f, to: g, segment: a, value: 1}\n";
  std::ofstream(dir / "sub" / "c.yaml") << "supplies:\n  - {from: g, to: h, segment: b, value: 4}\n";
  std::ofstream(dir / "sub" / "d.csv") << "from,to,segment\nh,f,c\n";
  // An unknown id on two rows is named on both (ids are looked up once, rows all reported).
  std::ofstream(dir / "b.csv") << "from,to,segment,value\nf,g,a,2\nnobody,g,a,\nf,g,p,\nnobody,h,a,\nh,h,c,\n";
  try {
    load_workspace(dir);
    FAIL("bad rows must be refused");
  } catch (const InputError& e) {
    const auto& d = e.diagnostics();
    REQUIRE(d.size() == 4);
    CHECK(d[0].pos.line == 3);
    CHECK(d[0].message == "unknown enterprise 'nobody' in a supply row");
    CHECK(d[1].pos.line == 4);
    CHECK(d[1].message.find("parent segment") != std::string::npos);
    CHECK(d[2].pos.line == 5);
    CHECK(d[2].message == "unknown enterprise 'nobody' in a supply row");
    CHECK(d[3].pos.line == 6);
    CHECK(d[3].message == "the supply h -> h supplies itself");
  }
  std::ofstream(dir / "b.csv") << "from,to,segment,value\nf,g,a,2\nh,g,a,\n";
  const Workspace ws = load_workspace(dir);
  const SupplyTable& t = ws.supply_table;
  REQUIRE(t.size() == 5);
  const std::vector<std::string> order = {"f>g:1", "f>g:2", "h>g:-", "g>h:4", "h>f:-"};
  for (std::size_t i = 0; i < t.size(); ++i) {
    const std::string got = std::string(t.from_id(i)) + ">" + std::string(t.to_id(i)) + ":" +
                            (t.value(i) ? std::to_string(static_cast<int>(*t.value(i))) : "-");
    CHECK(got == order[i]);
  }
  REQUIRE(ws.supplies.size() == 2);  // the YAML ones, with their files, for --check-sources
  CHECK(ws.supplies[0].pos.file.find("a.yaml") != std::string::npos);
  CHECK(ws.supplies[1].pos.file.find("c.yaml") != std::string::npos);
  std::filesystem::remove_all(dir);
}
