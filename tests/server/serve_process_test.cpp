// `chainlens serve` as a user runs it: the port it prints, the warning off loopback, --watch
// reloading a changed workspace (and keeping the old one when the change is invalid), and a
// clean exit on SIGTERM and SIGINT.
#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <functional>
#include <fstream>
#include <sstream>
#include <thread>

#include "tests/support/http_client.hpp"

using chainlens::test::http_get;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A `chainlens serve` process in the background: its pid, stderr and exit code in `dir`.
struct ServeProcess {
  fs::path dir;
  int pid = 0, port = 0;

  ServeProcess(const std::string& name, const std::string& args) {
    dir = fs::temp_directory_path() / (name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string cmd = "cd '" CHAINLENS_SOURCE_DIR "' && sh -c \"'" CHAINLENS_BINARY "' serve " + args + " 2>'" +
                            (dir / "err").string() + "' & echo \\$! >'" + (dir / "pid").string() + "'; wait \\$!; echo \\$? >'" +
                            (dir / "rc").string() + "'\" >/dev/null 2>&1 &";
    std::system(cmd.c_str());
    for (int i = 0; i < 600 && port == 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      const std::string err = slurp(dir / "err");
      const auto url = err.find("on http://");
      const auto colon = url == std::string::npos ? url : err.find(':', url + 10);
      if (colon != std::string::npos && err.find('/', colon) != std::string::npos) port = std::atoi(err.c_str() + colon + 1);
      if (fs::exists(dir / "rc")) break;
    }
    pid = std::atoi(slurp(dir / "pid").c_str());
  }
  std::string err() const { return slurp(dir / "err"); }
  // Sends the signal and waits for the exit code (-1 when it does not stop within 10 s).
  int stop(int sig) const {
    ::kill(pid, sig);
    for (int i = 0; i < 200; ++i) {
      if (fs::exists(dir / "rc") && !slurp(dir / "rc").empty()) return std::atoi(slurp(dir / "rc").c_str());
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ::kill(pid, SIGKILL);
    return -1;
  }
  ~ServeProcess() { fs::remove_all(dir); }
};

bool eventually(const std::function<bool()>& test) {
  for (int i = 0; i < 100; ++i) {
    if (test()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

}  // namespace

TEST_CASE("serve process: prints its port, answers, stops cleanly on SIGTERM and SIGINT", "[serve][process]") {
  {
    ServeProcess p("chainlens-serve-term", "examples/minimal --port 0");
    REQUIRE(p.port > 0);
    CHECK(p.err().find("http://127.0.0.1:") != std::string::npos);
    CHECK(p.err().find("warning") == std::string::npos);
    CHECK(http_get(p.port, "/api/chains").status == 200);
    CHECK(p.stop(SIGTERM) == 0);
    CHECK(p.err().find("stopped") != std::string::npos);
  }
  {
    ServeProcess p("chainlens-serve-int", "examples/minimal --port 0");
    REQUIRE(p.port > 0);
    CHECK(p.stop(SIGINT) == 0);
  }
}

TEST_CASE("serve process: a host other than loopback is warned about", "[serve][process]") {
  ServeProcess p("chainlens-serve-any", "examples/minimal --host 0.0.0.0 --port 0");
  REQUIRE(p.port > 0);
  CHECK(p.err().find("warning: listening on 0.0.0.0") != std::string::npos);
  CHECK(p.stop(SIGTERM) == 0);
}

TEST_CASE("serve process: --watch reloads a valid change and keeps the old workspace on an invalid one", "[serve][process][watch]") {
  const fs::path ws = fs::temp_directory_path() / ("chainlens-serve-watch-ws-" + std::to_string(::getpid()));
  fs::remove_all(ws);
  fs::create_directories(ws);
  fs::copy_file(fs::path(CHAINLENS_SOURCE_DIR) / "examples/minimal/workspace.yaml", ws / "workspace.yaml");
  const std::string original = slurp(ws / "workspace.yaml");
  REQUIRE(original.find("电动自行车") != std::string::npos);
  ServeProcess p("chainlens-serve-watch", "'" + ws.string() + "' --port 0 --watch --watch-interval-ms 100");
  REQUIRE(p.port > 0);
  CHECK(http_get(p.port, "/").body.find("电动自行车") != std::string::npos);

  std::string renamed = original;
  renamed.replace(renamed.find("电动自行车"), std::string("电动自行车").size(), "电动两轮车");
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  { std::ofstream(ws / "workspace.yaml", std::ios::binary | std::ios::trunc) << renamed; }
  CHECK(eventually([&] { return http_get(p.port, "/").body.find("电动两轮车") != std::string::npos; }));

  // Broken: the old (renamed) workspace stays, and every page says why the new one was refused.
  { std::ofstream(ws / "workspace.yaml", std::ios::binary | std::ios::app) << "\nchains: [oops\n"; }
  CHECK(eventually([&] { return http_get(p.port, "/").body.find("id=\"reload-errors\"") != std::string::npos; }));
  const auto page = http_get(p.port, "/");
  CHECK(page.body.find("电动两轮车") != std::string::npos);
  CHECK(page.body.find("workspace.yaml") != std::string::npos);  // the diagnostic names the file
  CHECK(http_get(p.port, "/api/status").body.find("workspace.yaml") != std::string::npos);

  // Fixed again: the banner goes.
  { std::ofstream(ws / "workspace.yaml", std::ios::binary | std::ios::trunc) << original; }
  CHECK(eventually([&] { return http_get(p.port, "/").body.find("id=\"reload-errors\"") == std::string::npos; }));
  CHECK(p.stop(SIGTERM) == 0);
  fs::remove_all(ws);
}
