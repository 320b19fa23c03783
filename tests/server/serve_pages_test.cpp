// The pages of `chainlens serve`: names, not ids; the chain map links its segments; the segment,
// firm, search and what-if pages show what issue 17 lists; English with ?lang=en.
#include <catch2/catch.hpp>

#include "tests/server/serve_fixture.hpp"
#include "tests/support/count.hpp"
#include "tests/support/http_client.hpp"

using chainlens::test::count;
using chainlens::test::http_get;
using chainlens::test::TestServer;

TEST_CASE("serve pages: overview, chain, segment, firm, search, what-if", "[serve][pages]") {
  TestServer server("examples/minimal");
  const int port = server.port();

  SECTION("the overview links each chain by name, with its downloads") {
    const auto a = http_get(port, "/");
    REQUIRE(a.status == 200);
    CHECK(a.header("content-type") == "text/html; charset=utf-8");
    CHECK(a.body.find("<a href=\"/chains/bike\">电动自行车</a>") != std::string::npos);
    CHECK(a.body.find("/chains/bike/report.html") != std::string::npos);
    CHECK(a.body.find("<script src=\"/assets/app.js\">") != std::string::npos);
    CHECK(a.body.find("http://") == std::string::npos);  // nothing fetched from elsewhere
    CHECK(a.body.find("https://") == std::string::npos);
  }
  SECTION("the chain page: a map whose segments link to their pages, gaps, targets, the what-if form") {
    const auto a = http_get(port, "/chains/bike");
    REQUIRE(a.status == 200);
    CHECK(a.body.find("<figure id=\"chain-diagram\"><svg") != std::string::npos);
    CHECK(a.body.find("xlink:href=\"/chains/bike/segments/bike.cell\"") != std::string::npos);
    CHECK(count(a.body, "<tr data-segment=") == 4);
    CHECK(a.body.find("id=\"whatif-form\"") != std::string::npos);
    CHECK(a.body.find("name=\"add\" value=\"cellco\"") != std::string::npos);
    CHECK(a.body.find("上海示例电芯") != std::string::npos);
  }
  SECTION("the segment page: status, the four factors, local firms, carriers, candidates with factors") {
    const auto a = http_get(port, "/chains/bike/segments/bike.cell");
    REQUIRE(a.status == 200);
    CHECK(a.body.find("<h1 id=\"segment-title\">电芯</h1>") != std::string::npos);
    CHECK(a.body.find("缺链") != std::string::npos);
    for (const char* f : {"价值 V", "依赖 D", "规划 P", "进口 K", "载体", "本地企业"}) CHECK(a.body.find(f) != std::string::npos);
    CHECK(a.body.find("<tr data-candidate=\"cellco\">") != std::string::npos);
    CHECK(http_get(port, "/chains/bike/segments/bike.nosuch").status == 404);
  }
  SECTION("the firm page: where it operates, local or not, group") {
    const auto a = http_get(port, "/firms/packco");
    REQUIRE(a.status == 200);
    CHECK(a.body.find("青岛示例电池包") != std::string::npos);
    CHECK(a.body.find("data-local=\"1\"") != std::string::npos);
    CHECK(a.body.find("/chains/bike/segments/bike.battery") != std::string::npos);
    CHECK(a.body.find("id=\"firm-group\"") != std::string::npos);
    CHECK(http_get(port, "/firms/cellco").body.find("data-local=\"0\"") != std::string::npos);
  }
  SECTION("search finds by name and links the hit") {
    const auto a = http_get(port, "/search?q=%E7%94%B5%E6%9C%BA");  // 电机
    REQUIRE(a.status == 200);
    CHECK(a.body.find("href=\"/chains/bike/segments/bike.motor\"") != std::string::npos);
    CHECK(a.body.find("href=\"/firms/motorco\"") != std::string::npos);
  }
  SECTION("what-if: the page and the fragment show SLSR before and after") {
    const auto page = http_get(port, "/chains/bike/whatif?add=cellco");
    REQUIRE(page.status == 200);
    CHECK(page.body.find("<td class=\"num\" id=\"whatif-slsr-before\">0.4412</td>") != std::string::npos);
    CHECK(page.body.find("<td class=\"num\" id=\"whatif-slsr-after\">0.7059</td>") != std::string::npos);
    const auto fragment = http_get(port, "/chains/bike/whatif?add=cellco&partial=1");
    CHECK(fragment.body.find("<!DOCTYPE") == std::string::npos);
    CHECK(fragment.body.find("id=\"whatif-slsr-after\">0.7059<") != std::string::npos);
    CHECK(http_get(port, "/chains/bike/whatif?add=nosuch&partial=1").status == 400);
  }
  SECTION("English with ?lang=en, links keep the language") {
    const auto a = http_get(port, "/chains/bike?lang=en");
    REQUIRE(a.status == 200);
    CHECK(a.body.find("<html lang=\"en\">") != std::string::npos);
    CHECK(a.body.find("Gaps by segment") != std::string::npos);
    CHECK(a.body.find("/chains/bike/segments/bike.cell?lang=en") != std::string::npos);
    CHECK(a.body.find("id=\"lang-switch\">中文") != std::string::npos);
  }
  SECTION("the HTML report downloads as the CLI writes it, and the assets are built in") {
    const auto a = http_get(port, "/chains/bike/report.html");
    REQUIRE(a.status == 200);
    CHECK(a.header("content-disposition") == "attachment; filename=\"bike.html\"");
    CHECK(a.body.find("电动自行车 产业链招商报告") != std::string::npos);
    CHECK(http_get(port, "/assets/app.css").header("content-type") == "text/css; charset=utf-8");
    CHECK(http_get(port, "/assets/app.js").body.find("whatif-form") != std::string::npos);
    CHECK(http_get(port, "/assets/nosuch.js").status == 404);
  }
  SECTION("the report's tables download as an Excel workbook (issue 17)") {
    const auto a = http_get(port, "/chains/bike/report.xlsx");
    REQUIRE(a.status == 200);
    CHECK(a.header("content-disposition") == "attachment; filename=\"bike.xlsx\"");
    CHECK(a.header("content-type") == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    CHECK(a.body.rfind("PK\x03\x04", 0) == 0);  // a zip container, as every xlsx is
    CHECK(http_get(port, "/chains/bike").body.find("/chains/bike/report.xlsx") != std::string::npos);
  }
}
