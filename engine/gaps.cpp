// engine/gaps.cpp: joins status, the v2 importance factors, reach and SLSR into the gap
// report of a scope (metrics.md "Importance of a segment (v2)", "Structural LSR").
#include "engine/gaps.hpp"

#include <algorithm>
#include <unordered_set>

#include "engine/chain_graph.hpp"
#include "engine/declared_gaps.hpp"
#include "engine/downstream_sums.hpp"
#include "engine/rank_key.hpp"
#include "engine/structural_supply.hpp"
#include "engine/workspace_model.hpp"

namespace chainlens {

std::optional<GapKind> gap_kind(SegmentStatus status, SegmentType type, bool present_downstream) noexcept {
  if (status == SegmentStatus::covered) return std::nullopt;
  // A service or research end-point extends the chain; it never heads the links to fill.
  if (type == SegmentType::service || type == SegmentType::rnd) return GapKind::extend;
  switch (status) {
    case SegmentStatus::missing:
    case SegmentStatus::planned: return present_downstream ? GapKind::fill : GapKind::extend;
    case SegmentStatus::single:
    case SegmentStatus::weak: return GapKind::strengthen;
    case SegmentStatus::covered: return std::nullopt;
  }
  return std::nullopt;
}

namespace {

void sort_gaps(std::vector<SegmentGap>& segments) {
  std::sort(segments.begin(), segments.end(), [](const SegmentGap& a, const SegmentGap& b) {
    return ranks_ahead(a.gap_score, a.segment, b.gap_score, b.segment);
  });
}

SegmentGap gap_row(const WorkspaceSegment& w, const SegmentState& s, const FactorTable& t, std::size_t i,
                   bool downstream, const std::unordered_map<std::string, DeclaredFlags>& declared) {
  SegmentGap gap;
  gap.segment = s.segment;
  gap.name = w.segment->name;
  gap.chain = w.owner->id;
  gap.type = w.type;
  gap.status = s.status;
  gap.weak_flag = s.weak_flag;
  gap.severity = severity(s.status);
  gap.factors = t.factors[i];
  gap.importance = t.importance[i];
  gap.gap_score = gap.severity * gap.importance;
  gap.output = t.x[i];
  gap.kind = gap_kind(s.status, w.type, downstream);
  if (auto d = declared.find(s.segment); d != declared.end()) gap.declared = true, gap.declared_import = d->second.import;
  gap.local_enterprises = s.local_enterprises;
  gap.carriers = s.carriers;
  return gap;
}

}  // namespace

GapReport find_gaps(const ChainGraph& graph, const Scope& scope) {
  return find_gaps(graph, scope, graph.workspace().importance);
}

GapReport find_gaps(const ChainGraph& graph, const Scope& scope, const ImportanceWeights& weights) {
  const StatusReport status = segment_statuses(graph, scope);
  const WorkspaceModel& model = graph.model();
  GapReport r;
  r.chain = graph.chain().id;
  r.scope = scope;
  r.weights = weights;
  r.parents = status.parents;
  r.empty_scope = status.empty_scope;
  r.demand_fallback = graph.demand_fallback();
  const FactorTable t = chain_importance(graph, scope, weights);
  const std::vector<int> reach = downstream_reach(graph);
  const std::vector<bool> downstream = model.flagged_downstream(workspace_presence(model, scope));
  const std::vector<std::optional<double>> slsr = segment_slsr(graph, status);
  r.slsr = chain_slsr(slsr, t.x);
  const auto declared = declared_gap_flags(graph.workspace());
  for (std::size_t v = 0; v < status.segments.size(); ++v) {
    const std::size_t w = graph[v].ws;
    SegmentGap gap = gap_row(model[w], status.segments[v], t, v, downstream[w], declared);
    gap.reach = reach[v];
    gap.slsr = slsr[v];
    r.segments.push_back(std::move(gap));
  }
  sort_gaps(r.segments);
  name_graph(r.names, graph);
  name_firms_from(r.names, graph);  // the local firms, named when a writer prints them
  return r;
}

GapReport find_workspace_gaps(const WorkspaceModel& model, const Scope& scope, const ImportanceWeights& weights) {
  const Workspace& ws = model.workspace();
  GapReport r;
  r.scope = scope;
  r.weights = weights;
  std::vector<std::size_t> vertices(model.size());
  for (std::size_t v = 0; v < model.size(); ++v) vertices[v] = v;
  std::vector<std::string> listed;
  for (const Chain& c : ws.chains)
    for (const TargetList& t : c.target_lists) listed.insert(listed.end(), t.enterprises.begin(), t.enterprises.end());
  Scope root;
  if (!scope.empty()) root = scope.prefix(1);
  const FactorTable t = importance_factors(model, vertices, model.workspace_demand(), listed, root, weights);
  const std::vector<SegmentState> status = workspace_statuses(model, scope);
  std::vector<bool> present(model.size());
  for (std::size_t v = 0; v < model.size(); ++v) present[v] = is_present(status[v].status);
  const std::vector<bool> downstream = model.flagged_downstream(present);
  const auto declared = declared_gap_flags(ws);
  // Reach and SLSR over the workspace graph, with the same definitions as a chain's.
  // (downstream_sums with weight 1: no search per segment, issue 18.)
  std::vector<int> reach(model.size(), 0);
  {
    std::vector<std::vector<std::size_t>> successors(model.size());
    for (std::size_t v = 0; v < model.size(); ++v)
      for (std::size_t e : model.out_edges(v)) successors[v].push_back(model.edge(e).to);
    const std::vector<long long> sums = downstream_sums(successors, std::vector<long long>(model.size(), 1));
    for (std::size_t v = 0; v < model.size(); ++v) reach[v] = static_cast<int>(sums[v] - 1);
  }
  r.empty_scope = true;
  double num = 0, den = 0;
  bool any = false;
  for (std::size_t v = 0; v < model.size(); ++v) {
    SegmentGap gap = gap_row(model[v], status[v], t, v, downstream[v], declared);
    gap.reach = reach[v];
    if (!model.in_edges(v).empty()) {
      double sum = 0;
      for (std::size_t e : model.in_edges(v))
        if (present[model.edge(e).from]) sum += model.edge(e).share;
      gap.slsr = sum;
      any = true;
      num += t.x[v] * sum;
      den += t.x[v];
    }
    if (!status[v].local_enterprises.empty()) r.empty_scope = false;
    r.segments.push_back(std::move(gap));
  }
  if (any && den > 0) r.slsr = num / den;
  sort_gaps(r.segments);
  name_workspace(r.names, model);
  std::unordered_set<std::string_view> local;
  for (const SegmentGap& g : r.segments) local.insert(g.local_enterprises.begin(), g.local_enterprises.end());
  if (!local.empty())
    for (const Enterprise& e : ws.enterprises)
      if (local.contains(e.id)) name_firm(r.names, e);
  return r;
}

}  // namespace chainlens
