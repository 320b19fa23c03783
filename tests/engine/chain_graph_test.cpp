// Graph construction on hand-built chains: vertices, resolved shares, defaults,
// membership, hierarchy and the supply network (metrics.md "Segment graph").
#include <catch2/catch.hpp>

#include "tests/support/test_graph.hpp"

using namespace chainlens;
using chainlens::test::TestGraph;

namespace {

const char* kTwoChains = R"(
workspace: {scope: 中国/青岛}
chains:
  - id: steel
    segments:
      - {id: steel.ore}
      - {id: steel.plate, inputs: [steel.ore], input_intensity: 0.3}
  - id: ship
    segments:
      - {id: ship.hull, inputs: [steel.plate]}
      - {id: ship.engine}
      - id: ship.vessel
        inputs: [{from: ship.hull, share: 0.5}, ship.engine, steel.plate]
        final_demand: 4
      - {id: ship.parts}
      - {id: ship.parts-a, parent: ship.parts}
      - {id: ship.parts-b, parent: ship.parts}
enterprises:
  - {id: yard, location: 中国/青岛, segments: [ship.vessel, ship.hull]}
  - {id: mill, location: 中国/山东/日照, segments: [steel.plate]}
  - {id: old, location: 中国/青岛, segments: [ship.engine], status: closed}
  - id: enginer
    location: 中国/上海
    segments: [{id: ship.engine, confidence: inferred}]
supplies:
  - {from: mill, to: yard, segment: steel.plate, value: 3}
  - {from: enginer, to: yard, segment: ship.engine}
  - {from: old, to: yard, segment: ship.engine}
  - {from: mill, to: enginer, segment: steel.ore}
)";

}  // namespace

TEST_CASE("ChainGraph: own leaves in file order, then foreign inputs", "[engine][chain_graph]") {
  const TestGraph t(kTwoChains, "ship");
  const ChainGraph& g = t.graph();
  REQUIRE(g.segment_count() == 6);
  std::vector<std::string> ids;
  for (SegmentVertexId v = 0; v < g.segment_count(); ++v) ids.push_back(g[v].id);
  // ship.parts is a parent: not a vertex. steel.plate joins as an input of ship.hull;
  // its own input steel.ore stays in the steel chain.
  CHECK(ids == std::vector<std::string>{"ship.hull", "ship.engine", "ship.vessel", "ship.parts-a",
                                        "ship.parts-b", "steel.plate"});
  CHECK(g[*g.find_segment("steel.plate")].own == false);
  CHECK(g[*g.find_segment("steel.plate")].owner->id == "steel");
  CHECK_FALSE(g.find_segment("steel.ore"));
  CHECK_FALSE(g.find_segment("ship.parts"));
  CHECK(boost::in_degree(*g.find_segment("steel.plate"), g.segments()) == 0);
  CHECK(boost::num_edges(g.segments()) == 4);  // plate->hull, hull/engine/plate->vessel
}

TEST_CASE("ChainGraph: shares keep given values and split the rest equally", "[engine][chain_graph]") {
  const TestGraph t(kTwoChains, "ship");
  const ChainGraph& g = t.graph();
  const SegmentVertexId vessel = *g.find_segment("ship.vessel");
  std::map<std::string, double> share;
  for (auto e : boost::make_iterator_range(boost::in_edges(vessel, g.segments())))
    share[g[boost::source(e, g.segments())].id] = g.segments()[e].share;
  // hull given 0.5; engine and plate split 1 - 0.5 equally.
  CHECK(share.at("ship.hull") == Approx(0.5));
  CHECK(share.at("ship.engine") == Approx(0.25));
  CHECK(share.at("steel.plate") == Approx(0.25));
  // hull has one input without a share: it takes the whole 1.
  const auto hull_in = boost::in_edges(*g.find_segment("ship.hull"), g.segments());
  CHECK(g.segments()[*hull_in.first].share == Approx(1.0));
}

