// engine/targets.hpp: ranked target companies (招商目标) of a chain in a scope: the
// workspace's non-local firms, plus any bulk pool, scored per pair and explained.
#pragma once
#include <cstddef>
#include <vector>

#include "engine/candidate_score.hpp"

namespace chainlens {

struct BulkValues;

struct TargetsReport {
  std::string chain;
  Scope scope;
  ScoreWeights weights;
  std::vector<CandidateScore> targets;    // matched, by ranks_before
  std::vector<CandidateScore> unmatched;  // no uncovered segment in the chain (or not a firm): by id
  std::size_t targets_total = 0;          // matched candidates, listed or not (the row cap)
  std::size_t unmatched_total = 0;
  std::size_t nearby_excluded = 0;        // left out as 市内转移 (metrics.md v2); 0 with include_nearby
  bool include_nearby = false;
  ReportNames names;                      // chain and segment names (candidates carry their own)
};

/// One (candidate, segment) pair of a report, pointing into it.
struct RankedPair {
  const CandidateScore* candidate = nullptr;
  const PairScore* pair = nullptr;
};

/// The workspace's candidates for a chain: operating firms and projects outside the scope
/// that operate in a segment of the chain's graph or are named on one of its target lists.
std::vector<Candidate> workspace_candidates(const ChainGraph& graph, const Scope& scope);
/// The same firms read in place, in workspace order: what `analyze` ranks (no copies). A
/// repeated id appears once, at its first candidate position (as rank_targets counts it).
std::vector<const Enterprise*> workspace_candidate_firms(const ChainGraph& graph, const Scope& scope);

/// Candidate from an enterprise, its location's alias resolved against `regions` (pass the
/// workspace's regions for a bulk row, none for a workspace enterprise, already resolved).
Candidate to_candidate(const Enterprise& e, const std::vector<Region>& regions);
/// The same from a checked bulk row, with no enterprise made on the way (`score`'s full path:
/// an enterprise interns its segment and group ids for the life of the process).
Candidate to_candidate(const BulkValues& row, const std::vector<Region>& regions);

/// Scores and ranks; a candidate id seen twice is scored once (the first wins). Candidates
/// in the scope one level up are counted and left out unless the model includes them.
/// Only the first `max_rows` of each list are kept (`analyze`'s row cap); the totals count all.
TargetsReport rank_targets(const ScoringModel& model, const std::vector<Candidate>& candidates,
                           std::size_t max_rows = static_cast<std::size_t>(-1));
/// The same for workspace firms read in place, with distinct ids (workspace_candidate_firms
/// gives them so; a repeat would be scored twice): equal reports.
TargetsReport rank_targets(const ScoringModel& model, const std::vector<const Enterprise*>& firms,
                           std::size_t max_rows = static_cast<std::size_t>(-1));

/// Every pair of the report's targets by pair score, then candidate id, then segment id.
std::vector<RankedPair> ranked_pairs(const TargetsReport& report);

/// The best `n` pairs of one segment, in ranked_pairs order (`--by-gap`).
std::vector<RankedPair> pairs_for_segment(const std::vector<RankedPair>& ranked, const std::string& segment,
                                          std::size_t n);

}  // namespace chainlens
