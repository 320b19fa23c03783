// engine/chokepoints.cpp: Boost.Graph's lengauer_tarjan_dominator_tree on the segment graph
// plus a virtual root, and articulation_points on the undirected supply network.
#include "engine/chokepoints.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <numeric>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include <boost/graph/biconnected_components.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/dominator_tree.hpp>
#include <tbb/task_group.h>

#include "engine/chain_graph.hpp"

namespace chainlens {

namespace {

using Flow = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;
// The undirected supply network as a CSR graph holding each edge as two arcs. Boost's
// articulation_points runs a depth-first search that skips the arc back to a vertex's DFS
// parent and ignores arcs to finished vertices, so the symmetric graph gives the cut vertices
// of the undirected one, with no vector per vertex (an adjacency_list copy of 5M relations
// was most of this analysis on the largest benchmark).
using Symmetric = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                                     boost::no_property, std::uint32_t, std::uint32_t>;

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

// The symmetric graph's arcs for the CSR constructor, generated vertex by vertex: each
// vertex's distinct neighbours, sorted (parallel and reverse relations are one undirected
// edge; small sorts per vertex, one sort of every relation was slow). The arcs come out
// sorted by source and no list of them is held beside the graph (80 MB on the largest
// benchmark).
class NeighbourArcs {
 public:
  using Arc = std::pair<std::uint32_t, std::uint32_t>;
  explicit NeighbourArcs(const SupplyGraph& s) : s_(s), n_(boost::num_vertices(s)) { fill(); }
  bool done() const noexcept { return a_ >= n_; }
  const Arc& arc() const noexcept { return arc_; }
  void advance() {
    if (++k_ < neighbours_.size()) {
      arc_.second = neighbours_[k_];
      return;
    }
    ++a_;
    fill();
  }

  /// A single-pass input iterator over the arcs (all that the edges_are_sorted constructor reads).
  class Iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = Arc;
    using difference_type = std::ptrdiff_t;
    using pointer = const Arc*;
    using reference = const Arc&;
    Iterator() = default;  // the end
    explicit Iterator(NeighbourArcs& arcs) : arcs_(&arcs) {}
    reference operator*() const { return arcs_->arc(); }
    pointer operator->() const { return &arcs_->arc(); }
    Iterator& operator++() {
      arcs_->advance();
      return *this;
    }
    bool operator==(const Iterator& o) const noexcept { return at_end() == o.at_end(); }
    bool operator!=(const Iterator& o) const noexcept { return !(*this == o); }

   private:
    bool at_end() const noexcept { return !arcs_ || arcs_->done(); }
    NeighbourArcs* arcs_ = nullptr;
  };

