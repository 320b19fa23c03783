// The targets (招商图谱 grid), supply and scopes views and the slide layout: model-level
// checks worked out by hand on tiny chains, then DOT/SVG structure through the real writer.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>

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
  // Gap segments a (missing) and b (single) head their columns; c is covered and not drawn.
  REQUIRE(node(d, "a") != nullptr);
  REQUIRE(node(d, "b") != nullptr);
  CHECK(node(d, "c") == nullptr);
  CHECK(node(d, "a")->fill == std::string(status_fill(SegmentStatus::missing)));
  // per_gap = 1: one candidate under a (the better of x and y), z under b; w serves no gap.
  CHECK(node(d, "cand:c:w") == nullptr);
  CHECK(node(d, "cand:b:z") != nullptr);
  CHECK(d.nodes.size() == 4);
  o.per_gap = 3;
  d = targets_diagram(t.graph(), gaps, targets, o);
  CHECK(node(d, "cand:a:x") != nullptr);
  REQUIRE(node(d, "cand:a:y") != nullptr);
  CHECK(node(d, "cand:a:y")->lines[0] == "★ 外地Y");  // on the chain's target list
  CHECK(node(d, "cand:a:y")->cluster == node(d, "a")->cluster);
  CHECK(d.nodes.size() == 5);
  for (const DiagramEdge& e : d.edges) CHECK(e.invisible);  // the grid is the link: no arrows to follow

  const std::string dot = render_graphviz(d, {"dot"});
  CHECK(dot.find("&lt;X&gt; &amp; &quot;Co&quot;") != std::string::npos);
  CHECK(dot.find("<X>") == std::string::npos);
  const std::string svg = render_graphviz(d, {"svg"});
  CHECK(svg.find("外地Y") != std::string::npos);
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

TEST_CASE("scopes_diagram: one chain map, a cell per scope, narrowest first", "[render][diagram]") {
  const TestGraph t(kChain, "t");
  const MultiScopeReport m = find_gaps_all_scopes(t.graph(), kQingdao);
  const Diagram d = scopes_diagram(t.graph(), m);
  REQUIRE(m.scopes.size() == 2);  // 中国/青岛, 中国
  CHECK(d.clusters.size() == 3);  // 上游, 中游, 下游
  CHECK(d.nodes.size() == 3);
  CHECK(d.edges.size() == 2);
  // a is missing in 青岛 and covered in 中国 (x and y are in 中国).
  REQUIRE(node(d, "a")->cells.size() == 2);
  CHECK(node(d, "a")->cells[0].first == "①");
  CHECK(node(d, "a")->cells[0].second == std::string(status_fill(SegmentStatus::missing)));
  CHECK(node(d, "a")->cells[1].second == std::string(status_fill(SegmentStatus::covered)));
  CHECK(node(d, "a")->rank < node(d, "b")->rank);
  CHECK(d.rankdir == "LR");
  CHECK(d.title.find("① 青岛") != std::string::npos);
  CHECK(d.title.find("② 中国") != std::string::npos);
  const std::string dot = render_graphviz(d, {"dot"});
  CHECK(count(dot, "subgraph cluster_") == 3);
  CHECK(dot.find("BGCOLOR=\"#D55E00\">①") != std::string::npos);
}

// ---- Slide layout (issue 15 item 4): stage order, page sizes, legends, names not ids ----

namespace {

// 船舶-like: the file lists 下游 first and 上游 last, and one input comes from another chain
// (芯屏). Ids are distinctive so a test can look for them in labels.
const char* kCars = R"(
regions:
  - {path: 中国}
chains:
  - id: xp
    name: 芯屏
    name_en: Chips
    segments:
      - {id: xp-chip, name: 车规芯片, name_en: Auto chips, stage: midstream}
  - id: car
    name: 汽车
    name_en: Autos
    segments:
      - {id: car-vehicle, name: 整车制造, name_en: Vehicles, stage: downstream, inputs: [car-parts]}
      - {id: car-parts, name: 汽车零部件, name_en: Parts, stage: midstream, inputs: [car-steel, xp-chip]}
      - {id: car-steel, name: 汽车钢材, name_en: Steel, stage: upstream}
      - {id: car-glass, name: 汽车玻璃, name_en: Glass, stage: upstream}
    target_lists:
      - {id: car-list, enterprises: [firm-glassco]}
enterprises:
  - {id: firm-carco, name: 青岛整车厂, location: 中国/青岛, segments: [car-vehicle]}
  - {id: firm-steelco, name: 上海钢铁公司, location: 中国/上海, segments: [car-steel]}
  - {id: firm-glassco, name: 福建玻璃公司, location: 中国/福建, segments: [car-glass]}
  - {id: firm-partsco, name: 深圳零部件公司, location: 中国/深圳, segments: [car-parts]}
)";

