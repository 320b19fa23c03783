// engine/chain_report.cpp: composes the analyses; computes nothing of its own beyond counts.
#include "engine/chain_report.hpp"

#include "engine/chain_graph.hpp"

namespace chainlens {

ChainReport build_chain_report(const ChainGraph& graph, const Scope& scope, const ChainReportOptions& o) {
  ChainReport r;
  r.chain = graph.chain().id;
  r.scope = scope;
  r.scopes = find_gaps_all_scopes(graph, scope);
  r.chokepoints = find_chokepoints(graph);
  GapReport& here = r.scopes.scopes.front();
  here.chokepoints = r.chokepoints.segments;
  r.supply = local_supply(graph, scope);
  const ScoringModel model = prepare_scoring(graph, here, o.weights, o.include_nearby);
  r.candidates = workspace_candidates(graph, scope);
  r.targets = rank_targets(model, r.candidates);
  if (o.portfolio > 0) r.portfolio = pick_portfolio(graph, model, r.targets, r.candidates, o.portfolio);
  for (const SegmentGap& g : here.segments) ++r.status_counts[g.status];
  return r;
}

}  // namespace chainlens
