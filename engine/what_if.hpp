// engine/what_if.hpp: what changes when a candidate becomes a local operating enterprise,
// or an enterprise leaves (metrics.md "What-if"): every analysis before, after, difference.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "engine/chokepoints.hpp"
#include "engine/gaps.hpp"
#include "engine/local_supply.hpp"

namespace chainlens {

class ChainGraph;

struct WhatIfChange {
  enum class Kind { add, remove };
  Kind kind = Kind::add;
  std::string enterprise;  // an enterprise id of the workspace
};

/// One side of the comparison.
struct WhatIfState {
  GapReport gaps;
  ChokepointReport chokepoints;
  LocalSupplyReport supply;
};

struct WhatIfReport {
  std::vector<WhatIfChange> changes;
  WhatIfState before, after;
  std::vector<std::string> changed_segments;    // status or gap score differs, sorted
  std::vector<std::string> changed_enterprises; // LSR (value or count) differs, sorted
  ReportNames names;                            // the changed enterprises (before and after name the rest)
  /// The edited copy of the workspace: rows of `after` view its ids.
  std::shared_ptr<const Workspace> edited;
};

/// `add` places the enterprise in the scope (its location becomes the scope) with status
/// operating; `remove` closes it, so every analysis ignores it. Throws std::invalid_argument
/// naming an id that is not an enterprise of the workspace.
WhatIfReport what_if(const ChainGraph& graph, const Scope& scope, const std::vector<WhatIfChange>& changes);

}  // namespace chainlens
