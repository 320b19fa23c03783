// Foreign bulk input through the CLI (issue 15 item 3, issue 18 items 10, 14): GBK and
// UTF-8-BOM pools, a file whose every row is rejected, a 企查查-style export mapped with
// --columns / --columns-file, and the compile and memory limits.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "tests/support/gbk.hpp"
#include "tests/support/run_cli.hpp"

using chainlens::test::run_chainlens;
namespace fs = std::filesystem;

using chainlens::test::to_gbk;

namespace {

struct TempDir {
  fs::path dir = fs::temp_directory_path() / ("chainlens-bulkcli-" + std::to_string(::getpid()));
  TempDir() { fs::create_directories(dir); }
  ~TempDir() { fs::remove_all(dir); }
  std::string write(const std::string& name, const std::string& bytes) const {
    std::ofstream(dir / name, std::ios::binary) << bytes;
    return (dir / name).string();
  }
};

// Synthetic candidates (made up for the test) for examples/minimal's bike chain.
const std::string kPool =
    "id,name,location,segments,status\n"
    "p1,上海示例电芯有限公司,中国/上海,bike.cell,operating\n"
    "p2,上海示例电机有限公司,中国/上海,bike.motor,operating\n";

const std::string kScore = "score examples/minimal --chain bike --no-progress -o - --candidates ";

}  // namespace

TEST_CASE("score and targets read a GBK pool (Excel on Chinese Windows) and a UTF-8-BOM pool",
          "[cli][bulk][encoding]") {
  TempDir t;
  for (const std::string& bytes : {to_gbk(kPool), "\xEF\xBB\xBF" + kPool}) {
    const std::string pool = t.write("pool.csv", bytes);
    const auto r = run_chainlens(kScore + pool);
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("0 rejected") != std::string::npos);
    CHECK(r.out.find("上海示例电芯有限公司") != std::string::npos);  // converted to UTF-8
    const auto t2 = run_chainlens("targets examples/minimal --chain bike --format csv --candidates " + pool);
    CHECK(t2.exit_code == 0);
    CHECK(t2.out.find("上海示例电芯有限公司") != std::string::npos);
  }
}

TEST_CASE("a pool whose every row is rejected is an input error, exit 3", "[cli][bulk][encoding]") {
  TempDir t;
  // Bytes that are neither UTF-8 nor GB18030 on every row.
  const std::string pool = t.write("bad.csv", "id,name,location,segments\np1,\xFF\xFF,中国/上海,bike.cell\np2,\xFF,中国,bike.cell\n");
  const auto r = run_chainlens(kScore + pool);
  CHECK(r.exit_code == 3);
  CHECK(r.err.find(pool + ":2: reject: the text at byte 4 is neither UTF-8 nor GB18030 (GBK) text") != std::string::npos);
  CHECK(r.err.find("error: every row of " + pool + " was rejected (2 rows") != std::string::npos);
  const auto t2 = run_chainlens("targets examples/minimal --chain bike --candidates " + pool);
  CHECK(t2.exit_code == 3);
  CHECK(t2.err.find(pool + ":3:1: error: the text at byte 4 is neither") != std::string::npos);
}

TEST_CASE("the 企查查-style sample loads with --columns-file and --columns", "[cli][bulk][columns]") {
  const std::string sample = "tests/data/qcc-export/companies.csv";
  const auto r = run_chainlens("score chains/xihaian --chain auto --no-progress -o - --format jsonl --candidates " + sample +
                               " --columns-file tests/data/qcc-export/columns.yaml");
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("scored 6 rows") != std::string::npos);
  CHECK(r.err.find("0 rejected") != std::string::npos);
  CHECK(r.err.find("1 local (not candidates)") != std::string::npos);  // 黄岛区 resolved into 西海岸新区
  CHECK(r.out.find("示例锂膜新材料有限公司") != std::string::npos);
  CHECK(r.out.find("91320500SAMPLE0001") != std::string::npos);
  const auto t = run_chainlens(
      "targets chains/xihaian --chain auto --format csv --top 0 --candidates " + sample +
      " --columns 企业名称=name,统一社会信用代码=id,登记状态=status,省份=location,城市=location,区县=location,所属环节=segments");
  CHECK(t.exit_code == 0);
  CHECK(t.out.find("示例驱动电机科技有限公司") != std::string::npos);
  CHECK(t.out.find("示例新区零部件有限公司") == std::string::npos);  // local: not a target
}

