// engine/workspace_model.hpp: the one Leontief model of a whole workspace (metrics.md v2
// "the workspace model"): every leaf segment of every chain, A factorised once, x_C = L y_C.
#pragma once
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/memberships.hpp"
#include "models/text_hash.hpp"
#include "models/workspace.hpp"

namespace chainlens {

struct WorkspaceSegment {
  const Segment* segment = nullptr;
  const Chain* owner = nullptr;
  SegmentType type = SegmentType::component;  // declared, else by the untyped rule
  bool type_inferred = false;
  double phi = 0.6;                           // input intensity, v2 default applied
};

/// One input edge i -> j of the workspace graph with its resolved share s_ij.
struct WorkspaceEdge {
  std::size_t from = 0, to = 0;
  double share = 0;
};

/// Immutable once built; shared by every chain graph of the same workspace.
class WorkspaceModel {
 public:
  explicit WorkspaceModel(const Workspace& ws);
  ~WorkspaceModel();
  WorkspaceModel(const WorkspaceModel&) = delete;
  WorkspaceModel& operator=(const WorkspaceModel&) = delete;

  const Workspace& workspace() const noexcept { return *ws_; }
  std::size_t size() const noexcept { return segments_.size(); }
  const WorkspaceSegment& operator[](std::size_t v) const { return segments_[v]; }
  std::optional<std::size_t> find(std::string_view id) const;
  /// Inputs of j (edges into j) and customers of i (edges out of i), as edge indices.
  const std::vector<std::size_t>& in_edges(std::size_t j) const { return in_[j]; }
  const std::vector<std::size_t>& out_edges(std::size_t i) const { return out_[i]; }
  const WorkspaceEdge& edge(std::size_t e) const { return edges_[e]; }
  /// Each enterprise's segments as indices of this model (built with the model).
  const Memberships& memberships() const noexcept { return memberships_; }

  /// x = (I - A)^-1 y over every workspace segment (sparse LU, factorised once).
  std::vector<double> solve(const std::vector<double>& y) const;
  /// y_C over the workspace segments, summing to 1 (metrics.md v2 "final demand");
  /// `fallback` is set when the chain has no product and no declared final demand.
  std::vector<double> chain_demand(const Chain& chain, bool* fallback = nullptr) const;
  /// Σ_C y_C over the chains, scaled to sum to 1: the workspace view.
  std::vector<double> workspace_demand() const;
  /// D per segment: Σ y_j over j = i and every segment downstream of i (a reverse search
  /// from each segment with demand when few have it, else downstream_sums: near-linear).
  std::vector<double> dependence(const std::vector<double>& y) const;
  /// Per segment: some segment other than itself that is flagged in `present` lies downstream.
  std::vector<bool> flagged_downstream(const std::vector<bool>& present) const;

 private:
  const Workspace* ws_;
  std::vector<WorkspaceSegment> segments_;
  std::unordered_map<std::string, std::size_t, TextHash, std::equal_to<>> index_;
  std::vector<WorkspaceEdge> edges_;
  std::vector<std::vector<std::size_t>> in_, out_;
  struct Solver;
  std::unique_ptr<Solver> solver_;
  Memberships memberships_;
};

}  // namespace chainlens
