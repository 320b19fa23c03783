// Snapshots: a round trip keeps every field; truncation, flipped bytes, another version
// and stale sources are refused with a clear message, never a crash.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "models/content_hash.hpp"
#include "models/snapshot.hpp"

using namespace chainlens;

namespace {

Workspace minimal() { return load_workspace(CHAINLENS_SOURCE_DIR "/examples/minimal"); }

std::string refusal(const std::string& bytes) {
  try {
    read_snapshot_bytes(bytes, "x.snap");
  } catch (const InputError& e) {
    return format_diagnostic(e.diagnostics().at(0));
  }
  return "accepted";
}

}  // namespace

TEST_CASE("snapshot: a round trip keeps the workspace", "[models][snapshot]") {
  const Workspace ws = minimal();
  const std::string bytes = write_snapshot_bytes(ws);
  const Workspace back = read_snapshot_bytes(bytes, "x.snap");
  CHECK(back.content_hash == ws.content_hash);
  CHECK(back.files == ws.files);
  REQUIRE(back.chains.size() == ws.chains.size());
  CHECK(back.chains[0].segments.size() == ws.chains[0].segments.size());
  CHECK(back.chains[0].segments[2].inputs.size() == ws.chains[0].segments[2].inputs.size());
  REQUIRE(back.enterprises.size() == ws.enterprises.size());
  for (std::size_t i = 0; i < ws.enterprises.size(); ++i) {
    CHECK(back.enterprises[i].id == ws.enterprises[i].id);
    CHECK(back.enterprises[i].location == ws.enterprises[i].location);
    CHECK(back.enterprises[i].revenue == ws.enterprises[i].revenue);
    CHECK(back.enterprises[i].pos.line == ws.enterprises[i].pos.line);
  }
  CHECK(back.supplies.size() == ws.supplies.size());
  CHECK(back.supply_table.size() == ws.supply_table.size());
  // Deterministic: the same workspace gives the same bytes.
  CHECK(write_snapshot_bytes(back) == bytes);
}

TEST_CASE("snapshot: damaged files are refused", "[models][snapshot]") {
  const std::string bytes = write_snapshot_bytes(minimal());
  SECTION("truncated in the payload") {
    CHECK(refusal(bytes.substr(0, bytes.size() - 10)).find("x.snap: error: snapshot is truncated or has trailing bytes") == 0);
  }
  SECTION("truncated in the header") {
    CHECK(refusal(bytes.substr(0, 12)) ==
          "x.snap: error: snapshot is truncated inside its header (recompile it with `chainlens compile WORKSPACE -o FILE.snap`)");
  }
  SECTION("a flipped byte in the payload") {
    std::string bad = bytes;
    bad[bad.size() / 2 + 20] ^= 0x40;
    CHECK(refusal(bad) ==
          "x.snap: error: snapshot is corrupted (checksum mismatch) (recompile it with `chainlens compile WORKSPACE -o FILE.snap`)");
  }
  SECTION("another format version") {
    std::string bad = bytes;
    bad[8] = 7;
    CHECK(refusal(bad).find("snapshot format version 7 is not supported (this chainlens reads version 8)") != std::string::npos);
  }
  SECTION("a flipped byte of the content hash in the header (bytes 28-43, issue 18)") {
    for (std::size_t at = 28; at < 44; ++at) {
      std::string bad = bytes;
      bad[at] ^= 0x01;
      CHECK(refusal(bad).find("snapshot is corrupted (checksum mismatch)") != std::string::npos);
    }
  }
  SECTION("a flipped byte of the checksum itself") {
    std::string bad = bytes;
    bad[23] ^= 0x10;
    CHECK(refusal(bad).find("snapshot is corrupted (checksum mismatch)") != std::string::npos);
  }
  SECTION("not a snapshot") {
    CHECK(refusal("workspace: {}").find("not a chainlens snapshot (bad magic)") != std::string::npos);
    CHECK(refusal("").find("bad magic") != std::string::npos);
  }
  SECTION("every truncation is refused, none crashes") {
    for (std::size_t n = 0; n < bytes.size(); n += 7) CHECK(refusal(bytes.substr(0, n)) != "accepted");
  }
}

