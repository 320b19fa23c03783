// models/strict_check.cpp: the checks behind `validate`'s warnings and `validate --strict`.
#include "models/strict_check.hpp"

#include <unordered_set>

namespace chainlens {
namespace {

bool has_source(const SourceRef& s) { return !s.id.empty() || !s.note.empty(); }

std::unordered_set<std::string> parent_ids(const Workspace& ws) {
  std::unordered_set<std::string> parents;
  for (const Chain& c : ws.chains)
    for (const Segment& s : c.segments)
      if (!s.parent.empty()) parents.insert(s.parent);
  return parents;
}

}  // namespace

std::vector<Diagnostic> workspace_warnings(const Workspace& ws) {
  std::vector<Diagnostic> out;
  const auto parents = parent_ids(ws);
  for (const Chain& c : ws.chains) {
    int untyped = 0;
    const Segment* first = nullptr;
    for (const Segment& s : c.segments)
      if (!parents.contains(s.id) && !s.type) {
        ++untyped;
        if (!first) first = &s;
      }
    if (untyped > 0)
      out.push_back({first->pos,
                     "chain '" + c.id + "' has " + std::to_string(untyped) +
                         " leaf segments without a 'type'; they are typed by the untyped rule (metrics.md)",
                     "add type: material, component, equipment, product, service or rnd"});
  }
  return out;
}

std::vector<Diagnostic> strict_problems(const Workspace& ws) {
  std::vector<Diagnostic> out;
  const auto parents = parent_ids(ws);
  for (const Chain& c : ws.chains)
    for (const Segment& s : c.segments) {
      if (!parents.contains(s.id) && !s.type)
        out.push_back({s.pos, "segment '" + s.id + "' has no 'type'", "--strict types every leaf segment"});
      for (const SegmentInput& in : s.inputs)
        if (in.share && !has_source(in.source))
          out.push_back({s.pos, "the share of input '" + in.from + "' of segment '" + s.id + "' has no source",
                         "add source: {note: \"public knowledge: …\"} to the input"});
    }
  for (const Enterprise& e : ws.enterprises) {
    if (!has_source(e.detail().source))
      out.push_back({e.pos, "enterprise '" + e.id + "' has no source", "add source: {id, quote} or {note}"});
    if (e.revenue && !e.revenue_year)
      out.push_back({e.pos, "the revenue of enterprise '" + e.id + "' has no revenue_year",
                     "add revenue_year: the year of the annual report"});
  }
  return out;
}

}  // namespace chainlens
