// engine/local_supply.cpp: walks the supply network's in-edges of each customer; the
// potential ratio and the matchmaking list read the local operating members per segment.
#include "engine/local_supply.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "engine/chain_graph.hpp"

namespace chainlens {

LocalSupplyReport local_supply(const ChainGraph& graph, const Scope& scope, const LocalSupplyOptions& options) {
  LocalSupplyReport r;
  r.chain = graph.chain().id;
  r.scope = scope;

  // Local operating members of each segment (by segment vertex): who could take over a
  // non-local supply. Indexed by vertex, not by name: millions of relations look them up.
  std::vector<std::vector<std::string>> local_operating(graph.segment_count());
  // Reported enterprises by id: a sorted vector of views (a map of a million strings was
  // most of this analysis's time on the largest benchmark).
  std::vector<std::pair<std::string_view, const Enterprise*>> reported;
  for (SegmentVertexId v = 0; v < graph.segment_count(); ++v)
    for (const SegmentMember& m : graph.local_members(v, scope)) {
      reported.emplace_back(m.enterprise->id, m.enterprise);
      if (m.enterprise->status == EnterpriseStatus::operating) local_operating[v].push_back(m.enterprise->id);
    }
  const SupplyGraph& s = graph.supply();
  const SupplyTable& relations = graph.workspace().supply_table;
  std::vector<char> vertex_local(boost::num_vertices(s));
  for (SupplyVertexId v = 0; v < boost::num_vertices(s); ++v) vertex_local[v] = is_local(*s[v].enterprise, scope);
  for (SupplyVertexId v = 0; v < boost::num_vertices(s); ++v)
    if (boost::in_degree(v, s) > 0) reported.emplace_back(s[v].enterprise->id, s[v].enterprise);
  // Ids are unique in a workspace, so entries with one id are one enterprise: any sort works.
  std::sort(reported.begin(), reported.end());
  reported.erase(std::unique(reported.begin(), reported.end(), [](const auto& a, const auto& b) { return a.first == b.first; }),
                 reported.end());

  r.enterprises_total = reported.size();
  for (const auto& entry : reported) {
    const Enterprise* e = entry.second;
    const std::string& id = e->id;
    const bool customer_operating_local = e->status == EnterpriseStatus::operating && is_local(*e, scope);
    // Row caps (analyze): customers come in id order and matchmaking rows sort by customer
    // first, so rows past the cap at a customer boundary are only counted, never built.
    const bool keep_row = r.enterprises.size() < options.max_rows;
    const bool keep_matches = r.matchmaking.size() < options.max_rows;
    if (keep_row) name_firm(r.names, *e);
    EnterpriseSupply row;
    row.enterprise = id;
    row.name = e->name;
    row.local = is_local(*e, scope);
    for (const Declared& d : e->declared)
      if (d.metric == "local_supply_ratio") row.declared.push_back(d);
    double value = 0, local_value = 0, potential_value = 0;
    int potential_count = 0;
    bool every_value = true;
    if (auto v = graph.find_enterprise(id)) {
      for (auto edge : boost::make_iterator_range(boost::in_edges(*v, s))) {
        const std::uint32_t rel_row = s[edge].relation;
        const std::optional<double> rel_value = relations.value(rel_row);
        const Confidence rel_confidence = relations.confidence(rel_row);
        if (options.verified_only && rel_confidence == Confidence::inferred) continue;
        const Enterprise& f = *s[boost::source(edge, s)].enterprise;
        const bool local = vertex_local[boost::source(edge, s)];
        // Local operating members of the segment other than the customer (ids sorted, so the
        // customer is found by binary search and the first few are the ones shown).
        std::vector<std::string> alternatives;
        std::size_t total = 0;
        if (!local) {
          const std::vector<std::string>& pool = local_operating[s[edge].segment];
          // The customer is in the pool when it is itself a local operating member of the
          // segment: checked on its own few segments (a search of the pool by id string was
          // millions of string compares).
          const std::string& seg_id = graph[s[edge].segment].id;
          const bool in_pool = customer_operating_local &&
                               std::find(e->segments.begin(), e->segments.end(), seg_id) != e->segments.end();
          total = pool.size() - (in_pool ? 1 : 0);
          for (const std::string& a : pool) {
            if (!keep_matches) break;
            if (alternatives.size() == kShownAlternatives) break;
            if (a != id) alternatives.push_back(a);
          }
        }
        const bool potential = local || total > 0;
        ++row.relations;
        row.local_relations += local ? 1 : 0;
        potential_count += potential ? 1 : 0;
        row.has_inferred |= rel_confidence == Confidence::inferred;
        if (rel_value) {
          value += *rel_value;
          local_value += local ? *rel_value : 0;
          potential_value += potential ? *rel_value : 0;
        } else {
          every_value = false;
        }
        if (total > 0) ++r.matchmaking_total;
        if (!keep_matches) continue;
        if (total > 0 && !r.names.firms.contains(f.id)) name_firm(r.names, f);
        if (total > 0)
          r.matchmaking.push_back({id, f.id, std::string(relations.segment_id(rel_row)), rel_value, std::move(alternatives), total,
                                   rel_confidence == Confidence::inferred});
      }
    }
    if (row.relations > 0) {
      row.by_count = static_cast<double>(row.local_relations) / row.relations;
      row.potential_by_count = static_cast<double>(potential_count) / row.relations;
      // A total of 0 has no ratio: every relation valued at 0 is no data either.
      if (every_value && value > 0) {
        row.by_value = local_value / value;
        row.potential_by_value = potential_value / value;
      }
    }
    if (keep_row) r.enterprises.push_back(std::move(row));
  }
  // Stable: repeated relations of one (customer, segment, supplier) keep their file order.
  std::stable_sort(r.matchmaking.begin(), r.matchmaking.end(), [](const Matchmaking& a, const Matchmaking& b) {
    return std::tie(a.customer, a.segment, a.supplier) < std::tie(b.customer, b.segment, b.supplier);
  });
  if (r.matchmaking.size() > options.max_rows)
    r.matchmaking.erase(r.matchmaking.begin() + static_cast<std::ptrdiff_t>(options.max_rows), r.matchmaking.end());
  const StructuralSupply ss = structural_supply(graph, scope);
  r.chain_slsr = ss.chain;
  for (const SegmentSlsr& x : ss.segments)
    if (x.demand) r.leakage.push_back(x);
  name_graph(r.names, graph);
  return r;
}

}  // namespace chainlens
