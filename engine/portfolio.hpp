// engine/portfolio.hpp: the greedy portfolio of k targets over (candidate, segment) pairs
// (metrics.md v2 "Portfolio of k") and the chain's structural LSR once they are local.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "engine/targets.hpp"

namespace chainlens {

struct PortfolioPick {
  std::string id, name;                 // the candidate
  std::string segment, segment_name;    // the one segment its project closes
  double score = 0;                     // the pair's score
  double gain = 0;                      // gap_score of that segment
  std::vector<std::string> closes;      // {segment}: one project, one segment
};

struct Portfolio {
  int k = 0;
  std::vector<PortfolioPick> picked;    // in picking order; fewer than k when no pair is left
  std::vector<std::string> closed;      // one segment per pick, in pick order
  std::optional<double> slsr_before, slsr_after;  // null when no segment has inputs
};

/// Greedy over the report's pairs by pair score (ties by candidate id, then segment id): a
/// firm is picked at most once and a closed segment takes no second pick. The what-if
/// re-runs find_gaps with a local operating project of each pick in its segment.
Portfolio pick_portfolio(const ChainGraph& graph, const ScoringModel& model, const TargetsReport& targets,
                         const std::vector<Candidate>& candidates, int k);

}  // namespace chainlens
