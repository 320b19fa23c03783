// engine/importance.cpp: solves the Leontief system (I - A) x = y on the segment graph and
// derives importance and downstream reach (metrics.md "Importance of a segment").
#include "engine/importance.hpp"

#include <Eigen/SparseCore>
#include <Eigen/SparseLU>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>

#include "engine/chain_graph.hpp"
#include "engine/declared_gaps.hpp"
#include "engine/downstream_sums.hpp"
#include "engine/workspace_model.hpp"
#include "models/text_hash.hpp"

#include <unordered_set>

namespace chainlens {

std::vector<double> total_output(const ChainGraph& graph, const std::vector<double>& y) {
  const SegmentGraph& g = graph.segments();
  const std::size_t n = boost::num_vertices(g);
  if (y.size() != n)
    throw std::invalid_argument("total_output: y has " + std::to_string(y.size()) + " entries for " +
                                std::to_string(n) + " segments");
  if (n == 0) return {};
  // Why a sparse LU and not an iteration: I - A is strictly diagonally dominant by columns
  // (column j of A sums to phi_j * sum_i s_ij <= phi_j < 1), so it is nonsingular and LU with
  // partial pivoting is stable; a direct solve is exact to rounding whatever phi is, while
  // Jacobi/Gauss-Seidel would need ~log(tol)/log(max phi) sweeps, thousands when phi ~ 0.99.
  // SparseLU (COLAMD ordering) keeps fill-in small on chain graphs of thousands of segments.
  std::vector<Eigen::Triplet<double>> entries;
  entries.reserve(n + boost::num_edges(g));
  for (std::size_t i = 0; i < n; ++i) entries.emplace_back(int(i), int(i), 1.0);
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    const auto i = boost::source(e, g), j = boost::target(e, g);
    entries.emplace_back(int(i), int(j), -g[j].phi * g[e].share);  // a_ij = phi_j s_ij
  }
  const int size = static_cast<int>(n);
  Eigen::SparseMatrix<double> m(size, size);
  m.setFromTriplets(entries.begin(), entries.end());  // sums duplicates (a self-loop on the diagonal)
  m.makeCompressed();
  Eigen::SparseLU<Eigen::SparseMatrix<double>, Eigen::COLAMDOrdering<int>> lu;
  lu.compute(m);
  if (lu.info() != Eigen::Success) throw std::logic_error("total_output: I - A is singular: " + lu.lastErrorMessage());
  Eigen::Map<const Eigen::VectorXd> rhs(y.data(), Eigen::Index(n));
  const Eigen::VectorXd x = lu.solve(rhs);
  if (lu.info() != Eigen::Success) throw std::logic_error("total_output: solve failed");
  return std::vector<double>(x.data(), x.data() + n);
}

std::vector<double> chain_output(const ChainGraph& graph) {
  const WorkspaceModel& model = graph.model();
  const std::vector<double> x = model.solve(model.chain_demand(graph.chain()));
  std::vector<double> out(graph.segment_count());
  for (SegmentVertexId v = 0; v < graph.segment_count(); ++v) out[v] = x[graph[v].ws];
  return out;
}

FactorTable importance_factors(const WorkspaceModel& model, const std::vector<std::size_t>& vertices,
                               const std::vector<double>& y, const std::vector<std::string>& listed,
                               const Scope& root, const ImportanceWeights& w) {
  const Workspace& ws = model.workspace();
  FactorTable t;
  const std::vector<double> x_all = model.solve(y);
  const std::vector<double> d_all = model.dependence(y);
  const auto declared = declared_gap_flags(ws);
  // P's 0.5: a firm of the target lists operates in the segment.
  std::vector<bool> listed_in(model.size(), false);
  const TextSet listed_ids(listed.begin(), listed.end());
  // K: some operating enterprise that counts in the segment is located under the root.
  std::vector<bool> domestic(model.size(), false);
  // Each enterprise's segments come from the model's membership columns (integers), not a
  // lookup of every segment id: a million firms on the largest benchmark.
  const std::vector<Enterprise>& all = ws.enterprises;
  const Memberships& links = model.memberships();
  if (!links.fits(all.size())) throw std::logic_error("importance_factors: the model was built before enterprises were added");
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (!links.open[i]) continue;
    const Enterprise& e = all[i];
    const bool on_list = !listed_ids.empty() && listed_ids.contains(e.id);
    const bool home = e.status == EnterpriseStatus::operating && e.location.within(root);
    if (!on_list && !home) continue;
    for (const std::uint32_t link : links.of(i)) {
      if (!Memberships::present(link)) continue;
      const std::size_t v = Memberships::segment(link);
      if (on_list) listed_in[v] = true;
      if (home && counts_in(e.kind, model[v].type)) domestic[v] = true;
    }
  }
  double top = 0;
  for (std::size_t v : vertices) top = std::max(top, x_all[v]);
  const double total = w.value + w.dependence + w.plan + w.import;
  for (std::size_t v : vertices) {
    ImportanceFactors f;
    f.value = top > 0 ? x_all[v] / top : 0;
    f.dependence = std::min(1.0, d_all[v]);
    const auto d = declared.find(model[v].segment->id);
    f.plan = d != declared.end() ? 1.0 : listed_in[v] ? 0.5 : 0.0;
    const bool service = model[v].type == SegmentType::service;
    f.import = ((!service && !domestic[v]) || (d != declared.end() && d->second.import)) ? 1.0 : 0.0;
    t.x.push_back(x_all[v]);
    t.factors.push_back(f);
    t.importance.push_back(total > 0 ? (w.value * f.value + w.dependence * f.dependence + w.plan * f.plan +
                                        w.import * f.import) / total
                                     : 0.0);
  }
  return t;
}

FactorTable chain_importance(const ChainGraph& graph, const Scope& scope, const ImportanceWeights& weights) {
  std::vector<std::size_t> vertices;
  for (SegmentVertexId v = 0; v < graph.segment_count(); ++v) vertices.push_back(graph[v].ws);
  const WorkspaceModel& model = graph.model();
  std::vector<std::string> listed;
  for (const TargetList& t : graph.chain().target_lists) listed.insert(listed.end(), t.enterprises.begin(), t.enterprises.end());
  const Scope root = scope.prefix(1);
  return importance_factors(model, vertices, model.chain_demand(graph.chain()), listed, root, weights);
}

std::vector<double> normalized_importance(const std::vector<double>& x) {
  double top = 0;
  for (double v : x) top = std::max(top, v);
  std::vector<double> out(x.size(), 0.0);
  if (top <= 0) return out;
  for (std::size_t i = 0; i < x.size(); ++i) out[i] = x[i] / top;
  return out;
}

// Downstream reach in near-linear time (issue 18, item 15), the same counts as one
// breadth-first search per vertex: |vertices reachable from v, v included| - 1, each vertex
// weighing 1 in downstream_sums (condensation, out-tree shortcut; linear in depth and breadth).
std::vector<int> downstream_reach(const ChainGraph& graph) {
  const SegmentGraph& g = graph.segments();
  const std::size_t n = boost::num_vertices(g);
  std::vector<std::vector<std::size_t>> successors(n);
  for (auto e : boost::make_iterator_range(boost::edges(g))) successors[boost::source(e, g)].push_back(boost::target(e, g));
  const std::vector<std::int64_t> sums = downstream_sums(successors, std::vector<std::int64_t>(n, 1));
  std::vector<int> reach(n);
  for (std::size_t v = 0; v < n; ++v) reach[v] = static_cast<int>(sums[v] - 1);
  return reach;
}

}  // namespace chainlens
