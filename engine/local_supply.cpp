// engine/local_supply.cpp: walks the supply network's in-edges of each customer; the
// potential ratio and the matchmaking list read the local operating members per segment.
#include "engine/local_supply.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "engine/chain_graph.hpp"

namespace chainlens {

namespace {

using LocalOperating = std::vector<std::vector<std::string_view>>;

// Local operating members of a supplier's segment other than the customer. The customer is
// in the pool when it is itself a local operating member of the segment: checked on its own
// few segments (a search of the pool by id string was millions of string compares).
std::size_t alternatives_total(const ChainGraph& graph, SegmentVertexId segment, const Enterprise& customer,
                               bool customer_operating_local, const LocalOperating& local_operating) {
  const std::vector<std::string_view>& pool = local_operating[segment];
  if (pool.empty()) return 0;
  const std::string& seg_id = graph[segment].id;
  const bool in_pool = customer_operating_local &&
                       std::find(customer.segments.begin(), customer.segments.end(), seg_id) != customer.segments.end();
  return pool.size() - (in_pool ? 1 : 0);
}

// The matchmaking rows one customer would add: its relations from a non-local supplier
// whose segment has a local operating alternative.
std::size_t count_matchmaking(const ChainGraph& graph, SupplyVertexId customer_vertex, const Enterprise& customer,
                              bool customer_operating_local, const LocalOperating& local_operating,
                              const std::vector<char>& vertex_local, bool verified_only) {
  const SupplyGraph& s = graph.supply();
  const SupplyTable& relations = graph.workspace().supply_table;
  std::size_t n = 0;
  for (auto edge : boost::make_iterator_range(boost::in_edges(customer_vertex, s))) {
    if (verified_only && relations.confidence(s[edge].relation) == Confidence::inferred) continue;
    if (vertex_local[boost::source(edge, s)]) continue;
    // Only whether an alternative exists: a pool of two or more has one whoever the customer
    // is, and only a pool of one needs the customer's segments read.
    const std::size_t pool = local_operating[s[edge].segment].size();
    if (pool > 1) ++n;
    else if (pool == 1) n += alternatives_total(graph, s[edge].segment, customer, customer_operating_local, local_operating) > 0 ? 1 : 0;
  }
  return n;
}

}  // namespace

LocalSupplyReport local_supply(const ChainGraph& graph, const Scope& scope, const LocalSupplyOptions& options) {
  LocalSupplyReport r;
  r.chain = graph.chain().id;
  r.scope = scope;

  // Local operating members of each segment (by segment vertex): who could take over a
  // non-local supply. Indexed by vertex, not by name: millions of relations look them up.
  const auto& all = graph.workspace().enterprises;
  std::vector<std::vector<std::string_view>> local_operating(graph.segment_count());
  // The reported enterprises (local members, customers in the network), marked by position
  // and then read in id order: no sort or map of id strings here.
  std::vector<char> reported(all.size());
  for (SegmentVertexId v = 0; v < graph.segment_count(); ++v)
    for (const SegmentMember& m : graph.local_members(v, scope)) {
      reported[graph.position(*m.enterprise)] = 1;
      if (m.enterprise->status == EnterpriseStatus::operating) local_operating[v].push_back(m.enterprise->id);
    }
  const SupplyGraph& s = graph.supply();
  const SupplyTable& relations = graph.workspace().supply_table;
  std::vector<char> vertex_local(boost::num_vertices(s));
  for (SupplyVertexId v = 0; v < boost::num_vertices(s); ++v) {
    vertex_local[v] = graph.is_local(*s[v].enterprise, scope);
    if (boost::in_degree(v, s) > 0) reported[graph.position(*s[v].enterprise)] = 1;
  }

  std::vector<boost::graph_traits<SupplyGraph>::edge_descriptor> in_edges;
  // Matchmaking rows sort by (customer, segment, supplier), and customers come in id order:
  // each customer's rows are sorted when the next id starts (a few rows, not the whole list).
  // Stable: repeated relations of one (customer, segment, supplier) keep their file order.
  std::size_t group_start = 0;
  const auto sort_group = [&] {
    std::stable_sort(r.matchmaking.begin() + static_cast<std::ptrdiff_t>(group_start), r.matchmaking.end(),
                     [](const Matchmaking& a, const Matchmaking& b) {
                       return std::tie(a.segment, a.supplier) < std::tie(b.segment, b.supplier);
                     });
    group_start = r.matchmaking.size();
  };
  std::string_view previous_customer;
  for (std::uint32_t position : graph.enterprises_by_id()) {
    if (!reported[position]) continue;
    // A repeated id continues its group (its rows sort together, as they always did).
    if (all[position].id != previous_customer) sort_group();
    previous_customer = all[position].id;
    ++r.enterprises_total;
    const Enterprise* e = &all[position];
    const std::string_view id = e->id;
    const std::optional<SupplyVertexId> vertex = graph.supply_vertex(position);
    const bool customer_local = graph.is_local(*e, scope);
    const bool customer_operating_local = e->status == EnterpriseStatus::operating && customer_local;
    // Row caps (analyze): customers come in id order and matchmaking rows sort by customer
    // first, so rows past the cap at a customer boundary are only counted, never built.
    const bool keep_row = r.enterprises.size() < options.max_rows;
    const bool keep_matches = r.matchmaking.size() < options.max_rows;
    if (!keep_row && !keep_matches) {
      // Only the matchmaking count is still wanted.
      if (vertex) r.matchmaking_total += count_matchmaking(graph, *vertex, *e, customer_operating_local, local_operating,
                                                           vertex_local, options.verified_only);
      continue;
    }
    EnterpriseSupply row;
    if (keep_row) {
      row.enterprise = id;
      row.name = e->name;
      for (const Declared& d : e->detail().declared)
        if (d.metric == "local_supply_ratio") row.declared.push_back(d);
    }
    row.local = customer_local;
    double value = 0, local_value = 0, potential_value = 0;
    int potential_count = 0;
    bool every_value = true;
    if (vertex) {
      // In file order: the sums below are then added in the order they always were.
      in_edges.clear();
      for (auto edge : boost::make_iterator_range(boost::in_edges(*vertex, s))) in_edges.push_back(edge);
      std::sort(in_edges.begin(), in_edges.end(), [&](const auto& a, const auto& b) { return s[a].relation < s[b].relation; });
      for (auto edge : in_edges) {
        const std::uint32_t rel_row = s[edge].relation;
        const std::optional<double> rel_value = relations.value(rel_row);
        const Confidence rel_confidence = relations.confidence(rel_row);
        if (options.verified_only && rel_confidence == Confidence::inferred) continue;
        const Enterprise& f = *s[boost::source(edge, s)].enterprise;
        const bool local = vertex_local[boost::source(edge, s)];
        // Local operating members of the segment other than the customer (ids sorted, so
        // the first few are the ones shown).
        ShownIds alternatives;
        const std::size_t total = local ? 0 : alternatives_total(graph, s[edge].segment, *e, customer_operating_local, local_operating);
        if (total > 0 && keep_matches)
          for (std::string_view a : local_operating[s[edge].segment]) {
            if (alternatives.full()) break;
            if (a != id) alternatives.push_back(a);
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
        if (total > 0)
          r.matchmaking.push_back({id, f.id, relations.segment_id(rel_row), rel_value, alternatives, total,
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
  sort_group();
  if (r.matchmaking.size() > options.max_rows)
    r.matchmaking.erase(r.matchmaking.begin() + static_cast<std::ptrdiff_t>(options.max_rows), r.matchmaking.end());
  const StructuralSupply ss = structural_supply(graph, scope);
  r.chain_slsr = ss.chain;
  for (const SegmentSlsr& x : ss.segments)
    if (x.demand) r.leakage.push_back(x);
  name_graph(r.names, graph);
  // Firms are named when a writer prints them (a JSON report prints ids only).
  name_firms_from(r.names, graph);
  return r;
}

}  // namespace chainlens
