// The Leontief solve, the v2 workspace model (y_C, dependence, present downstream) and reach
// on hand-worked chains (cycles, explicit shares, final_demand, input_intensity), and against
// the power series on seeded random chains.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>
#include <sstream>

#include "engine/chain_graph.hpp"
#include "engine/importance.hpp"
#include "engine/workspace_model.hpp"
#include "tests/support/test_graph.hpp"

using namespace chainlens;
using chainlens::test::TestGraph;

namespace {

std::vector<double> by_id(const ChainGraph& g, const std::vector<double>& v, const std::vector<std::string>& ids) {
  std::vector<double> out;
  for (const std::string& id : ids) out.push_back(v.at(*g.find_segment(id)));
  return out;
}

std::vector<double> default_y(const ChainGraph& g) {
  std::vector<double> y;
  for (SegmentVertexId v = 0; v < g.segment_count(); ++v) y.push_back(g[v].y);
  return y;
}

}  // namespace

TEST_CASE("total_output: a two-segment cycle feeding a terminal", "[engine][importance]") {
  // b -> a, a -> b, b -> c; phi 0.6 (v2 default), every share 1. Untyped: a and b feed
  // non-services (components), c feeds nothing (the product), so y_C = (0, 0, 1).
  // x_c = 1; x_b = 0.6 x_c + 0.6 x_a; x_a = 0.6 x_b  =>  x_b (1 - 0.36) = 0.6,
  // x_b = 0.6 / 0.64 = 0.9375, x_a = 0.6 * 0.9375 = 0.5625.
  const TestGraph t(R"(
chains: [{id: t, segments: [{id: a, inputs: [b]}, {id: b, inputs: [a]}, {id: c, inputs: [b]}]}]
)",
                    "t");
  const ChainGraph& g = t.graph();
  const std::vector<double> x = by_id(g, total_output(g, default_y(g)), {"a", "b", "c"});
  CHECK(x[0] == Approx(0.5625));
  CHECK(x[1] == Approx(0.9375));
  CHECK(x[2] == Approx(1.0));
  // total_output on the chain graph and the workspace model agree (one chain: the same A).
  const std::vector<double> xc = by_id(g, chain_output(g), {"a", "b", "c"});
  CHECK(xc[0] == Approx(0.5625));
  CHECK(xc[1] == Approx(0.9375));
  SECTION("reach counts the others downstream, never the segment itself through its cycle") {
    const std::vector<int> reach = downstream_reach(g);
    CHECK(reach[*g.find_segment("a")] == 2);
    CHECK(reach[*g.find_segment("b")] == 2);
    CHECK(reach[*g.find_segment("c")] == 0);
  }
}

TEST_CASE("total_output: explicit shares, input_intensity and final_demand", "[engine][importance]") {
  // j: phi 0.8, shares p 0.3 (given), q and r split the rest: 0.35 each.
  // y_C (v2): declared final_demand p 1 and j 2 (j is also the untyped product); q and r are
  // components without a declared demand: 0. Scaled to sum 1: y_p = 1/3, y_j = 2/3.
  // a_pj = 0.8 * 0.3 = 0.24, a_qj = a_rj = 0.8 * 0.35 = 0.28:
  // x_j = 2/3, x_p = 1/3 + 0.24 * 2/3 = 1/3 + 0.16 = 0.49333.., x_q = x_r = 0.28 * 2/3 = 0.18666..
  const TestGraph t(R"(
chains:
  - id: t
    segments:
      - {id: p, final_demand: 1}
      - {id: q}
      - {id: r}
      - {id: j, input_intensity: 0.8, final_demand: 2, inputs: [{from: p, share: 0.3}, q, r]}
)",
                    "t");
  const ChainGraph& g = t.graph();
  const std::vector<double> x = by_id(g, total_output(g, default_y(g)), {"p", "q", "r", "j"});
  CHECK(g[*g.find_segment("p")].y == Approx(1.0 / 3));
  CHECK(g[*g.find_segment("q")].y == 0.0);
  CHECK(g[*g.find_segment("j")].y == Approx(2.0 / 3));
  CHECK(x[0] == Approx(1.0 / 3 + 0.16));
  CHECK(x[1] == Approx(0.28 * 2 / 3));
  CHECK(x[2] == Approx(0.28 * 2 / 3));
  CHECK(x[3] == Approx(2.0 / 3));
  // V = x / max x: p 0.49333 / 0.66667 = 0.74, q 0.18667 / 0.66667 = 0.28, j 1.
  const std::vector<double> importance = normalized_importance(x);
  CHECK(importance[0] == Approx(0.74));
  CHECK(importance[1] == Approx(0.28));
  CHECK(importance[3] == 1.0);
  CHECK_THROWS_AS(total_output(g, {1.0}), std::invalid_argument);
}