TEST_CASE("snapshot: a zero-length file gets a clear message (issue 18)", "[models][snapshot]") {
  const auto dir = std::filesystem::temp_directory_path() / ("chainlens-empty-snap-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  { std::ofstream(dir / "empty.snap"); }
  std::string message;
  try {
    load_workspace_or_snapshot(dir / "empty.snap");
  } catch (const InputError& e) {
    message = format_diagnostic(e.diagnostics().at(0));
  }
  CHECK(message.find("the file is empty (0 bytes)") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("snapshot file: read in one pass, a damaged byte is reported as damage, never as a parse error",
          "[models][snapshot]") {
  // The file is parsed while it is hashed: a flipped byte the parser trips over must still
  // be reported as a checksum mismatch, and a sound file must load.
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("chainlens-snap-pass-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string good = write_snapshot_bytes(minimal());
  auto load = [&](const std::string& bytes) {
    std::ofstream(dir / "w.snap", std::ios::binary) << bytes;
    try {
      load_workspace_or_snapshot(dir / "w.snap");
    } catch (const InputError& e) {
      return format_diagnostic(e.diagnostics().at(0));
    }
    return std::string("accepted");
  };
  CHECK(load(good) == "accepted");
  int flipped = 0;
  for (std::size_t at = 44; at < good.size(); at += 97) {
    std::string bad = good;
    bad[at] = static_cast<char>(bad[at] ^ 0x5a);
    CAPTURE(at);
    CHECK(load(bad) == (dir / "w.snap").generic_string() +
                           ": error: snapshot is corrupted (checksum mismatch) "
                           "(recompile it with `chainlens compile WORKSPACE -o FILE.snap`)");
    ++flipped;
  }
  CHECK(flipped > 10);
  fs::remove_all(dir);
}

TEST_CASE("snapshot: stale sources are detected", "[models][snapshot]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "chainlens-snapshot-stale";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path file = dir / "w.yaml";
  std::ofstream(file) << "chains: [{id: t, segments: [{id: t.a}]}]\n";
  const Workspace ws = load_workspace(file);
  CHECK_NOTHROW(check_snapshot_sources(ws, "w.snap"));
  std::ofstream(file) << "chains: [{id: t, segments: [{id: t.b}]}]\n";
  CHECK_THROWS_WITH(check_snapshot_sources(ws, "w.snap"),
                    "w.snap: error: snapshot is stale: its source files changed since it was compiled "
                    "(recompile it with `chainlens compile WORKSPACE -o FILE.snap`)");
  fs::remove(file);
  CHECK_THROWS_WITH(check_snapshot_sources(ws, "w.snap"), Catch::Contains("cannot be read"));
  fs::remove_all(dir);
}

TEST_CASE("snapshot: enterprises in several packed blocks keep every field, in order (issue 16)",
          "[models][snapshot]") {
  // 9000 enterprises: three blocks of packed records (4096 each), decoded side by side.
  Workspace ws = minimal();
  Enterprise full;
  full.name = "全字段企业";
  EnterpriseDetail& more = full.edit_detail();
  more.aliases = {"别名", ""};
  full.location = RegionPath::parse("中国/山东/青岛/西海岸新区");
  full.segments = {"a", "b"};
  more.inferred_segments = {"b"};
  full.role = Role::platform;
  full.status = EnterpriseStatus::building;
  full.kind = EnterpriseKind::project;
  full.group = "group-top";
  full.revenue = 12.5;
  full.revenue_year = 2023;
  full.listed = false;
  more.capacity = {{"a", 3.5}, {"b", 1e300}};
  more.declared = {Declared{"local_supply_ratio", 0.45, Bound::below, "a", "note", SourceRef{"s1", "引文", "", {"f.yaml", 3, 4}}, {"f.yaml", 5, 6}}};
  more.note = std::string(300, 'x');  // a length past one byte
  more.source = SourceRef{"s1", "“一句原文”", "public knowledge", {"f.yaml", 7, 8}};
  more.link_sources = {SourceRef{"s2", "q", "n", {"g.yaml", 9, 10}}};
  full.pos = {"firms.csv", 1, 2};
  const std::size_t before = ws.enterprises.size();
  for (int i = 0; i < 9000; ++i) {
    Enterprise e = full;
    e.id = "E" + std::to_string(i);
    e.pos.line = i;
    if (i % 5 == 4) e.pos = SharedPos(std::string("其他.csv"), i, 2);  // the file changes mid-block
    if (i % 2) e.revenue.reset(), e.role.reset(), e.listed.reset();
    if (i % 3 == 0) e.location = RegionPath::parse("中国/上海");
    if (i % 4 == 1) e.more.reset();  // a registry row: nothing cited, no detail
    if (i % 7 == 3) e.segments = {"a", "b", "c", "d"};  // past the two held in the record
    if (i % 7 == 5) e.segments = {};
    ws.enterprises.push_back(std::move(e));
  }
  const std::string bytes = write_snapshot_bytes(ws);
  const Workspace back = read_snapshot_bytes(bytes, "x.snap");
  REQUIRE(back.enterprises.size() == before + 9000);
  for (std::size_t i : {std::size_t{0}, std::size_t{1}, std::size_t{3}, std::size_t{5}, std::size_t{4095}, std::size_t{4096},
                        std::size_t{4097}, std::size_t{8999}}) {
    const Enterprise& e = back.enterprises[before + i];
    CAPTURE(i);
    CHECK(e.id == "E" + std::to_string(i));
    CHECK(e.pos.line == static_cast<int>(i));
    CHECK(e.pos.file() == (i % 5 == 4 ? "其他.csv" : "firms.csv"));
    CHECK(e.name == full.name);
    CHECK(e.location == (i % 3 == 0 ? RegionPath::parse("中国/上海") : full.location));
    CHECK(e.inferred_segments() == (i % 4 == 1 ? SegmentIds{} : full.inferred_segments()));  // kept with the detail
    CHECK(e.segments == (i % 7 == 3 ? std::vector<std::string>{"a", "b", "c", "d"}
                         : i % 7 == 5 ? std::vector<std::string>{} : std::vector<std::string>{"a", "b"}));
    CHECK(e.role.has_value() == (i % 2 == 0));
    CHECK(e.status == EnterpriseStatus::building);
    CHECK(e.kind == EnterpriseKind::project);
    CHECK(e.revenue_year == 2023);
    // A record without detail stays without (a registry row costs no heap), one with it keeps all.
    REQUIRE(e.more.has_value() == (i % 4 != 1));
    const EnterpriseDetail& d = e.detail();
    if (i % 4 == 1) {
      CHECK(d.empty());
      continue;
    }
    CHECK(d.aliases == more.aliases);
    CHECK(d.capacity == more.capacity);
    REQUIRE(d.declared.size() == 1);
    CHECK(d.declared[0].bound == Bound::below);
    CHECK(d.declared[0].source.quote == "引文");
    CHECK(d.note == more.note);
    CHECK(d.source.quote == more.source.quote);
    CHECK(d.source.pos.column == 8);
    REQUIRE(d.link_sources.size() == 1);
    CHECK(d.link_sources[0].pos.file == "g.yaml");
  }
  // Equal locations of a block share one list of parts (issue 16: a million firms, a few
  // hundred places); different ones stay apart.
  const auto parts_of = [&](std::size_t i) { return &back.enterprises[before + i].location.parts(); };
  CHECK(parts_of(1) == parts_of(2));
  CHECK(parts_of(0) == parts_of(3));
  CHECK(parts_of(1) != parts_of(3));
  CHECK(back.enterprises[before + 3].location.str() == "中国/上海");
  // Positions naming one file share its name within a block; the name is kept exactly.
  CHECK(back.enterprises[before + 1].pos.file() == "firms.csv");
  CHECK(&back.enterprises[before + 1].pos.file() == &back.enterprises[before + 2].pos.file());
  // Every field, of every enterprise: the same bytes again.
  CHECK(write_snapshot_bytes(back) == bytes);
}

TEST_CASE("fuzz_snapshot regression: a damaged payload with a valid checksum is refused", "[models][snapshot][fuzz]") {
  // fuzz_snapshot recomputes the checksum, so the Boost payload parser sees damaged data: a
  // flag byte of 10 was read into a bool (undefined behaviour), an enum could hold any int.
  const std::string good = write_snapshot_bytes(minimal());
  constexpr std::size_t header = 8 + 4 + 8 + 8 + 16;
  auto with_checksum = [&](std::string bytes) {
    const std::uint64_t h = snapshot_checksum(bytes);
    for (int i = 0; i < 8; ++i) bytes[20 + i] = static_cast<char>((h >> (8 * i)) & 0xff);
    return bytes;
  };
  int refused = 0, accepted = 0;
  // Every byte of the payload in turn set to 10 (a bool of 10, a length of 10, an enum of 10 ...).
  for (std::size_t at = header; at < good.size(); ++at) {
    std::string bad = good;
    if (bad[at] == 10) continue;
    bad[at] = 10;
    const std::string r = refusal(with_checksum(bad));
    (r == "accepted" ? accepted : refused) += 1;
    if (r != "accepted") CHECK(r.find("x.snap: error: snapshot") == 0);
  }
  CHECK(refused > 0);
  CHECK(accepted > 0);  // most bytes are text: changing a letter still loads
}

TEST_CASE("snapshot: the supply columns round-trip, YAML and bulk relations in load order (issue 16)",
          "[models][snapshot][supply_table]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("chainlens-snap-table-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  // a.yaml is read before b-supplies.csv (files load sorted by path): one YAML relation, then two bulk rows.
  std::ofstream(dir / "a.yaml") << "chains:\n  - id: c\n    segments:\n      - {id: s1}\n      - {id: s2, inputs: [s1]}\n"
                                   "enterprises:\n  - {id: f, location: 中国, segments: [s1]}\n"
                                   "  - {id: g, location: 中国, segments: [s2]}\n  - {id: h, location: 中国, segments: [s2]}\n"
                                   "supplies:\n  - {from: f, to: g, segment: s1, value: 2, source: {note: n}}\n";
  std::ofstream(dir / "b-supplies.csv") << "from,to,segment,value,confidence\nf,h,s1,,inferred\ng,h,s2,0.25,\n";
  const Workspace ws = load_workspace(dir);
  // By hand: 3 relations; ids interned once: f, g, s1, h, s2 -> 5 distinct texts.
  REQUIRE(ws.supply_table.size() == 3);
  CHECK(ws.supply_table.id_count() == 5);
  CHECK(ws.supplies.size() == 1);  // the YAML one keeps its source
  CHECK(ws.supplies[0].source.note == "n");
  const Workspace back = read_snapshot_bytes(write_snapshot_bytes(ws), "t.snap");
  const SupplyTable& t = back.supply_table;
  REQUIRE(t.size() == 3);
  CHECK(t.from_id(0) == "f");
  CHECK(t.to_id(0) == "g");
  CHECK(t.segment_id(0) == "s1");
  CHECK(t.value(0) == 2.0);
  CHECK(t.confidence(0) == Confidence::verified);
  CHECK(t.to_id(1) == "h");
  CHECK_FALSE(t.value(1).has_value());
  CHECK(t.confidence(1) == Confidence::inferred);
  CHECK(t.from_id(2) == "g");
  CHECK(t.segment_id(2) == "s2");
  CHECK(t.value(2) == 0.25);
  CHECK(t.from(2) == t.to(0));  // one handle per distinct id
  REQUIRE(back.supplies.size() == 1);
  CHECK(back.supplies[0].source.note == "n");
  fs::remove_all(dir);
}

TEST_CASE("supply table: a handle past the id pool is reported", "[models][supply_table]") {
  SupplyTable t;
  Supply s;
  s.from = "a";
  s.to = "b";
  s.segment = "x";
  t.push_back(s);
  t.seal();
  CHECK(t.check().empty());
  (*t.columns().to)[0] = 7;  // only 3 ids
  CHECK(t.check() == "a supply handle past the id pool");
}
