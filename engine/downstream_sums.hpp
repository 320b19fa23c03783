// engine/downstream_sums.hpp: per vertex, the sum of a weight over the vertex and everything
// reachable from it, without one search per vertex (issue 18, item 15): linear on chains in depth and breadth.
#pragma once
#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>
#include <cstddef>
#include <vector>

namespace chainlens {

/// Σ weight[u] over u = v and every u reachable from v along `successors`, for every v.
/// The same set as one breadth-first search per vertex; doubles may differ from a search's
/// left-to-right sum in the last bits (other order of the same terms). No recursion:
///  1. Strongly connected components (Boost's DFS keeps its own stack): members reach the same set.
///  2. On the condensation, in reverse topological order, a component with one child (a chain in
///     depth) adds that child's closure: everything below is reached through it, once. A component
///     whose children each have it as their only parent and are such trees themselves sums them.
///  3. Any other component searches below, stopping at tree components (their closure is whole and
///     reached only through them) and at components with no nonzero weight below.
template <class T>
std::vector<T> downstream_sums(const std::vector<std::vector<std::size_t>>& successors, const std::vector<T>& weight) {
  const std::size_t n = successors.size();
  if (n == 0) return {};
  boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS> g(n);
  for (std::size_t v = 0; v < n; ++v)
    for (std::size_t w : successors[v]) boost::add_edge(v, w, g);
  std::vector<int> comp(n);
  const auto k = static_cast<std::size_t>(
      boost::strong_components(g, boost::make_iterator_property_map(comp.begin(), boost::get(boost::vertex_index, g))));
  std::vector<T> own(k, T{});
  std::vector<char> nonzero(k, 0);
  for (std::size_t v = 0; v < n; ++v) {
    const auto c = static_cast<std::size_t>(comp[v]);
    own[c] += weight[v];
    if (weight[v] != T{}) nonzero[c] = 1;
  }
  std::vector<std::vector<std::size_t>> children(k);
  for (std::size_t v = 0; v < n; ++v)
    for (std::size_t w : successors[v])
      if (comp[v] != comp[w]) children[static_cast<std::size_t>(comp[v])].push_back(static_cast<std::size_t>(comp[w]));
  std::vector<std::size_t> parents(k, 0);
  for (auto& list : children) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());  // parallel edges: one parent
    for (std::size_t d : list) ++parents[d];
  }
  // Kahn's order on the condensation (acyclic by construction).
  std::vector<std::size_t> order, pending(parents);
  order.reserve(k);
  for (std::size_t c = 0; c < k; ++c)
    if (pending[c] == 0) order.push_back(c);
  for (std::size_t i = 0; i < order.size(); ++i)
    for (std::size_t d : children[order[i]])
      if (--pending[d] == 0) order.push_back(d);
  std::vector<T> closure(k, T{});
  std::vector<char> tree(k, 0), weighted_below(k, 0);
  std::vector<std::size_t> stamp(k, static_cast<std::size_t>(-1)), queue;
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    const std::size_t c = *it;
    bool is_tree = true;
    char below = nonzero[c];
    for (std::size_t d : children[c]) {
      if (parents[d] != 1 || !tree[d]) is_tree = false;
      below |= weighted_below[d];
    }
    tree[c] = is_tree;
    weighted_below[c] = below;
    T total = own[c];
    if (children[c].size() == 1) {
      total += closure[children[c].front()];
    } else if (is_tree) {
      for (std::size_t d : children[c]) total += closure[d];
    } else {
      queue.assign(1, c);
      stamp[c] = c;
      for (std::size_t i = 0; i < queue.size(); ++i)
        for (std::size_t d : children[queue[i]]) {
          if (stamp[d] == c || !weighted_below[d]) continue;
          stamp[d] = c;
          if (tree[d]) {
            total += closure[d];  // everything below d is reached through d only
          } else {
            total += own[d];
            queue.push_back(d);
          }
        }
    }
    closure[c] = total;
  }
  std::vector<T> out(n);
  for (std::size_t v = 0; v < n; ++v) out[v] = closure[static_cast<std::size_t>(comp[v])];
  return out;
}

}  // namespace chainlens
