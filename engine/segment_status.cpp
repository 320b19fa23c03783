// engine/segment_status.cpp: counts the local members of each segment and applies the
// status table of metrics.md "Segment status in scope R", then rolls parents up.
#include "engine/segment_status.hpp"

#include <algorithm>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "engine/chain_graph.hpp"
#include "engine/declared_gaps.hpp"

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

bool counts_in(EnterpriseKind kind, SegmentType type) noexcept {
  switch (kind) {
    case EnterpriseKind::firm:
    case EnterpriseKind::project: return true;
    case EnterpriseKind::park: return false;
    case EnterpriseKind::institute: return type == SegmentType::rnd;
  }
  return true;
}

namespace {

/// Facts shared by every segment's status in one run.
struct StatusContext {
  std::unordered_map<std::string, DeclaredFlags> declared;
  std::unordered_map<std::string, double> demand;
  explicit StatusContext(const Workspace& ws) : declared(declared_gap_flags(ws)) {
    // Declared gaps of any chain and any kind count (v2): a document about the 船舶 chain
    // may call 钢板 weak while the 钢铁 chain is analysed.
    for (const Demand& d : ws.demand) demand[d.segment] += d.value;
  }
};

/// The status of one segment from its local, non-closed members.
SegmentState state_of(const std::string& id, SegmentType type, const std::vector<const Enterprise*>& local,
                      const StatusContext& ctx) {
  SegmentState s;
  s.segment = id;
  double capacity = 0;
  bool capacity_declared = false;
  for (const Enterprise* e : local) {
    if (!counts_in(e->kind, type)) {
      s.carriers.push_back(e->id);
      continue;
    }
    s.local_enterprises.push_back(e->id);
    if (e->status != EnterpriseStatus::operating) continue;
    ++s.operating;
    // Only running plants have capacity; a building plant's figure is a plan.
    const auto& declared_capacity = e->detail().capacity;
    if (auto c = declared_capacity.find(id); c != declared_capacity.end()) capacity += c->second, capacity_declared = true;
  }
  for (auto* list : {&s.local_enterprises, &s.carriers}) {
    std::sort(list->begin(), list->end());
    list->erase(std::unique(list->begin(), list->end()), list->end());
  }
  const auto d = ctx.demand.find(id);
  s.weak_flag = ctx.declared.contains(id) || (capacity_declared && d != ctx.demand.end() && capacity < d->second);
  if (s.local_enterprises.empty()) s.status = SegmentStatus::missing;
  else if (s.operating == 0) s.status = SegmentStatus::planned;
  else if (s.operating == 1) s.status = SegmentStatus::single;
  else s.status = s.weak_flag ? SegmentStatus::weak : SegmentStatus::covered;
  return s;
}

}  // namespace

std::vector<SegmentState> workspace_statuses(const WorkspaceModel& model, const Scope& scope) {
  const StatusContext ctx(model.workspace());
  std::vector<std::vector<const Enterprise*>> local(model.size());
  const std::vector<Enterprise>& all = model.workspace().enterprises;
  const Memberships& links = model.memberships();
  if (!links.fits(all.size())) throw std::logic_error("workspace_statuses: the model was built before enterprises were added");
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (!links.open[i] || !is_local(all[i], scope)) continue;
    for (const std::uint32_t link : links.of(i))
      if (Memberships::present(link)) local[Memberships::segment(link)].push_back(&all[i]);
  }
  std::vector<SegmentState> out;
  out.reserve(model.size());
  for (std::size_t v = 0; v < model.size(); ++v) out.push_back(state_of(model[v].segment->id, model[v].type, local[v], ctx));
  return out;
}

std::vector<bool> workspace_presence(const WorkspaceModel& model, const Scope& scope) {
  // Present (single, weak or covered) exactly when an operating local member counts in the
  // segment: read off the membership columns, with no member list built and sorted per
  // segment as workspace_statuses does for its report.
  const std::vector<Enterprise>& all = model.workspace().enterprises;
  const Memberships& links = model.memberships();
  if (!links.fits(all.size())) throw std::logic_error("workspace_presence: the model was built before enterprises were added");
  std::vector<bool> present(model.size(), false);
  for (std::size_t i = 0; i < all.size(); ++i) {
    const Enterprise& e = all[i];
    if (e.status != EnterpriseStatus::operating || !is_local(e, scope)) continue;
    for (const std::uint32_t link : links.of(i))
      if (Memberships::present(link) && counts_in(e.kind, model[Memberships::segment(link)].type))
        present[Memberships::segment(link)] = true;
  }
  return present;
}

StatusReport segment_statuses(const ChainGraph& graph, const Scope& scope) {
  const StatusContext ctx(graph.workspace());
  StatusReport r;
  r.scope = scope;
  r.empty_scope = true;
  const SegmentGraph& g = graph.segments();
  std::unordered_map<std::string, SegmentStatus> by_id;
  std::vector<const Enterprise*> local;
  for (SegmentVertexId v = 0; v < boost::num_vertices(g); ++v) {
    local.clear();
    for (const SegmentMember& m : graph.local_members(v, scope)) local.push_back(m.enterprise);
    SegmentState s = state_of(g[v].id, g[v].type, local, ctx);
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
