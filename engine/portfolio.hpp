// engine/portfolio.hpp: the greedy portfolio of k targets (metrics.md "Portfolio of k")
// and the chain's structural LSR once they are local, as a what-if.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "engine/targets.hpp"

namespace chainlens {

struct PortfolioPick {
  std::string id;
  double gain = 0;                      // sum of gap_score of the segments it closes
  std::vector<std::string> closes;      // not-yet-closed, non-covered segments, sorted
};

struct Portfolio {
  int k = 0;
  std::vector<PortfolioPick> picked;    // in picking order; fewer than k when nothing more closes
  std::vector<std::string> closed;      // every segment closed, sorted
  std::optional<double> slsr_before, slsr_after;  // null when no segment has inputs
};

/// Greedy: each step adds the candidate that closes the largest sum of gap_score over the
/// segments not yet closed (a candidate closes every non-covered segment it operates in);
/// ties by score, then id. Stops early when no candidate closes anything more. The what-if
/// re-runs find_gaps with the picked candidates as local operating enterprises.
Portfolio pick_portfolio(const ChainGraph& graph, const ScoringModel& model, const TargetsReport& targets,
                         const std::vector<Candidate>& candidates, int k);

}  // namespace chainlens
