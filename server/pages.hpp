// server/pages.hpp: the bodies of the web pages (the frame is page_kit's): overview, chain,
// segment, firm, search and the what-if answer. Names, never ids, where a person reads.
#pragma once
#include <string>

#include "server/served_workspace.hpp"
#include "server/what_if_request.hpp"

namespace chainlens::server {

/// Chains with goal, SLSR and gap counts by status; links to each chain and its downloads.
std::string overview_body(const ServedWorkspace& sw, Lang lang);
/// The chain map (segments link to their pages), the gap table, the best targets, the
/// portfolio and the what-if form.
std::string chain_body(const ServedWorkspace& sw, const ServedChain& c, Lang lang);
/// Status, the four importance factors, local firms, carriers, inputs and customers, and the
/// best candidates for this segment (pairs_for_segment) with their factors. Throws
/// RequestError(404) when the chain's graph has no such segment.
std::string segment_body(const ServedWorkspace& sw, const ServedChain& c, const std::string& segment, Lang lang);
/// Where the firm operates (chain, segment), local or not in each chain's scope, its group.
/// Throws RequestError(404) for an unknown id.
std::string firm_body(const ServedWorkspace& sw, const std::string& id, Lang lang);
/// The search box and its hits.
std::string search_body(const ServedWorkspace& sw, const std::string& q, Lang lang);
/// Before, after and difference: SLSR, gaps by kind, changed segments, chokepoints, portfolio.
std::string what_if_fragment(const ServedWorkspace& sw, const ServedChain& c, const WhatIfOutcome& o, Lang lang);

}  // namespace chainlens::server
