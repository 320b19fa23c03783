// server/router.hpp: maps a request to a page, an API answer or a built-in asset; every other
// path is a 404 (no path ever reaches the file system). Independent of the HTTP library.
#pragma once
#include "server/http_types.hpp"
#include "server/workspace_holder.hpp"

namespace chainlens::server {

/// GET and HEAD only (405 otherwise); limits checked first (414, 400).
Response route(const Request& req, const HolderState& state, const ServeLimits& limits);

}  // namespace chainlens::server
