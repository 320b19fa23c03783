// Chokepoints: dominators on small graphs worked by hand, a brute-force check on seeded
// random chains, articulation points and single-source inputs (metrics.md "Chokepoints").
#include <catch2/catch.hpp>

#include <queue>
#include <random>
#include <set>

#include "engine/chain_graph.hpp"
#include "engine/chokepoints.hpp"
#include "tests/support/test_graph.hpp"

using namespace chainlens;
using chainlens::test::TestGraph;

namespace {

std::vector<std::string> segment_chokepoints(const std::string& segments) {
  const TestGraph t("chains: [{id: t, segments: " + segments + "}]", "t");
  return find_chokepoints(t.graph()).segments;
}

using V = std::vector<std::string>;

// Brute force: v is a chokepoint when removing it cuts some other terminal, reachable
// from the sources before, from every source.
std::set<std::string> brute_force(const ChainGraph& g) {
  const SegmentGraph& sg = g.segments();
  const std::size_t n = g.segment_count();
  auto reachable = [&](std::size_t removed) {
    std::vector<bool> seen(n, false);
    std::queue<std::size_t> q;
    for (std::size_t v = 0; v < n; ++v)
      if (v != removed && boost::in_degree(v, sg) == 0) seen[v] = true, q.push(v);
    while (!q.empty()) {
      const std::size_t v = q.front();
      q.pop();
      for (auto e : boost::make_iterator_range(boost::out_edges(v, sg))) {
        const std::size_t w = boost::target(e, sg);
        if (w != removed && !seen[w]) seen[w] = true, q.push(w);
      }
    }
    return seen;
  };
  const std::vector<bool> before = reachable(n);
  std::set<std::string> out;
  for (std::size_t v = 0; v < n; ++v) {
    const std::vector<bool> after = reachable(v);
    for (std::size_t t = 0; t < n; ++t)
      if (t != v && g.is_terminal(t) && before[t] && !after[t]) out.insert(sg[v].id);
  }
  return out;
}

}  // namespace

TEST_CASE("find_chokepoints: dominators on hand-worked graphs", "[engine][chokepoints]") {
  // a -> b -> c: every path to c passes a and b.
  CHECK(segment_chokepoints("[{id: a}, {id: b, inputs: [a]}, {id: c, inputs: [b]}]") == V{"a", "b"});
  // Diamond s -> {a, b} -> t: only s.
  CHECK(segment_chokepoints("[{id: s}, {id: a, inputs: [s]}, {id: b, inputs: [s]}, {id: t, inputs: [a, b]}]") ==
        V{"s"});
  // Two sources into one terminal: the virtual root dominates, nothing else.
  CHECK(segment_chokepoints("[{id: a}, {id: b}, {id: c, inputs: [a, b]}]").empty());
  // A cycle b <-> c on the way: a -> b -> c -> d, c -> b.
  CHECK(segment_chokepoints("[{id: a}, {id: b, inputs: [a, c]}, {id: c, inputs: [b]}, {id: d, inputs: [c]}]") ==
        V{"a", "b", "c"});
  // Two terminals: c needs b; d comes straight from a. United: a and b.
  CHECK(segment_chokepoints("[{id: a}, {id: b, inputs: [a]}, {id: c, inputs: [b]}, {id: d, inputs: [a]}]") ==
        V{"a", "b"});
}

TEST_CASE("find_chokepoints: equals brute force on seeded random chains", "[engine][chokepoints]") {
  std::mt19937 rng(20261122);
  for (int round = 0; round < 60; ++round) {
    const int n = 3 + static_cast<int>(rng() % 14);
    std::string yaml = "chains: [{id: t, segments: [";
    for (int j = 0; j < n; ++j) {
      yaml += (j ? ", " : "") + std::string("{id: s") + std::to_string(j) + ", inputs: [";
      std::set<int> inputs;
      const int k = static_cast<int>(rng() % 3);
      for (int i = 0; i < k; ++i) {
        const int from = static_cast<int>(rng() % n);
        // Mostly forward edges, sometimes a back edge (a cycle).
        if (from != j && (from < j || rng() % 5 == 0)) inputs.insert(from);
      }
      bool first = true;
      for (int i : inputs) yaml += (first ? "" : ", ") + std::string("s") + std::to_string(i), first = false;
      yaml += "]}";
    }
    yaml += "]}]";
    INFO(yaml);
    const TestGraph t(yaml, "t");
    const std::vector<std::string> got = find_chokepoints(t.graph()).segments;
    const std::set<std::string> want = brute_force(t.graph());
    CHECK(std::set<std::string>(got.begin(), got.end()) == want);
  }
}

