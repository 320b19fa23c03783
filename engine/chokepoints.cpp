// engine/chokepoints.cpp: Boost.Graph's lengauer_tarjan_dominator_tree on the segment graph
// plus a virtual root, and articulation_points on the undirected supply network.
#include "engine/chokepoints.hpp"

#include <string_view>
#include <unordered_map>

#include <boost/graph/biconnected_components.hpp>
#include <boost/graph/dominator_tree.hpp>
#include <algorithm>
#include <set>
#include <string_view>
#include <tuple>

#include "engine/chain_graph.hpp"

namespace chainlens {

namespace {

using Flow = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;
using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                         boost::no_property, boost::no_property, boost::vecS>;

std::vector<std::string> segment_dominators(const ChainGraph& graph) {
  const SegmentGraph& g = graph.segments();
  const std::size_t n = boost::num_vertices(g);
  // Only what the sources reach: an edge out of an unreachable cycle must not count as a
  // second way in (Boost's Lengauer–Tarjan assumes every predecessor is reachable).
  std::vector<bool> reached(n, false);
  std::vector<std::size_t> stack;
  for (std::size_t v = 0; v < n; ++v)
    if (boost::in_degree(v, g) == 0) reached[v] = true, stack.push_back(v);
  while (!stack.empty()) {
    const std::size_t v = stack.back();
    stack.pop_back();
    for (auto e : boost::make_iterator_range(boost::out_edges(v, g)))
      if (!reached[boost::target(e, g)]) reached[boost::target(e, g)] = true, stack.push_back(boost::target(e, g));
  }
  Flow flow(n + 1);
  const std::size_t root = n;
  for (auto e : boost::make_iterator_range(boost::edges(g)))
    if (reached[boost::source(e, g)]) boost::add_edge(boost::source(e, g), boost::target(e, g), flow);
  for (std::size_t v = 0; v < n; ++v)
    if (boost::in_degree(v, g) == 0) boost::add_edge(root, v, flow);

  std::vector<Flow::vertex_descriptor> idom(n + 1, boost::graph_traits<Flow>::null_vertex());
  boost::lengauer_tarjan_dominator_tree(
      flow, root, boost::make_iterator_property_map(idom.begin(), boost::get(boost::vertex_index, flow)));

  std::set<std::string> out;
  for (std::size_t t = 0; t < n; ++t) {
    if (!graph.is_terminal(t) || !reached[t]) continue;
    // A terminal no source reaches (inside a closed cycle) has no source-to-terminal path.
    for (auto d = idom[t]; d != boost::graph_traits<Flow>::null_vertex() && d != root; d = idom[d])
      out.insert(g[d].id);
  }
  return {out.begin(), out.end()};
}

std::vector<std::string> supply_articulation_points(const ChainGraph& graph) {
  const SupplyGraph& s = graph.supply();
  // Parallel and reverse relations are one undirected edge: sort and drop repeats (a set of
  // pairs cost a node allocation per relation on networks of millions).
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  pairs.reserve(boost::num_edges(s));
  for (auto e : boost::make_iterator_range(boost::edges(s))) {
    std::size_t a = boost::source(e, s), b = boost::target(e, s);
    if (a == b) continue;
    if (a > b) std::swap(a, b);
    pairs.emplace_back(a, b);
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  Undirected u(pairs.begin(), pairs.end(), boost::num_vertices(s));
  std::vector<Undirected::vertex_descriptor> cut;
  boost::articulation_points(u, std::back_inserter(cut));
  std::vector<std::string> out;
  out.reserve(cut.size());
  for (auto v : cut) out.push_back(s[v].enterprise->id);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<SingleSource> single_sources(const ChainGraph& graph) {
  const SupplyGraph& s = graph.supply();
  // (customer vertex, segment, supplier vertex), sorted: a run with one distinct supplier
  // is a single source. Integers and views, no string copies per relation.
  struct Rel {
    std::size_t customer;
    std::uint32_t segment;
    std::size_t supplier;
    auto operator<=>(const Rel&) const = default;
  };
  std::vector<Rel> rels;
  rels.reserve(boost::num_edges(s));
  for (auto e : boost::make_iterator_range(boost::edges(s)))
    rels.push_back({boost::target(e, s), s[e].segment, boost::source(e, s)});
  std::sort(rels.begin(), rels.end());
  std::vector<SingleSource> out;
  for (std::size_t i = 0; i < rels.size();) {
    std::size_t j = i + 1;
    bool one = true;
    while (j < rels.size() && rels[j].customer == rels[i].customer && rels[j].segment == rels[i].segment) {
      one = one && rels[j].supplier == rels[i].supplier;
      ++j;
    }
    if (one)
      out.push_back({s[rels[i].customer].enterprise->id, graph[rels[i].segment].id, s[rels[i].supplier].enterprise->id});
    i = j;
  }
  std::sort(out.begin(), out.end(), [](const SingleSource& a, const SingleSource& b) {
    return std::tie(a.enterprise, a.segment) < std::tie(b.enterprise, b.segment);
  });
  return out;
}

}  // namespace

ChokepointReport find_chokepoints(const ChainGraph& graph) {
  ChokepointReport r{segment_dominators(graph), supply_articulation_points(graph), single_sources(graph), {}};
  name_graph(r.names, graph);
  std::vector<std::string> firms = r.enterprises;
  for (const SingleSource& x : r.single_sources) firms.push_back(x.enterprise), firms.push_back(x.supplier);
  name_firms(r.names, graph, firms);
  return r;
}

void add_local_status(ChokepointReport& r, const GapReport& gaps) {
  r.scope = gaps.scope;
  // One map, not a scan per chokepoint: on a path every segment is one (100k deep).
  std::unordered_map<std::string_view, SegmentStatus> status;
  for (const SegmentGap& g : gaps.segments) status.emplace(g.segment, g.status);
  for (const ParentState& p : gaps.parents) status.emplace(p.segment, p.status);
  r.segment_status.clear();
  for (const std::string& id : r.segments) {
    const auto it = status.find(id);
    r.segment_status.push_back(it == status.end() ? SegmentStatus::missing : it->second);
  }
}

}  // namespace chainlens