TEST_CASE("ChainGraph: phi defaults to 0.6, y_C on the products and declared demand, declared values win",
          "[engine][chain_graph]") {
  const TestGraph t(kTwoChains, "ship");
  const ChainGraph& g = t.graph();
  // metrics.md v2: input intensity defaults to 0.6; steel.plate declares 0.3.
  CHECK(g[*g.find_segment("ship.hull")].phi == Approx(0.6));
  CHECK(g[*g.find_segment("ship.vessel")].phi == Approx(0.6));
  CHECK(g[*g.find_segment("steel.plate")].phi == Approx(0.3));
  // Untyped rule (every segment here is untyped): hull and engine feed the vessel (a
  // non-service), so components; steel.plate feeds hull and vessel: a component; vessel,
  // parts-a and parts-b have no outgoing edge: products.
  CHECK(g[*g.find_segment("ship.hull")].type == SegmentType::component);
  CHECK(g[*g.find_segment("ship.engine")].type == SegmentType::component);
  CHECK(g[*g.find_segment("steel.plate")].type == SegmentType::component);
  CHECK(g[*g.find_segment("ship.vessel")].type == SegmentType::product);
  CHECK(g[*g.find_segment("ship.parts-a")].type == SegmentType::product);
  // y_C over ship's products: vessel declares 4, parts-a and parts-b declare none (1 each):
  // 4 + 1 + 1 = 6, scaled to sum 1 -> vessel 4/6, parts-a 1/6, parts-b 1/6, the rest 0.
  CHECK(g[*g.find_segment("ship.vessel")].y == Approx(4.0 / 6));
  CHECK(g[*g.find_segment("ship.parts-a")].y == Approx(1.0 / 6));
  CHECK(g[*g.find_segment("ship.parts-b")].y == Approx(1.0 / 6));
  CHECK(g[*g.find_segment("ship.hull")].y == 0.0);       // a component
  CHECK(g[*g.find_segment("steel.plate")].y == 0.0);     // not ship's own segment
  CHECK_FALSE(g.demand_fallback());
  CHECK(g.is_terminal(*g.find_segment("ship.vessel")));
  CHECK_FALSE(g.is_terminal(*g.find_segment("steel.plate")));
}

TEST_CASE("ChainGraph: members exclude closed enterprises and filter by scope", "[engine][chain_graph]") {
  const TestGraph t(kTwoChains, "ship");
  const ChainGraph& g = t.graph();
  const auto& engine = g[*g.find_segment("ship.engine")].members;
  REQUIRE(engine.size() == 1);  // `old` is closed
  CHECK(engine[0].enterprise->id == "enginer");
  CHECK(engine[0].inferred);
  const SegmentVertexId plate = *g.find_segment("steel.plate");
  CHECK(g.local_members(plate, Scope::parse("中国/山东")).size() == 1);
  CHECK(g.local_members(plate, Scope::parse("中国/青岛")).empty());
  CHECK(g.local_members(*g.find_segment("ship.vessel"), Scope::parse("中国/青岛")).size() == 1);
  CHECK(g.default_scope().str() == "中国/青岛");
}

TEST_CASE("ChainGraph: parents and the leaves under them", "[engine][chain_graph]") {
  const TestGraph t(kTwoChains, "ship");
  const ChainGraph& g = t.graph();
  REQUIRE(g.parents().size() == 1);
  CHECK(g.parents()[0]->id == "ship.parts");
  CHECK(g.leaves_under("ship.parts") == std::vector<std::string>{"ship.parts-a", "ship.parts-b"});
  CHECK(g.leaves_under("ship.hull").empty());
  CHECK(g.children_of("ship.parts").size() == 2);
}

TEST_CASE("ChainGraph: supply network keeps relations in the chain's segments between open firms",
          "[engine][chain_graph]") {
  const TestGraph t(kTwoChains, "ship");
  const ChainGraph& g = t.graph();
  // mill->yard (plate) and enginer->yard (engine); old is closed; steel.ore is not in the graph.
  CHECK(boost::num_edges(g.supply()) == 2);
  CHECK(boost::num_vertices(g.supply()) == 3);
  const SupplyVertexId yard = *g.find_enterprise("yard");
  CHECK(boost::in_degree(yard, g.supply()) == 2);
  CHECK_FALSE(g.find_enterprise("old"));
}

TEST_CASE("build_chain_graph: an unknown chain names the known ones", "[engine][chain_graph]") {
  const Workspace ws = load_workspace_text(kTwoChains, "test.yaml");
  try {
    build_chain_graph(ws, "auto");
    FAIL("expected std::invalid_argument");
  } catch (const std::invalid_argument& e) {
    CHECK(std::string(e.what()) == "no chain 'auto' in the workspace (chains: steel, ship)");
  }
}

