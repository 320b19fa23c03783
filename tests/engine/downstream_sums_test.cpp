// downstream_sums and WorkspaceModel::dependence (issue 18, item 15) give what one search per
// vertex gives: on paths, stars, fans, diamonds, cycles and random graphs, and on chains deep
// and broad enough that dependence takes the condensation path instead of its searches.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "engine/downstream_sums.hpp"
#include "engine/workspace_model.hpp"
#include "tests/support/test_graph.hpp"

using namespace chainlens;

namespace {

using Adjacency = std::vector<std::vector<std::size_t>>;

// The straightforward version: one breadth-first search per vertex, its own weight included.
template <class T>
std::vector<T> sums_by_search(const Adjacency& succ, const std::vector<T>& weight) {
  const std::size_t n = succ.size();
  std::vector<T> out(n, T{});
  for (std::size_t v = 0; v < n; ++v) {
    std::vector<char> seen(n, 0);
    std::vector<std::size_t> queue{v};
    seen[v] = 1;
    for (std::size_t i = 0; i < queue.size(); ++i) {
      out[v] += weight[queue[i]];
      for (std::size_t w : succ[queue[i]])
        if (!seen[w]) seen[w] = 1, queue.push_back(w);
    }
  }
  return out;
}

// Weights in multiples of 1/64 below 4: every sum of them is exact in a double, in any order,
// so the two versions must agree to the bit.
void check_same(const Adjacency& succ, std::mt19937& rng) {
  std::vector<std::int64_t> ones(succ.size(), 1);
  CHECK(downstream_sums(succ, ones) == sums_by_search(succ, ones));
  std::vector<double> w(succ.size());
  for (double& x : w) x = (rng() % 3 == 0) ? 0.0 : static_cast<double>(rng() % 256) / 64;
  CHECK(downstream_sums(succ, w) == sums_by_search(succ, w));
}

}  // namespace

TEST_CASE("downstream_sums: the same sums as a search per vertex", "[engine][importance][reliability]") {
  std::mt19937 rng(1818);
  SECTION("empty") { CHECK(downstream_sums(Adjacency{}, std::vector<double>{}).empty()); }
  SECTION("a path (a chain in depth): 0 -> 1 -> 2 -> 3 sums 4, 3, 2, 1") {
    const Adjacency path{{1}, {2}, {3}, {}};
    CHECK(downstream_sums(path, std::vector<std::int64_t>(4, 1)) == std::vector<std::int64_t>{4, 3, 2, 1});
    Adjacency longer(60);
    for (std::size_t i = 0; i + 1 < longer.size(); ++i) longer[i] = {i + 1};
    check_same(longer, rng);
  }
  SECTION("a star into one assembly (breadth) and a fan out of one source") {
    Adjacency in(41), out(41);
    for (std::size_t i = 0; i < 40; ++i) in[i] = {40}, out[40].push_back(i);
    check_same(in, rng);
    check_same(out, rng);
    // Into the assembly: each input sees itself and the assembly (weights 1: 2), the assembly 1.
    const auto s = downstream_sums(in, std::vector<std::int64_t>(41, 1));
    CHECK(s[0] == 2);
    CHECK(s[40] == 1);
  }
  SECTION("diamonds, shared inputs and parallel edges: 0 -> {1, 2} -> 3 counts 3 once") {
    const Adjacency d{{1, 2}, {3}, {3, 3}, {}};
    CHECK(downstream_sums(d, std::vector<std::int64_t>{1, 10, 100, 1000}) ==
          std::vector<std::int64_t>{1111, 1010, 1100, 1000});
    check_same({{1, 2}, {3, 5}, {3}, {4, 5}, {6}, {6}, {}}, rng);
  }
  SECTION("cycles and self-loops: 0 -> 1 -> 2 -> 0 all reach each other and 3") {
    const Adjacency c{{1}, {2}, {0, 3}, {3}};
    CHECK(downstream_sums(c, std::vector<std::int64_t>{1, 2, 4, 8}) == std::vector<std::int64_t>{15, 15, 15, 8});
    check_same({{2}, {0}, {1}, {2}, {3, 0}}, rng);
  }
  SECTION("random graphs, acyclic and not") {
    for (int round = 0; round < 60; ++round) {
      const std::size_t n = 1 + rng() % 50;
      Adjacency g(n);
      for (std::size_t i = 0; i < n; ++i) {
        const std::size_t m = rng() % 4;
        for (std::size_t k = 0; k < m; ++k) {
          // Mostly later vertices (acyclic), sometimes any (cycles, self-loops, parallel edges).
          if (round % 3 == 0) g[i].push_back(rng() % n);
          else if (i + 1 < n) g[i].push_back(i + 1 + rng() % (n - i - 1));
        }
      }
      check_same(g, rng);
    }
  }
}

