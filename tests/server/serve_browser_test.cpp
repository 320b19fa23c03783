// `chainlens serve` in a real browser: Debian's headless chromium, driven over the DevTools
// pipe by drive_chromium.py, loads the 汽车 chain page, clicks a segment in the chain map, checks
// the segment page, ticks a candidate in the what-if form and reads the changed SLSR in the DOM.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "tests/server/serve_fixture.hpp"
#include "tests/support/http_client.hpp"

using chainlens::test::http_get;
using chainlens::test::TestServer;
namespace fs = std::filesystem;

TEST_CASE("serve browser: chain page, a segment click, a what-if tick in headless chromium", "[serve][browser]") {
  const char* browser = std::getenv("CHAINLENS_CHROMIUM");
  const std::string chromium = browser ? browser : "/usr/bin/chromium";
  REQUIRE(fs::exists(chromium));  // scripts/setup.sh installs Debian's chromium
  TestServer server("chains/xihaian");
  const int port = server.port();

  // hasco raises the 汽车 SLSR (0.3279 -> 0.4282, the CLI's whatif says the same); the segment
  // clicked is its best one, so the segment page lists it as a candidate.
  const auto whatif = nlohmann::json::parse(http_get(port, "/api/chains/auto/whatif?add=hasco").body);
  const std::string before = fmt::format("{:.4f}", whatif["slsr"]["before"].get<double>());
  const std::string after = fmt::format("{:.4f}", whatif["slsr"]["after"].get<double>());
  REQUIRE(before != after);
  std::string segment;
  const auto targets = nlohmann::json::parse(http_get(port, "/api/chains/auto/targets").body);
  for (const auto& t : targets["targets"])
    if (t["id"] == "hasco") segment = t["segment"].get<std::string>();
  REQUIRE(!segment.empty());

  const fs::path dir = fs::temp_directory_path() / ("chainlens-serve-browser-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string cmd = "/usr/bin/python3 '" CHAINLENS_SOURCE_DIR "/tests/server/drive_chromium.py' '" + chromium +
                          "' http://127.0.0.1:" + std::to_string(port) + " auto '" + segment + "' hasco '" + dir.string() +
                          "' >'" + (dir / "seen.json").string() + "' 2>'" + (dir / "driver.log").string() + "'";
  const int rc = std::system(cmd.c_str());
  std::ifstream seen_file(dir / "seen.json"), log_file(dir / "driver.log");
  std::stringstream seen_text, log_text;
  seen_text << seen_file.rdbuf();
  log_text << log_file.rdbuf();
  INFO("driver: " << seen_text.str() << log_text.str().substr(0, 3000));
  REQUIRE(rc == 0);
  const auto seen = nlohmann::json::parse(seen_text.str());
  CHECK(seen["chain_ready"] == true);
  CHECK(seen["chain_title"] == "汽车");
  CHECK(seen["map_links"].get<int>() > 10);
  CHECK(seen["followed"] == true);
  CHECK(seen["segment_path"] == "/chains/auto/segments/" + segment);
  CHECK(!seen["segment_title"].get<std::string>().empty());
  CHECK(seen["segment_factors"] == 6);  // V, D, P, K, importance, severity
  CHECK(seen["segment_candidates"].get<int>() >= 1);
  CHECK(seen["slsr_on_page"] == before);
  CHECK(seen["whatif_done"] == true);
  CHECK(seen["slsr_before"] == before);
  CHECK(seen["slsr_after"] == after);
  CHECK(seen["changed_rows"].get<int>() >= 1);
  CHECK(seen["script_error"] == "");
  for (const char* shot : {"chain.png", "segment.png", "whatif.png"}) CHECK(fs::file_size(dir / shot) > 10000);
  // Kept for a person to look at: CHAINLENS_KEEP_SCREENSHOTS=folder copies them there.
  if (const char* keep = std::getenv("CHAINLENS_KEEP_SCREENSHOTS")) {
    fs::create_directories(keep);
    for (const char* shot : {"chain.png", "segment.png", "whatif.png"})
      fs::copy_file(dir / shot, fs::path(keep) / shot, fs::copy_options::overwrite_existing);
  }
  fs::remove_all(dir);
}
