// engine/chokepoints.hpp: where the chain hangs on one link or one firm (metrics.md
// "Chokepoints"): segment dominators, supply-network articulation points, single sources.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "engine/gaps.hpp"
#include "engine/report_names.hpp"

namespace chainlens {

class ChainGraph;

/// e buys its input segment k from exactly one enterprise. The ids view the graph's
/// workspace (which outlives every report on it): a city-wide network has hundreds of
/// thousands of these rows, and copying three strings per row was most of their cost.
struct SingleSource {
  std::string_view enterprise, segment, supplier;
};

struct ChokepointReport {
  /// Strict dominators of every terminal segment from a virtual root feeding every source
  /// segment (Lengauer–Tarjan), united; every source-to-terminal path passes them. Sorted.
  std::vector<std::string> segments;
  /// Articulation points of the undirected enterprise supply network. Sorted.
  std::vector<std::string> enterprises;
  /// Sorted by enterprise, then segment.
  std::vector<SingleSource> single_sources;
  /// The chain, its segments and every enterprise above.
  ReportNames names;
  /// With a scope (local_status): each must-pass segment's status there, in `segments`
  /// order, and the scope. A must-pass link the region lacks is the first thing to fill.
  std::vector<SegmentStatus> segment_status;
  Scope scope;
  /// Rows there were before a row cap (ChokepointOptions::max_rows).
  std::size_t enterprises_total = 0, single_sources_total = 0;
};

struct ChokepointOptions {
  /// `analyze`'s row cap: the first this many articulation firms and single sources (in
  /// report order) are kept and named; the rest are only counted.
  std::size_t max_rows = static_cast<std::size_t>(-1);
};

/// Pure; scope-free: chokepoints are properties of the chain's structure and its
/// recorded supply relations (closed enterprises are not in the graph).
ChokepointReport find_chokepoints(const ChainGraph& graph, const ChokepointOptions& options = {});

/// Adds each must-pass segment's status in the scope of `gaps` (find_gaps on the same graph).
void add_local_status(ChokepointReport& r, const GapReport& gaps);

}  // namespace chainlens
