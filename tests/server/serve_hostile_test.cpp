// Hostile requests to `chainlens serve`: huge query strings, unknown ids, ../ in paths, script
// in parameters, bodies and methods it does not take, and many what-ifs at once.
#include <catch2/catch.hpp>

#include <atomic>
#include <thread>
#include <vector>

#include "tests/server/serve_fixture.hpp"
#include "tests/support/http_client.hpp"

using chainlens::test::http_get;
using chainlens::test::http_raw;
using chainlens::test::TestServer;

TEST_CASE("serve hostile: size limits answer 4xx", "[serve][hostile]") {
  TestServer server("examples/minimal");
  const int port = server.port();
  CHECK(http_get(port, "/search?q=" + std::string(5000, 'a')).status == 414);    // our limit
  CHECK(http_get(port, "/search?q=" + std::string(100000, 'a')).status == 414);  // the HTTP layer's
  CHECK(http_get(port, "/api/find?q=" + std::string(300, 'a')).status == 400);
  std::string many = "/api/chains?";
  for (int i = 0; i < 100; ++i) many += "x" + std::to_string(i) + "=1&";
  CHECK(http_get(port, many).status == 400);
  std::string changes = "/api/chains/bike/whatif?";
  for (int i = 0; i < 21; ++i) changes += "add=f" + std::to_string(i) + "&";  // the HTTP layer merges equal pairs
  const auto too_many = http_get(port, changes);
  CHECK(too_many.status == 413);
  CHECK(too_many.body.find("at most 20 changes") != std::string::npos);
  // A body announced too large is refused before it is read.
  CHECK(http_raw(port, "POST /api/chains HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 100000\r\n\r\n").status == 413);
  CHECK(http_raw(port, "POST /api/chains HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}").status == 405);
  CHECK(http_raw(port, "DELETE /chains/bike HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").status == 405);
}

TEST_CASE("serve hostile: no path reaches the file system", "[serve][hostile]") {
  TestServer server("examples/minimal");
  const int port = server.port();
  for (const char* target : {"/../../../../etc/passwd", "/assets/../../../../etc/passwd", "/assets/..%2f..%2f..%2fetc%2fpasswd",
                             "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/chains/..%2F..%2Fworkspace.yaml", "/workspace.yaml",
                             "/examples/minimal/workspace.yaml", "/chains/bike/../../../etc/passwd", "/firms/..",
                             "/chains/bike/segments/..%2f..%2f..%2fetc%2fpasswd"}) {
    INFO(target);
    const auto a = http_get(port, target);
    CHECK(a.status >= 400);
    CHECK(a.status < 500);
    CHECK(a.body.find("root:") == std::string::npos);
    CHECK(a.body.find("chains:") == std::string::npos);  // no YAML of the workspace
  }
}

TEST_CASE("serve hostile: script in parameters and ids comes back escaped", "[serve][hostile]") {
  TestServer server("examples/minimal");
  const int port = server.port();
  const std::string script = "%3Cscript%3Ealert(1)%3C%2Fscript%3E";
  for (const std::string& target : std::vector<std::string>{
           "/search?q=" + script, "/firms/" + script, "/chains/" + script, "/chains/bike/segments/" + script,
        "/chains/bike/whatif?add=" + script, "/chains/bike/whatif?partial=1&add=" + script, "/chains/bike?lang=" + script,
        "/search?q=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E"}) {
    INFO(target);
    const auto a = http_get(port, target);
    CHECK(a.status != 0);
    CHECK(a.body.find("<script>alert") == std::string::npos);
    CHECK(a.body.find("<img src=x") == std::string::npos);
  }
  CHECK(http_get(port, "/search?q=" + script).body.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  const auto api = http_get(port, "/api/chains/" + script + "/gaps");
  CHECK(api.status == 404);
  CHECK(api.header("content-type").find("application/json") == 0);
}

TEST_CASE("serve hostile: concurrent what-ifs agree with one at a time and change nothing", "[serve][hostile]") {
  TestServer server("examples/minimal");
  const int port = server.port();
  const std::vector<std::string> targets = {"/api/chains/bike/whatif?add=cellco", "/api/chains/bike/whatif?add=motorco",
                                            "/api/chains/bike/whatif?remove=packco",
                                            "/api/chains/bike/whatif?add=cellco&add=motorco&remove=bikeworks"};
  std::vector<std::string> expected;
  for (const std::string& t : targets) expected.push_back(http_get(port, t).body);
  const std::string gaps_before = http_get(port, "/api/chains/bike/gaps").body;
  std::atomic<int> wrong{0}, done{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < 8; ++c)
    clients.emplace_back([&, c] {
      for (int i = 0; i < 12; ++i) {
        const std::size_t k = static_cast<std::size_t>(c + i) % targets.size();
        const auto a = http_get(port, targets[k]);
        if (a.status != 200 || a.body != expected[k]) ++wrong;
        ++done;
      }
    });
  for (std::thread& t : clients) t.join();
  CHECK(done == 96);
  CHECK(wrong == 0);
  CHECK(http_get(port, "/api/chains/bike/gaps").body == gaps_before);  // the served workspace is untouched
}