TEST_CASE("workspace model: dependence and present-downstream on a -> b, a -> c", "[engine][importance]") {
  // b and c are end segments, so products (untyped rule): y = (0, 1/2, 1/2).
  const TestGraph t(R"(
chains: [{id: t, segments: [{id: a}, {id: b, inputs: [a]}, {id: c, inputs: [a]}]}]
enterprises: [{id: f, location: 中国/青岛, segments: [c]}, {id: g, location: 中国/青岛, segments: [a]}]
)",
                    "t");
  const WorkspaceModel& m = t.graph().model();
  const std::vector<double> y = m.chain_demand(t.workspace().chains[0]);
  CHECK(y == std::vector<double>{0, 0.5, 0.5});
  CHECK(m.dependence(y) == std::vector<double>{1, 0.5, 0.5});
  // D(a) = y_a + y_b + y_c = 1 (both products downstream); D(b) = y_b, D(c) = y_c.
  // x = (0.6 * 1 * 0.5 + 0.6 * 1 * 0.5, 0.5, 0.5): each of b, c has a as its only input.
  const std::vector<double> x = m.solve(y);
  CHECK(x[0] == Approx(0.6));
  CHECK(x[1] == Approx(0.5));
  CHECK(x[2] == Approx(0.5));
  SECTION("a sees c; b and c see nothing (g makes a present, f makes c present)") {
    CHECK(m.flagged_downstream({false, false, true}) == std::vector<bool>{true, false, false});
    CHECK(m.flagged_downstream(workspace_presence(m, Scope::parse("中国/青岛"))) == std::vector<bool>{true, false, false});
  }
}

TEST_CASE("normalized_importance: all-zero output stays zero", "[engine][importance]") {
  CHECK(normalized_importance({0, 0}) == std::vector<double>{0, 0});
  CHECK(normalized_importance({}).empty());
}

TEST_CASE("total_output: equals the power series sum A^k y on seeded random chains with cycles",
          "[engine][importance][property]") {
  std::mt19937 rng(20240611);
  for (int chain = 0; chain < 50; ++chain) {
    const int n = std::uniform_int_distribution<int>(5, 30)(rng);
    std::ostringstream yaml;
    yaml << "chains:\n  - id: r\n    segments:\n";
    for (int j = 0; j < n; ++j) {
      yaml << "      - id: s" << j << "\n";
      // phi <= 0.8 keeps the series' tail below 0.8^201 / 0.2 of |y|: far under 1e-9.
      if (rng() % 3) yaml << "        input_intensity: " << std::uniform_real_distribution<double>(0, 0.8)(rng) << "\n";
      if (rng() % 4 == 0) yaml << "        final_demand: " << std::uniform_real_distribution<double>(0, 5)(rng) << "\n";
      const int k = std::uniform_int_distribution<int>(0, 3)(rng);
      std::vector<int> from;
      if (j == 0) from.push_back(n - 1);  // s0 <-> s(n-1): every chain has at least one cycle
      if (j == n - 1) from.push_back(0);
      for (int e = 0; e < k; ++e) {
        const int i = std::uniform_int_distribution<int>(0, n - 1)(rng);  // any segment: cycles happen
        if (i != j && std::find(from.begin(), from.end(), i) == from.end()) from.push_back(i);
      }
      if (!from.empty()) {
        yaml << "        inputs:\n";
        for (std::size_t e = 0; e < from.size(); ++e) {
          if (e == 0 && rng() % 2)
            yaml << "          - {from: s" << from[e] << ", share: " << std::uniform_real_distribution<double>(0.05, 0.9)(rng)
                 << "}\n";
          else yaml << "          - s" << from[e] << "\n";
        }
      }
    }
    const TestGraph t(yaml.str(), "r");
    const ChainGraph& g = t.graph();
    REQUIRE(g.segment_count() == std::size_t(n));
    // A built here from the graph's edges, independently of the solver.
    std::vector<std::vector<double>> a(n, std::vector<double>(n, 0));
    for (auto e : boost::make_iterator_range(boost::edges(g.segments()))) {
      const auto i = boost::source(e, g.segments()), j = boost::target(e, g.segments());
      a[i][j] += g[j].phi * g.segments()[e].share;
    }
    std::vector<double> y(n);
    for (double& v : y) v = std::uniform_real_distribution<double>(0, 2)(rng);
    std::vector<double> term = y, series = y;
    for (int k = 1; k <= 200; ++k) {
      std::vector<double> next(n, 0);
      for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) next[i] += a[i][j] * term[j];
      term = next;
      for (int i = 0; i < n; ++i) series[i] += term[i];
    }
    const std::vector<double> x = total_output(g, y);
    for (int i = 0; i < n; ++i) {
      INFO("chain " << chain << " segment s" << i);
      CHECK(std::abs(x[i] - series[i]) <= 1e-9 * std::max(1.0, std::abs(series[i])));
    }
  }
}
