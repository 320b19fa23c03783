// engine/segment_status.cpp: counts the local members of each segment and applies the
// status table of metrics.md "Segment status in scope R", then rolls parents up.
#include "engine/segment_status.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "engine/chain_graph.hpp"

namespace chainlens {

double severity(SegmentStatus s) noexcept {
  switch (s) {
    case SegmentStatus::missing: return 1.0;
    case SegmentStatus::planned: return 0.7;
    case SegmentStatus::single: return 0.6;
    case SegmentStatus::weak: return 0.5;
    case SegmentStatus::covered: return 0.0;
  }
  return 1.0;
}

bool is_present(SegmentStatus s) noexcept {
  return s == SegmentStatus::single || s == SegmentStatus::weak || s == SegmentStatus::covered;
}

SegmentStatus worse(SegmentStatus a, SegmentStatus b) noexcept {
  // The enum is declared worst first.
  return static_cast<int>(a) <= static_cast<int>(b) ? a : b;
}

const char* status_name(SegmentStatus s) noexcept {
  switch (s) {
    case SegmentStatus::missing: return "missing";
    case SegmentStatus::planned: return "planned";
    case SegmentStatus::single: return "single";
    case SegmentStatus::weak: return "weak";
    case SegmentStatus::covered: return "covered";
  }
  return "missing";
}

StatusReport segment_statuses(const ChainGraph& graph, const Scope& scope) {
  const Workspace& ws = graph.workspace();
  // Declared gaps of any chain count: a document about the 船舶 chain may call 钢板 weak
  // while the 钢铁 chain is analysed.
  std::unordered_set<std::string> declared_weak;
  for (const Chain& c : ws.chains)
    for (const DeclaredGap& g : c.gaps)
      if (g.kind == DeclaredGapKind::weak || g.kind == DeclaredGapKind::import_dependent)
        declared_weak.insert(g.segment);
  std::unordered_map<std::string, double> demand;
  for (const Demand& d : ws.demand) demand[d.segment] += d.value;

  StatusReport r;
  r.scope = scope;
  r.empty_scope = true;
  const SegmentGraph& g = graph.segments();
  std::unordered_map<std::string, SegmentStatus> by_id;
  for (SegmentVertexId v = 0; v < boost::num_vertices(g); ++v) {
    SegmentState s;
    s.segment = g[v].id;
    double capacity = 0;
    bool capacity_declared = false;
    for (const SegmentMember& m : graph.local_members(v, scope)) {
      s.local_enterprises.push_back(m.enterprise->id);
      if (m.enterprise->status != EnterpriseStatus::operating) {
        continue;
      }
      ++s.operating;
      // Only running plants have capacity; a building plant's figure is a plan.
      if (auto c = m.enterprise->capacity.find(s.segment); c != m.enterprise->capacity.end()) {
        capacity += c->second;
        capacity_declared = true;
      }
    }
    std::sort(s.local_enterprises.begin(), s.local_enterprises.end());
    s.local_enterprises.erase(std::unique(s.local_enterprises.begin(), s.local_enterprises.end()),
                              s.local_enterprises.end());
    const auto d = demand.find(s.segment);
    s.weak_flag = declared_weak.contains(s.segment) ||
                  (capacity_declared && d != demand.end() && capacity < d->second);
    if (s.local_enterprises.empty()) s.status = SegmentStatus::missing;
    else if (s.operating == 0) s.status = SegmentStatus::planned;
    else if (s.operating == 1) s.status = SegmentStatus::single;
    else s.status = s.weak_flag ? SegmentStatus::weak : SegmentStatus::covered;
    if (!s.local_enterprises.empty()) r.empty_scope = false;
    by_id.emplace(s.segment, s.status);
    r.segments.push_back(std::move(s));
  }

  for (const Segment* p : graph.parents()) {
    ParentState ps;
    ps.segment = p->id;
    ps.children = graph.leaves_under(p->id);
    // A parent with no leaf in the graph has nothing local: missing, the worst.
    ps.status = ps.children.empty() ? SegmentStatus::missing : SegmentStatus::covered;
    for (const std::string& c : ps.children) ps.status = worse(ps.status, by_id.at(c));
    r.parents.push_back(std::move(ps));
  }
  return r;
}

}  // namespace chainlens
