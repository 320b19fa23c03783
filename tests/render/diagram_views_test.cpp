// The targets (招商图谱), supply and scopes views: model-level checks worked out by hand on
// a tiny chain, then DOT/SVG structure through the real GraphViz writer.
#include <catch2/catch.hpp>

#include <algorithm>

#include "engine/candidate_score.hpp"
#include "engine/chain_graph.hpp"
#include "engine/chokepoints.hpp"
#include "engine/gaps.hpp"
#include "engine/multi_scope.hpp"
#include "engine/targets.hpp"
#include "render/diagram.hpp"
#include "render/graphviz_writer.hpp"
#include "tests/support/count.hpp"
#include "tests/support/test_graph.hpp"

using namespace chainlens;
using chainlens::test::count;
using chainlens::test::TestGraph;

namespace {

const DiagramNode* node(const Diagram& d, const std::string& id) {
  for (const DiagramNode& n : d.nodes)
    if (n.id == id) return &n;
  return nullptr;
}

// a (missing in 青岛) -> b (single: f1) -> c (covered: f2, f3). Candidates: x and y make a,
// z makes b, w makes only c (covered, so it serves no gap). f1 buys a from x (non-local,
// its only source); f2 buys b from f1.
const char* kChain = R"(
regions:
  - {path: 中国}
chains:
  - id: t
    name: 测试链
    segments:
      - {id: a, name: 材料, stage: upstream}
      - {id: b, name: 部件, stage: midstream, inputs: [a]}
      - {id: c, name: 整车, stage: downstream, inputs: [b]}
    target_lists:
      - {id: l, enterprises: [y]}
enterprises:
  - {id: f1, name: 本地一, location: 中国/青岛, segments: [b]}
  - {id: f2, name: 本地二, location: 中国/青岛, segments: [c]}
  - {id: f3, name: 本地三, location: 中国/青岛, segments: [c]}
  - {id: x, name: "外地 <X> & \"Co\"", location: 中国/上海, segments: [a], revenue: 100}
  - {id: y, name: 外地Y, location: 中国/北京, segments: [a]}
  - {id: z, name: 外地Z, location: 中国/深圳, segments: [b]}
  - {id: w, name: 外地W, location: 中国/深圳, segments: [c]}
supplies:
  - {from: x, to: f1, segment: a, source: {note: test}}
  - {from: f1, to: f2, segment: b, source: {note: test}}
)";

const Scope kQingdao = Scope::parse("中国/青岛");

}  // namespace

TEST_CASE("targets_diagram: each gap segment gets its best candidates, covered ones none", "[render][diagram]") {
  const TestGraph t(kChain, "t");
  const GapReport gaps = find_gaps(t.graph(), kQingdao);
  const TargetsReport targets =
      rank_targets(prepare_scoring(t.graph(), gaps, ScoreWeights{}), workspace_candidates(t.graph(), kQingdao));
  DiagramOptions o;
  o.per_gap = 1;
  Diagram d = targets_diagram(t.graph(), gaps, targets, o);
  // Gap segments a (missing) and b (single); c is covered and not drawn.
  REQUIRE(node(d, "a") != nullptr);
  REQUIRE(node(d, "b") != nullptr);
  CHECK(node(d, "c") == nullptr);
  CHECK(node(d, "a")->fill == std::string(status_fill(SegmentStatus::missing)));
  // per_gap = 1: one candidate on a (the better of x and y), z on b; w serves no gap.
  CHECK(node(d, "cand:w") == nullptr);
  CHECK(node(d, "cand:z") != nullptr);
  CHECK(d.edges.size() == 2);
  o.per_gap = 3;
  d = targets_diagram(t.graph(), gaps, targets, o);
  CHECK(node(d, "cand:x") != nullptr);
  REQUIRE(node(d, "cand:y") != nullptr);
  CHECK(node(d, "cand:y")->fill == "#E8E8E8");  // on the chain's target list
  CHECK(node(d, "cand:y")->shape == "ellipse");
  CHECK(d.edges.size() == 3);
  for (const DiagramEdge& e : d.edges) CHECK(e.from.rfind("cand:", 0) == 0);

  const std::string dot = render_graphviz(d, {"dot"});
  CHECK(dot.find("&lt;X&gt; &amp; &quot;Co&quot;") != std::string::npos);
  CHECK(dot.find("<X>") == std::string::npos);
  const std::string svg = render_graphviz(d, {"svg"});
  CHECK(count(svg, "class=\"node\"") == 2 + 3 + d.legend.size());
  CHECK(count(svg, "class=\"edge\"") == 3);
  CHECK(render_graphviz(d, {"svg"}) == svg);
}

