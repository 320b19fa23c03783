// engine/what_if.cpp: edits a copy of the workspace, rebuilds the graph and re-runs the
// analyses on both; the graph points into its workspace, so the copy lives here.
#include "engine/what_if.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include "engine/chain_graph.hpp"

namespace chainlens {

namespace {

WhatIfState analyse(const ChainGraph& g, const Scope& scope) {
  WhatIfState s;
  s.gaps = find_gaps(g, scope);
  s.chokepoints = find_chokepoints(g);
  s.gaps.chokepoints = s.chokepoints.segments;
  s.supply = local_supply(g, scope);
  return s;
}

}  // namespace

WhatIfReport what_if(const ChainGraph& graph, const Scope& scope, const std::vector<WhatIfChange>& changes) {
  WhatIfReport r;
  r.changes = changes;
  auto edited = std::make_shared<Workspace>(graph.workspace());
  Workspace& copy = *edited;
  r.edited = edited;
  for (const WhatIfChange& c : changes) {
    auto it = std::find_if(copy.enterprises.begin(), copy.enterprises.end(),
                           [&](const Enterprise& e) { return e.id == c.enterprise; });
    if (it == copy.enterprises.end())
      throw std::invalid_argument("no enterprise '" + c.enterprise + "' in the workspace");
    name_firm(r.names, *it);
    if (c.kind == WhatIfChange::Kind::add) {
      it->location = scope;
      it->status = EnterpriseStatus::operating;
    } else {
      it->status = EnterpriseStatus::closed;
    }
  }
  const ChainGraph after(copy, *copy.find_chain(graph.chain().id));
  r.before = analyse(graph, scope);
  r.after = analyse(after, scope);
  // The graph on the copy dies here (and an index it built with it): firms are named from
  // the workspace it was copied from (the changes touch locations and statuses, never ids
  // or names). The copy itself lives on in the report: rows of `after` view its ids.
  name_firms_from(r.after.gaps.names, graph);
  name_firms_from(r.after.chokepoints.names, graph);
  name_firms_from(r.after.supply.names, graph);

  std::map<std::string, std::pair<SegmentStatus, double>> was;
  for (const SegmentGap& g : r.before.gaps.segments) was[g.segment] = {g.status, g.gap_score};
  for (const SegmentGap& g : r.after.gaps.segments) {
    const auto& [status, score] = was[g.segment];
    if (status != g.status || std::abs(score - g.gap_score) > 1e-12) r.changed_segments.push_back(g.segment);
  }
  std::sort(r.changed_segments.begin(), r.changed_segments.end());
  std::map<std::string, std::pair<std::optional<double>, std::optional<double>>> lsr;
  for (const EnterpriseSupply& e : r.before.supply.enterprises) lsr[e.enterprise] = {e.by_value, e.by_count};
  std::set<std::string> changed;
  for (const EnterpriseSupply& e : r.after.supply.enterprises) {
    auto it = lsr.find(e.enterprise);
    if (it == lsr.end() || it->second != std::make_pair(e.by_value, e.by_count)) changed.insert(e.enterprise);
  }
  for (const EnterpriseSupply& e : r.before.supply.enterprises)
    if (std::none_of(r.after.supply.enterprises.begin(), r.after.supply.enterprises.end(),
                     [&](const EnterpriseSupply& a) { return a.enterprise == e.enterprise; }))
      changed.insert(e.enterprise);
  r.changed_enterprises.assign(changed.begin(), changed.end());
  return r;
}

}  // namespace chainlens
