// engine/importance.hpp: the Leontief model of a chain (x = A x + y, a_ij = phi_j s_ij),
// local final demand y^R, importance and downstream reach (metrics.md "Importance").
#pragma once
#include <vector>

#include "engine/segment_status.hpp"

namespace chainlens {

class ChainGraph;

/// Required output x = L y = (I - A)^-1 y, in vertex order; `y` is in vertex order too.
/// Sparse direct solve (no dense inverse); cycles are fine. Throws std::invalid_argument
/// when y has the wrong size.
std::vector<double> total_output(const ChainGraph& graph, const std::vector<double>& y);

/// y^R_j = y_j where j is present in the report's scope, else 0; when every y^R_j is 0,
/// y^R = y and `fallback` (if given) is set to true.
std::vector<double> local_final_demand(const ChainGraph& graph, const StatusReport& status,
                                       bool* fallback = nullptr);

/// x_i / max_k x_k, each in [0, 1]; all zeros when every x is 0.
std::vector<double> normalized_importance(const std::vector<double>& x);

/// Per vertex: how many other segments are reachable downstream (breadth-first search).
std::vector<int> downstream_reach(const ChainGraph& graph);

/// Per vertex: true when some present segment other than itself lies downstream.
std::vector<bool> present_downstream(const ChainGraph& graph, const StatusReport& status);

}  // namespace chainlens
