// engine/workspace_model.cpp: builds the workspace graph (shares resolved, types inferred
// for untyped segments), factorises I - A once, and answers the v2 demand questions.
#include "engine/workspace_model.hpp"

#include <Eigen/SparseCore>
#include <Eigen/SparseLU>
#include <deque>
#include <stdexcept>
#include <unordered_set>

#include "engine/downstream_sums.hpp"

namespace chainlens {

struct WorkspaceModel::Solver {
  Eigen::SparseLU<Eigen::SparseMatrix<double>, Eigen::COLAMDOrdering<int>> lu;
};

WorkspaceModel::~WorkspaceModel() = default;

WorkspaceModel::WorkspaceModel(const Workspace& ws) : ws_(&ws), solver_(std::make_unique<Solver>()) {
  std::unordered_set<std::string> parents;
  for (const Chain& c : ws.chains)
    for (const Segment& s : c.segments)
      if (!s.parent.empty()) parents.insert(s.parent);
  for (const Chain& c : ws.chains)
    for (const Segment& s : c.segments) {
      if (parents.contains(s.id) || index_.contains(s.id)) continue;
      WorkspaceSegment w;
      w.segment = &s;
      w.owner = &c;
      w.phi = s.input_intensity.value_or(0.6);
      index_.emplace(s.id, segments_.size());
      segments_.push_back(w);
    }
  const std::size_t n = segments_.size();
  in_.assign(n, {});
  out_.assign(n, {});
  for (std::size_t j = 0; j < n; ++j) {
    const Segment& seg = *segments_[j].segment;
    double given = 0;
    int unspecified = 0;
    std::unordered_set<std::string> seen;
    const std::size_t first = edges_.size();
    for (const SegmentInput& in : seg.inputs) {
      if (!seen.insert(in.from).second) continue;
      auto it = index_.find(in.from);
      if (it == index_.end()) throw std::logic_error("workspace_model: unvalidated input " + in.from);
      edges_.push_back({it->second, j, in.share.value_or(-1)});
      if (in.share) given += *in.share;
      else ++unspecified;
    }
    // metrics.md: given shares are kept; the rest of 1 is split equally among the others.
    const double rest = unspecified ? std::max(0.0, 1.0 - given) / unspecified : 0;
    for (std::size_t e = first; e < edges_.size(); ++e)
      if (edges_[e].share < 0) edges_[e].share = rest;
    for (std::size_t e = first; e < edges_.size(); ++e) {
      in_[j].push_back(e);
      out_[edges_[e].from].push_back(e);
    }
  }
  // metrics.md v2, untyped: no outgoing edge to a non-service segment makes a product.
  for (std::size_t v = 0; v < n; ++v) {
    WorkspaceSegment& w = segments_[v];
    if (w.segment->type) {
      w.type = *w.segment->type;
      continue;
    }
    w.type_inferred = true;
    bool feeds_non_service = false;
    for (std::size_t e : out_[v]) {
      const WorkspaceSegment& to = segments_[edges_[e].to];
      if (!(to.segment->type && *to.segment->type == SegmentType::service)) feeds_non_service = true;
    }
    w.type = feeds_non_service ? SegmentType::component : SegmentType::product;
  }
  // Why a sparse LU: I - A is strictly diagonally dominant by columns (column j of A sums to
  // phi_j < 1), so LU is stable and exact to rounding whatever phi is; COLAMD keeps fill small.
  std::vector<Eigen::Triplet<double>> entries;
  entries.reserve(n + edges_.size());
  for (std::size_t i = 0; i < n; ++i) entries.emplace_back(int(i), int(i), 1.0);
  for (const WorkspaceEdge& e : edges_) entries.emplace_back(int(e.from), int(e.to), -segments_[e.to].phi * e.share);
  const int size = static_cast<int>(n);
  Eigen::SparseMatrix<double> m(size, size);
  m.setFromTriplets(entries.begin(), entries.end());  // sums duplicates (a self-loop on the diagonal)
  m.makeCompressed();
  if (n > 0) {
    solver_->lu.compute(m);
    if (solver_->lu.info() != Eigen::Success)
      throw std::logic_error("workspace_model: I - A is singular: " + solver_->lu.lastErrorMessage());
  }
  memberships_ = index_memberships(*this);
}

std::optional<std::size_t> WorkspaceModel::find(std::string_view id) const {
  auto it = index_.find(id);
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

std::vector<double> WorkspaceModel::solve(const std::vector<double>& y) const {
  if (y.size() != size()) throw std::invalid_argument("workspace_model: y of the wrong size");
  if (y.empty()) return {};
  Eigen::Map<const Eigen::VectorXd> rhs(y.data(), Eigen::Index(y.size()));
  const Eigen::VectorXd x = solver_->lu.solve(rhs);
  if (solver_->lu.info() != Eigen::Success) throw std::logic_error("workspace_model: solve failed");
  return std::vector<double>(x.data(), x.data() + x.size());
}

std::vector<double> WorkspaceModel::chain_demand(const Chain& chain, bool* fallback) const {
  std::vector<double> y(size(), 0.0);
  double sum = 0;
  for (std::size_t v = 0; v < size(); ++v) {
    const WorkspaceSegment& w = segments_[v];
    if (w.owner != &chain) continue;
    if (w.segment->final_demand) y[v] = *w.segment->final_demand;
    else if (w.type == SegmentType::product) y[v] = 1;
    sum += y[v];
  }
  if (fallback) *fallback = sum <= 0;
  if (sum <= 0) {
    // No product and no declared demand: equal y on the chain's end segments that are not services.
    for (std::size_t v = 0; v < size(); ++v) {
      const WorkspaceSegment& w = segments_[v];
      if (w.owner == &chain && out_[v].empty() && w.type != SegmentType::service) y[v] = 1, sum += 1;
    }
  }
  if (sum > 0)
    for (double& d : y) d /= sum;
  return y;
}

std::vector<double> WorkspaceModel::workspace_demand() const {
  std::vector<double> y(size(), 0.0);
  double sum = 0;
  for (const Chain& c : ws_->chains) {
    const std::vector<double> yc = chain_demand(c);
    for (std::size_t v = 0; v < size(); ++v) y[v] += yc[v], sum += yc[v];
  }
  if (sum > 0)
    for (double& d : y) d /= sum;
  return y;
}

std::vector<double> WorkspaceModel::dependence(const std::vector<double>& y) const {
  std::size_t with_demand = 0;
  for (double v : y) with_demand += v != 0;
  // Why two ways: one reverse search per segment with demand costs at most that many passes
  // over the graph, cheap when few segments carry demand (and the figures stay those of every
  // earlier release); when many do (a deep chain with final_demand everywhere: 100k passes)
  // the condensation sums of downstream_sums take over.
  constexpr std::size_t kSearchBudget = std::size_t{1} << 24;
  if (with_demand * (size() + edges_.size()) > kSearchBudget) {
    std::vector<std::vector<std::size_t>> successors(size());
    for (const WorkspaceEdge& e : edges_) successors[e.from].push_back(e.to);
    return downstream_sums(successors, y);
  }
  std::vector<double> d(size(), 0.0);
  std::vector<std::size_t> mark(size(), static_cast<std::size_t>(-1));
  std::vector<std::size_t> queue;
  for (std::size_t j = 0; j < size(); ++j) {
    if (y[j] == 0) continue;
    // Upstream of j, j included: every such i has j on or downstream of it.
    queue.assign(1, j);
    mark[j] = j;
    for (std::size_t head = 0; head < queue.size(); ++head) {
      const std::size_t u = queue[head];
      d[u] += y[j];
      for (std::size_t e : in_[u]) {
        const std::size_t w = edges_[e].from;
        if (mark[w] != j) mark[w] = j, queue.push_back(w);
      }
    }
  }
  return d;
}

std::vector<bool> WorkspaceModel::flagged_downstream(const std::vector<bool>& present) const {
  // Multi-source search against the edges: w is marked when a path of length >= 1 leads
  // from w to a flagged segment.
  std::vector<bool> marked(size(), false);
  std::deque<std::size_t> queue;
  for (std::size_t v = 0; v < size(); ++v)
    if (present[v]) queue.push_back(v);
  while (!queue.empty()) {
    const std::size_t u = queue.front();
    queue.pop_front();
    for (std::size_t e : in_[u]) {
      const std::size_t w = edges_[e].from;
      if (!marked[w]) marked[w] = true, queue.push_back(w);
    }
  }
  return marked;
}

}  // namespace chainlens
