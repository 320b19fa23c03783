// engine/targets.cpp: gathers candidates, ranks their scores and their pairs.
#include "engine/targets.hpp"

#include <algorithm>
#include <unordered_set>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "engine/chain_graph.hpp"
#include "engine/rank_key.hpp"
#include "models/bulk_reader.hpp"
#include "models/text_hash.hpp"

namespace chainlens {

Candidate to_candidate(const Enterprise& e, const std::vector<Region>& regions) {
  Candidate c;
  c.id = e.id;
  c.name = e.name;
  c.location = resolve_alias(regions, e.location);
  c.segments = e.segments.strings();
  c.revenue = e.revenue;
  c.group = e.group.str();
  c.kind = e.kind;
  c.status = e.status;
  return c;
}

Candidate to_candidate(const BulkValues& row, const std::vector<Region>& regions) {
  Candidate c;
  c.id = row.id;
  c.name = row.name;
  c.location = resolve_alias(regions, RegionPath::parse(row.location));
  c.segments.assign(row.segments.begin(), row.segments.end());
  c.revenue = row.revenue;
  c.group = row.group;
  c.kind = row.kind;
  c.status = row.status;
  return c;
}

std::vector<const Enterprise*> workspace_candidate_firms(const ChainGraph& graph, const Scope& scope) {
  const Workspace& ws = graph.workspace();
  TextSet listed;
  for (const TargetList& t : graph.chain().target_lists) listed.insert(t.enterprises.begin(), t.enterprises.end());
  // Which enterprises are candidates, blocks side by side (three quarters of a million on the
  // largest benchmark), then joined in workspace order.
  const std::vector<Enterprise>& all = ws.enterprises;
  constexpr std::size_t kBlock = 16384;
  const std::size_t blocks = (all.size() + kBlock - 1) / kBlock;
  const Memberships& links = graph.model().memberships();
  std::vector<char> keep(all.size());
  std::vector<std::size_t> first(blocks + 1);
  tbb::parallel_for(std::size_t{0}, blocks, [&](std::size_t b) {
    const std::size_t end = std::min(all.size(), (b + 1) * kBlock);
    for (std::size_t i = b * kBlock; i < end; ++i) {
      const Enterprise& e = all[i];
      // metrics.md v2: a candidate is an operating firm or project outside the scope.
      if (e.status != EnterpriseStatus::operating || graph.is_local(e, scope)) continue;
      if (e.kind != EnterpriseKind::firm && e.kind != EnterpriseKind::project) continue;
      const auto of = links.of(i);
      const bool in_chain = std::any_of(of.begin(), of.end(), [&](std::uint32_t link) {
        return Memberships::present(link) && graph.vertex_of_model(Memberships::segment(link)).has_value();
      });
      if (in_chain || listed.contains(e.id)) keep[i] = 1;
    }
  });
  // A repeated id is one candidate, its first in workspace order (as rank_targets reads a
  // list): the index holds the positions in id order, a repeated id's in position order, so
  // the runs of equal ids are walked side by side and all but their first kept position
  // dropped. Ranking then needs no set of three quarters of a million ids.
  const std::vector<std::uint32_t>& by_id = graph.enterprises_by_id();
  const auto same_id = [&](std::size_t k, std::size_t j) { return all[by_id[k]].id == all[by_id[j]].id; };
  tbb::parallel_for(std::size_t{0}, blocks, [&](std::size_t b) {
    std::size_t k = b * kBlock;
    const std::size_t end = std::min(by_id.size(), (b + 1) * kBlock);
    while (k < end && k > 0 && same_id(k, k - 1)) ++k;  // a run begun in the block before is its
    while (k < end) {
      bool kept = keep[by_id[k]] != 0;
      std::size_t j = k + 1;
      for (; j < by_id.size() && same_id(j, k); ++j) {
        if (!keep[by_id[j]]) continue;
        if (kept) keep[by_id[j]] = 0;
        kept = true;
      }
      k = j;
    }
  });
  tbb::parallel_for(std::size_t{0}, blocks, [&](std::size_t b) {
    const std::size_t end = std::min(all.size(), (b + 1) * kBlock);
    first[b + 1] = static_cast<std::size_t>(std::count(keep.begin() + static_cast<std::ptrdiff_t>(b * kBlock),
                                                       keep.begin() + static_cast<std::ptrdiff_t>(end), 1));
  });
  for (std::size_t b = 0; b < blocks; ++b) first[b + 1] += first[b];
  std::vector<const Enterprise*> out(first[blocks]);
  tbb::parallel_for(std::size_t{0}, blocks, [&](std::size_t b) {
    std::size_t at = first[b];
    const std::size_t end = std::min(all.size(), (b + 1) * kBlock);
    for (std::size_t i = b * kBlock; i < end; ++i)
      if (keep[i]) out[at++] = &all[i];
  });
  return out;
}

std::vector<Candidate> workspace_candidates(const ChainGraph& graph, const Scope& scope) {
  const std::vector<const Enterprise*> firms = workspace_candidate_firms(graph, scope);
  std::vector<Candidate> out(firms.size());
  // Workspace locations are resolved at load time; resolving again would read the first
  // component of a full path (青岛 in 中国/山东/青岛/…) as an alias when one region's
  // path starts with another's short name.
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, firms.size(), 4096), [&](const tbb::blocked_range<std::size_t>& r) {
    for (std::size_t i = r.begin(); i != r.end(); ++i) out[i] = to_candidate(*firms[i], {});
  });
  return out;
}

