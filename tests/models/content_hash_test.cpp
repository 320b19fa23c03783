// The workspace content hash depends on the files' bytes and their paths relative to the
// workspace root only (issue 15), and --check-sources reads a snapshot's files from the
// root recorded at compile time, noticing files added since (issue 18 item 11).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "models/snapshot.hpp"

using namespace chainlens;
namespace fs = std::filesystem;

namespace {

// A temp folder holding a copy of examples/minimal as `ws`, removed at the end.
struct TempWorkspace {
  fs::path base = fs::temp_directory_path() / ("chainlens-hash-" + std::to_string(::getpid()));
  fs::path ws = base / "ws";
  TempWorkspace() {
    fs::remove_all(base);
    fs::create_directories(base);
    fs::copy(CHAINLENS_SOURCE_DIR "/examples/minimal", ws, fs::copy_options::recursive);
  }
  ~TempWorkspace() { fs::remove_all(base); }
};

// Runs `f` with the current folder set to `dir`, restored afterwards.
template <class F>
auto in_folder(const fs::path& dir, F f) {
  const fs::path before = fs::current_path();
  fs::current_path(dir);
  struct Back {
    fs::path p;
    ~Back() { fs::current_path(p); }
  } back{before};
  return f();
}

std::string refusal(const Workspace& ws) {
  try {
    check_snapshot_sources(ws, "x.snap");
  } catch (const InputError& e) {
    return format_diagnostic(e.diagnostics().at(0));
  }
  return "fresh";
}

}  // namespace

TEST_CASE("content hash: the same however the workspace path is spelled", "[models][hash]") {
  TempWorkspace t;
  fs::create_directory_symlink(t.ws, t.base / "link");
  const std::string absolute = load_workspace(t.ws).content_hash;
  CHECK(load_workspace(t.ws.string() + "/").content_hash == absolute);
  CHECK(load_workspace(t.base / "link").content_hash == absolute);
  CHECK(load_workspace(t.base / "." / "ws" / ".." / "ws").content_hash == absolute);
  in_folder(t.base, [&] {
    CHECK(load_workspace("ws").content_hash == absolute);
    CHECK(load_workspace("./ws/").content_hash == absolute);
    CHECK(load_workspace("link").content_hash == absolute);
    return 0;
  });
  // ... and it still follows the contents and the relative names.
  fs::rename(t.ws / "workspace.yaml", t.ws / "renamed.yaml");
  CHECK(load_workspace(t.ws).content_hash != absolute);
}

TEST_CASE("check_snapshot_sources: reads from the recorded root, notices added files", "[models][snapshot][hash]") {
  TempWorkspace t;
  // Compiled from a relative path in another folder, checked from here.
  const Workspace ws = in_folder(t.base, [] { return load_workspace("ws"); });
  const Workspace back = read_snapshot_bytes(write_snapshot_bytes(ws), "x.snap");
  CHECK(back.root == fs::weakly_canonical(t.ws).generic_string());
  CHECK(back.root_is_folder);
  CHECK(refusal(back) == "fresh");
  SECTION("a file added to the workspace folder makes it stale") {
    std::ofstream(t.ws / "extra.yaml") << "enterprises: []\n";
    CHECK(refusal(back).find("snapshot is stale: " + (t.ws / "extra.yaml").generic_string()) != std::string::npos);
    CHECK(refusal(back).find("was added to the workspace since it was compiled") != std::string::npos);
  }
  SECTION("a changed file makes it stale") {
    std::ofstream(t.ws / "workspace.yaml", std::ios::app) << "\n# changed\n";
    CHECK(refusal(back).find("its source files changed since it was compiled") != std::string::npos);
  }
  SECTION("a file that is not a workspace file does not") {
    std::ofstream(t.ws / "notes.txt") << "notes\n";
    CHECK(refusal(back) == "fresh");
  }
}

TEST_CASE("check_snapshot_sources: notices a file added to an included folder outside the root", "[models][snapshot][hash]") {
  TempWorkspace t;
  const fs::path root = t.base / "chain", shared = t.base / "shared";
  fs::create_directories(root);
  fs::create_directories(shared);
  std::ofstream(root / "workspace.yaml") << "workspace: {include: [../shared]}\nchains: [{id: t, segments: [{id: t.a}]}]\n";
  std::ofstream(shared / "firms.yaml") << "enterprises: [{id: f, location: 中国, segments: [t.a]}]\n";
  const Workspace ws = load_workspace(root);
  REQUIRE(ws.enterprises.size() == 1);
  CHECK(ws.include_folders == std::vector<std::string>{"../shared"});
  const Workspace back = read_snapshot_bytes(write_snapshot_bytes(ws), "x.snap");
  CHECK(back.include_folders == ws.include_folders);
  CHECK(refusal(back) == "fresh");
  SECTION("a file added there makes it stale") {
    std::ofstream(shared / "more.yaml") << "enterprises: []\n";
    CHECK(refusal(back).find("snapshot is stale: " + (fs::weakly_canonical(shared) / "more.yaml").generic_string() +
                             " was added to the workspace since it was compiled") != std::string::npos);
  }
  SECTION("a file that is not a workspace file does not") {
    std::ofstream(shared / "notes.txt") << "notes\n";
    CHECK(refusal(back) == "fresh");
  }
  SECTION("a file removed from there makes it stale") {
    fs::remove(shared / "firms.yaml");
    CHECK(refusal(back).find("cannot be read") != std::string::npos);
  }
}
