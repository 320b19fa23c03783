// Reliability (issue 18) as a user meets it: outputs that never destroy (symlinks, FIFOs,
// devices, inputs of the run), a failed write that never exits 0, temp files removed on
// signals, inputs that never hang, and the exit codes of bad options.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <utility>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "tests/support/run_cli.hpp"

using chainlens::test::run_chainlens;
namespace fs = std::filesystem;

namespace {

fs::path fresh_dir(const std::string& name) {
  const fs::path d = fs::temp_directory_path() / (name + "-" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::size_t temp_files(const fs::path& d) {
  std::size_t n = 0;
  for (const auto& e : fs::directory_iterator(d))
    if (e.path().filename().string().find(".tmp.") != std::string::npos) ++n;
  return n;
}

const char* kGaps = "gaps examples/minimal --chain bike --format csv";

// run_chainlens redirects standard output itself; this one leaves `redirect` (e.g. "> FILE"
// or ">&-") to the test. Returns the exit code and standard error.
std::pair<int, std::string> run_with_stdout(const std::string& args, const std::string& redirect,
                                            const std::string& stdin_text = "") {
  const fs::path d = fresh_dir("chainlens-rel-stdout");
  { std::ofstream(d / "in", std::ios::binary) << stdin_text; }
  const std::string cmd = "cd '" CHAINLENS_SOURCE_DIR "' && '" CHAINLENS_BINARY "' " + args + " <'" + (d / "in").string() +
                          "' 2>'" + (d / "err").string() + "' " + redirect;
  const int status = std::system(cmd.c_str());
  std::pair<int, std::string> r{WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(d / "err")};
  fs::remove_all(d);
  return r;
}

}  // namespace

TEST_CASE("output to a symlink writes its target and keeps the link, a file keeps its mode", "[cli][reliability]") {
  const fs::path d = fresh_dir("chainlens-rel-link");
  const auto expected = run_chainlens(kGaps);
  REQUIRE(expected.exit_code == 0);
  { std::ofstream(d / "target.csv") << "old"; }
  ::chmod((d / "target.csv").c_str(), 0600);
  fs::create_symlink(d / "target.csv", d / "link.csv");
  const auto r = run_chainlens(std::string(kGaps) + " -o " + (d / "link.csv").string());
  REQUIRE(r.exit_code == 0);
  CHECK(fs::is_symlink(d / "link.csv"));
  CHECK(slurp(d / "target.csv") == expected.out);
  struct stat st {};
  REQUIRE(::stat((d / "target.csv").c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0600);
  CHECK(temp_files(d) == 0);
  fs::remove_all(d);
}

TEST_CASE("output to a FIFO is written into, not replaced", "[cli][reliability]") {
  const fs::path d = fresh_dir("chainlens-rel-fifo");
  REQUIRE(::mkfifo((d / "pipe").c_str(), 0600) == 0);
  std::string got;
  std::thread reader([&] { got = slurp(d / "pipe"); });
  const auto r = run_chainlens(std::string(kGaps) + " -o " + (d / "pipe").string());
  reader.join();
  CHECK(r.exit_code == 0);
  CHECK(got == run_chainlens(kGaps).out);
  CHECK(fs::is_fifo(d / "pipe"));
  fs::remove_all(d);
}

TEST_CASE("output to a character device keeps the device, a full one fails the run (mknod, where allowed)",
          "[cli][reliability]") {
  const fs::path d = fresh_dir("chainlens-rel-dev");
  const fs::path null = d / "null", full = d / "full";
  // Never /dev itself: the devices are made in a temp folder.
  if (::mknod(null.c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0 || ::mknod(full.c_str(), S_IFCHR | 0666, makedev(1, 7)) != 0) {
    WARN("mknod not permitted here: character-device cases skipped");
    fs::remove_all(d);
    return;
  }
  CHECK(run_chainlens(std::string(kGaps) + " -o " + null.string()).exit_code == 0);
  CHECK(fs::is_character_file(null));
  const auto r = run_chainlens(std::string(kGaps) + " -o " + full.string());
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("error: cannot write") != std::string::npos);
  CHECK(fs::is_character_file(full));
  // Standard output on a full device: `score ... > full` must not print "scored" and exit 0.
  const auto s = run_with_stdout("score examples/minimal --chain bike --candidates - --input-format jsonl --no-progress",
                                 "> '" + full.string() + "'",
                                 R"({"id":"p","location":"中国/上海","segments":["bike.cell"]})" "\n");
  CHECK(s.first == 1);
  CHECK(s.second.find("scored") == std::string::npos);
  CHECK(s.second.find("cannot write standard output") != std::string::npos);
  const auto g = run_with_stdout(kGaps, "> '" + full.string() + "'");
  CHECK(g.first == 1);
  CHECK(g.second.find("cannot write standard output") != std::string::npos);
  fs::remove_all(d);
}

TEST_CASE("a closed standard output is a failed write, exit 1", "[cli][reliability]") {
  const auto g = run_with_stdout(kGaps, ">&-");
  CHECK(g.first == 1);
  CHECK(g.second.find("cannot write standard output") != std::string::npos);
  // Nothing written to a closed standard output is no failure.
  const fs::path d = fresh_dir("chainlens-rel-closed");
  CHECK(run_with_stdout("compile examples/minimal -o " + (d / "m.snap").string(), ">&-").first == 0);
  fs::remove_all(d);
}

TEST_CASE("an output never overwrites an input of the same run", "[cli][reliability]") {
  const fs::path d = fresh_dir("chainlens-rel-inputs");
  fs::copy("examples/minimal", d / "ws", fs::copy_options::recursive);
  std::string yaml;
  for (const auto& e : fs::directory_iterator(d / "ws"))
    if (e.path().extension() == ".yaml") yaml = e.path().string();
  REQUIRE(!yaml.empty());
  const std::string before = slurp(yaml);
  const auto r = run_chainlens("gaps " + (d / "ws").string() + " --chain bike -o " + yaml);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("it is an input of this run") != std::string::npos);
  CHECK(slurp(yaml) == before);
  // A new file the next load would read back (*.json in the workspace folder) is refused too.
  const auto j = run_chainlens("gaps " + (d / "ws").string() + " --chain bike --format json -o " + (d / "ws" / "gaps.json").string());
  CHECK(j.exit_code == 1);
  CHECK(j.err.find("would be read as input by the next load") != std::string::npos);
  CHECK_FALSE(fs::exists(d / "ws" / "gaps.json"));
  CHECK(run_chainlens("gaps " + (d / "ws").string() + " --chain bike -o " + (d / "ws" / "gaps.txt").string()).exit_code == 0);
  // The candidate file, and -o equal to --rejects.
  { std::ofstream(d / "pool.csv") << "id,name,location,segments\nx,甲,中国/上海,bike.cell\n,bad,中国,a\n"; }
  const std::string pool = (d / "pool.csv").string();
  const std::string pool_before = slurp(pool);
  const auto s = run_chainlens("score examples/minimal --chain bike --no-progress --candidates " + pool + " -o " + pool);
  CHECK(s.exit_code == 1);
  CHECK(slurp(pool) == pool_before);
  const std::string out = (d / "r.csv").string();
  const auto t = run_chainlens("score examples/minimal --chain bike --no-progress --candidates " + pool + " -o " + out +
                               " --rejects " + out);
  CHECK(t.exit_code == 1);
  CHECK(t.err.find("another output of this run is the same file") != std::string::npos);
  CHECK(temp_files(d) == 0);
  // A snapshot is an input too.
  CHECK(run_chainlens("compile examples/minimal -o " + (d / "m.snap").string()).exit_code == 0);
  CHECK(run_chainlens("compile " + (d / "m.snap").string() + " -o " + (d / "m.snap").string()).exit_code == 1);
  fs::remove_all(d);
}

TEST_CASE("SIGINT, SIGTERM and SIGHUP remove the temp files of a run", "[cli][reliability]") {
  for (const int sig : {SIGTERM, SIGINT, SIGHUP}) {
    DYNAMIC_SECTION("signal " << sig) {
      const fs::path d = fresh_dir("chainlens-rel-signal-" + std::to_string(sig));
      const fs::path fifo = d / "pool.csv";
      REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
      const std::string out = (d / "scored.csv").string(), pool = fifo.string();
      const pid_t pid = ::fork();
      REQUIRE(pid >= 0);
      if (pid == 0) {
        if (::chdir(CHAINLENS_SOURCE_DIR) != 0) ::_exit(127);
        for (const int s : {SIGINT, SIGTERM, SIGHUP}) ::signal(s, SIG_DFL);  // not ignored, whatever ran the tests
        const int devnull = ::open("/dev/null", O_WRONLY);
        ::dup2(devnull, 2);
        ::execl(CHAINLENS_BINARY, CHAINLENS_BINARY, "score", "examples/minimal", "--chain", "bike", "--no-progress",
                "--candidates", pool.c_str(), "-o", out.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
      }
      // Feed a header and a row, keep the pipe open: the run waits for more, its outputs live.
      const int w = ::open(fifo.c_str(), O_WRONLY);
      REQUIRE(w >= 0);
      const std::string head = "id,name,location,segments\nx,甲,中国/上海,bike.cell\n";
      REQUIRE(::write(w, head.data(), head.size()) == static_cast<ssize_t>(head.size()));
      for (int i = 0; i < 200 && temp_files(d) < 2; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(25));
      CHECK(temp_files(d) == 2);  // the output and its rejects file
      ::kill(pid, sig);
      int status = 0;
      REQUIRE(::waitpid(pid, &status, 0) == pid);
      ::close(w);
      CHECK(WIFSIGNALED(status));
      if (WIFSIGNALED(status)) CHECK(WTERMSIG(status) == sig);
      CHECK(temp_files(d) == 0);
      CHECK_FALSE(fs::exists(out));
      fs::remove_all(d);
    }
  }
}

TEST_CASE("a CSV line longer than the parser's limit is rejected, and reading goes on", "[cli][reliability]") {
  const std::string pool = "id,name,location,segments\nx," + std::string((1 << 24) + 10, 'a') +
                           ",中国/上海,bike.cell\ny,乙,中国/上海,bike.cell\n";
  const auto r = run_chainlens("score examples/minimal --chain bike --candidates - --input-format csv --no-progress", pool);
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("<stdin>:2: reject: Line 2 in file \"<stdin>\" is longer than 16777215 bytes; skipped.") != std::string::npos);
  CHECK(r.err.find("scored 2 rows:") != std::string::npos);
  CHECK(r.out.find(",y,") != std::string::npos);
}

TEST_CASE("bad option values exit 2 (usage), contradictory or duplicate inputs are refused", "[cli][reliability]") {
  CHECK(run_chainlens("targets examples/minimal --chain bike --weights gap=x").exit_code == 2);
  CHECK(run_chainlens("gaps examples/minimal --chain bike --importance value=x").exit_code == 2);
  CHECK(run_chainlens("targets examples/minimal --chain bike --weights revenue_ref=0").exit_code == 2);
  CHECK(run_chainlens("render examples/minimal --chain bike --format dot --date 2024-13-45").exit_code == 2);
  CHECK(run_chainlens("render examples/minimal --chain bike --format dot --date 2023-02-29").exit_code == 2);
  CHECK(run_chainlens("render examples/minimal --chain bike --format dot --date 2024-02-29").exit_code == 0);
  CHECK(run_chainlens("gaps examples/minimal --chain bike --max-file-mb 18446744073709551615").exit_code == 2);
  CHECK(run_chainlens("gaps examples/minimal --chain bike --max-file-mb 17592186044416").exit_code == 2);
  const auto w = run_chainlens("whatif examples/minimal --chain bike --add cellco --remove cellco");
  CHECK(w.exit_code == 2);
  CHECK(w.err.find("'cellco' is both added and removed") != std::string::npos);
  CHECK(run_chainlens("render examples/minimal --chain bike --format dot --font 'x\" onload=\"alert(1)'").exit_code == 2);
  CHECK(run_chainlens("report examples/minimal --chain bike -o /tmp/x --font 'a<b'").exit_code == 2);
  const fs::path d = fresh_dir("chainlens-rel-dup");
  { std::ofstream(d / "pool.csv") << "id,name,location,segments\nx,甲,中国/上海,bike.cell\nx,乙,中国/上海,bike.motor\n"; }
  const auto t = run_chainlens("targets examples/minimal --chain bike --candidates " + (d / "pool.csv").string());
  CHECK(t.exit_code == 3);
  CHECK(t.err.find("pool.csv:3:1: error: duplicate candidate id 'x' (first at line 2)") != std::string::npos);
  fs::remove_all(d);
}

TEST_CASE("report --all builds file names from checked ids only", "[cli][reliability]") {
  const fs::path d = fresh_dir("chainlens-rel-ids");
  { std::ofstream(d / "ws.yaml") << "chains:\n  - id: ../../evil\n    segments: [{id: a}]\n  - id: index\n    segments: [{id: b}]\n"; }
  const auto r = run_chainlens("report " + (d / "ws.yaml").string() + " --all --format md -o " + (d / "out" / "a").string());
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("chain id '../../evil' contains a path separator") != std::string::npos);
  CHECK(r.err.find("chain id 'index' is reserved") != std::string::npos);
  CHECK_FALSE(fs::exists(d / "evil.md"));
  CHECK_FALSE(fs::exists(d / "out"));
  fs::remove_all(d);
}