TEST_CASE("find_chokepoints: articulation points and single-source inputs", "[engine][chokepoints]") {
  const TestGraph t(R"(
chains: [{id: t, segments: [{id: a}, {id: b, inputs: [a]}]}]
enterprises:
  - {id: f1, location: 中国, segments: [a]}
  - {id: f2, location: 中国, segments: [a]}
  - {id: hub, location: 中国, segments: [b]}
  - {id: g, location: 中国, segments: [b]}
  - {id: shut, location: 中国, segments: [a], status: closed}
supplies:
  - {from: f1, to: hub, segment: a}
  - {from: f2, to: hub, segment: a}
  - {from: hub, to: g, segment: b}
  - {from: f1, to: f2, segment: a}
  - {from: shut, to: g, segment: a}
)", "t");
  const ChokepointReport r = find_chokepoints(t.graph());
  // f1-f2-hub is a triangle; g hangs on hub alone. The closed firm is not in the network.
  CHECK(r.enterprises == V{"hub"});
  REQUIRE(r.single_sources.size() == 2);
  CHECK(r.single_sources[0].enterprise == "f2");  // buys a from f1 only
  CHECK(r.single_sources[0].supplier == "f1");
  CHECK(r.single_sources[1].enterprise == "g");   // buys b from hub only
  CHECK(r.single_sources[1].segment == "b");
  CHECK(r.single_sources[1].supplier == "hub");
}

TEST_CASE("find_chokepoints: a row cap keeps the first single sources by enterprise and counts all (issue 16)",
          "[engine][chokepoints][row_caps]") {
  // Three customers each buy a from one supplier: single sources c1, c2, c3 (by id), whatever
  // order the relations are written in.
  const TestGraph t(R"(
chains: [{id: t, segments: [{id: a}, {id: b, inputs: [a]}]}]
enterprises:
  - {id: s, location: 中国, segments: [a]}
  - {id: c3, location: 中国, segments: [b]}
  - {id: c1, location: 中国, segments: [b]}
  - {id: c2, location: 中国, segments: [b]}
supplies:
  - {from: s, to: c3, segment: a}
  - {from: s, to: c1, segment: a}
  - {from: s, to: c2, segment: a}
)", "t");
  ChokepointOptions o;
  o.max_rows = 2;
  const ChokepointReport r = find_chokepoints(t.graph(), o);
  REQUIRE(r.single_sources.size() == 2);
  CHECK(r.single_sources[0].enterprise == "c1");
  CHECK(r.single_sources[1].enterprise == "c2");
  CHECK(r.single_sources_total == 3);
  CHECK(r.enterprises == V{"s"});  // the star's centre; one row, under the cap
  CHECK(r.enterprises_total == 1);
  CHECK(find_chokepoints(t.graph()).single_sources.size() == 3);
}

TEST_CASE("find_chokepoints: single sources come by enterprise id, then segment id, not file order",
          "[engine][chokepoints][row_caps]") {
  // Segments written z before m; customers b2 before b1; b1 has two suppliers of z (no single
  // source there) and one of m. Rows are (b1, m), (b2, m), (b2, z) whatever the file order.
  const TestGraph t(R"(
chains: [{id: t, segments: [{id: z}, {id: m}, {id: out, inputs: [z, m]}]}]
enterprises:
  - {id: s1, location: 中国, segments: [z, m]}
  - {id: s2, location: 中国, segments: [z]}
  - {id: b2, location: 中国, segments: [out]}
  - {id: b1, location: 中国, segments: [out]}
supplies:
  - {from: s1, to: b2, segment: z}
  - {from: s1, to: b2, segment: z}
  - {from: s2, to: b1, segment: z}
  - {from: s1, to: b1, segment: z}
  - {from: s2, to: b2, segment: m}
  - {from: s1, to: b1, segment: m}
)", "t");
  const ChokepointReport r = find_chokepoints(t.graph());
  REQUIRE(r.single_sources.size() == 3);
  CHECK(r.single_sources_total == 3);
  CHECK((r.single_sources[0].enterprise == "b1" && r.single_sources[0].segment == "m" && r.single_sources[0].supplier == "s1"));
  CHECK((r.single_sources[1].enterprise == "b2" && r.single_sources[1].segment == "m" && r.single_sources[1].supplier == "s2"));
  CHECK((r.single_sources[2].enterprise == "b2" && r.single_sources[2].segment == "z" && r.single_sources[2].supplier == "s1"));
  ChokepointOptions o;
  o.max_rows = 1;
  const ChokepointReport capped = find_chokepoints(t.graph(), o);
  REQUIRE(capped.single_sources.size() == 1);
  CHECK(capped.single_sources[0].enterprise == "b1");
  CHECK(capped.single_sources_total == 3);
}
