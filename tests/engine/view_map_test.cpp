// ViewMap (engine/view_map.hpp): the open-addressing map batch scoring looks ids, segments
// and locations up in; checked against std::map on keys that collide in the low bits.
#include <catch2/catch.hpp>

#include <deque>
#include <map>
#include <set>
#include <string>

#include "engine/view_map.hpp"

using chainlens::ViewMap;

TEST_CASE("ViewMap: inserts, finds and grows like a map", "[engine][view_map]") {
  ViewMap<int> m;
  std::map<std::string, int> reference;
  std::deque<std::string> keys;  // the map holds views: the texts stay here
  for (int i = 0; i < 5000; ++i) {
    const std::string& k = keys.emplace_back(i % 3 == 0 ? "企业-" + std::to_string(i) : std::to_string(i * 7919));
    m[k] = i;
    reference[k] = i;
  }
  CHECK(m.size() == reference.size());
  for (const auto& [k, v] : reference) {
    const int* found = m.find(k);
    REQUIRE(found);
    CHECK(*found == v);
  }
  CHECK(m.find("absent") == nullptr);
  CHECK(m.find("") == nullptr);
  // operator[] on a present key returns its value, does not insert.
  m[keys.front()] += 100;
  CHECK(*m.find(keys.front()) == 100);
  CHECK(m.size() == reference.size());
  // The empty text is a key like any other.
  m[""] = 7;
  CHECK(*m.find("") == 7);
}

TEST_CASE("ViewSet: inserts once, finds, grows past a reserve, visits every key once", "[engine][view_map]") {
  chainlens::ViewSet s;
  std::set<std::string> reference;
  std::deque<std::string> keys;
  s.reserve(100);
  for (int i = 0; i < 3000; ++i) {
    const std::string& k = keys.emplace_back("id" + std::to_string(i % 1000));  // each key three times
    CHECK(s.insert(k) == reference.insert(k).second);
  }
  CHECK(s.size() == 1000);
  CHECK(s.contains("id0"));
  CHECK(s.contains("id999"));
  CHECK_FALSE(s.contains("id1000"));
  CHECK_FALSE(s.contains(""));
  std::set<std::string> visited;
  std::size_t visits = 0;
  s.for_each([&](std::string_view k) {
    visited.emplace(k);
    ++visits;
  });
  CHECK(visits == 1000);
  CHECK(visited == reference);
}