TEST_CASE("ChainGraph: enterprises in id order, positions, and the supply vertex of a position",
          "[engine][chain_graph]") {
  const TestGraph t(kTwoChains, "ship");
  const ChainGraph& g = t.graph();
  const auto& all = t.workspace().enterprises;
  // File order yard, mill, old, enginer; by id: enginer, mill, old, yard (closed ones too).
  std::vector<std::string> by_id;
  for (std::uint32_t i : g.enterprises_by_id()) by_id.push_back(all[i].id.str());
  CHECK(by_id == std::vector<std::string>{"enginer", "mill", "old", "yard"});
  CHECK(g.find_position("old") == std::optional<std::size_t>(2));
  CHECK_FALSE(g.find_position("nobody"));
  CHECK(g.position(all[3]) == 3);
  // old is closed: no vertex; mill is the first vertex (first mentioned, as a supplier).
  CHECK_FALSE(g.supply_vertex(2));
  REQUIRE(g.supply_vertex(1));
  CHECK(*g.supply_vertex(1) == *g.find_enterprise("mill"));
  CHECK(g.supply()[*g.supply_vertex(1)].enterprise == &all[1]);
  // Supply edges carry their relation's row: yard's in-relations are rows 0 and 1.
  std::vector<std::uint32_t> rows;
  for (auto e : boost::make_iterator_range(boost::in_edges(*g.find_enterprise("yard"), g.supply())))
    rows.push_back(g.supply()[e].relation);
  std::sort(rows.begin(), rows.end());
  CHECK(rows == std::vector<std::uint32_t>{0, 1});
}

TEST_CASE("ChainGraph::is_local: the default scope's flags and any other scope agree with is_local",
          "[engine][chain_graph]") {
  const TestGraph t(kTwoChains, "ship");
  const ChainGraph& g = t.graph();
  for (const Scope& scope : {g.default_scope(), Scope::parse("中国"), Scope::parse("中国/上海"), Scope::parse("中国/山东")})
    for (const Enterprise& e : t.workspace().enterprises) {
      CAPTURE(scope.str(), e.id);
      CHECK(g.is_local(e, scope) == is_local(e, scope));
    }
  // By hand: yard and old are in 青岛, mill in 日照 (山东), enginer in 上海.
  const auto& all = t.workspace().enterprises;
  CHECK(g.is_local(all[0], Scope::parse("中国/青岛")));
  CHECK_FALSE(g.is_local(all[1], Scope::parse("中国/青岛")));
  CHECK(g.is_local(all[1], Scope::parse("中国/山东")));
  CHECK_FALSE(g.is_local(all[3], Scope::parse("中国/山东")));
}

TEST_CASE("ChainGraph: a workspace grown after loading gets the graph's own index, the same as a fresh one",
          "[engine][chain_graph][enterprise_index]") {
  const TestGraph t(kTwoChains, "ship");
  Workspace grown = t.workspace();
  Enterprise added;
  added.id = "aaa";
  added.location = RegionPath::parse("中国/青岛");
  added.segments = t.workspace().enterprises[0].segments;
  grown.enterprises.push_back(added);
  REQUIRE_FALSE(grown.enterprise_index.fits(grown.enterprises, grown.supply_table));
  const ChainGraph g(grown, *grown.find_chain("ship"));
  // aaa (position 4) sorts first; the others keep their order and their supply vertices.
  std::vector<std::string> by_id;
  for (std::uint32_t i : g.enterprises_by_id()) by_id.push_back(grown.enterprises[i].id.str());
  CHECK(by_id == std::vector<std::string>{"aaa", "enginer", "mill", "old", "yard"});
  CHECK(g.find_position("aaa") == std::optional<std::size_t>(4));
  CHECK_FALSE(g.find_enterprise("aaa"));  // no relation
  CHECK(g.find_enterprise("mill") == t.graph().find_enterprise("mill"));
  CHECK(boost::num_edges(g.supply()) == boost::num_edges(t.graph().supply()));
}

TEST_CASE("ChainGraph: a network left for later is refused until built, then equals one built at once",
          "[engine][chain_graph]") {
  const Workspace ws = load_workspace_text(kTwoChains, "test.yaml");
  const Chain& ship = *ws.find_chain("ship");
  ChainGraph later(ws, ship, nullptr, ChainGraph::NetworkBuild::later);
  CHECK_FALSE(later.has_supply_network());
  CHECK_THROWS_AS(later.supply(), std::logic_error);
  CHECK_THROWS_AS(later.supply_vertex(0), std::logic_error);
  CHECK_THROWS_AS(later.find_enterprise("yard"), std::logic_error);
  // The members do not wait for the network.
  CHECK(later[*later.find_segment("ship.hull")].members.size() == 1);
  later.build_supply_network();
  later.build_supply_network();  // once; a second call changes nothing
  const ChainGraph now(ws, ship);
  REQUIRE(later.has_supply_network());
  CHECK(boost::num_vertices(later.supply()) == boost::num_vertices(now.supply()));
  CHECK(boost::num_edges(later.supply()) == boost::num_edges(now.supply()));
  for (const char* id : {"yard", "mill", "enginer"}) {
    CAPTURE(id);
    REQUIRE(later.find_enterprise(id).has_value() == now.find_enterprise(id).has_value());
    if (now.find_enterprise(id)) CHECK(*later.find_enterprise(id) == *now.find_enterprise(id));
  }
}
