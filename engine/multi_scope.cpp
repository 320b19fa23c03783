// engine/multi_scope.cpp: one gap report per prefix of the scope, narrowest first; the
// root prefix (the country) decides which segments are import-dependent (卡脖子).
#include "engine/multi_scope.hpp"

#include <unordered_set>

#include "engine/chain_graph.hpp"

namespace chainlens {

MultiScopeReport find_gaps_all_scopes(const ChainGraph& graph, const Scope& scope) {
  MultiScopeReport r;
  r.chain = graph.chain().id;
  std::vector<Scope> prefixes = scope.prefixes_narrow_first();
  if (prefixes.empty()) prefixes.push_back(scope);
  for (const Scope& p : prefixes) r.scopes.push_back(find_gaps(graph, p));

  std::unordered_set<std::string> missing_at_root;
  for (const SegmentGap& g : r.scopes.back().segments)
    if (g.status == SegmentStatus::missing) missing_at_root.insert(g.segment);
  for (SegmentVertexId v = 0; v < graph.segment_count(); ++v)
    if (missing_at_root.contains(graph[v].id)) r.import_dependent.push_back(graph[v].id);
  for (GapReport& report : r.scopes)
    for (SegmentGap& g : report.segments) g.import_dependent = missing_at_root.contains(g.segment);
  return r;
}

}  // namespace chainlens
