// engine/portfolio.cpp: greedy picks over ranked pairs, then the what-if SLSR.
#include "engine/portfolio.hpp"

#include <algorithm>
#include <unordered_set>

#include "engine/chain_graph.hpp"

namespace chainlens {

namespace {

// Each pick joins the scope as a local operating project in its one segment.
std::optional<double> slsr_with(const ChainGraph& graph, const Scope& scope, const std::vector<PortfolioPick>& picks) {
  Workspace copy = graph.workspace();
  for (const PortfolioPick& p : picks) {
    Enterprise e;
    e.id = p.id + "#" + p.segment;
    e.name = e.id;
    e.location = scope;
    e.kind = EnterpriseKind::project;
    e.segments = {p.segment};
    copy.enterprises.push_back(std::move(e));
  }
  const ChainGraph after(copy, *copy.find_chain(graph.chain().id));
  return find_gaps(after, scope).slsr;
}

}  // namespace

Portfolio pick_portfolio(const ChainGraph& graph, const ScoringModel& model, const TargetsReport& targets,
                         const std::vector<Candidate>& /*candidates*/, int k) {
  Portfolio p;
  p.k = k;
  std::unordered_set<std::string> used, closed;
  for (const RankedPair& rp : ranked_pairs(targets)) {
    if (static_cast<int>(p.picked.size()) >= k) break;
    if (used.contains(rp.candidate->id) || closed.contains(rp.pair->segment)) continue;
    used.insert(rp.candidate->id);
    closed.insert(rp.pair->segment);
    const double gain = model.segments.at(rp.pair->segment).gap_score;
    p.picked.push_back({rp.candidate->id, rp.candidate->name, rp.pair->segment, rp.pair->segment_name,
                        rp.pair->score, gain, {rp.pair->segment}});
    p.closed.push_back(rp.pair->segment);
  }
  p.slsr_before = find_gaps(graph, model.scope).slsr;
  p.slsr_after = slsr_with(graph, model.scope, p.picked);
  return p;
}

}  // namespace chainlens
