// server/what_if_request.hpp: the what-if a request asks for (?add=ID&remove=ID...), checked
// against the workspace and the limits, and run on a copy with the engine.
#pragma once
#include <optional>
#include <vector>

#include "engine/portfolio.hpp"
#include "engine/what_if.hpp"
#include "server/http_types.hpp"
#include "server/served_workspace.hpp"

namespace chainlens::server {

/// Adds first, then removes, in the order given. Throws RequestError: 400 for none, an unknown
/// id (with a did-you-mean) or an id both added and removed; 413 beyond `max_changes`.
std::vector<WhatIfChange> what_if_changes(const Workspace& ws, const Request& req, const ServeLimits& limits);

/// Before, after and difference (engine/what_if), and the portfolio after the change
/// (the same greedy pick on the changed copy); the served workspace is never touched.
struct WhatIfOutcome {
  WhatIfReport report;
  std::optional<Portfolio> portfolio_after;
};
WhatIfOutcome run_what_if(const ServedChain& chain, const std::vector<WhatIfChange>& changes);

}  // namespace chainlens::server
