// engine/candidate_score.hpp: the v2 candidate score of metrics.md "Candidate score
// (招商目标评分)": one score per (candidate, uncovered segment) pair, six factors in [0, 1].
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "engine/gaps.hpp"
#include "engine/view_map.hpp"
#include "models/workspace.hpp"
#include "models/text_hash.hpp"

namespace chainlens {

class ChainGraph;

/// What scoring needs of a candidate: a workspace enterprise or one bulk row.
struct Candidate {
  std::string id, name;
  RegionPath location;                 // aliases resolved
  std::vector<std::string> segments;   // any segment ids, main business first
  std::optional<double> revenue;       // 亿元 a year
  std::string group;                   // its parent or group (an enterprise id), if any
  EnterpriseKind kind = EnterpriseKind::firm;
  EnterpriseStatus status = EnterpriseStatus::operating;  // only operating firms are candidates
};

struct ScoreFactors {
  double gap = 0, fit = 0, strength = 0, link = 0, related = 0, listed = 0;
};

/// One (candidate, segment) pair: the candidate attracted into that one segment.
struct PairScore {
  std::string segment;
  std::string segment_name;
  std::optional<GapKind> kind;         // the segment's gap kind
  ScoreFactors factors;
  double score = 0;                    // 100 * sum of weight * factor
};

struct CandidateScore {
  std::string id, name;
  double score = 0;                    // its best pair's score
  std::string segment;                 // the best pair's segment; "" when unmatched
  std::string segment_name;            // its name
  std::optional<GapKind> kind;         // that segment's gap kind
  ScoreFactors factors;                // the best pair's factors
  bool matched = false;                // has at least one uncovered segment in the chain
  bool local = false;                  // inside the scope: not a candidate
  bool nearby = false;                 // inside the scope one level up (市内转移, excluded by default)
  bool eligible = true;                // an operating firm or project (parks, institutes, plans are not)
  bool revenue_unknown = true;         // strength is scoring.unknown_strength (营收未知)
  bool on_target_list = false;         // a target list (拟招商名录) of the chain names it
  bool group_link = false;             // shares a group with a local enterprise: 增资扩产
  std::vector<std::string> chain_segments;  // its segments in the chain's graph, sorted
  std::vector<PairScore> pairs;        // one per uncovered segment, best first (score, then segment id)
};

/// Everything a score reads, computed once per (chain, scope, weights), so that scoring a
/// candidate reads nothing else: a pool can be scored in any order, in parallel or split.
struct ScoringModel {
  std::string chain;
  Scope scope;
  std::optional<Scope> nearby;  // the scope one level up when the scope has 4+ components
  bool include_nearby = false;  // score candidates in `nearby` too (--include-nearby)
  ScoreWeights weights;
  struct SegmentFacts {
    std::string name;
    double gap_score = 0;
    double gap = 0;              // gap_score / max over the chain's graph
    std::optional<GapKind> kind;
    bool covered = false;
    int neighbours = 0;          // |N(s)|, undirected, in the segment graph
    int present_neighbours = 0;  // of those, present in the scope
  };
  std::unordered_map<std::string, SegmentFacts> segments;
  // The id sets hold views of the workspace's text (a million ids on the largest benchmark,
  // where copying them was most of preparing): the workspace must outlive the model, as it
  // must outlive the graph the model is prepared from.
  ViewSet linked;                              // ids that supply or buy from a local enterprise
  TextSet listed;                              // ids on the chain's target lists
  ViewMap<std::string_view> group_of;          // workspace enterprise -> its group
  ViewSet local_tops;                          // the group tops of local, open enterprises
  ReportNames names;                           // the chain and segment names of the gap report

  /// The top of an id's group chain (itself when it has no group): a view of `id` or of
  /// the workspace's text.
  std::string_view top_of(std::string_view id) const;
};

ScoringModel prepare_scoring(const ChainGraph& graph, const GapReport& gaps, const ScoreWeights& weights,
                             bool include_nearby = false);

/// Pure: depends only on the model and the candidate.
CandidateScore score_candidate(const ScoringModel& model, const Candidate& c);
/// The same for one of the workspace's own enterprises, read in place (no Candidate copy).
CandidateScore score_candidate(const ScoringModel& model, const Enterprise& e);

/// What ranking a pool needs of a candidate before it knows which rows it keeps: the best
/// pair's score and the flags, with no string built. Equal to score_candidate's `score`,
/// `matched`, `local` and `nearby` (the same factors, added in the same order).
struct QuickScore {
  double score = 0;
  bool matched = false, local = false, nearby = false;
};
QuickScore quick_score(const ScoringModel& model, const Candidate& c);
QuickScore quick_score(const ScoringModel& model, const Enterprise& e);

/// The strength factor of a revenue (亿元; unknown: weights.unknown_strength).
double strength_factor(const ScoreWeights& w, std::optional<double> revenue);
/// A pair's score from its factors: 100 * sum of weight * factor (relative weights scaled).
double pair_score(const ScoreWeights& w, const ScoreFactors& x);
/// The related factor of a segment: its present share of neighbours.
inline double related_factor(const ScoringModel::SegmentFacts& f) {
  return f.neighbours == 0 ? 0 : static_cast<double>(f.present_neighbours) / f.neighbours;
}

/// One scored row as the writers print it (issue 16): views into the row, the model or a
/// CandidateScore, so that a pool streams without a string per row.
struct ScoreRow {
  std::string_view id, name, segment, segment_name;
  std::optional<GapKind> kind;
  ScoreFactors factors;
  double score = 0;
  bool matched = false, local = false, nearby = false, eligible = true, group_link = false;
};

/// The row of a full score (views into `s`, which must outlive it).
ScoreRow score_row(const CandidateScore& s);

/// Orders by score descending, then id (metrics.md: ties break by candidate id).
bool ranks_before(const CandidateScore& a, const CandidateScore& b);

/// Parses "gap=0.5,strength=0.2": named weights override `base`; unknown names and bad
/// numbers throw std::invalid_argument with the reason.
ScoreWeights parse_weights(const std::string& text, ScoreWeights base);

/// Parses "value=0.4,plan=0.3" over `base` in the same way (the importance factors).
ImportanceWeights parse_importance(const std::string& text, ImportanceWeights base);

}  // namespace chainlens