// The leftmost x of each cluster's outline in an SVG, by the cluster's name.
std::map<std::string, double> cluster_left(const std::string& svg) {
  std::map<std::string, double> out;
  const std::regex cluster("<title>cluster_([^<]+)</title>\\s*<(?:polygon|path)[^>]*(?:points|d)=\"([^\"]+)\"");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), cluster); it != std::sregex_iterator(); ++it) {
    const std::string pts = (*it)[2];
    const std::regex num("(-?[0-9.]+),(-?[0-9.]+)");
    double left = 1e18;
    for (auto p = std::sregex_iterator(pts.begin(), pts.end(), num); p != std::sregex_iterator(); ++p)
      left = std::min(left, std::stod((*p)[1]));
    out[(*it)[1]] = left;
  }
  return out;
}

// Every text a reader sees in a diagram: title, cluster labels, node lines and cells, legend.
std::vector<std::string> visible_texts(const Diagram& d) {
  std::vector<std::string> out{d.title, d.message, d.legend_title};
  for (const DiagramCluster& c : d.clusters) out.push_back(c.label);
  for (const DiagramNode& n : d.nodes) {
    out.insert(out.end(), n.lines.begin(), n.lines.end());
    for (const auto& cell : n.cells) out.push_back(cell.first);
  }
  for (const DiagramEdge& e : d.edges) out.push_back(e.label);
  for (const LegendEntry& e : d.legend) out.push_back(e.label);
  return out;
}

void check_no_ids(const Diagram& d, const Workspace& ws) {
  std::vector<std::string> ids;
  for (const Chain& c : ws.chains) {
    ids.push_back(c.id);
    for (const Segment& s : c.segments) ids.push_back(s.id);
  }
  for (const Enterprise& e : ws.enterprises) ids.push_back(e.id.str());
  for (const std::string& text : visible_texts(d))
    for (const std::string& id : ids) {
      INFO(text << " shows the id " << id);
      CHECK(text.find(id) == std::string::npos);
    }
}

int rank_of(const Diagram& d, const std::string& id) {
  const DiagramNode* n = node(d, id);
  return n ? n->rank : -99;
}

}  // namespace

TEST_CASE("chain_diagram: stages left to right whatever the file order, other chains upstream by name", "[render][diagram]") {
  const TestGraph t(kCars, "car");
  const GapReport gaps = find_gaps(t.graph(), kQingdao);
  const Diagram d = chain_diagram(t.graph(), gaps, find_chokepoints(t.graph()));
  CHECK(d.rankdir == "LR");
  // Upstream (steel, glass, and the 芯屏 chip: another chain's input) in the first columns,
  // then parts, then the vehicle: 上游 → 中游 → 下游.
  CHECK(rank_of(d, "car-steel") < rank_of(d, "car-parts"));
  CHECK(rank_of(d, "xp-chip") < rank_of(d, "car-parts"));
  CHECK(rank_of(d, "car-parts") < rank_of(d, "car-vehicle"));
  CHECK(node(d, "xp-chip")->cluster.rfind("stage0", 0) == 0);
  // Stage clusters in order, and the cross-chain group labelled by the chain's name.
  REQUIRE(d.clusters.size() >= 3);
  CHECK(d.clusters[0].label == "上游");
  CHECK(d.clusters[1].label == "中游");
  CHECK(d.clusters[2].label == "下游");
  bool by_name = false;
  for (const DiagramCluster& c : d.clusters) by_name = by_name || c.label == "来自 芯屏 链";
  CHECK(by_name);
  check_no_ids(d, t.workspace());
  // Drawn: the 上游 box is left of 中游, left of 下游.
  const std::map<std::string, double> left = cluster_left(render_graphviz(d, {"svg"}));
  REQUIRE(left.count("stage0"));
  REQUIRE(left.count("stage1"));
  REQUIRE(left.count("stage2"));
  CHECK(left.at("stage0") < left.at("stage1"));
  CHECK(left.at("stage1") < left.at("stage2"));

  DiagramOptions en;
  en.lang = Lang::en;
  const Diagram e = chain_diagram(t.graph(), gaps, find_chokepoints(t.graph()), en);
  bool from_chips = false;
  for (const DiagramCluster& c : e.clusters) from_chips = from_chips || c.label == "from the Chips chain";
  CHECK(from_chips);
}

