// models/workspace_summary.cpp: plain counting over the loaded workspace.
#include "models/workspace_summary.hpp"

#include <unordered_map>
#include <unordered_set>

namespace chainlens {

WorkspaceSummary summarize(const Workspace& ws) {
  WorkspaceSummary s;
  s.name = ws.name;
  s.scope = ws.scope.str();
  s.content_hash = ws.content_hash;
  s.files = static_cast<int>(ws.files.size());
  s.sources = static_cast<int>(ws.sources.size());
  s.regions = static_cast<int>(ws.regions.size());
  s.enterprises = static_cast<int>(ws.enterprises.size());
  s.supplies = static_cast<int>(ws.supplies.size());
  for (const Enterprise& e : ws.enterprises) (e.location.within(ws.scope) && !ws.scope.empty() ? s.local : s.non_local)++;

  std::unordered_set<std::string> parents;
  for (const Chain& c : ws.chains)
    for (const Segment& seg : c.segments)
      if (!seg.parent.empty()) parents.insert(seg.parent);
  std::unordered_map<std::string, std::vector<const Enterprise*>> by_segment;
  for (const Enterprise& e : ws.enterprises)
    if (e.status != EnterpriseStatus::closed)
      for (const std::string& seg : e.segments) by_segment[seg].push_back(&e);

  for (const Chain& c : ws.chains) {
    ChainSummary cs;
    cs.id = c.id;
    cs.name = c.name;
    const RegionPath scope = ws.chain_scope(c);
    cs.scope = scope.str();
    cs.segments = static_cast<int>(c.segments.size());
    s.segments += cs.segments;
    std::unordered_set<std::string> leaves;
    std::unordered_set<const Enterprise*> firms;
    for (const Segment& seg : c.segments) {
      if (parents.count(seg.id)) continue;
      leaves.insert(seg.id);
      for (const Enterprise* e : by_segment[seg.id]) firms.insert(e);
    }
    cs.leaf_segments = static_cast<int>(leaves.size());
    cs.enterprises = static_cast<int>(firms.size());
    for (const Enterprise* e : firms) (!scope.empty() && e->location.within(scope) ? cs.local : cs.non_local)++;
    for (const Supply& sup : ws.supplies) cs.supplies += leaves.count(sup.segment) ? 1 : 0;
    cs.gaps = static_cast<int>(c.gaps.size());
    cs.target_lists = static_cast<int>(c.target_lists.size());
    cs.goals = static_cast<int>(c.goals.size());
    s.chains.push_back(std::move(cs));
  }
  return s;
}

}  // namespace chainlens
