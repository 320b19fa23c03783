// server/what_if_request.cpp: checks the ids of a what-if and runs it; the portfolio after is
// picked on a copy changed as engine/what_if.cpp changes its own (metrics.md "What-if").
#include "server/what_if_request.hpp"

#include <algorithm>
#include <set>

#include "engine/chain_graph.hpp"
#include "engine/gaps.hpp"
#include "engine/targets.hpp"
#include "models/diagnostic.hpp"

namespace chainlens::server {

std::vector<WhatIfChange> what_if_changes(const Workspace& ws, const Request& req, const ServeLimits& limits) {
  const std::vector<std::string> add = req.params_named("add"), remove = req.params_named("remove");
  if (add.size() + remove.size() > limits.max_changes)
    throw RequestError(413, "a what-if takes at most " + std::to_string(limits.max_changes) + " changes, got " +
                                std::to_string(add.size() + remove.size()),
                       "pick fewer candidates and firms");
  if (add.empty() && remove.empty())
    throw RequestError(400, "a what-if needs at least one add=ID or remove=ID", "e.g. ?add=geely");
  std::vector<std::string> ids;
  ids.reserve(ws.enterprises.size());
  for (const Enterprise& e : ws.enterprises) ids.push_back(e.id.str());
  std::set<std::string> seen;
  std::vector<WhatIfChange> out;
  auto take = [&](const std::vector<std::string>& list, WhatIfChange::Kind kind) {
    for (const std::string& id : list) {
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
        const std::string close = id.size() <= 200 ? closest_match(id, ids) : std::string();
        throw RequestError(400, "no enterprise '" + id.substr(0, 200) + "' in the workspace",
                           close.empty() ? "" : "did you mean '" + close + "'?");
      }
      if (!seen.insert(id).second) throw RequestError(400, "enterprise '" + id + "' is named twice", "name it once");
      out.push_back({kind, id});
    }
  };
  take(add, WhatIfChange::Kind::add);
  take(remove, WhatIfChange::Kind::remove);
  return out;
}

WhatIfOutcome run_what_if(const ServedChain& chain, const std::vector<WhatIfChange>& changes) {
  WhatIfOutcome out;
  out.report = what_if(*chain.graph, chain.scope, changes);
  // The portfolio on the changed copy: the same change as engine/what_if.cpp makes.
  Workspace copy = chain.graph->workspace();
  for (const WhatIfChange& c : changes) {
    for (Enterprise& e : copy.enterprises) {
      if (e.id != c.enterprise) continue;
      if (c.kind == WhatIfChange::Kind::add) {
        e.location = chain.scope;
        e.status = EnterpriseStatus::operating;
      } else {
        e.status = EnterpriseStatus::closed;
      }
    }
  }
  const ChainGraph after(copy, *copy.find_chain(chain.chain->id));
  const GapReport gaps = find_gaps(after, chain.scope);
  const ScoringModel model = prepare_scoring(after, gaps, copy.scoring, false);
  const std::vector<Candidate> candidates = workspace_candidates(after, chain.scope);
  const TargetsReport targets = rank_targets(model, candidates);
  const int k = chain.report.portfolio.k > 0 ? chain.report.portfolio.k : ChainReportOptions{}.portfolio;
  out.portfolio_after = pick_portfolio(after, model, targets, candidates, k);
  return out;
}

}  // namespace chainlens::server
