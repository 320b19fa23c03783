// engine/declared_gaps.cpp: declared gaps by the leaves they name, parents expanded.
#include "engine/declared_gaps.hpp"

#include <unordered_set>

namespace chainlens {

std::unordered_map<std::string, DeclaredFlags> declared_gap_flags(const Workspace& ws) {
  std::unordered_map<std::string, DeclaredFlags> named;
  for (const Chain& c : ws.chains)
    for (const DeclaredGap& g : c.gaps) {
      DeclaredFlags& f = named[g.segment];
      f.any = true;
      f.import = f.import || g.kind == DeclaredGapKind::technology || g.kind == DeclaredGapKind::import_dependent;
    }
  std::unordered_map<std::string, const Segment*> by_id;
  std::unordered_set<std::string> parents;
  for (const Chain& c : ws.chains)
    for (const Segment& s : c.segments) {
      by_id.emplace(s.id, &s);
      if (!s.parent.empty()) parents.insert(s.parent);
    }
  std::unordered_map<std::string, DeclaredFlags> out;
  for (const auto& [id, seg] : by_id) {
    if (parents.contains(id)) continue;
    DeclaredFlags f;
    std::unordered_set<std::string> seen;
    for (const Segment* cur = seg; cur && seen.insert(cur->id).second;) {
      if (auto it = named.find(cur->id); it != named.end()) f.any = true, f.import = f.import || it->second.import;
      auto up = cur->parent.empty() ? by_id.end() : by_id.find(cur->parent);
      cur = up == by_id.end() ? nullptr : up->second;
    }
    if (f.any) out.emplace(id, f);
  }
  return out;
}

}  // namespace chainlens
