// Enterprise ids and names in the workspace's text pool (issue 16): what a pool hands out stays
// put and readable, a record built in code owns its copy, and a loaded or decoded workspace
// keeps its enterprises' texts in its own pool, alive as long as any copy of the workspace.
#include <catch2/catch.hpp>

#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "models/bulk_reader.hpp"
#include "models/pooled_text.hpp"
#include "models/snapshot.hpp"
#include "models/yaml_loader.hpp"

using namespace chainlens;

TEST_CASE("TextPool: texts keep their address and bytes as the pool grows and is handed over", "[models][issue16]") {
  TextPool pool;
  std::vector<std::string> want;
  std::vector<const char*> got;
  // Far past one block, with a text longer than a quarter block among them.
  for (int i = 0; i < 60000; ++i) {
    want.push_back(i == 123 ? std::string(400000, 'x') : "企业-" + std::to_string(i));
    got.push_back(pool.add(want.back()));
  }
  CHECK(pool.bytes() > std::size_t{1} << 20);
  TextPool other;
  other.add("先来的");
  other.adopt(std::move(pool));
  CHECK(pool.bytes() == 0);
  for (std::size_t i = 0; i < want.size(); ++i) {
    CAPTURE(i);
    REQUIRE(std::string_view(got[i]) == want[i]);  // NUL-terminated, the same bytes
  }
  // The adopting pool goes on adding after what it already had.
  const char* later = other.add("后来的");
  CHECK(std::string_view(later) == "后来的");
  CHECK(std::string_view(got[0]) == "企业-0");

  // An empty pool takes over another's open block; the other starts afresh, apart.
  TextPool first, empty;
  const char* kept = first.add("一");
  empty.adopt(std::move(first));
  CHECK(first.bytes() == 0);
  const char* next = empty.add("二");
  const char* apart = first.add("三");
  CHECK(std::string_view(kept) == "一");
  CHECK(std::string_view(next) == "二");
  CHECK(std::string_view(apart) == "三");
  CHECK(empty.bytes() == std::size_t{1} << 20);  // "二" went into the block it took over
}

TEST_CASE("PooledText: an owned copy is a value, a pooled one a shared pointer", "[models][issue16]") {
  CHECK(sizeof(PooledText) == sizeof(void*));
  const PooledText none;
  CHECK(none.empty());
  CHECK(none.size() == 0);
  CHECK(std::string_view(none.c_str()).empty());
  CHECK(PooledText("").empty());

  std::string source = "青岛海尔";
  PooledText owned = source;
  source[0] = 'x';  // the copy does not see its source change
  CHECK(owned == "青岛海尔");
  CHECK(owned.size() == std::string_view("青岛海尔").size());
  PooledText copy = owned;
  CHECK(copy == owned);
  CHECK(copy.data() != owned.data());  // a heap copy of its own
  PooledText moved = std::move(copy);
  CHECK(copy.empty());  // NOLINT: a moved-from text is empty
  CHECK(moved == "青岛海尔");
  moved = "海信";
  CHECK(moved.str() == "海信");

  TextPool pool;
  const PooledText pooled(pool, "歌尔");
  const PooledText shared = pooled;
  CHECK(shared.data() == pooled.data());  // no copy: the pool keeps the bytes
  CHECK(pooled == std::string("歌尔"));
  CHECK(pooled == std::string_view("歌尔"));
  CHECK(pooled == PooledText("歌尔"));  // equal by text, whoever holds it
  CHECK(pooled == InternedId("歌尔"));
  CHECK(InternedId("歌尔") == pooled);
  CHECK_FALSE(pooled == "歌");
  CHECK(PooledText("a") < PooledText("b"));
  CHECK(PooledText("ab").compare("aa") > 0);
  CHECK(pooled + "-1" == "歌尔-1");
  CHECK(std::string("id ") + pooled == "id 歌尔");
  CHECK(std::hash<PooledText>{}(pooled) == std::hash<std::string_view>{}("歌尔"));
  std::ostringstream os;
  os << pooled;
  CHECK(os.str() == "歌尔");
}

TEST_CASE("a loaded workspace keeps its enterprises' ids and names in its pool", "[models][issue16]") {
  std::unique_ptr<Workspace> ws = std::make_unique<Workspace>(load_workspace_text(R"(
chains:
  - id: c
    segments: [{id: a}]
enterprises:
  - {id: haier, name: 海尔集团, location: 中国/青岛, segments: [a]}
  - {id: unnamed, location: 中国/青岛, segments: [a]}
)",
                                                                                  "test.yaml"));
  REQUIRE(ws->enterprises.size() == 2);
  CHECK(ws->text_pool->bytes() > 0);
  CHECK(ws->enterprises[0].id == "haier");
  CHECK(ws->enterprises[0].name == "海尔集团");
  CHECK(ws->enterprises[1].name == "unnamed");  // no name: the id
  // A copy shares the pool: its texts stay readable once the original is gone (ASan checks).
  const Workspace copy = *ws;
  CHECK(copy.enterprises[0].name.data() == ws->enterprises[0].name.data());
  ws.reset();
  CHECK(copy.enterprises[0].name == "海尔集团");

  // Through a snapshot: the decoded names are in the decoded workspace's own pool.
  const Workspace back = read_snapshot_bytes(write_snapshot_bytes(copy), "t.snap");
  REQUIRE(back.enterprises.size() == 2);
  CHECK(back.text_pool != copy.text_pool);
  CHECK(back.text_pool->bytes() > 0);
  CHECK(back.enterprises[0].name == "海尔集团");
  CHECK(back.enterprises[1].id == "unnamed");
  CHECK(back.enterprises[0].name.data() != copy.enterprises[0].name.data());
}

TEST_CASE("bulk rows put their ids and names in the pool they are given, or own them", "[models][issue16]") {
  const std::string csv = "id,name,location,segments\nf1,一号厂,中国/青岛,a\nf2,,中国/青岛,a\n";
  TextPool pool;
  BulkReadOptions options;
  options.texts = &pool;
  DiagnosticSink sink;
  std::istringstream in(csv);
  const std::vector<Enterprise> rows = read_bulk_file(in, BulkFormat::csv, "f.csv", sink, 100, options);
  REQUIRE(rows.size() == 2);
  CHECK(pool.bytes() > 0);
  CHECK(rows[0].name == "一号厂");
  CHECK(rows[1].name == "f2");
  CHECK(rows[1].name.data() == rows[1].id.data());  // the id stands in for the name: one copy

  std::istringstream again(csv);
  const std::vector<Enterprise> owned = read_bulk_file(again, BulkFormat::csv, "f.csv", sink, 100);
  REQUIRE(owned.size() == 2);
  CHECK(owned[0].id == "f1");
  CHECK(owned[1].name == "f2");
  CHECK(owned[1].name.data() != owned[1].id.data());  // heap copies of their own
}
