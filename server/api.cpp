// server/api.cpp: each endpoint runs what the CLI subcommand runs (cli/*_command.cpp) on the
// served graph and prints it with the same render/ writer.
#include "server/api.hpp"

#include <nlohmann/json.hpp>

#include "engine/chain_graph.hpp"
#include "engine/chokepoints.hpp"
#include "engine/gaps.hpp"
#include "engine/local_supply.hpp"
#include "engine/multi_scope.hpp"
#include "engine/portfolio.hpp"
#include "engine/targets.hpp"
#include "engine/segment_status.hpp"
#include "models/version.hpp"
#include "render/chokepoints_writer.hpp"
#include "render/gaps_writer.hpp"
#include "render/json_precision.hpp"
#include "render/local_supply_writer.hpp"
#include "render/report_writer.hpp"
#include "render/targets_writer.hpp"
#include "render/what_if_writer.hpp"
#include "engine/find.hpp"
#include "server/what_if_request.hpp"

namespace chainlens::server {

namespace {

Response json(std::string body) {
  Response r;
  r.content_type = "application/json; charset=utf-8";
  r.body = std::move(body);
  return r;
}

Lang api_lang(const Request& req) {
  if (!req.has("lang")) return Lang::zh;
  const std::string v = req.param("lang");
  if (v != "zh" && v != "en") throw RequestError(400, "unknown language (expected zh or en)", "?lang=en");
  return v == "en" ? Lang::en : Lang::zh;
}

bool flag(const Request& req, const std::string& name) {
  if (!req.has(name)) return false;
  const std::string v = req.param(name);
  if (v == "" || v == "1" || v == "true") return true;
  if (v == "0" || v == "false") return false;
  throw RequestError(400, "?" + name + " takes 1 or 0", "e.g. ?" + name + "=1");
}

int int_param(const Request& req, const std::string& name, int def, int lo, int hi) {
  if (!req.has(name)) return def;
  const std::string v = req.param(name);
  int n = 0;
  bool ok = !v.empty() && v.size() <= 6;
  for (char ch : v) ok = ok && ch >= '0' && ch <= '9';
  if (ok) n = std::stoi(v);
  if (!ok || n < lo || n > hi)
    throw RequestError(400, "?" + name + " takes a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
  return n;
}

// As cli/common.cpp's resolve_scope: the chain's scope unless ?scope names one (an alias works).
Scope scope_of(const ServedWorkspace& sw, const ServedChain& c, const Request& req) {
  const std::string text = req.param("scope");
  if (text.empty()) return c.scope;
  return resolve_alias(sw.workspace().regions, RegionPath::parse(text));
}

}  // namespace

Response json_error(int status, const std::string& message, const std::string& hint) {
  nlohmann::ordered_json j{{"error", message}};
  if (!hint.empty()) j["hint"] = hint;
  Response r = json(j.dump(2) + "\n");
  r.status = status;
  return r;
}

Response api_chains(const ServedWorkspace& sw) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const ServedChain& c : sw.chains()) {
    nlohmann::ordered_json counts = nlohmann::ordered_json::object();
    for (const auto& [status, n] : c.report.status_counts) counts[status_name(status)] = n;
    const auto& slsr = c.report.gaps().slsr;
    out.push_back({{"id", c.chain->id},
                   {"name", c.chain->name},
                   {"name_en", c.chain->name_en},
                   {"scope", c.scope.str()},
                   {"slsr", slsr ? nlohmann::ordered_json(json_round(*slsr, kGapDigits)) : nlohmann::ordered_json()},
                   {"status_counts", counts}});
  }
  return json(out.dump(2) + "\n");
}

Response api_chain(const ServedWorkspace& sw, const ServedChain& c, const std::string& what, const Request& req,
                   const ServeLimits& limits) {
  const Lang lang = api_lang(req);
  const ChainGraph& graph = *c.graph;
  if (what == "gaps") {
    const Scope scope = scope_of(sw, c, req);
    const std::vector<std::string> chokepoints = c.report.chokepoints.segments;
    if (flag(req, "all_scopes")) {
      MultiScopeReport all = find_gaps_all_scopes(graph, scope);
      for (GapReport& g : all.scopes) g.chokepoints = chokepoints;
      return json(write_gaps(all, "json", lang));
    }
    GapReport report = find_gaps(graph, scope);
    report.chokepoints = chokepoints;
    return json(write_gaps(report, "json", lang));
  }
  if (what == "targets") {
    const Scope scope = scope_of(sw, c, req);
    const int k = int_param(req, "portfolio", 0, 0, 100);
    const int by_gap = int_param(req, "by_gap", 0, 0, 100);
    const GapReport gaps = find_gaps(graph, scope);
    const ScoringModel model = prepare_scoring(graph, gaps, sw.workspace().scoring, flag(req, "include_nearby"));
    const std::vector<Candidate> candidates = workspace_candidates(graph, scope);
    const TargetsReport report = rank_targets(model, candidates);
    if (by_gap > 0) return json(write_targets_by_gap(gaps, report, by_gap, TargetsFormat::json, lang));
    std::optional<Portfolio> portfolio;
    if (k > 0) portfolio = pick_portfolio(graph, model, report, candidates, k);
    return json(write_targets(report, portfolio ? &*portfolio : nullptr, TargetsFormat::json, lang));
  }
  if (what == "supply") {
    LocalSupplyOptions options;
    options.verified_only = flag(req, "verified_only");
    return json(write_local_supply(local_supply(graph, scope_of(sw, c, req), options), "json", lang));
  }
  if (what == "chokepoints") return json(write_chokepoints(c.chain->id, c.report.chokepoints, "json", lang));
  if (what == "whatif") {
    const std::vector<WhatIfChange> changes = what_if_changes(sw.workspace(), req, limits);
    return json(write_what_if(what_if(graph, scope_of(sw, c, req), changes), "json", lang));
  }
  if (what == "report") {
    ReportContext ctx;
    ctx.workspace = &sw.workspace();
    ctx.graph = &graph;
    ctx.report = &c.report;
    ctx.lang = lang;
    ctx.version = kVersion;
    Response r = json(write_report_json(ctx));
    r.download_name = c.chain->id + ".json";
    return r;
  }
  throw RequestError(404, "no API endpoint '" + what.substr(0, 100) + "' for a chain",
                     "gaps, targets, supply, chokepoints, whatif or report");
}

Response api_find(const ServedWorkspace& sw, const Request& req, const ServeLimits& limits) {
  const std::string q = req.param("q");
  if (q.size() > limits.max_search_bytes)
    throw RequestError(400, "the search text is longer than " + std::to_string(limits.max_search_bytes) + " bytes");
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const FindHit& h : find(sw.workspace(), q))
    out.push_back({{"kind", kind_name(h.kind)}, {"id", h.id}, {"name", h.name}, {"chain", h.chain}, {"matched", h.matched}});
  return json(out.dump(2) + "\n");
}

}  // namespace chainlens::server