namespace {

// Ranks candidates already reduced to the first of each id; C is Candidate or Enterprise.
template <class C>
TargetsReport rank_unique(const ScoringModel& model, const std::vector<const C*>& unique, std::size_t max_rows) {
  TargetsReport r;
  r.chain = model.chain;
  r.scope = model.scope;
  r.weights = model.weights;
  r.include_nearby = model.include_nearby;
  r.names = model.names;
  // Each candidate's best score alone first (no strings); the rows kept are then scored in
  // full. On the largest benchmark three quarters of a million candidates score, a thousand
  // rows are shown.
  std::vector<QuickScore> quick(unique.size());
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, unique.size(), 256), [&](const tbb::blocked_range<std::size_t>& range) {
    for (std::size_t i = range.begin(); i != range.end(); ++i) quick[i] = quick_score(model, *unique[i]);
  });
  std::vector<std::uint32_t> matched, unmatched;
  for (std::uint32_t i = 0; i < quick.size(); ++i) {
    const QuickScore& s = quick[i];
    if (s.local) continue;
    if (s.nearby && !model.include_nearby) {
      ++r.nearby_excluded;
      continue;
    }
    (s.matched ? matched : unmatched).push_back(i);
  }
  r.targets_total = matched.size();
  r.unmatched_total = unmatched.size();
  // Past the cap only the first max_rows are put in order: ranks_before's order (score,
  // then id), and the unmatched by id.
  auto order = [&](std::vector<std::uint32_t>& rows, auto less) {
    if (rows.size() > max_rows) {
      std::partial_sort(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(max_rows), rows.end(), less);
      rows.resize(max_rows);
    } else {
      std::sort(rows.begin(), rows.end(), less);
    }
  };
  order(matched, [&](std::uint32_t a, std::uint32_t b) {
    return ranks_ahead(quick[a].score, unique[a]->id, quick[b].score, unique[b]->id);
  });
  order(unmatched, [&](std::uint32_t a, std::uint32_t b) { return unique[a]->id < unique[b]->id; });
  auto score_rows = [&](const std::vector<std::uint32_t>& rows, std::vector<CandidateScore>& out) {
    out.resize(rows.size());
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, rows.size(), 64), [&](const tbb::blocked_range<std::size_t>& range) {
      for (std::size_t i = range.begin(); i != range.end(); ++i) out[i] = score_candidate(model, *unique[rows[i]]);
    });
  };
  score_rows(matched, r.targets);
  score_rows(unmatched, r.unmatched);
  return r;
}

// The first of each id, in input order (views of the candidates' ids, which outlive the set).
template <class C, class List, class At>
std::vector<const C*> first_of_each_id(const List& list, At at) {
  std::vector<const C*> unique;
  unique.reserve(list.size());
  std::unordered_set<std::string_view> seen;
  seen.reserve(list.size());
  for (const auto& item : list) {
    const C* c = at(item);
    if (seen.insert(c->id).second) unique.push_back(c);
  }
  return unique;
}

}  // namespace

TargetsReport rank_targets(const ScoringModel& model, const std::vector<Candidate>& candidates, std::size_t max_rows) {
  return rank_unique(model, first_of_each_id<Candidate>(candidates, [](const Candidate& c) { return &c; }), max_rows);
}

TargetsReport rank_targets(const ScoringModel& model, const std::vector<const Enterprise*>& firms, std::size_t max_rows) {
  return rank_unique(model, firms, max_rows);  // ids distinct already (workspace_candidate_firms)
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
