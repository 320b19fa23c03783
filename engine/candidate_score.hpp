// engine/candidate_score.hpp: the candidate score of metrics.md "Candidate score (招商目标评分)":
// five factors in [0, 1], weighted, times 100, with the best segment and its gap kind.
#pragma once
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "engine/gaps.hpp"
#include "models/workspace.hpp"

namespace chainlens {

class ChainGraph;

/// What scoring needs of a candidate: a workspace enterprise or one bulk row.
struct Candidate {
  std::string id, name;
  RegionPath location;                 // aliases resolved
  std::vector<std::string> segments;   // any segment ids; those outside the chain are ignored
  std::optional<double> revenue;       // 亿元 a year
};

struct ScoreFactors {
  double gap = 0, strength = 0, link = 0, related = 0, listed = 0;
};

struct CandidateScore {
  std::string id, name;
  double score = 0;                    // 100 * sum of weight * factor
  std::string segment;                 // best segment: argmax of gap_score, ties by id; "" when unmatched
  std::optional<GapKind> kind;         // that segment's gap kind; empty when it is covered
  ScoreFactors factors;
  bool matched = false;                // operates in at least one segment of the chain
  bool local = false;                  // inside the scope: not a candidate, scores 0
  bool revenue_unknown = true;
  bool on_target_list = false;         // a target list (拟招商名录) of the chain names it
  std::vector<std::string> chain_segments;  // its segments in the chain, sorted
};

/// Everything a score reads, computed once per (chain, scope, weights), so that scoring a
/// candidate reads nothing else: a pool can be scored in any order, in parallel or split.
struct ScoringModel {
  std::string chain;
  Scope scope;
  ScoreWeights weights;
  struct SegmentFacts {
    double gap_score = 0;
    std::optional<GapKind> kind;
    bool covered = false;
    int neighbours = 0;          // |N(s)|, undirected, in the segment graph
    int present_neighbours = 0;  // of those, present in the scope
  };
  std::unordered_map<std::string, SegmentFacts> segments;
  std::unordered_set<std::string> linked;   // ids that supply or buy from a local enterprise
  std::unordered_set<std::string> listed;   // ids on the chain's target lists
};

ScoringModel prepare_scoring(const ChainGraph& graph, const GapReport& gaps, const ScoreWeights& weights);

/// Pure: depends only on the model and the candidate.
CandidateScore score_candidate(const ScoringModel& model, const Candidate& c);

/// Orders by score descending, then id (metrics.md: ties break by candidate id).
bool ranks_before(const CandidateScore& a, const CandidateScore& b);

/// Parses "gap=0.5,strength=0.2": named weights override `base`; unknown names and bad
/// numbers throw std::invalid_argument with the reason.
ScoreWeights parse_weights(const std::string& text, ScoreWeights base);

}  // namespace chainlens
