// `chainlens report` as a user runs it, and the HTML report opened in a real headless browser
// (Debian's chromium, installed by scripts/setup.sh) with the network cut off.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "tests/support/count.hpp"
#include "tests/support/run_cli.hpp"

using chainlens::test::run_chainlens;
namespace fs = std::filesystem;
using chainlens::test::count;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / (name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  return dir;
}

}  // namespace

TEST_CASE("report: html, md and json for one chain, and an index for --all", "[cli][report]") {
  const fs::path dir = fresh_dir("chainlens-report");
  const auto html = run_chainlens("report examples/minimal --chain bike --format html --date 2026-01-02 -o " + dir.string());
  REQUIRE(html.exit_code == 0);
  CHECK(html.err.find("bike.html") != std::string::npos);
  const std::string page = slurp(dir / "bike.html");
  CHECK(page.find("电动自行车 产业链招商报告") != std::string::npos);
  CHECK(count(page, "<svg") >= 2);  // chain and targets diagrams, inline
  CHECK(page.find("2026-01-02") != std::string::npos);
  // The same run twice gives the same bytes.
  REQUIRE(run_chainlens("report examples/minimal --chain bike --format html --date 2026-01-02 -o " + dir.string()).exit_code == 0);
  CHECK(slurp(dir / "bike.html") == page);

  REQUIRE(run_chainlens("report examples/minimal --chain bike --format md --lang en -o " + dir.string()).exit_code == 0);
  CHECK(fs::exists(dir / "bike-chain.svg"));
  CHECK(fs::exists(dir / "bike-targets.svg"));
  CHECK(slurp(dir / "bike.md").find("(bike-chain.svg)") != std::string::npos);

  REQUIRE(run_chainlens("report examples/minimal --chain bike --format json -o " + dir.string()).exit_code == 0);
  const auto j = nlohmann::json::parse(slurp(dir / "bike.json"));
  const auto gaps = run_chainlens("gaps examples/minimal --chain bike --format json");
  // The report's gap section at the chain's scope is what `gaps` prints.
  CHECK(j["gaps"]["scopes"][0]["segments"] == nlohmann::json::parse(gaps.out)["segments"]);

  const fs::path all = dir / "all";
  REQUIRE(run_chainlens("report examples/minimal --all -o " + all.string()).exit_code == 0);
  CHECK(slurp(all / "index.html").find("href=\"bike.html\"") != std::string::npos);
  // The index carries the workspace view: bike's one chain, so its top rows are the chain's
  // 补链/强链 rows, cell (0.5756) first.
  const std::string index = slurp(all / "index.html");
  CHECK(index.find("id=\"workspace-gap-table\"") != std::string::npos);
  CHECK(index.find("<tr><td>电芯</td>") != std::string::npos);
  const fs::path all_json = dir / "all-json";
  REQUIRE(run_chainlens("report examples/minimal --all --format json -o " + all_json.string()).exit_code == 0);
  const auto idx = nlohmann::json::parse(slurp(all_json / "index.json"));
  CHECK(idx["chains"][0]["chain"] == "bike");
  CHECK(idx["workspace_gaps"][0]["id"] == "bike.cell");
  CHECK(idx["workspace_gaps"][0]["gap_score"].get<double>() == 0.5756);

  CHECK(run_chainlens("report examples/minimal -o " + dir.string()).exit_code == 2);  // neither --chain nor --all: usage
  CHECK(run_chainlens("report examples/minimal --chain nosuch -o " + dir.string()).exit_code == 3);
  fs::remove_all(dir);
}

TEST_CASE("report: the HTML opens in headless chromium offline, tables and diagrams intact", "[cli][report][browser]") {
  // The 汽车 chain of the bundled workspace, as `make demo` writes it.
  const fs::path dir = fresh_dir("chainlens-browser");
  REQUIRE(run_chainlens("report chains/xihaian --chain auto --format html --date 2026-01-02 -o " + dir.string()).exit_code == 0);
  REQUIRE(run_chainlens("report chains/xihaian --chain auto --format json --date 2026-01-02 -o " + dir.string()).exit_code == 0);
  const auto j = nlohmann::json::parse(slurp(dir / "auto.json"));
  const std::size_t rows = j["gaps"]["scopes"][0]["segments"].size();
  REQUIRE(rows > 10);

  const char* browser = std::getenv("CHAINLENS_CHROMIUM");
  const std::string chromium = browser ? browser : "/usr/bin/chromium";
  REQUIRE(fs::exists(chromium));  // scripts/setup.sh installs Debian's chromium
  // No network: every proxy and DNS lookup fails, so a fetch could only error out.
  const std::string flags = " --headless=new --no-sandbox --disable-gpu --hide-scrollbars --no-first-run"
                            " --proxy-server=127.0.0.1:9 --host-resolver-rules='MAP * ~NOTFOUND'"
                            " --user-data-dir='" + (dir / "profile").string() + "'"
                            " --enable-logging=stderr --v=1 ";
  const std::string url = "file://" + (dir / "auto.html").string();
  const std::string dump = "'" + chromium + "'" + flags + "--dump-dom '" + url + "' >'" + (dir / "dom.html").string() +
                           "' 2>'" + (dir / "dom.log").string() + "'";
  REQUIRE(std::system(dump.c_str()) == 0);
  const std::string dom = slurp(dir / "dom.html");
  const std::string log = slurp(dir / "dom.log");
  INFO("chromium log excerpt: " << log.substr(0, 2000));
  // The script ran to its end, with no error, and fetched nothing.
  CHECK(dom.find("data-ready=\"1\"") != std::string::npos);
  CHECK(dom.find("data-script-error=\"") == std::string::npos);
  CHECK(dom.find("data-resources=\"0\"") != std::string::npos);
  CHECK(log.find(":CONSOLE") == std::string::npos);
  // The gap table has as many rows as the JSON says; both diagrams are inline SVG.
  CHECK(count(dom, "<tr data-segment=") == rows);
  CHECK(dom.find("<figure id=\"chain-diagram\"><svg") != std::string::npos);
  CHECK(dom.find("<figure id=\"targets-diagram\"><svg") != std::string::npos);

  const fs::path shot = dir / "auto.png";
  const std::string screenshot = "'" + chromium + "'" + flags + "--window-size=1200,4000 --screenshot='" + shot.string() +
                                 "' '" + url + "' >/dev/null 2>&1";
  REQUIRE(std::system(screenshot.c_str()) == 0);
  const std::string png = slurp(shot);
  REQUIRE(png.size() > 10000);
  CHECK(png.substr(1, 3) == "PNG");
  // Kept for a person to look at: CHAINLENS_KEEP_SCREENSHOT=path copies it there.
  if (const char* keep = std::getenv("CHAINLENS_KEEP_SCREENSHOT")) fs::copy_file(shot, keep, fs::copy_options::overwrite_existing);
  fs::remove_all(dir);
}
