// `chainlens score` as a user runs it: streaming, rejects, and the mapper property:
// scoring a pool split in parts and concatenated equals scoring it whole.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/support/run_cli.hpp"

using chainlens::test::run_chainlens;

namespace {

// Synthetic candidate rows (test data, not real firms) for examples/minimal's bike chain.
std::vector<std::string> rows(int n) {
  std::vector<std::string> out;
  const char* segs[] = {"bike.cell", "bike.motor", "bike.assembly", "bike.battery", "other.x"};
  for (int i = 0; i < n; ++i) {
    std::ostringstream s;
    s << R"({"id":"p)" << i << R"(","name":"候选)" << i << R"(","location":")" << (i % 5 == 0 ? "青岛" : "中国/上海")
      << R"(","segments":[")" << segs[i % 5] << R"("],"revenue":)" << (i * 13 % 500) << "}";
    out.push_back(i % 50 == 49 ? "{broken" : s.str());
  }
  return out;
}

std::string join(const std::vector<std::string>& v, std::size_t from, std::size_t to) {
  std::string s;
  for (std::size_t i = from; i < to; ++i) s += v[i] + "\n";
  return s;
}

// Drops the "line" field, which is relative to the input a mapper saw.
std::string without_lines(const std::string& jsonl) {
  std::istringstream in(jsonl);
  std::string line, out;
  while (std::getline(in, line)) {
    const auto comma = line.find(',');
    out += line.substr(comma + 1) + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("score: a split pool scores the same as the whole, for any thread count", "[cli][score]") {
  const auto r = rows(400);
  const std::string base = "score examples/minimal --chain bike --candidates - --input-format jsonl --format jsonl";
  const auto whole = run_chainlens(base + " -j 1", join(r, 0, r.size()));
  REQUIRE(whole.exit_code == 0);
  CHECK(whole.err.find("scored 400 rows: ") != std::string::npos);
  CHECK(whole.err.find("8 rejected") != std::string::npos);
  const auto part1 = run_chainlens(base + " -j 2", join(r, 0, 137));
  const auto part2 = run_chainlens(base + " -j 2 --chunk 3", join(r, 137, r.size()));
  REQUIRE(part1.exit_code == 0);
  REQUIRE(part2.exit_code == 0);
  CHECK(without_lines(part1.out + part2.out) == without_lines(whole.out));
  CHECK(run_chainlens(base + " -j 4 --chunk 1", join(r, 0, r.size())).out == whole.out);
}

TEST_CASE("score: rejects go to a file, --max-rejects sets the exit code", "[cli][score]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "chainlens-score-cli";
  fs::create_directories(dir);
  const std::string pool = (dir / "pool.jsonl").string(), out = (dir / "out.csv").string();
  std::ofstream(pool) << join(rows(100), 0, 100);
  const auto r = run_chainlens("score examples/minimal --chain bike --candidates " + pool + " -o " + out);
  REQUIRE(r.exit_code == 0);
  std::ifstream rejects(out + ".rejects.csv");
  std::string header, first;
  std::getline(rejects, header);
  std::getline(rejects, first);
  CHECK(header == "line,reason");
  CHECK(first.rfind("50,", 0) == 0);  // row 49 is line 50
  std::ifstream scored(out);
  std::string h;
  std::getline(scored, h);
  REQUIRE(h.rfind("\xEF\xBB\xBF", 0) == 0);  // a UTF-8 BOM for Excel: -o names a file
  h.erase(0, 3);
  CHECK(h == "行号,企业代码,企业,得分,环节代码,引进环节,类型,缺口,主营匹配,实力,关联,相关度,名录,增资扩产,状态");  // Chinese by default
  std::string row;
  std::getline(scored, row);  // line 1 of the JSON Lines pool: p0 is local to 青岛, no candidate
  std::getline(scored, row);  // line 2: p1 in 上海 brings bike.motor
  CHECK(row.rfind("2,p1,候选1,", 0) == 0);
  CHECK(row.find(",bike.motor,电机,") != std::string::npos);  // the segment's id and, beside it, its name
  // Standard output is the streaming path into another program: no BOM there; --lang en.
  const auto piped = run_chainlens("score examples/minimal --chain bike --lang en --candidates " + pool);
  CHECK(piped.out.rfind("line,id,name,score,segment,segment_name,kind,", 0) == 0);
  const auto no_bom = run_chainlens("score examples/minimal --chain bike --no-bom --candidates " + pool + " -o " + out);
  CHECK(no_bom.exit_code == 0);
  std::ifstream plain(out);
  std::getline(plain, h);
  CHECK(h.rfind("行号,", 0) == 0);
  CHECK(run_chainlens("score examples/minimal --chain bike --candidates " + pool + " -o " + out + " --max-rejects 1")
            .exit_code == 3);
  fs::remove_all(dir);
}