TEST_CASE("supply_diagram: local vs non-local, single sources and articulation points", "[render][diagram]") {
  const TestGraph t(kChain, "t");
  const ChokepointReport ch = find_chokepoints(t.graph());
  const Diagram d = supply_diagram(t.graph(), kQingdao, ch);
  // Firms in supply relations (x, f1, f2) and every member of a segment (f3, x, y, z, w).
  CHECK(d.nodes.size() == 7);
  REQUIRE(node(d, "firm:f1") != nullptr);
  CHECK(node(d, "firm:f1")->shape == "box");
  CHECK(node(d, "firm:f1")->emphasis);  // x - f1 - f2: f1 is the articulation point
  CHECK_FALSE(node(d, "firm:f2")->emphasis);
  CHECK(node(d, "firm:x")->dashed);      // non-local
  CHECK(node(d, "firm:x")->shape == "ellipse");
  REQUIRE(d.edges.size() == 2);
  // f1 buys a only from x, f2 buys b only from f1: both single sources, drawn thick.
  CHECK(d.edges[0].width == 3.0);
  CHECK(d.edges[1].width == 3.0);
  const auto xf1 = std::find_if(d.edges.begin(), d.edges.end(), [](const DiagramEdge& e) { return e.from == "firm:x"; });
  REQUIRE(xf1 != d.edges.end());
  CHECK(xf1->to == "firm:f1");
  CHECK(xf1->label == "材料");

  // Collapsed: above max_nodes, firms are grouped per segment and side; the articulation
  // point f1 stays itself (up to max_nodes / 2 of them): f1, local c (f2, f3), non-local a
  // (x, y), b (z) and c (w).
  DiagramOptions o;
  o.max_nodes = 3;
  const Diagram c = supply_diagram(t.graph(), kQingdao, ch, o);
  CHECK(node(c, "firm:x") == nullptr);
  CHECK(node(c, "firm:f1") != nullptr);
  REQUIRE(node(c, "nonlocal:a") != nullptr);
  CHECK(node(c, "nonlocal:a")->lines[0].find("2") != std::string::npos);
  REQUIRE(node(c, "local:c") != nullptr);
  CHECK(node(c, "local:c")->shape == "box");
  CHECK(c.nodes.size() == 5);
  const std::string svg = render_graphviz(c, {"svg"});
  CHECK(count(svg, "class=\"edge\"") == 2);
}

TEST_CASE("scopes_diagram: one cluster per scope, narrowest first", "[render][diagram]") {
  const TestGraph t(kChain, "t");
  const MultiScopeReport m = find_gaps_all_scopes(t.graph(), kQingdao);
  const Diagram d = scopes_diagram(t.graph(), m);
  REQUIRE(m.scopes.size() == 2);  // 中国/青岛, 中国
  CHECK(d.clusters.size() == 2);
  CHECK(d.nodes.size() == 2 * 3);
  CHECK(d.edges.size() == 2 * 2);
  // a is missing in 青岛 and covered in 中国 (x and y are in 中国).
  CHECK(node(d, "s0:a")->fill == std::string(status_fill(SegmentStatus::missing)));
  CHECK(node(d, "s1:a")->fill == std::string(status_fill(SegmentStatus::covered)));
  CHECK(d.rankdir == "TB");
  const std::string dot = render_graphviz(d, {"dot"});
  CHECK(count(dot, "subgraph ") == 3);  // two scopes and the legend
}
