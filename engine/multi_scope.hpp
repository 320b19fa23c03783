// engine/multi_scope.hpp: the gap analysis for every prefix of a scope in one run
// (西海岸新区 → 青岛 → 山东 → 中国); missing at the root scope means import-dependent.
#pragma once
#include <string>
#include <vector>

#include "engine/gaps.hpp"

namespace chainlens {

struct MultiScopeReport {
  std::string chain;
  std::vector<GapReport> scopes;             // one per prefix, narrowest first, root last
  std::vector<std::string> import_dependent;  // missing at the root scope, vertex order
};

/// find_gaps for each prefix of `scope` (narrowest first); every report flags
/// SegmentGap::import_dependent on the segments missing at the root prefix.
/// An empty scope gives one report, for the empty scope itself.
MultiScopeReport find_gaps_all_scopes(const ChainGraph& graph, const Scope& scope);

}  // namespace chainlens
