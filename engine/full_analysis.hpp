// engine/full_analysis.hpp: every analysis of one chain in one call (gaps, chokepoints,
// local supply, targets), the independent ones run side by side on the read-only graph.
#pragma once
#include <cstddef>
#include <vector>

#include "engine/candidate_score.hpp"
#include "engine/chokepoints.hpp"
#include "engine/gaps.hpp"
#include "engine/local_supply.hpp"
#include "engine/targets.hpp"

namespace chainlens {

struct FullAnalysisOptions {
  ScoreWeights weights;
  /// Row cap of the long tables (chokepoints and local supply build only this many rows).
  std::size_t max_rows = static_cast<std::size_t>(-1);
  /// Rank every target whatever the cap (a portfolio picks from all of them).
  bool every_target = false;
};

struct FullAnalysis {
  GapReport gaps;  // with `chokepoints` filled from the chokepoint report
  ChokepointReport chokepoints;
  LocalSupplyReport supply;
  ScoringModel model;
  TargetsReport targets;
};

/// The same reports as calling each analysis in turn: each is a pure function of the
/// graph, so running them on two threads changes no byte of any of them. A graph built with
/// ChainGraph::NetworkBuild::later gets its supply network here, beside the gap analysis.
FullAnalysis analyze_chain(ChainGraph& graph, const Scope& scope, const FullAnalysisOptions& options);

}  // namespace chainlens
