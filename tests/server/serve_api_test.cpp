// The JSON API of `chainlens serve` answers what the CLI prints with --format json for the same
// options, byte for byte (issue 17: "the same keys, so a script can use either").
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "tests/server/serve_fixture.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/run_cli.hpp"

using chainlens::test::http_get;
using chainlens::test::run_chainlens;
using chainlens::test::TestServer;

TEST_CASE("serve api: every endpoint prints the CLI's JSON", "[serve][api]") {
  TestServer server("examples/minimal");
  const int port = server.port();
  const struct { const char *api, *cli; } cases[] = {
      {"/api/chains/bike/gaps", "gaps examples/minimal --chain bike --format json"},
      {"/api/chains/bike/gaps?all_scopes=1", "gaps examples/minimal --chain bike --all-scopes --format json"},
      {"/api/chains/bike/gaps?scope=%E4%B8%AD%E5%9B%BD%2F%E4%B8%8A%E6%B5%B7", "gaps examples/minimal --chain bike --scope 中国/上海 --format json"},
      {"/api/chains/bike/gaps?lang=en", "gaps examples/minimal --chain bike --format json --lang en"},
      {"/api/chains/bike/targets", "targets examples/minimal --chain bike --format json"},
      {"/api/chains/bike/targets?portfolio=2", "targets examples/minimal --chain bike --portfolio 2 --format json"},
      {"/api/chains/bike/targets?by_gap=2", "targets examples/minimal --chain bike --by-gap 2 --format json"},
      {"/api/chains/bike/supply", "supply examples/minimal --chain bike --format json"},
      {"/api/chains/bike/chokepoints", "chokepoints examples/minimal --chain bike --format json"},
      {"/api/chains/bike/whatif?add=cellco", "whatif examples/minimal --chain bike --add cellco --format json"},
      {"/api/chains/bike/whatif?add=cellco&remove=packco",
       "whatif examples/minimal --chain bike --add cellco --remove packco --format json"},
  };
  for (const auto& c : cases) {
    INFO(c.api);
    const auto a = http_get(port, c.api);
    const auto cli = run_chainlens(c.cli);
    REQUIRE(cli.exit_code == 0);
    CHECK(a.status == 200);
    CHECK(a.header("content-type").find("application/json") == 0);
    CHECK(a.body == cli.out);
  }
}

TEST_CASE("serve api: chains, find, report and status", "[serve][api]") {
  TestServer server("examples/minimal");
  const int port = server.port();
  const auto chains = nlohmann::json::parse(http_get(port, "/api/chains").body);
  REQUIRE(chains.size() == 1);
  CHECK(chains[0]["id"] == "bike");
  CHECK(chains[0]["slsr"].get<double>() == 0.4412);

  // Found by id, name and alias; the exact match first.
  const auto by_name = nlohmann::json::parse(http_get(port, "/api/find?q=%E7%94%B5%E8%8A%AF").body);  // 电芯
  REQUIRE(!by_name.empty());
  CHECK(by_name[0]["kind"] == "segment");
  CHECK(by_name[0]["id"] == "bike.cell");
  const auto by_id = nlohmann::json::parse(http_get(port, "/api/find?q=CELLCO").body);
  REQUIRE(!by_id.empty());
  CHECK(by_id[0]["id"] == "cellco");
  CHECK(nlohmann::json::parse(http_get(port, "/api/find?q=").body).empty());

  // The report's JSON: its gap section is what `gaps` prints (as the report test checks).
  const auto report = http_get(port, "/api/chains/bike/report");
  REQUIRE(report.status == 200);
  CHECK(report.header("content-disposition").find("bike.json") != std::string::npos);
  const auto gaps = nlohmann::json::parse(run_chainlens("gaps examples/minimal --chain bike --format json").out);
  CHECK(nlohmann::json::parse(report.body)["gaps"]["scopes"][0]["segments"] == gaps["segments"]);

  const auto status = nlohmann::json::parse(http_get(port, "/api/status").body);
  CHECK(status["chains"] == 1);
  CHECK(status["reload_errors"].empty());
}

TEST_CASE("serve api: wrong requests get a 4xx with a JSON error", "[serve][api]") {
  TestServer server("examples/minimal");
  const int port = server.port();
  const struct { const char* target; int status; const char* words; } cases[] = {
      {"/api/chains/nosuch/gaps", 404, "no chain 'nosuch'"},
      {"/api/chains/bike/nosuch", 404, "no API endpoint"},
      {"/api/nosuch", 404, "no API endpoint"},
      {"/api/chains/bike/whatif", 400, "at least one"},
      {"/api/chains/bike/whatif?add=celco", 400, "did you mean 'cellco'"},
      {"/api/chains/bike/whatif?add=cellco&remove=cellco", 400, "named twice"},
      {"/api/chains/bike/targets?portfolio=-1", 400, "whole number"},
      {"/api/chains/bike/targets?portfolio=99999999999", 400, "whole number"},
      {"/api/chains/bike/gaps?lang=fr", 400, "unknown language"},
      {"/api/chains/bike/gaps?all_scopes=maybe", 400, "takes 1 or 0"},
  };
  for (const auto& c : cases) {
    INFO(c.target);
    const auto a = http_get(port, c.target);
    CHECK(a.status == c.status);
    const auto j = nlohmann::json::parse(a.body);
    const std::string text = j["error"].get<std::string>() + " " + j.value("hint", "");
    CHECK(text.find(c.words) != std::string::npos);
  }
}
