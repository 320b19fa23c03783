// engine/gaps.cpp: joins status, importance, reach and SLSR into the gap report of a scope
// (metrics.md "Importance of a segment", "Structural LSR").
#include "engine/gaps.hpp"

#include <algorithm>

#include "engine/chain_graph.hpp"
#include "engine/importance.hpp"
#include "engine/structural_supply.hpp"

namespace chainlens {

std::optional<GapKind> gap_kind(SegmentStatus status, bool present_downstream) noexcept {
  switch (status) {
    case SegmentStatus::missing:
    case SegmentStatus::planned: return present_downstream ? GapKind::fill : GapKind::extend;
    case SegmentStatus::single:
    case SegmentStatus::weak: return GapKind::strengthen;
    case SegmentStatus::covered: return std::nullopt;
  }
  return std::nullopt;
}

GapReport find_gaps(const ChainGraph& graph, const Scope& scope) {
  const StatusReport status = segment_statuses(graph, scope);
  GapReport r;
  r.chain = graph.chain().id;
  r.scope = scope;
  r.parents = status.parents;
  r.empty_scope = status.empty_scope;
  const std::vector<double> x = total_output(graph, local_final_demand(graph, status, &r.demand_fallback));
  const std::vector<double> importance = normalized_importance(x);
  const std::vector<int> reach = downstream_reach(graph);
  const std::vector<bool> downstream = present_downstream(graph, status);
  const std::vector<std::optional<double>> slsr = segment_slsr(graph, status);
  r.slsr = chain_slsr(slsr, x);
  for (std::size_t v = 0; v < status.segments.size(); ++v) {
    const SegmentState& s = status.segments[v];
    SegmentGap gap;
    gap.segment = s.segment;
    gap.name = graph[v].segment->name;
    gap.status = s.status;
    gap.weak_flag = s.weak_flag;
    gap.severity = severity(s.status);
    gap.importance = importance[v];
    gap.gap_score = gap.severity * gap.importance;
    gap.output = x[v];
    gap.kind = gap_kind(s.status, downstream[v]);
    gap.reach = reach[v];
    gap.local_enterprises = s.local_enterprises;
    gap.slsr = slsr[v];
    r.segments.push_back(std::move(gap));
  }
  std::sort(r.segments.begin(), r.segments.end(), [](const SegmentGap& a, const SegmentGap& b) {
    if (a.gap_score != b.gap_score) return a.gap_score > b.gap_score;
    return a.segment < b.segment;
  });
  return r;
}

}  // namespace chainlens
