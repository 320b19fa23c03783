// The enterprise record kept small (issue 16): a group id and a file name are pointers to
// pooled copies, inferred segments live with the detail, the enums are a byte each; and
// what each of those holds is what was written.
#include <catch2/catch.hpp>

#include <cstdint>
#include <stdexcept>
#include <string>

#include "models/enterprise.hpp"
#include "models/interned.hpp"
#include "models/record_pack.hpp"
#include "models/shared_pos.hpp"
#include "models/yaml_loader.hpp"

using namespace chainlens;

TEST_CASE("InternedId: equal ids are one pooled copy that compares with any text", "[models][issue16]") {
  const InternedId none;
  CHECK(none.empty());
  CHECK(none.str().empty());
  CHECK(none == InternedId(""));  // empty text is no id
  std::string text = "集团-1";
  const InternedId a = text, b = std::string_view("集团-1"), c = "集团-2";
  CHECK(&a.str() == &b.str());
  CHECK(&a.str() == &intern("集团-1"));
  text += "x";  // the id does not see its source change
  CHECK(a.str() == "集团-1");
  CHECK(a == b);
  CHECK_FALSE(a == c);
  CHECK(a == std::string("集团-1"));
  CHECK(a == std::string_view("集团-1"));
  CHECK(a == "集团-1");
  CHECK(std::string("集团-1") == a);  // either side
  CHECK(a != "集团-2");
  CHECK_FALSE(a.empty());
  CHECK(sizeof(InternedId) == sizeof(void*));
}

TEST_CASE("SharedPos: positions in one file share its name, and a position is 16 bytes", "[models][issue16]") {
  const SharedPos a(std::string("firms.csv"), 3, 1), b = SourcePos{"firms.csv", 9, 2};
  CHECK(&a.file() == &b.file());
  CHECK(b.file() == "firms.csv");
  CHECK(b.line == 9);
  CHECK(b.column == 2);
  const SharedPos c = SharedPos::of_interned(intern("firms.csv"), 4, 1);
  CHECK(&c.file() == &a.file());
  const SourcePos back = c;
  CHECK(back.file == "firms.csv");
  CHECK(back.line == 4);
  CHECK(SharedPos().file().empty());
  CHECK(SharedPos({}, 1, 1).file().empty());
  CHECK(sizeof(SharedPos) <= 16);
  // The record a registry holds a million of: 240 bytes before these changes, 168 before its
  // id and name moved to the workspace's text pool.
  CHECK(sizeof(Enterprise) <= 120);
}

TEST_CASE("inferred segments are kept with the detail, whatever else the enterprise writes", "[models][issue16]") {
  const Workspace ws = load_workspace_text(R"(
chains:
  - id: c
    segments: [{id: a}, {id: b}]
sources:
  - {id: s1, title: 规划}
enterprises:
  - id: bare
    location: 中国/青岛
    segments: [a, {id: b, confidence: inferred}]
  - id: cited
    location: 中国/青岛
    segments: [{id: a, confidence: inferred}, b]
    note: 一句说明
    source: {id: s1, quote: 原文}
  - {id: plain, location: 中国/青岛, segments: [a, b], group: cited}
)",
                                           "test.yaml");
  REQUIRE(ws.enterprises.size() == 3);
  const Enterprise &bare = ws.enterprises[0], &cited = ws.enterprises[1], &plain = ws.enterprises[2];
  CHECK(bare.inferred_segments() == std::vector<std::string>{"b"});
  CHECK(bare.segments == std::vector<std::string>{"a", "b"});
  CHECK(cited.inferred_segments() == std::vector<std::string>{"a"});
  CHECK(cited.detail().note == "一句说明");
  CHECK(cited.detail().source.quote == "原文");
  CHECK(plain.inferred_segments().empty());
  CHECK_FALSE(plain.more.has_value());  // nothing out of line: no detail allocated
  CHECK(plain.group == "cited");
  CHECK(plain.group == InternedId(cited.id));
  CHECK(bare.group.empty());
}

TEST_CASE("a packed enum value past its byte is refused, not wrapped into a valid one", "[models][issue16]") {
  for (const std::int32_t v : {256, 259, -1}) {
    std::string bytes;
    PackOut out(bytes);
    out & v;  // what a damaged block would hold in an enum's place
    PackIn in(bytes.data(), bytes.data() + bytes.size());
    EnterpriseStatus status{};
    CAPTURE(v);
    CHECK_THROWS_AS(in & status, std::runtime_error);
  }
  std::string bytes;
  PackOut out(bytes);
  out & EnterpriseStatus::closed & std::optional<Role>(Role::platform);
  PackIn in(bytes.data(), bytes.data() + bytes.size());
  EnterpriseStatus status{};
  std::optional<Role> role;
  in & status & role;
  CHECK(status == EnterpriseStatus::closed);
  CHECK(role == Role::platform);
  CHECK(in.done());
}