TEST_CASE("a foreign header without a mapping, or a bad mapping, names the header seen", "[cli][bulk][columns]") {
  const std::string sample = "tests/data/qcc-export/companies.csv";
  const auto r = run_chainlens(kScore + sample);
  CHECK(r.exit_code == 3);
  CHECK(r.err.find(sample + ":1:1: error: missing column 'id' in the header (it has 企业名称,统一社会信用代码,") !=
        std::string::npos);
  CHECK(r.err.find("--columns") != std::string::npos);
  const auto u = run_chainlens(kScore + sample + " --columns 企业名称=name,省份=location");
  CHECK(u.exit_code == 3);
  CHECK(u.err.find("no column maps to 'id' (the header has 企业名称") != std::string::npos);
  const auto bad = run_chainlens(kScore + sample + " --columns 企业名称=title");
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("unknown column 'title'") != std::string::npos);
}

TEST_CASE("score and targets: --max-string holds for every field of a bulk row", "[cli][bulk]") {
  TempDir t;
  const std::string pool =
      t.write("long.csv", "id,name,location,segments\np1," + std::string(300, 'n') + ",中国/上海,bike.cell\np2,短,中国/上海,bike.cell\n");
  const auto r = run_chainlens(kScore + pool + " --max-string 100");
  CHECK(r.exit_code == 0);
  CHECK(r.err.find(pool + ":2: reject: column 'name' is 300 bytes long, above the limit of 100") != std::string::npos);
  CHECK(run_chainlens(kScore + pool).err.find("0 rejected") != std::string::npos);
}

TEST_CASE("compile never writes a snapshot that loading refuses, --max-memory-mb bounds loading", "[cli][limits]") {
  TempDir t;
  // Three bulk files under 1 MiB each, so that --max-file-mb 1 loads them, and a snapshot over 1 MiB.
  fs::create_directories(t.dir / "ws");
  fs::copy_file(CHAINLENS_SOURCE_DIR "/examples/minimal/workspace.yaml", t.dir / "ws" / "workspace.yaml");
  for (int f = 0; f < 3; ++f) {
    std::string csv = "id,name,location,segments\n";
    for (int i = 0; i < 9000; ++i)
      csv += "f" + std::to_string(f) + "x" + std::to_string(i) + ",示例企业" + std::to_string(i) + ",中国/上海,bike.cell\n";
    REQUIRE(csv.size() < (1u << 20));
    t.write("ws/pool" + std::to_string(f) + ".csv", csv);
  }
  const std::string snap = (t.dir / "ws.snap").string();
  const auto c = run_chainlens("compile " + (t.dir / "ws").string() + " --max-file-mb 1 -o " + snap);
  CHECK(c.exit_code == 3);
  CHECK(c.err.find("above the --max-file-mb limit of 1 MiB that loading it applies; nothing written") != std::string::npos);
  CHECK_FALSE(fs::exists(snap));
  CHECK(run_chainlens("compile " + (t.dir / "ws").string() + " -o " + snap).exit_code == 0);
  CHECK(run_chainlens("info " + snap).exit_code == 0);

  // 27,000 firms at about 1 KB each do not fit in 16 MiB.
  const auto m = run_chainlens("validate " + (t.dir / "ws").string() + " --max-memory-mb 16");
  CHECK(m.exit_code == 3);
  CHECK(m.err.find("would not fit in --max-memory-mb") != std::string::npos);
  // A YAML file whose tree would not fit is refused before it is built.
  std::string yaml = "enterprises:\n";
  for (int i = 0; i < 30000; ++i) yaml += "  - {id: e" + std::to_string(i) + ", location: 中国/上海, segments: [bike.cell]}\n";
  const std::string big = t.write("big.yaml", yaml);
  const auto y = run_chainlens("validate " + big + " --max-memory-mb 16");
  CHECK(y.exit_code == 3);
  CHECK(y.err.find("YAML nodes, more than --max-memory-mb 16 leaves for it") != std::string::npos);
}
