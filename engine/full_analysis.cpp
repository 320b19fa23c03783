// engine/full_analysis.cpp: the analyses of `analyze` as tasks. Local supply and
// chokepoints do not depend on the gaps but need the supply network; targets need the gaps
// (through the scoring model) and the candidates, so that chain runs beside the other two.
#include "engine/full_analysis.hpp"

#include <tbb/task_group.h>

#include "engine/chain_graph.hpp"

namespace chainlens {

FullAnalysis analyze_chain(ChainGraph& graph, const Scope& scope, const FullAnalysisOptions& options) {
  FullAnalysis r;
  tbb::task_group side;
  // The supply network first when the graph left it for later (two seconds on the largest
  // benchmark, one thread), then the two analyses that read it; gaps, scoring and targets
  // never read it and run meanwhile.
  side.run([&] {
    graph.build_supply_network();
    tbb::task_group readers;
    readers.run([&] {
      LocalSupplyOptions o;
      o.max_rows = options.max_rows;
      r.supply = local_supply(graph, scope, o);
    });
    ChokepointOptions o;
    o.max_rows = options.max_rows;
    r.chokepoints = find_chokepoints(graph, o);
    readers.wait();
  });
  std::vector<const Enterprise*> firms;  // the workspace's candidates, read in place
  tbb::task_group candidates;
  candidates.run([&] { firms = workspace_candidate_firms(graph, scope); });
  r.gaps = find_gaps(graph, scope);
  r.model = prepare_scoring(graph, r.gaps, options.weights);
  candidates.wait();
  r.targets = rank_targets(r.model, firms, options.every_target ? static_cast<std::size_t>(-1) : options.max_rows);
  side.wait();
  r.gaps.chokepoints = r.chokepoints.segments;
  return r;
}

}  // namespace chainlens