TEST_CASE("chain_diagram: the legend explains colours, borders and line widths in the diagram's language", "[render][diagram]") {
  const TestGraph t(kCars, "car");
  const GapReport gaps = find_gaps(t.graph(), kQingdao);
  const Diagram zh = chain_diagram(t.graph(), gaps, find_chokepoints(t.graph()));
  const std::string dot = render_graphviz(zh, {"dot"});
  for (const char* entry : {"图例", "缺链", "在建补链", "单点", "弱链", "有链", "必经环节 (粗框)", "投入占比小 (细线)", "投入占比大 (粗线)"}) {
    INFO(entry);
    CHECK(dot.find(entry) != std::string::npos);
  }
  DiagramOptions o;
  o.lang = Lang::en;
  const std::string en = render_graphviz(chain_diagram(t.graph(), gaps, find_chokepoints(t.graph()), o), {"dot"});
  for (const char* entry : {"Legend", "Chokepoint (heavy border)", "Small input share (thin line)", "Large input share (thick line)"}) {
    INFO(entry);
    CHECK(en.find(entry) != std::string::npos);
  }
  CHECK(en.find("图例") == std::string::npos);
}

TEST_CASE("render_graphviz: the drawing takes the page's shape, 16:9, 4:3 or A4", "[render][graphviz]") {
  const TestGraph t(kCars, "car");
  const GapReport gaps = find_gaps(t.graph(), kQingdao);
  const Diagram d = chain_diagram(t.graph(), gaps, find_chokepoints(t.graph()));
  // A small chain fits every page, so it is scaled to fill it exactly.
  CHECK(render_graphviz(d, {"dot", GraphvizOptions{}.font, "16:9"}).find("size=\"13.333,7.500!\"") != std::string::npos);
  CHECK(render_graphviz(d, {"dot", GraphvizOptions{}.font, "4:3"}).find("size=\"10.000,7.500!\"") != std::string::npos);
  CHECK(render_graphviz(d, {"dot", GraphvizOptions{}.font, "A4"}).find("size=\"11.690,8.270!\"") != std::string::npos);
  CHECK(render_graphviz(d, {"dot", GraphvizOptions{}.font, ""}).find("size=\"") == std::string::npos);
  CHECK_THROWS_AS(render_graphviz(d, {"dot", GraphvizOptions{}.font, "3:2"}), std::invalid_argument);
  // PNG at 144 dpi: 13.333 x 7.5 in is 1920 x 1080 pixels, 10 x 7.5 in is 1440 x 1080.
  auto png_size = [&](const std::string& page) {
    const std::string png = render_graphviz(d, {"png", GraphvizOptions{}.font, page});
    auto be32 = [&](std::size_t at) {
      return (unsigned(static_cast<unsigned char>(png[at])) << 24) | (unsigned(static_cast<unsigned char>(png[at + 1])) << 16) |
             (unsigned(static_cast<unsigned char>(png[at + 2])) << 8) | unsigned(static_cast<unsigned char>(png[at + 3]));
    };
    return std::pair(be32(16), be32(20));
  };
  const auto [w169, h169] = png_size("16:9");
  CHECK(std::abs(static_cast<int>(w169) - 1920) <= 2);
  CHECK(std::abs(static_cast<int>(h169) - 1080) <= 2);
  const auto [w43, h43] = png_size("4:3");
  CHECK(std::abs(static_cast<int>(w43) - 1440) <= 2);
  CHECK(std::abs(static_cast<int>(h43) - 1080) <= 2);
  PageFit fit;
  render_graphviz(d, {"svg"}, &fit);
  CHECK(fit.scale == 1);
  CHECK(fit.width_in == Approx(13.333));
}

