// engine/portfolio.cpp: greedy set cover weighted by gap score, then the what-if SLSR.
#include "engine/portfolio.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "engine/chain_graph.hpp"

namespace chainlens {

namespace {

// The picked candidates join the scope as local operating enterprises.
std::optional<double> slsr_with(const ChainGraph& graph, const Scope& scope, const std::vector<Candidate>& joined) {
  Workspace copy = graph.workspace();
  for (const Candidate& c : joined) {
    auto it = std::find_if(copy.enterprises.begin(), copy.enterprises.end(),
                           [&](const Enterprise& e) { return e.id == c.id; });
    if (it == copy.enterprises.end()) {
      Enterprise e;
      e.id = c.id;
      e.name = c.name;
      copy.enterprises.push_back(std::move(e));
      it = std::prev(copy.enterprises.end());
    }
    it->location = scope;
    it->status = EnterpriseStatus::operating;
    for (const std::string& s : c.segments)
      if (graph.find_segment(s) && std::find(it->segments.begin(), it->segments.end(), s) == it->segments.end())
        it->segments.push_back(s);
  }
  const ChainGraph after(copy, *copy.find_chain(graph.chain().id));
  return find_gaps(after, scope).slsr;
}

}  // namespace

Portfolio pick_portfolio(const ChainGraph& graph, const ScoringModel& model, const TargetsReport& targets,
                         const std::vector<Candidate>& candidates, int k) {
  Portfolio p;
  p.k = k;
  std::unordered_map<std::string, const Candidate*> by_id;
  for (const Candidate& c : candidates) by_id.emplace(c.id, &c);

  std::set<std::string> closed;
  std::vector<bool> used(targets.targets.size(), false);
  std::vector<Candidate> joined;
  for (int step = 0; step < k; ++step) {
    int best = -1;
    double best_gain = 0;
    std::vector<std::string> best_closes;
    // targets are in rank order (score, then id), so a strict > keeps the spec's tie-break.
    for (std::size_t i = 0; i < targets.targets.size(); ++i) {
      if (used[i]) continue;
      double gain = 0;
      std::vector<std::string> closes;
      for (const std::string& s : targets.targets[i].chain_segments) {
        const auto& f = model.segments.at(s);
        if (f.covered || closed.contains(s)) continue;
        gain += f.gap_score;
        closes.push_back(s);
      }
      if (!closes.empty() && (best < 0 || gain > best_gain)) {
        best = static_cast<int>(i);
        best_gain = gain;
        best_closes = std::move(closes);
      }
    }
    if (best < 0) break;  // nothing left to close
    used[best] = true;
    const CandidateScore& t = targets.targets[best];
    p.picked.push_back({t.id, best_gain, best_closes});
    closed.insert(best_closes.begin(), best_closes.end());
    if (auto it = by_id.find(t.id); it != by_id.end()) joined.push_back(*it->second);
  }
  p.closed.assign(closed.begin(), closed.end());
  p.slsr_before = find_gaps(graph, model.scope).slsr;
  p.slsr_after = slsr_with(graph, model.scope, joined);
  return p;
}

}  // namespace chainlens
