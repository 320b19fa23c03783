// models/workspace_summary.cpp: plain counting over the loaded workspace.
#include "models/workspace_summary.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include <tbb/blocked_range.h>
#include <tbb/parallel_reduce.h>

namespace chainlens {

namespace {

struct Counts {
  int all = 0, local = 0, non_local = 0;
};

// Counts over every enterprise, in parallel blocks (a million firms on the largest benchmark;
// `count` only reads).
template <class Count>
Counts count_enterprises(const std::vector<Enterprise>& list, const Count& count) {
  return tbb::parallel_reduce(
      tbb::blocked_range<std::size_t>(0, list.size(), 4096), Counts{},
      [&](const tbb::blocked_range<std::size_t>& range, Counts n) {
        for (std::size_t i = range.begin(); i != range.end(); ++i) count(list[i], n);
        return n;
      },
      [](Counts a, const Counts& b) {
        a.all += b.all, a.local += b.local, a.non_local += b.non_local;
        return a;
      });
}

}  // namespace

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
  {
    const Counts c = count_enterprises(ws.enterprises, [&](const Enterprise& e, Counts& n) {
      (e.location.within(ws.scope) && !ws.scope.empty() ? n.local : n.non_local)++;
    });
    s.local = c.local, s.non_local = c.non_local;
  }

  std::unordered_set<std::string> parents;
  for (const Chain& c : ws.chains)
    for (const Segment& seg : c.segments)
      if (!seg.parent.empty()) parents.insert(seg.parent);

  // Relations per segment handle, once for every chain: only handles used as a segment are
  // looked up below (the pool also holds a million firm ids).
  const SupplyTable& rel = ws.supply_table;
  std::vector<std::size_t> per_segment(rel.id_count(), 0);
  for (std::size_t i = 0; i < rel.size(); ++i) ++per_segment[rel.segment(i)];

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
    const Counts firms = count_enterprises(ws.enterprises, [&](const Enterprise& e, Counts& n) {
      if (e.status == EnterpriseStatus::closed) return;
      if (std::none_of(e.segments.begin(), e.segments.end(), [&](const std::string& seg) { return leaves.count(seg) > 0; }))
        return;
      ++n.all;
      (!scope.empty() && e.location.within(scope) ? n.local : n.non_local)++;
    });
    cs.enterprises = firms.all, cs.local = firms.local, cs.non_local = firms.non_local;
    for (std::size_t h = 0; h < rel.id_count(); ++h)
      if (per_segment[h] > 0 && leaves.count(std::string(rel.id(static_cast<SupplyTable::Handle>(h)))))
        cs.supplies += static_cast<int>(per_segment[h]);
    cs.gaps = static_cast<int>(c.gaps.size());
    cs.target_lists = static_cast<int>(c.target_lists.size());
    cs.goals = static_cast<int>(c.goals.size());
    s.chains.push_back(std::move(cs));
  }
  return s;
}

}  // namespace chainlens