namespace {

// A chain of n segments, each with final_demand 1: in depth (s0 feeds s1 feeds ...) or in
// breadth (s0 .. s(n-2) all feed s(n-1)). n = 3000 puts dependence past its search budget.
std::string long_chain(std::size_t n, bool depth) {
  std::string y = "chains:\n  - id: c\n    segments:\n";
  for (std::size_t i = 0; i < n; ++i) {
    y += "      - {id: s" + std::to_string(i) + ", final_demand: 1";
    if (depth && i > 0) y += ", inputs: [s" + std::to_string(i - 1) + "]";
    if (!depth && i + 1 == n) {
      y += ", inputs: [";
      for (std::size_t j = 0; j + 1 < n; ++j) y += (j ? ", s" : "s") + std::to_string(j);
      y += "]";
    }
    y += "}\n";
  }
  return y;
}

std::vector<double> dependence_by_search(const WorkspaceModel& m, const std::vector<double>& y) {
  Adjacency succ(m.size());
  for (std::size_t v = 0; v < m.size(); ++v)
    for (std::size_t e : m.out_edges(v)) succ[v].push_back(m.edge(e).to);
  return sums_by_search(succ, y);
}

}  // namespace

TEST_CASE("WorkspaceModel::dependence on chains 3000 deep and 3000 broad, every segment with demand",
          "[engine][importance][reliability]") {
  const std::size_t n = 3000;
  SECTION("in depth: D(s_i) = (n - i) / n, the demand of s_i and every later segment") {
    const test::TestGraph t(long_chain(n, true), "c");
    const WorkspaceModel& m = t.graph().model();
    const std::vector<double> y = m.chain_demand(t.workspace().chains[0]);
    const std::vector<double> d = m.dependence(y);
    REQUIRE(d.size() == n);
    const auto s = [&](std::size_t i) { return *m.find("s" + std::to_string(i)); };
    CHECK(d[s(0)] == Approx(1.0).epsilon(1e-12));
    CHECK(d[s(1000)] == Approx(2000.0 / n).epsilon(1e-12));
    CHECK(d[s(n - 1)] == Approx(1.0 / n).epsilon(1e-12));
    const std::vector<double> ref = dependence_by_search(m, y);
    for (std::size_t v = 0; v < n; ++v) CHECK(d[v] == Approx(ref[v]).epsilon(1e-12));
  }
  SECTION("in breadth: each input 2 / n (itself and the assembly), the assembly 1 / n") {
    const test::TestGraph t(long_chain(n, false), "c");
    const WorkspaceModel& m = t.graph().model();
    const std::vector<double> d = m.dependence(m.chain_demand(t.workspace().chains[0]));
    CHECK(d[*m.find("s0")] == Approx(2.0 / n).epsilon(1e-12));
    CHECK(d[*m.find("s1234")] == Approx(2.0 / n).epsilon(1e-12));
    CHECK(d[*m.find("s2999")] == Approx(1.0 / n).epsilon(1e-12));
  }
}
