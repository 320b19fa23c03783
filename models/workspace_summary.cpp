// models/workspace_summary.cpp: plain counting over the loaded workspace.
#include "models/workspace_summary.hpp"

#include <algorithm>
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
  s.supplies = static_cast<int>(ws.supply_table.size());
  for (const Enterprise& e : ws.enterprises) (e.location.within(ws.scope) && !ws.scope.empty() ? s.local : s.non_local)++;

  std::unordered_set<std::string> parents;
  for (const Chain& c : ws.chains)
    for (const Segment& seg : c.segments)
      if (!seg.parent.empty()) parents.insert(seg.parent);

  for (const Chain& c : ws.chains) {
    ChainSummary cs;
    cs.id = c.id;
    cs.name = c.name;
    const RegionPath scope = ws.chain_scope(c);
    cs.scope = scope.str();
    cs.segments = static_cast<int>(c.segments.size());
    s.segments += cs.segments;
    std::unordered_set<std::string> leaves;
    for (const Segment& seg : c.segments)
      if (!parents.count(seg.id)) leaves.insert(seg.id);
    cs.leaf_segments = static_cast<int>(leaves.size());
    // The chain's firms: open enterprises in one of its leaves, each counted once (one pass;
    // a per-segment index and a set of a million firms were half of `info` on the largest benchmark).
    for (const Enterprise& e : ws.enterprises) {
      if (e.status == EnterpriseStatus::closed) continue;
      if (std::none_of(e.segments.begin(), e.segments.end(), [&](const std::string& seg) { return leaves.count(seg) > 0; }))
        continue;
      ++cs.enterprises;
      (!scope.empty() && e.location.within(scope) ? cs.local : cs.non_local)++;
    }
    // Per distinct segment handle, then one array read per relation.
    const SupplyTable& rel = ws.supply_table;
    std::vector<char> in_chain(rel.id_count(), 0);
    for (std::size_t h = 0; h < rel.id_count(); ++h)
      in_chain[h] = leaves.count(std::string(rel.id(static_cast<SupplyTable::Handle>(h)))) ? 1 : 0;
    for (std::size_t i = 0; i < rel.size(); ++i) cs.supplies += in_chain[rel.segment(i)];
    cs.gaps = static_cast<int>(c.gaps.size());
    cs.target_lists = static_cast<int>(c.target_lists.size());
    cs.goals = static_cast<int>(c.goals.size());
    s.chains.push_back(std::move(cs));
  }
  return s;
}

}  // namespace chainlens
