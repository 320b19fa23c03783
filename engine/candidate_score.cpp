// engine/candidate_score.cpp: prepares the per-segment facts once, then scores each
// candidate from them alone (metrics.md "Candidate score").
#include "engine/candidate_score.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "engine/chain_graph.hpp"

namespace chainlens {

ScoringModel prepare_scoring(const ChainGraph& graph, const GapReport& gaps, const ScoreWeights& weights) {
  ScoringModel m;
  m.chain = graph.chain().id;
  m.scope = gaps.scope;
  m.weights = weights;
  std::unordered_map<std::string, bool> present;
  for (const SegmentGap& g : gaps.segments) {
    ScoringModel::SegmentFacts& f = m.segments[g.segment];
    f.gap_score = g.gap_score;
    f.kind = g.kind;
    f.covered = g.status == SegmentStatus::covered;
    present[g.segment] = is_present(g.status);
  }
  // Undirected neighbours: in- and out-neighbours, each counted once, no self loop.
  const SegmentGraph& sg = graph.segments();
  for (SegmentVertexId v = 0; v < graph.segment_count(); ++v) {
    std::unordered_set<SegmentVertexId> nbrs;
    for (auto e : boost::make_iterator_range(boost::out_edges(v, sg))) nbrs.insert(boost::target(e, sg));
    for (auto e : boost::make_iterator_range(boost::in_edges(v, sg))) nbrs.insert(boost::source(e, sg));
    nbrs.erase(v);
    ScoringModel::SegmentFacts& f = m.segments[sg[v].id];
    f.neighbours = static_cast<int>(nbrs.size());
    for (SegmentVertexId n : nbrs) f.present_neighbours += present[sg[n].id] ? 1 : 0;
  }
  // 以商招商: a relation with a local, open enterprise on the other end, in any segment.
  const Workspace& ws = graph.workspace();
  std::unordered_map<std::string, const Enterprise*> by_id;
  for (const Enterprise& e : ws.enterprises) by_id.emplace(e.id, &e);
  auto local_open = [&](const std::string& id) {
    auto it = by_id.find(id);
    return it != by_id.end() && it->second->status != EnterpriseStatus::closed && is_local(*it->second, m.scope);
  };
  for (const Supply& s : ws.supplies) {
    if (local_open(s.to)) m.linked.insert(s.from);
    if (local_open(s.from)) m.linked.insert(s.to);
  }
  for (const TargetList& t : graph.chain().target_lists)
    for (const std::string& id : t.enterprises) m.listed.insert(id);
  return m;
}

CandidateScore score_candidate(const ScoringModel& m, const Candidate& c) {
  CandidateScore r;
  r.id = c.id;
  r.name = c.name;
  r.revenue_unknown = !c.revenue.has_value();
  r.on_target_list = m.listed.contains(c.id);
  for (const std::string& s : c.segments)
    if (m.segments.contains(s)) r.chain_segments.push_back(s);
  std::sort(r.chain_segments.begin(), r.chain_segments.end());
  r.chain_segments.erase(std::unique(r.chain_segments.begin(), r.chain_segments.end()), r.chain_segments.end());
  r.matched = !r.chain_segments.empty();
  r.local = c.location.within(m.scope);
  if (!r.matched || r.local) return r;  // metrics.md: unmatched candidates score 0; local firms are no targets

  int present = 0, total = 0;
  double best = -1;
  for (const std::string& s : r.chain_segments) {  // sorted, so ties keep the smallest id
    const ScoringModel::SegmentFacts& f = m.segments.at(s);
    if (f.gap_score > best) {
      best = f.gap_score;
      r.segment = s;
      r.kind = f.kind;
    }
    present += f.present_neighbours;
    total += f.neighbours;
  }
  ScoreFactors& x = r.factors;
  x.gap = best;
  if (c.revenue && *c.revenue > 0 && m.weights.revenue_ref > 0)
    x.strength = std::min(1.0, std::log1p(*c.revenue) / std::log1p(m.weights.revenue_ref));
  x.link = m.linked.contains(c.id) ? 1 : 0;
  x.related = total == 0 ? 0 : static_cast<double>(present) / total;
  x.listed = r.on_target_list ? 1 : 0;
  const ScoreWeights& w = m.weights;
  r.score = 100 * (w.gap * x.gap + w.strength * x.strength + w.link * x.link + w.related * x.related +
                   w.listed * x.listed);
  return r;
}

bool ranks_before(const CandidateScore& a, const CandidateScore& b) {
  if (a.score != b.score) return a.score > b.score;
  return a.id < b.id;
}

ScoreWeights parse_weights(const std::string& text, ScoreWeights w) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    const std::string item = text.substr(start, end - start);
    start = end + 1;
    if (item.empty()) continue;
    const std::size_t eq = item.find('=');
    if (eq == std::string::npos) throw std::invalid_argument("weight '" + item + "' is not name=value");
    const std::string name = item.substr(0, eq), value = item.substr(eq + 1);
    double v = 0;
    std::size_t used = 0;
    try {
      v = std::stod(value, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used != value.size() || !std::isfinite(v) || v < 0)
      throw std::invalid_argument("weight " + name + " must be a number >= 0, got '" + value + "'");
    if (name == "gap") w.gap = v;
    else if (name == "strength") w.strength = v;
    else if (name == "link") w.link = v;
    else if (name == "related") w.related = v;
    else if (name == "listed") w.listed = v;
    else if (name == "revenue_ref") w.revenue_ref = v;
    else
      throw std::invalid_argument("unknown weight '" + name +
                                  "' (expected gap, strength, link, related, listed or revenue_ref)");
  }
  return w;
}

}  // namespace chainlens
