// The Leontief solve, local final demand and reach on hand-worked chains (cycles, explicit
// shares, final_demand, input_intensity), and against the power series on seeded random chains.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>
#include <sstream>

#include "engine/chain_graph.hpp"
#include "engine/importance.hpp"
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
  // b -> a, a -> b, b -> c; phi 0.5, every share 1, y = (0, 0, 1) (c is the only terminal).
  // x_c = 1; x_b = 0.5 x_c + 0.5 x_a; x_a = 0.5 x_b  =>  x_b = 2/3, x_a = 1/3.
  const TestGraph t(R"(
chains: [{id: t, segments: [{id: a, inputs: [b]}, {id: b, inputs: [a]}, {id: c, inputs: [b]}]}]
)",
                    "t");
  const ChainGraph& g = t.graph();
  const std::vector<double> x = by_id(g, total_output(g, default_y(g)), {"a", "b", "c"});
  CHECK(x[0] == Approx(1.0 / 3));
  CHECK(x[1] == Approx(2.0 / 3));
  CHECK(x[2] == Approx(1.0));
  SECTION("reach counts the others downstream, never the segment itself through its cycle") {
    const std::vector<int> reach = downstream_reach(g);
    CHECK(reach[*g.find_segment("a")] == 2);
    CHECK(reach[*g.find_segment("b")] == 2);
    CHECK(reach[*g.find_segment("c")] == 0);
  }
}

TEST_CASE("total_output: explicit shares, input_intensity and final_demand", "[engine][importance]") {
  // j: phi 0.8, shares p 0.3 (given), q and r split the rest: 0.35 each; y_j = 2 (declared).
  // p declares final_demand 1; q, r are not terminal, so y = 0.
  // a_pj = 0.24, a_qj = a_rj = 0.28: x_j = 2, x_p = 1 + 0.48 = 1.48, x_q = x_r = 0.56.
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
  CHECK(x[0] == Approx(1.48));
  CHECK(x[1] == Approx(0.56));
  CHECK(x[2] == Approx(0.56));
  CHECK(x[3] == Approx(2.0));
  const std::vector<double> importance = normalized_importance(x);
  CHECK(importance[0] == Approx(0.74));
  CHECK(importance[1] == Approx(0.28));
  CHECK(importance[3] == 1.0);
  CHECK_THROWS_AS(total_output(g, {1.0}), std::invalid_argument);
}

TEST_CASE("local_final_demand: only present segments keep their y, all zero falls back to y", "[engine][importance]") {
  // a -> b, a -> c; b and c terminal (y = 1). Only c has a local firm.
  const TestGraph t(R"(
chains: [{id: t, segments: [{id: a}, {id: b, inputs: [a]}, {id: c, inputs: [a]}]}]
enterprises: [{id: f, location: 中国/青岛, segments: [c]}, {id: g, location: 中国/青岛, segments: [a]}]
)",
                    "t");
  const ChainGraph& g = t.graph();
  bool fallback = true;
  const std::vector<double> yr = local_final_demand(g, segment_statuses(g, Scope::parse("中国/青岛")), &fallback);
  CHECK(yr == std::vector<double>{0, 0, 1});
  CHECK_FALSE(fallback);
  // x = (0.5, 0, 1): b gets no weight once only local demand counts.
  const std::vector<double> x = total_output(g, yr);
  CHECK(x[0] == Approx(0.5));
  CHECK(x[1] == Approx(0).margin(1e-15));
  CHECK(x[2] == Approx(1));
  // In 上海 nothing is present: y^R = y.
  CHECK(local_final_demand(g, segment_statuses(g, Scope::parse("中国/上海")), &fallback) ==
        std::vector<double>{0, 1, 1});
  CHECK(fallback);
  SECTION("present_downstream: a sees c; b and c see nothing") {
    const std::vector<bool> d = present_downstream(g, segment_statuses(g, Scope::parse("中国/青岛")));
    CHECK(d == std::vector<bool>{true, false, false});
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
