// Credible rankings on the bundled chains (issue 19): the plan's own gaps lead, services
// never head the links to fill, importance ignores the scope, pair scores stay in [0, 100],
// and the 汽车 portfolio leads with the 三电 and the 名录's makers.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <unordered_set>

#include "engine/candidate_score.hpp"
#include "engine/chain_graph.hpp"
#include "engine/declared_gaps.hpp"
#include "engine/gaps.hpp"
#include "engine/portfolio.hpp"
#include "engine/targets.hpp"
#include "models/yaml_loader.hpp"

using namespace chainlens;

namespace {

const Workspace& xihaian() {
  static const Workspace ws = load_workspace(std::filesystem::path(CHAINLENS_SOURCE_DIR) / "chains" / "xihaian");
  return ws;
}

const char* const kChains[] = {"ship", "appliance", "chem", "auto", "equipment", "xinping", "marinebio", "ai"};

// The leaves a chain's own declared gaps name (a parent names each leaf under it).
std::set<std::string> declared_leaves(const ChainGraph& graph) {
  std::set<std::string> out;
  for (const DeclaredGap& g : graph.chain().gaps) {
    const std::vector<std::string> under = graph.leaves_under(g.segment);
    if (under.empty()) out.insert(g.segment);
    else out.insert(under.begin(), under.end());
  }
  return out;
}

}  // namespace

TEST_CASE("rankings: the plan's declared gaps lead the 补链/强链 rows of the eight 西海岸 chains", "[chains][rankings]") {
  const Workspace& ws = xihaian();
  std::size_t rows = 0, declared = 0;
  for (const char* id : kChains) {
    INFO(id);
    const ChainGraph graph = build_chain_graph(ws, id);
    const GapReport r = find_gaps(graph, graph.default_scope());
    std::vector<const SegmentGap*> fill_or_strengthen;
    for (const SegmentGap& g : r.segments)
      if (g.kind == GapKind::fill || g.kind == GapKind::strengthen) fill_or_strengthen.push_back(&g);
    // No service among the top 5 rows to fill or strengthen (a service is always 延链).
    for (std::size_t i = 0; i < std::min<std::size_t>(5, fill_or_strengthen.size()); ++i)
      CHECK(fill_or_strengthen[i]->type != SegmentType::service);
    // Top N, N = the leaves the chain's declared gaps name, at most 10.
    const std::size_t n = std::min<std::size_t>(10, declared_leaves(graph).size());
    for (std::size_t i = 0; i < std::min(n, fill_or_strengthen.size()); ++i) {
      ++rows;
      declared += fill_or_strengthen[i]->declared ? 1 : 0;
    }
  }
  INFO(declared << " of " << rows << " top rows are declared gaps");
  REQUIRE(rows > 0);
  CHECK(static_cast<double>(declared) / rows >= 0.6);
}

TEST_CASE("rankings: importance is the same at every scope on the bundled chains", "[chains][rankings]") {
  const Workspace& ws = xihaian();
  for (const char* id : kChains) {
    INFO(id);
    const ChainGraph graph = build_chain_graph(ws, id);
    const GapReport here = find_gaps(graph, graph.default_scope());
    for (const char* scope : {"中国/山东/青岛", "中国/山东", "中国/上海"}) {
      const GapReport there = find_gaps(graph, Scope::parse(scope));
      for (const SegmentGap& g : here.segments) {
        const auto it = std::find_if(there.segments.begin(), there.segments.end(),
                                     [&](const SegmentGap& o) { return o.segment == g.segment; });
        REQUIRE(it != there.segments.end());
        CHECK(it->importance == Approx(g.importance).margin(1e-12));
      }
    }
  }
}

TEST_CASE("rankings: a firm added in a service segment never lowers the chain's SLSR", "[chains][rankings]") {
  const Workspace& ws = xihaian();
  for (const char* id : kChains) {
    const ChainGraph graph = build_chain_graph(ws, id);
    const Scope scope = graph.default_scope();
    const std::optional<double> before = find_gaps(graph, scope).slsr;
    for (SegmentVertexId v = 0; v < graph.segment_count(); ++v) {
      if (graph[v].type != SegmentType::service) continue;
      INFO(id << " + a firm in " << graph[v].id);
      Workspace copy = ws;
      Enterprise e;
      e.id = "test-service-firm";
      e.location = scope;
      e.segments = {graph[v].id};
      copy.enterprises.push_back(e);
      const ChainGraph after = build_chain_graph(copy, id);
      const std::optional<double> slsr = find_gaps(after, scope).slsr;
      REQUIRE(before.has_value() == slsr.has_value());
      if (before) CHECK(*slsr >= *before - 1e-12);
    }
  }
}

TEST_CASE("rankings: every pair score on the bundled chains lies in [0, 100]", "[chains][rankings]") {
  const Workspace& ws = xihaian();
  std::size_t pairs = 0;
  for (const char* id : kChains) {
    const ChainGraph graph = build_chain_graph(ws, id);
    const Scope scope = graph.default_scope();
    const GapReport gaps = find_gaps(graph, scope);
    const TargetsReport r = rank_targets(prepare_scoring(graph, gaps, ws.scoring, true), workspace_candidates(graph, scope));
    for (const CandidateScore& c : r.targets)
      for (const PairScore& p : c.pairs) {
        ++pairs;
        CHECK((p.score >= 0 && p.score <= 100));
      }
  }
  CHECK(pairs > 500);
}

TEST_CASE("rankings: 汽车's portfolio of 3 leads with 三电, chips, connected systems or the 名录's makers", "[chains][rankings]") {
  const Workspace& ws = xihaian();
  const ChainGraph graph = build_chain_graph(ws, "auto");
  const Scope scope = graph.default_scope();
  const GapReport gaps = find_gaps(graph, scope);
  const ScoringModel m = prepare_scoring(graph, gaps, ws.scoring);
  const std::vector<Candidate> pool = workspace_candidates(graph, scope);
  const TargetsReport r = rank_targets(m, pool);
  const Portfolio p = pick_portfolio(graph, m, r, pool, 3);
  REQUIRE(p.picked.size() == 3);
  const std::unordered_set<std::string> core = {"auto.battery", "auto.motor", "auto.motor-controller",
                                                "xinping.power-semiconductor", "auto.connected-systems"};
  std::unordered_set<std::string> listed;
  for (const TargetList& t : graph.chain().target_lists) listed.insert(t.enterprises.begin(), t.enterprises.end());
  // The first pick and at least two of the three are 三电/chips/connected systems or a 名录 maker;
  // none is a service or an R&D segment.
  std::size_t core_or_listed = 0;
  for (const PortfolioPick& pick : p.picked) {
    INFO(pick.id << " -> " << pick.segment);
    core_or_listed += core.contains(pick.segment) || listed.contains(pick.id);
    const auto v = graph.find_segment(pick.segment);
    REQUIRE(v);
    CHECK(graph[*v].type != SegmentType::service);
    CHECK(graph[*v].type != SegmentType::rnd);
  }
  CHECK((core.contains(p.picked[0].segment) || listed.contains(p.picked[0].id)));
  CHECK(core_or_listed >= 2);
  // No ride-hailing, dealer or trade firm in the first ten targets.
  for (std::size_t i = 0; i < std::min<std::size_t>(10, r.targets.size()); ++i) {
    INFO(r.targets[i].id << " in " << r.targets[i].segment);
    const auto v = graph.find_segment(r.targets[i].segment);
    REQUIRE(v);
    CHECK(graph[*v].type != SegmentType::service);
  }
}