 private:
  // From vertex a_ on, the first with a neighbour: its neighbours and its first arc.
  void fill() {
    for (; a_ < n_; ++a_) {
      neighbours_.clear();
      const auto a = static_cast<SupplyVertexId>(a_);
      for (auto e : boost::make_iterator_range(boost::out_edges(a, s_)))
        if (boost::target(e, s_) != a) neighbours_.push_back(static_cast<std::uint32_t>(boost::target(e, s_)));
      for (auto e : boost::make_iterator_range(boost::in_edges(a, s_)))
        if (boost::source(e, s_) != a) neighbours_.push_back(static_cast<std::uint32_t>(boost::source(e, s_)));
      if (neighbours_.empty()) continue;
      std::sort(neighbours_.begin(), neighbours_.end());
      neighbours_.erase(std::unique(neighbours_.begin(), neighbours_.end()), neighbours_.end());
      k_ = 0;
      arc_ = {static_cast<std::uint32_t>(a_), neighbours_.front()};
      return;
    }
  }
  const SupplyGraph& s_;
  std::size_t n_, a_ = 0, k_ = 0;
  std::vector<std::uint32_t> neighbours_;
  Arc arc_;
};

std::vector<std::string> supply_articulation_points(const ChainGraph& graph) {
  const SupplyGraph& s = graph.supply();
  const std::size_t n = boost::num_vertices(s);
  NeighbourArcs arcs(s);
  // Each relation gives at most two arcs: the column is reserved once (pages untouched past
  // the arcs that come are never faulted in).
  const auto vertices = static_cast<Symmetric::vertices_size_type>(n);
  const auto arcs_at_most = static_cast<Symmetric::edges_size_type>(std::min<std::size_t>(2 * boost::num_edges(s), UINT32_MAX));
  const Symmetric u(boost::edges_are_sorted, NeighbourArcs::Iterator(arcs), NeighbourArcs::Iterator(), vertices, arcs_at_most);
  std::vector<Symmetric::vertex_descriptor> cut;
  boost::articulation_points(u, std::back_inserter(cut));
  std::vector<std::string> out;
  out.reserve(cut.size());
  for (auto v : cut) out.push_back(s[v].enterprise->id.str());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<SingleSource> single_sources(const ChainGraph& graph, std::size_t max_rows, std::size_t& total) {
  const SupplyGraph& s = graph.supply();
  // Rows sort by (enterprise id, segment id). Both are ranked once (the index holds the firms
  // in id order), so a row is two integers and its supplier: customers are read in vertex
  // order (memory order) and only the first max_rows rows kept, in a heap; their strings are
  // views made last. The largest benchmark has 1.6 million single sources.
  std::vector<std::uint32_t> segment_by_id(graph.segment_count());
  std::iota(segment_by_id.begin(), segment_by_id.end(), 0u);
  std::sort(segment_by_id.begin(), segment_by_id.end(),
            [&](std::uint32_t a, std::uint32_t b) { return graph[a].id < graph[b].id; });
  std::vector<std::uint32_t> segment_rank(segment_by_id.size());
  for (std::uint32_t k = 0; k < segment_by_id.size(); ++k) segment_rank[segment_by_id[k]] = k;
  const std::vector<std::uint32_t>& by_id = graph.enterprises_by_id();
  std::vector<std::uint32_t> firm_rank(by_id.size());
  for (std::uint32_t k = 0; k < by_id.size(); ++k) firm_rank[by_id[k]] = k;

  struct Row {
    std::uint64_t key;  // firm rank << 32 | segment rank: unique per row
    SupplyVertexId customer, supplier;
    bool operator<(const Row& o) const noexcept { return key < o.key; }
  };
  std::vector<Row> kept;  // a max-heap of the first rows while more than max_rows come
  // Per customer: its in-relations as (segment rank, supplier), sorted; a run with one
  // distinct supplier is a single source.
  struct Rel {
    std::uint32_t segment;
    SupplyVertexId supplier;
    auto operator<=>(const Rel&) const = default;
  };
  std::vector<Rel> rels;
  total = 0;
  for (SupplyVertexId customer = 0; customer < boost::num_vertices(s); ++customer) {
    rels.clear();
    for (auto e : boost::make_iterator_range(boost::in_edges(customer, s)))
      rels.push_back({segment_rank[s[e].segment], boost::source(e, s)});
    std::sort(rels.begin(), rels.end());
    const std::uint64_t firm = firm_rank[graph.position(*s[customer].enterprise)];
    for (std::size_t i = 0; i < rels.size();) {
      std::size_t j = i + 1;
      bool one = true;
      while (j < rels.size() && rels[j].segment == rels[i].segment) {
        one = one && rels[j].supplier == rels[i].supplier;
        ++j;
      }
      if (one) {
        ++total;
        const Row row{firm << 32 | rels[i].segment, customer, rels[i].supplier};
        if (kept.size() < max_rows) {
          kept.push_back(row);
          std::push_heap(kept.begin(), kept.end());
        } else if (!kept.empty() && row < kept.front()) {
          std::pop_heap(kept.begin(), kept.end());
          kept.back() = row;
          std::push_heap(kept.begin(), kept.end());
        }
      }
      i = j;
    }
  }
  std::sort_heap(kept.begin(), kept.end());
  std::vector<SingleSource> found;
  found.reserve(kept.size());
  for (const Row& row : kept)
    found.push_back({s[row.customer].enterprise->id, graph[segment_by_id[row.key & 0xffffffffu]].id,
                     s[row.supplier].enterprise->id});
  return found;
}

}  // namespace

ChokepointReport find_chokepoints(const ChainGraph& graph, const ChokepointOptions& options) {
  ChokepointReport r;
  r.segments = segment_dominators(graph);
  // The single sources and the articulation points read the network and nothing of each
  // other: side by side (on the largest benchmark a quarter and nearly a second).
  tbb::task_group parts;
  parts.run([&] { r.single_sources = single_sources(graph, options.max_rows, r.single_sources_total); });
  parts.run_and_wait([&] { r.enterprises = supply_articulation_points(graph); });
  r.enterprises_total = r.enterprises.size();
  if (r.enterprises.size() > options.max_rows) r.enterprises.resize(options.max_rows);
  name_graph(r.names, graph);
  // Firms are named when a writer prints them (a JSON report prints ids only).
  name_firms_from(r.names, graph);
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
