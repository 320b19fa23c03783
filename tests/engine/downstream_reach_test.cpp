// downstream_reach in near-linear time (issue 18, item 15) gives exactly the counts of one
// breadth-first search per vertex: on paths, stars, diamonds, cycles and random graphs.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "engine/importance.hpp"
#include "tests/support/test_graph.hpp"

using namespace chainlens;

namespace {

// The reference: one search per vertex, as before.
std::vector<int> reach_by_search(const ChainGraph& graph) {
  const SegmentGraph& g = graph.segments();
  const std::size_t n = boost::num_vertices(g);
  std::vector<int> out(n);
  for (std::size_t v = 0; v < n; ++v) {
    std::vector<char> seen(n, 0);
    std::vector<std::size_t> queue{v};
    seen[v] = 1;
    for (std::size_t i = 0; i < queue.size(); ++i)
      for (auto e : boost::make_iterator_range(boost::out_edges(queue[i], g))) {
        const std::size_t w = boost::target(e, g);
        if (!seen[w]) {
          seen[w] = 1;
          queue.push_back(w);
        }
      }
    out[v] = static_cast<int>(queue.size()) - 1;
  }
  return out;
}

// A chain whose segment i takes the listed inputs.
std::string chain_yaml(const std::vector<std::vector<int>>& inputs) {
  std::string y = "chains:\n  - id: c\n    segments:\n";
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    y += "      - {id: s" + std::to_string(i);
    if (!inputs[i].empty()) {
      y += ", inputs: [";
      for (std::size_t j = 0; j < inputs[i].size(); ++j) y += (j ? ", s" : "s") + std::to_string(inputs[i][j]);
      y += "]";
    }
    y += "}\n";
  }
  return y;
}

void check_same(const std::vector<std::vector<int>>& inputs) {
  const test::TestGraph t(chain_yaml(inputs), "c");
  CHECK(downstream_reach(t.graph()) == reach_by_search(t.graph()));
}

}  // namespace

TEST_CASE("downstream_reach: the same counts as a search per vertex", "[engine][importance][reliability]") {
  SECTION("a path (a chain in depth)") {
    std::vector<std::vector<int>> in(50);
    for (int i = 1; i < 50; ++i) in[i] = {i - 1};
    check_same(in);
  }
  SECTION("a star (a chain in breadth)") {
    std::vector<std::vector<int>> in(40);
    for (int i = 0; i < 39; ++i) in[39].push_back(i);
    check_same(in);
  }
  SECTION("diamonds and shared inputs") {
    check_same({{}, {0}, {0}, {1, 2}, {3}, {3, 1}, {4, 5}});
  }
  SECTION("a cycle") {
    check_same({{2}, {0}, {1}, {2}, {3, 0}});
  }
  SECTION("random graphs") {
    std::mt19937 rng(18);
    for (int round = 0; round < 30; ++round) {
      const int n = 2 + static_cast<int>(rng() % 40);
      std::vector<std::vector<int>> in(static_cast<std::size_t>(n));
      for (int i = 0; i < n; ++i) {
        const int m = static_cast<int>(rng() % 3);
        for (int j = 0; j < m; ++j) {
          // Mostly earlier segments (acyclic), sometimes any (cycles).
          const int from = (round % 3 == 0) ? static_cast<int>(rng() % n) : (i ? static_cast<int>(rng() % i) : -1);
          if (from < 0 || from == i) continue;
          bool dup = false;
          for (int x : in[static_cast<std::size_t>(i)]) dup |= x == from;
          if (!dup) in[static_cast<std::size_t>(i)].push_back(from);
        }
      }
      check_same(in);
    }
  }
}
