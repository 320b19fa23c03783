// engine/importance.hpp: the Leontief model of a chain (x = A x + y, a_ij = phi_j s_ij),
// the v2 importance factors on the workspace model, and downstream reach (metrics.md "Importance").
#pragma once
#include <cstddef>
#include <vector>

#include "engine/segment_status.hpp"
#include "models/workspace.hpp"

namespace chainlens {

class ChainGraph;

/// Required output x = L y = (I - A)^-1 y, in vertex order; `y` is in vertex order too.
/// Sparse direct solve (no dense inverse); cycles are fine. Throws std::invalid_argument
/// when y has the wrong size.
std::vector<double> total_output(const ChainGraph& graph, const std::vector<double>& y);

/// x_C = L y_C of the workspace model, on the chain graph's vertices (metrics.md v2).
std::vector<double> chain_output(const ChainGraph& graph);

/// x_i / max_k x_k, each in [0, 1]; all zeros when every x is 0.
std::vector<double> normalized_importance(const std::vector<double>& x);

/// The four importance factors of metrics.md v2, each in [0, 1].
struct ImportanceFactors {
  double value = 0, dependence = 0, plan = 0, import = 0;
};

class WorkspaceModel;

/// Factors and importance of the workspace segments `vertices` for final demand `y` (over
/// the whole workspace model): V = x_i / max over `vertices`, D = Σ y downstream of i,
/// P from declared gaps and the enterprises of `listed` (target lists), K from operating
/// enterprises under `root` and import/technology gaps. Pure and scope-free but for `root`.
struct FactorTable {
  std::vector<double> x;                    // per entry of `vertices`
  std::vector<ImportanceFactors> factors;   // per entry of `vertices`
  std::vector<double> importance;           // Σ weight · factor / Σ weight
};
FactorTable importance_factors(const WorkspaceModel& model, const std::vector<std::size_t>& vertices,
                               const std::vector<double>& y, const std::vector<std::string>& listed,
                               const Scope& root, const ImportanceWeights& weights);

/// The chain's factors over its graph (own leaves and joined inputs), y = y_C; the same at
/// every scope with the same root.
FactorTable chain_importance(const ChainGraph& graph, const Scope& scope, const ImportanceWeights& weights);

/// Per vertex: how many other segments are reachable downstream (breadth-first search).
std::vector<int> downstream_reach(const ChainGraph& graph);

}  // namespace chainlens