TEST_CASE("targets_diagram: a grid, one column per gap, worst gap first, candidates stacked", "[render][diagram]") {
  const TestGraph t(kCars, "car");
  const GapReport gaps = find_gaps(t.graph(), kQingdao);
  const TargetsReport targets =
      rank_targets(prepare_scoring(t.graph(), gaps, ScoreWeights{}), workspace_candidates(t.graph(), kQingdao));
  DiagramOptions o;
  o.aspect = 100;  // a very wide page: every column in one band
  const Diagram d = targets_diagram(t.graph(), gaps, targets, o);
  CHECK(d.rankdir == "TB");
  // Gaps: steel, glass, parts and the chip are missing locally, the vehicle has one firm (单点).
  std::vector<const DiagramNode*> heads;
  for (const DiagramNode& n : d.nodes)
    if (n.rank == 0) heads.push_back(&n);
  CHECK(heads.size() == 5);
  CHECK(d.clusters.size() == 5);
  REQUIRE(node(d, "car-vehicle") != nullptr);
  CHECK(node(d, "car-vehicle")->fill == std::string(status_fill(SegmentStatus::single)));
  // Each column: its gap on top (rank 0), its candidates below in rank order (ranks 1, 2, ...).
  const DiagramNode* glass = node(d, "cand:car-glass:firm-glassco");
  REQUIRE(glass != nullptr);
  CHECK(glass->rank == 1);
  CHECK(glass->cluster == node(d, "car-glass")->cluster);
  CHECK(glass->lines[0].rfind("★ 福建玻璃公司", 0) == 0);  // on the 拟招商名录
  CHECK(node(d, "cand:car-steel:firm-steelco") != nullptr);
  // The chip gap has no candidate in this workspace: a placeholder says so.
  REQUIRE(node(d, "none:xp-chip") != nullptr);
  CHECK(node(d, "none:xp-chip")->lines[0] == "尚无候选企业");
  // Columns follow the report's gap order, left to right (flat invisible edges hold it).
  const std::map<std::string, double> left = cluster_left(render_graphviz(d, {"svg"}));
  REQUIRE(left.size() == 5);
  CHECK(left.at("gap0") < left.at("gap1"));
  CHECK(left.at("gap1") < left.at("gap2"));
  CHECK(left.at("gap2") < left.at("gap3"));
  CHECK(left.at("gap3") < left.at("gap4"));
  // gap0 holds the report's worst open gap.
  const SegmentGap* worst = nullptr;
  for (const SegmentGap& g : gaps.segments)
    if (!worst && g.status != SegmentStatus::covered) worst = &g;
  REQUIRE(worst != nullptr);
  CHECK(node(d, worst->segment)->cluster == "gap0");
  // On a 16:9 page the four columns stay one band; max_gaps 2 keeps the worst two and says so.
  o.aspect = 16.0 / 9.0;
  o.max_gaps = 2;
  const Diagram two = targets_diagram(t.graph(), gaps, targets, o);
  CHECK(two.clusters.size() == 2);
  CHECK(two.title.find("另有 3 个缺口未画出") != std::string::npos);
  check_no_ids(d, t.workspace());
}

TEST_CASE("supply_diagram: no supply relation is one note, not a field of unconnected firms", "[render][diagram]") {
  const TestGraph t(kCars, "car");
  const Diagram d = supply_diagram(t.graph(), kQingdao, find_chokepoints(t.graph()));
  CHECK(d.nodes.empty());
  CHECK(d.edges.empty());
  CHECK(d.message.find("没有记录供应关系") != std::string::npos);
  CHECK(d.message.find("汽车") != std::string::npos);
  const std::string svg = render_graphviz(d, {"svg"});
  CHECK(count(svg, "class=\"node\"") == 1);
  CHECK(svg.find("没有记录供应关系") != std::string::npos);
  DiagramOptions en;
  en.lang = Lang::en;
  CHECK(supply_diagram(t.graph(), kQingdao, find_chokepoints(t.graph()), en).message.find("No supply relation") == 0);
}

TEST_CASE("diagrams: every view shows names, never ids", "[render][diagram]") {
  const TestGraph t(kCars, "car");
  const GapReport gaps = find_gaps(t.graph(), kQingdao);
  const ChokepointReport ch = find_chokepoints(t.graph());
  for (Lang lang : {Lang::zh, Lang::en}) {
    DiagramOptions o;
    o.lang = lang;
    check_no_ids(chain_diagram(t.graph(), gaps, ch, o), t.workspace());
    check_no_ids(targets_diagram(t.graph(), gaps,
                                 rank_targets(prepare_scoring(t.graph(), gaps, ScoreWeights{}),
                                              workspace_candidates(t.graph(), kQingdao)),
                                 o),
                 t.workspace());
    check_no_ids(scopes_diagram(t.graph(), find_gaps_all_scopes(t.graph(), kQingdao), o), t.workspace());
  }
  // The supply network of the small chain (kChain) with relations: names on firms and edges.
  const TestGraph s(kChain, "t");
  const Diagram d = supply_diagram(s.graph(), kQingdao, find_chokepoints(s.graph()));
  for (const DiagramNode& n : d.nodes) {
    const bool named = n.lines[0].find("本地") != std::string::npos || n.lines[0].find("外地") != std::string::npos;
    CHECK(named);
  }
}

TEST_CASE("wrap_label: English breaks at spaces, Chinese between characters, no orphan character", "[render][diagram]") {
  CHECK(wrap_label("Electric and plug-in hybrid cars", 16) == std::vector<std::string>{"Electric and", "plug-in hybrid", "cars"});
  CHECK(wrap_label("电机控制器 (电控)", 16) == std::vector<std::string>{"电机控制器", "(电控)"});
  CHECK(wrap_label("新能源乘用车与专用车辆", 16) == std::vector<std::string>{"新能源乘用车与专", "用车辆"});
  // One character left over (2 columns) stays on the line before rather than alone.
  CHECK(wrap_label("一二三四五六七八九", 16) == std::vector<std::string>{"一二三四五六七八九"});
  CHECK(wrap_label("短名", 16) == std::vector<std::string>{"短名"});
}
