// index_memberships: the flat enterprise -> workspace segment columns (issue 16) on a hand-built
// workspace, against what each enterprise's `segments` list says.
#include <catch2/catch.hpp>

#include "engine/memberships.hpp"
#include "engine/workspace_model.hpp"
#include "tests/support/test_graph.hpp"

using namespace chainlens;
using chainlens::test::TestGraph;

TEST_CASE("index_memberships: each firm's segments as model indices, in order, inferred flagged",
          "[engine][memberships]") {
  const TestGraph t(R"(
chains:
  - id: steel
    segments: [{id: steel.ore}, {id: steel.plate, inputs: [steel.ore]}]
  - id: ship
    segments:
      - {id: ship.hull, inputs: [steel.plate]}
      - {id: ship.engine}
enterprises:
  - {id: yard, location: 中国/青岛, segments: [ship.hull, steel.plate]}
  - {id: old, location: 中国/青岛, segments: [ship.engine], status: closed}
  - id: enginer
    location: 中国/上海
    segments: [steel.ore, {id: ship.engine, confidence: inferred}]
  - {id: park, location: 中国/青岛, kind: park}
)", "ship");
  const WorkspaceModel& model = t.graph().model();
  const Memberships& m = model.memberships();
  REQUIRE(m.open.size() == 4);
  REQUIRE(m.offsets.size() == 5);
  const auto at = [&](const char* id) { return static_cast<std::uint32_t>(*model.find(id)); };
  // yard: its list in the order written.
  const auto yard = m.of(0);
  CHECK(std::vector<std::uint32_t>(yard.begin(), yard.end()) == std::vector<std::uint32_t>{at("ship.hull"), at("steel.plate")});
  CHECK(m.open[0] == 1);
  // A closed firm keeps its links; `open` says it is out.
  CHECK(m.open[1] == 0);
  REQUIRE(m.of(1).size() == 1);
  CHECK(m.of(1)[0] == at("ship.engine"));
  // The inferred link has the flag, the written one not.
  const auto enginer = m.of(2);
  REQUIRE(enginer.size() == 2);
  CHECK(enginer[0] == at("steel.ore"));
  CHECK(enginer[1] == (at("ship.engine") | Memberships::kInferred));
  CHECK(m.of(3).empty());
  // The graph's members read these columns: the closed firm is no member, the inferred
  // link is marked, foreign-chain links of a member land on the joined input.
  const ChainGraph& g = t.graph();
  const SegmentVertex& engine = g[*g.find_segment("ship.engine")];
  REQUIRE(engine.members.size() == 1);
  CHECK(engine.members[0].enterprise->id == "enginer");
  CHECK(engine.members[0].inferred);
  const SegmentVertex& hull = g[*g.find_segment("ship.hull")];
  REQUIRE(hull.members.size() == 1);
  CHECK_FALSE(hull.members[0].inferred);
  const SegmentVertex& plate = g[*g.find_segment("steel.plate")];
  REQUIRE(plate.members.size() == 1);
  CHECK(plate.members[0].enterprise->id == "yard");
  CHECK(g.vertex_of_model(at("steel.plate")) == g.find_segment("steel.plate"));
  CHECK_FALSE(g.vertex_of_model(at("steel.ore")));  // another chain's segment this graph does not join
}
