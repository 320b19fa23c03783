// engine/chain_report.hpp: every analysis a chain team's report shows, run once on one
// graph and scope, so the report's tables and diagrams never disagree.
#pragma once
#include <map>
#include <string>

#include "engine/candidate_score.hpp"
#include "engine/chokepoints.hpp"
#include "engine/gaps.hpp"
#include "engine/local_supply.hpp"
#include "engine/multi_scope.hpp"
#include "engine/portfolio.hpp"
#include "engine/targets.hpp"

namespace chainlens {

class ChainGraph;

struct ChainReportOptions {
  ScoreWeights weights;
  int portfolio = 3;  // k of the greedy portfolio; 0: none
  bool include_nearby = false;
};

struct ChainReport {
  std::string chain;
  Scope scope;
  MultiScopeReport scopes;           // narrowest first: scopes.scopes.front() is `scope`, chokepoints filled
  ChokepointReport chokepoints;
  LocalSupplyReport supply;
  TargetsReport targets;
  std::vector<Candidate> candidates;  // what `targets` ranked (for the portfolio)
  Portfolio portfolio;
  std::map<SegmentStatus, int> status_counts;  // leaf segments of the graph by status in `scope`

  const GapReport& gaps() const { return scopes.scopes.front(); }
};

/// Runs gaps at every scope prefix, chokepoints, local supply, targets and the portfolio.
ChainReport build_chain_report(const ChainGraph& graph, const Scope& scope, const ChainReportOptions& options = {});

}  // namespace chainlens
