// engine/targets.cpp: gathers candidates, ranks their scores and their pairs.
#include "engine/targets.hpp"

#include <algorithm>
#include <unordered_set>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "engine/chain_graph.hpp"
#include "engine/rank_key.hpp"

namespace chainlens {

Candidate to_candidate(const Enterprise& e, const std::vector<Region>& regions) {
  Candidate c;
  c.id = e.id;
  c.name = e.name;
  c.location = resolve_alias(regions, e.location);
  c.segments = e.segments;
  c.revenue = e.revenue;
  c.group = e.group;
  c.kind = e.kind;
  c.status = e.status;
  return c;
}

std::vector<Candidate> workspace_candidates(const ChainGraph& graph, const Scope& scope) {
  const Workspace& ws = graph.workspace();
  std::unordered_set<std::string> listed;
  for (const TargetList& t : graph.chain().target_lists) listed.insert(t.enterprises.begin(), t.enterprises.end());
  std::vector<Candidate> out;
  for (const Enterprise& e : ws.enterprises) {
    // metrics.md v2: a candidate is an operating firm or project outside the scope.
    if (e.status != EnterpriseStatus::operating || graph.is_local(e, scope)) continue;
    if (e.kind != EnterpriseKind::firm && e.kind != EnterpriseKind::project) continue;
    const bool in_chain = std::any_of(e.segments.begin(), e.segments.end(),
                                      [&](const std::string& s) { return graph.find_segment(s).has_value(); });
    // Workspace locations are resolved at load time; resolving again would read the first
    // component of a full path (青岛 in 中国/山东/青岛/…) as an alias when one region's
    // path starts with another's short name.
    if (in_chain || listed.contains(e.id)) out.push_back(to_candidate(e, {}));
  }
  return out;
}

TargetsReport rank_targets(const ScoringModel& model, const std::vector<Candidate>& candidates, std::size_t max_rows) {
  TargetsReport r;
  r.chain = model.chain;
  r.scope = model.scope;
  r.weights = model.weights;
  r.include_nearby = model.include_nearby;
  r.names = model.names;
  // The first of each id, in input order; then every one scored on its own (score_candidate
  // is pure), side by side.
  std::vector<const Candidate*> unique;
  unique.reserve(candidates.size());
  {
    std::unordered_set<std::string_view> seen;  // views of the candidates' ids (they outlive it)
    seen.reserve(candidates.size());
    for (const Candidate& c : candidates)
      if (seen.insert(c.id).second) unique.push_back(&c);
  }
  std::vector<CandidateScore> scores(unique.size());
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, unique.size(), 256), [&](const tbb::blocked_range<std::size_t>& range) {
    for (std::size_t i = range.begin(); i != range.end(); ++i) scores[i] = score_candidate(model, *unique[i]);
  });
  std::vector<std::uint32_t> matched, unmatched;
  for (std::uint32_t i = 0; i < scores.size(); ++i) {
    const CandidateScore& s = scores[i];
    if (s.local) continue;
    if (s.nearby && !model.include_nearby) {
      ++r.nearby_excluded;
      continue;
    }
    (s.matched ? matched : unmatched).push_back(i);
  }
  r.targets_total = matched.size();
  r.unmatched_total = unmatched.size();
  // Indices are sorted, not the scores (each a few strings and a vector); past the cap only
  // the first max_rows are put in order.
  auto order = [&](std::vector<std::uint32_t>& rows, auto before) {
    auto less = [&](std::uint32_t a, std::uint32_t b) { return before(scores[a], scores[b]); };
    if (rows.size() > max_rows) {
      std::partial_sort(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(max_rows), rows.end(), less);
      rows.resize(max_rows);
    } else {
      std::sort(rows.begin(), rows.end(), less);
    }
  };
  order(matched, ranks_before);
  order(unmatched, [](const CandidateScore& a, const CandidateScore& b) { return a.id < b.id; });
  r.targets.reserve(matched.size());
  for (std::uint32_t i : matched) r.targets.push_back(std::move(scores[i]));
  r.unmatched.reserve(unmatched.size());
  for (std::uint32_t i : unmatched) r.unmatched.push_back(std::move(scores[i]));
  return r;
}

std::vector<RankedPair> ranked_pairs(const TargetsReport& report) {
  std::vector<RankedPair> out;
  for (const CandidateScore& c : report.targets)
    for (const PairScore& p : c.pairs) out.push_back({&c, &p});
  std::sort(out.begin(), out.end(), [](const RankedPair& a, const RankedPair& b) {
    if (rank_key(a.pair->score) != rank_key(b.pair->score)) return a.pair->score > b.pair->score;
    if (a.candidate->id != b.candidate->id) return a.candidate->id < b.candidate->id;
    return a.pair->segment < b.pair->segment;
  });
  return out;
}

std::vector<RankedPair> pairs_for_segment(const std::vector<RankedPair>& ranked, const std::string& segment,
                                          std::size_t n) {
  std::vector<RankedPair> out;
  for (const RankedPair& p : ranked) {
    if (out.size() >= n) break;
    if (p.pair->segment == segment) out.push_back(p);
  }
  return out;
}

}  // namespace chainlens
