// server/api.hpp: the JSON API, /api/...: the same JSON, with the same keys, as the CLI
// prints with --format json for the same options, so a script can use either.
#pragma once
#include "server/http_types.hpp"
#include "server/served_workspace.hpp"

namespace chainlens::server {

/// GET /api/chains: [{id, name, name_en, scope, slsr, status_counts}].
Response api_chains(const ServedWorkspace& sw);
/// GET /api/chains/{id}/{what} for gaps (?scope, ?all_scopes=1), targets (?portfolio=K,
/// ?by_gap=N, ?include_nearby=1), supply (?verified_only=1), chokepoints, whatif (?add, ?remove)
/// and report (the report's JSON); every one takes ?scope (but chokepoints) and ?lang.
/// Throws RequestError (404 unknown `what`, 400 a bad parameter).
Response api_chain(const ServedWorkspace& sw, const ServedChain& chain, const std::string& what, const Request& req,
                   const ServeLimits& limits);
/// GET /api/find?q=TEXT: [{kind, id, name, chain, matched}].
Response api_find(const ServedWorkspace& sw, const Request& req, const ServeLimits& limits);
/// {"error": message, "hint": hint}.
Response json_error(int status, const std::string& message, const std::string& hint = {});

}  // namespace chainlens::server
