// engine/targets.hpp: ranked target companies (招商目标) of a chain in a scope: the
// workspace's non-local enterprises, plus any bulk pool, scored and explained.
#pragma once
#include <vector>

#include "engine/candidate_score.hpp"

namespace chainlens {

struct TargetsReport {
  std::string chain;
  Scope scope;
  ScoreWeights weights;
  std::vector<CandidateScore> targets;    // matched, by ranks_before
  std::vector<CandidateScore> unmatched;  // no segment in the chain: score 0, by id
};

/// The workspace's candidates for a chain: open enterprises outside the scope that operate
/// in a segment of the chain's graph or are named on one of its target lists.
std::vector<Candidate> workspace_candidates(const ChainGraph& graph, const Scope& scope);

/// Candidate from an enterprise, its location's alias resolved against `regions` (pass the
/// workspace's regions for a bulk row, none for a workspace enterprise, already resolved).
Candidate to_candidate(const Enterprise& e, const std::vector<Region>& regions);

/// Scores and ranks; a candidate id seen twice is scored once (the first wins).
TargetsReport rank_targets(const ScoringModel& model, const std::vector<Candidate>& candidates);

}  // namespace chainlens
