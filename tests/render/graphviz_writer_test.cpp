// The chain diagram through cgraph/gvc: DOT-level structure, SVG node groups, PNG size,
// hostile names escaped, byte-identical output across runs.
#include <catch2/catch.hpp>

#include "engine/chain_graph.hpp"
#include "engine/chokepoints.hpp"
#include "engine/gaps.hpp"
#include "render/diagram.hpp"
#include "render/graphviz_writer.hpp"
#include "tests/support/count.hpp"
#include "tests/support/test_graph.hpp"

using namespace chainlens;
using chainlens::test::count;
using chainlens::test::TestGraph;

namespace {

const char* kChain = R"(
chains:
  - id: t
    name: 测试链
    segments:
      - {id: a, name: 材料, stage: upstream}
      - {id: p, name: 部件, stage: midstream}
      - {id: b, name: "电机 <b>&\"引号\"\\ 反斜杠", stage: midstream, parent: p, inputs: [a]}
      - {id: c, name: 整车, stage: downstream, inputs: [b]}
enterprises:
  - {id: f1, location: 中国/青岛, segments: [b]}
  - {id: f2, location: 中国/青岛, segments: [c]}
  - {id: f3, location: 中国/青岛, segments: [c]}
)";

Diagram diagram(const TestGraph& t) {
  const GapReport gaps = find_gaps(t.graph(), Scope::parse("中国/青岛"));
  return chain_diagram(t.graph(), gaps, find_chokepoints(t.graph()));
}

}  // namespace

TEST_CASE("chain_diagram: clusters by stage and parent, fill by status, chokepoints emphasised", "[render][diagram]") {
  const TestGraph t(kChain, "t");
  const Diagram d = diagram(t);
  REQUIRE(d.nodes.size() == 3);
  CHECK(d.nodes[0].fill == std::string(status_fill(SegmentStatus::missing)));   // a
  CHECK(d.nodes[1].fill == std::string(status_fill(SegmentStatus::single)));    // b
  CHECK(d.nodes[2].fill == std::string(status_fill(SegmentStatus::covered)));   // c: f2, f3
  CHECK(d.nodes[1].cluster == "stage1-p");
  CHECK(d.nodes[0].emphasis);  // a -> b -> c: a and b dominate c
  CHECK(d.nodes[1].emphasis);
  CHECK_FALSE(d.nodes[2].emphasis);
  CHECK(d.clusters.size() == 4);  // 上游, 中游, 中游/部件, 下游
  CHECK(d.legend.size() == 5 + 3);  // statuses, heavy border, thin and thick lines
}

TEST_CASE("render_graphviz: dot, svg and png from the C libraries", "[render][graphviz]") {
  const TestGraph t(kChain, "t");
  const Diagram d = diagram(t);
  const std::string dot = render_graphviz(d, {"dot"});
  CHECK(count(dot, "subgraph cluster_") + count(dot, "subgraph \"cluster_") == 4);
  CHECK(dot.find("#D55E00") != std::string::npos);
  CHECK(dot.find("#009E73") != std::string::npos);
  // Hostile text arrives escaped inside the HTML-like label, never as markup.
  CHECK(dot.find("&lt;b&gt;&amp;&quot;引号&quot;") != std::string::npos);  // the long name wraps after it
  CHECK(dot.find("&#92;") != std::string::npos);
  CHECK(dot.find("<b>&") == std::string::npos);

  const std::string svg = render_graphviz(d, {"svg"});
  CHECK(svg.rfind("<?xml", 0) == 0);
  CHECK(svg.find("</svg>") != std::string::npos);
  // The segments and one invisible anchor per column (rank); the legend is in the graph's label.
  CHECK(count(svg, "class=\"node\"") - count(svg, "<title>rank_anchor_") == 3);
  CHECK(svg.find("图例") != std::string::npos);
  CHECK(svg.find("测试链") != std::string::npos);

  const std::string png = render_graphviz(d, {"png"});
  REQUIRE(png.size() > 24);
  CHECK(png.substr(1, 3) == "PNG");
  auto be32 = [&](std::size_t at) {
    return (unsigned(static_cast<unsigned char>(png[at])) << 24) | (unsigned(static_cast<unsigned char>(png[at + 1])) << 16) |
           (unsigned(static_cast<unsigned char>(png[at + 2])) << 8) | unsigned(static_cast<unsigned char>(png[at + 3]));
  };
  CHECK(be32(16) > 200);   // width, from IHDR
  CHECK(be32(20) > 100);   // height
  CHECK(be32(16) < 5000);

  CHECK(render_graphviz(d, {"svg"}) == svg);  // byte-identical
  CHECK_THROWS_AS(render_graphviz(d, {"gif"}), std::invalid_argument);
}
