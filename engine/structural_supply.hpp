// engine/structural_supply.hpp: structural local supply ratio (SLSR, presence-based
// regional purchase coefficient) per segment and per chain, and leakage (metrics.md).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "engine/segment_status.hpp"

namespace chainlens {

class ChainGraph;

struct SegmentSlsr {
  std::string segment;
  std::optional<double> slsr;     // sum of s_ij over present inputs i; empty: no inputs
  std::optional<double> demand;   // the workspace's declared demand (sum of rows); empty: none
  std::optional<double> leakage;  // demand * (1 - slsr), in demand's unit; empty unless both exist
};

struct StructuralSupply {
  std::vector<SegmentSlsr> segments;  // vertex order
  std::optional<double> chain;        // x-weighted mean over segments with inputs; empty: none
};

/// SLSR_R(j) per vertex, empty for a vertex without inputs (status gives presence in R).
std::vector<std::optional<double>> segment_slsr(const ChainGraph& graph, const StatusReport& status);

/// SLSR_R(chain) = sum_j x_j SLSR_R(j) / sum_j x_j over segments with inputs; empty when no
/// segment has inputs or their x sum to 0.
std::optional<double> chain_slsr(const std::vector<std::optional<double>>& slsr, const std::vector<double>& x);

/// Everything above for a scope, x = L y^R.
StructuralSupply structural_supply(const ChainGraph& graph, const Scope& scope);

}  // namespace chainlens
