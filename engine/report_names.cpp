// engine/report_names.cpp: fills ReportNames from the chain graph or the workspace model.
#include "engine/report_names.hpp"

#include <unordered_set>

#include "engine/chain_graph.hpp"
#include "engine/workspace_model.hpp"
#include "models/text_hash.hpp"

namespace chainlens {

namespace {

void name_chain(ReportNames& names, const Chain& c) {
  if (!names.chains.contains(c.id)) names.chains[c.id] = {c.name, c.name_en, c.id};
}

void name_segment(ReportNames& names, const Segment& s, const Chain& owner) {
  if (!names.segments.contains(s.id)) names.segments[s.id] = {s.name, s.name_en, owner.id};
  name_chain(names, owner);
}

const Chain* owner_of(const Workspace& ws, const Segment* s) {
  for (const Chain& c : ws.chains)
    if (!c.segments.empty() && s >= &c.segments.front() && s <= &c.segments.back()) return &c;
  return nullptr;
}

}  // namespace

void name_graph(ReportNames& names, const ChainGraph& graph) {
  name_chain(names, graph.chain());
  for (std::size_t v = 0; v < graph.segment_count(); ++v)
    if (graph[v].segment && graph[v].owner) name_segment(names, *graph[v].segment, *graph[v].owner);
  for (const Segment* p : graph.parents())
    if (const Chain* c = owner_of(graph.workspace(), p)) name_segment(names, *p, *c);
}

void name_workspace(ReportNames& names, const WorkspaceModel& model) {
  for (const Chain& c : model.workspace().chains)
    for (const Segment& s : c.segments) name_segment(names, s, c);
}

std::string ReportNames::firm(std::string_view id) const {
  if (auto it = firms.find(id); it != firms.end()) return it->second;
  if (!firm_list || !firm_index) return {};
  const std::optional<std::size_t> at = firm_index->find(*firm_list, id);
  if (!at) return {};
  const Enterprise& e = (*firm_list)[*at];
  return (e.name.empty() ? e.id : e.name).str();
}

void name_firms_from(ReportNames& names, const ChainGraph& graph) {
  names.firm_list = &graph.workspace().enterprises;
  names.firm_index = &graph.enterprise_index();
}

void name_firm(ReportNames& names, const Enterprise& e) { names.firms[e.id.str()] = (e.name.empty() ? e.id : e.name).str(); }

void name_firms(ReportNames& names, const ChainGraph& graph, const std::vector<std::string>& ids) {
  TextSet open;
  for (const std::string& id : ids) {
    if (names.firms.contains(id)) continue;
    if (auto v = graph.find_enterprise(id); v && graph.supply()[*v].enterprise)
      name_firm(names, *graph.supply()[*v].enterprise);
    else
      open.insert(id);
  }
  if (open.empty()) return;
  for (const Enterprise& e : graph.workspace().enterprises)
    if (open.contains(e.id)) name_firm(names, e);
}

}  // namespace chainlens
