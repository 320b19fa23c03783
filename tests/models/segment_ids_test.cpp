// intern() and SegmentIds: one pooled copy per id, lists that keep order and copy as values
// whether they fit in the record (two ids) or not.
#include <catch2/catch.hpp>

#include <string>
#include <thread>
#include <vector>

#include "models/enterprise.hpp"
#include "models/interned.hpp"
#include "models/segment_ids.hpp"

using namespace chainlens;

TEST_CASE("intern: equal strings are one object, from any thread (issue 16)", "[models][issue16]") {
  const std::string a = "seg-电池";
  const std::string& x = intern(a);
  CHECK(x == a);
  CHECK(&x != &a);
  CHECK(&intern(std::string("seg-") + "电池") == &x);
  CHECK(&intern("seg-电机") != &x);
  CHECK(intern("").empty());
  // Another thread has its own cache in front of the pool: it must still get the same object,
  // for an id interned here first and for one it interns first itself.
  const std::string* there = nullptr;
  const std::string* fresh = nullptr;
  std::thread t([&] {
    there = &intern("seg-电池");
    fresh = &intern("seg-只在线程里");
  });
  t.join();
  CHECK(there == &x);
  CHECK(&intern("seg-只在线程里") == fresh);
  // Enough ids to grow this thread's table several times: each still finds its one object.
  std::vector<const std::string*> first;
  for (int i = 0; i < 5000; ++i) first.push_back(&intern("grow-" + std::to_string(i)));
  bool all_same = true, all_right = true;
  for (int i = 0; i < 5000; ++i) {
    const std::string& again = intern("grow-" + std::to_string(i));
    all_same = all_same && &again == first[static_cast<std::size_t>(i)];
    all_right = all_right && again == "grow-" + std::to_string(i);
  }
  CHECK(all_same);
  CHECK(all_right);
}

TEST_CASE("SegmentIds: order, lookup, copies and moves on both sides of two ids (issue 16)", "[models][issue16]") {
  SegmentIds s;
  CHECK(s.empty());
  CHECK(s.begin() == s.end());
  std::vector<std::string> expected;
  for (std::string id : {"a", "b", "c", "d", "e"}) {
    SegmentIds before = s;
    s.push_back(id);
    expected.push_back(id);
    CAPTURE(id);
    REQUIRE(s.size() == expected.size());
    CHECK(s == expected);
    CHECK(s.strings() == expected);
    CHECK(s[s.size() - 1] == id);
    CHECK(s.front() == "a");
    CHECK(s.contains(id));
    CHECK_FALSE(s.contains("z"));
    CHECK(before.size() + 1 == s.size());  // a copy is a value: the push did not reach it
    CHECK_FALSE(before == s);
    // The elements are the pooled ids themselves.
    CHECK(&s[0] == &intern("a"));
  }
  SegmentIds copy = s;
  CHECK(copy == s);
  CHECK(&copy[4] == &s[4]);
  copy.push_back("f");
  CHECK(s.size() == 5);
  SegmentIds moved = std::move(copy);
  CHECK(moved.size() == 6);
  CHECK(copy.empty());  // NOLINT: a moved-from list is empty, by design
  SegmentIds small = {"x", "y"};
  small = moved;  // small takes a heap list
  CHECK(small == moved);
  moved = SegmentIds{"q"};  // and a heap list takes a small one
  CHECK(moved == std::vector<std::string>{"q"});
  CHECK(small.size() == 6);
  small = std::move(moved);
  CHECK(small == std::vector<std::string>{"q"});
  const SegmentIds& self = small;
  small = self;
  CHECK(small == std::vector<std::string>{"q"});
}

TEST_CASE("SegmentIds: enterprises naming the same segments share their ids (issue 16)", "[models][issue16]") {
  Enterprise a, b;
  a.segments = std::vector<std::string>{"seg-1", "seg-2"};
  b.segments.push_back(std::string("seg-") + "2");
  CHECK(&a.segments[1] == &b.segments[0]);
  // Two ids live in the record: a registry row's segments cost no allocation of their own.
  CHECK(sizeof(SegmentIds) <= 24);
}
