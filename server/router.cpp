// server/router.cpp: the URL table of `chainlens serve`:
//   /                                   overview          /api/chains                    chains
//   /chains/{id}                        chain page        /api/chains/{id}/{what}        gaps, targets, supply,
//   /chains/{id}/segments/{segment}     segment page                                      chokepoints, whatif, report
//   /chains/{id}/whatif?add=&remove=    what-if (&partial=1: the fragment)
//   /chains/{id}/report.html            the HTML report (download)
//   /chains/{id}/report.xlsx            the report's tables as an Excel workbook (download)
//   /firms/{id}   /search?q=            firm page, search  /api/find?q=   /api/status
//   /assets/app.css  /assets/app.js     built-in assets
#include "server/router.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "render/diagram.hpp"
#include "render/report_writer.hpp"
#include "models/version.hpp"
#include "server/api.hpp"
#include "server/assets.hpp"
#include "server/page_kit.hpp"
#include "server/pages.hpp"
#include "server/what_if_request.hpp"

namespace chainlens::server {

namespace {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  std::string cur;
  for (char ch : path) {
    if (ch == '/') {
      if (!cur.empty()) parts.push_back(cur);
      cur.clear();
    } else {
      cur += ch;
    }
  }
  if (!cur.empty()) parts.push_back(cur);
  return parts;
}

// The same page in the other language: the query rebuilt without lang, plus lang=en in Chinese.
std::string switch_href(const Request& req) {
  std::string q;
  for (const auto& [k, v] : req.params) {
    if (k == "lang" || k == "partial") continue;
    q += (q.empty() ? "?" : "&") + url_component(k) + "=" + url_component(v);
  }
  if (req.lang() == Lang::zh) q += (q.empty() ? "?" : "&") + std::string("lang=en");
  std::string path;
  for (const std::string& p : split_path(req.path)) path += "/" + url_component(p);
  return (path.empty() ? "/" : path) + q;
}

Response html_page(const Request& req, const HolderState& state, const std::string& title, const std::string& body) {
  Frame f;
  f.title = title;
  f.lang = req.lang();
  f.switch_href = switch_href(req);
  f.workspace_name = state.current->workspace().name;
  f.reload_errors = state.reload_errors;
  Response r;
  r.body = page(f, body);
  return r;
}

std::string today() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

ReportContext report_context(const ServedWorkspace& sw, const ServedChain& c, Lang lang) {
  ReportContext ctx;
  ctx.workspace = &sw.workspace();
  ctx.graph = c.graph.get();
  ctx.report = &c.report;
  ctx.lang = lang;
  ctx.date = today();
  ctx.version = kVersion;
  ctx.chain_svg = c.chain_svg[lang == Lang::zh ? 0 : 1];
  ctx.targets_svg = c.targets_svg[lang == Lang::zh ? 0 : 1];
  return ctx;
}

Response report_html(const ServedWorkspace& sw, const ServedChain& c, Lang lang) {
  Response r;
  r.body = write_report_html(report_context(sw, c, lang));
  r.download_name = c.chain->id + ".html";
  return r;
}

// The same tables as the HTML report, one sheet each (render/report_xlsx.cpp).
Response report_xlsx(const ServedWorkspace& sw, const ServedChain& c, Lang lang) {
  Response r;
  r.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  r.body = write_report_xlsx(report_context(sw, c, lang));
  r.download_name = c.chain->id + ".xlsx";
  return r;
}

Response status_json(const HolderState& state) {
  const Workspace& ws = state.current->workspace();
  nlohmann::ordered_json j{{"workspace", ws.name}, {"content_hash", ws.content_hash}, {"chains", ws.chains.size()},
                           {"reload_errors", state.reload_errors}};
  Response r;
  r.content_type = "application/json; charset=utf-8";
  r.body = j.dump(2) + "\n";
  return r;
}

Response dispatch(const Request& req, const HolderState& state, const ServeLimits& limits) {
  const ServedWorkspace& sw = *state.current;
  const std::vector<std::string> p = split_path(req.path);
  const Lang lang = req.lang();
  const bool api = !p.empty() && p[0] == "api";
  auto chain_or_404 = [&](const std::string& id) -> const ServedChain& {
    const ServedChain* c = sw.find_chain(id);
    if (!c) throw RequestError(404, "no chain '" + id.substr(0, 200) + "' in the workspace", "see /api/chains");
    return *c;
  };
  if (api) {
    if (p.size() == 2 && p[1] == "chains") return api_chains(sw);
    if (p.size() == 2 && p[1] == "find") return api_find(sw, req, limits);
    if (p.size() == 2 && p[1] == "status") return status_json(state);
    if (p.size() == 4 && p[1] == "chains") return api_chain(sw, chain_or_404(p[2]), p[3], req, limits);
    throw RequestError(404, "no API endpoint at this path", "/api/chains, /api/chains/{id}/gaps, /api/find?q=...");
  }
  if (const Asset* a = find_asset(req.path)) {
    Response r;
    r.content_type = std::string(a->content_type);
    r.body = std::string(a->body);
    return r;
  }
  if (p.empty()) return html_page(req, state, sw.workspace().name, overview_body(sw, lang));
  if (p[0] == "search" && p.size() == 1) {
    const std::string q = req.param("q");
    if (q.size() > limits.max_search_bytes)
      throw RequestError(400, "the search text is longer than " + std::to_string(limits.max_search_bytes) + " bytes");
    return html_page(req, state, tr(lang, "搜索", "Search"), search_body(sw, q, lang));
  }
  if (p[0] == "firms" && p.size() == 2) {
    const Enterprise* e = sw.find_enterprise(p[1]);
    return html_page(req, state, e ? (e->name.empty() ? e->id : e->name).str() : p[1], firm_body(sw, p[1], lang));
  }
  if (p[0] == "chains" && p.size() >= 2) {
    const ServedChain& c = chain_or_404(p[1]);
    const std::string chain_name = chain_display_name(*c.chain, lang);
    if (p.size() == 2) return html_page(req, state, chain_name, chain_body(sw, c, lang));
    if (p.size() == 3 && p[2] == "report.html") return report_html(sw, c, lang);
    if (p.size() == 3 && p[2] == "report.xlsx") return report_xlsx(sw, c, lang);
    if (p.size() == 3 && p[2] == "whatif") {
      const WhatIfOutcome o = run_what_if(c, what_if_changes(sw.workspace(), req, limits));
      const std::string fragment = what_if_fragment(sw, c, o, lang);
      if (req.param("partial") == "1") {
        Response r;
        r.body = fragment;
        return r;
      }
      return html_page(req, state, chain_name + tr(lang, " · 模拟", " · what-if"),
                       fmt::format("<p class=\"meta\"><a href=\"{}\">{}</a></p>\n<h1>{}</h1>\n<div id=\"whatif-result\" data-state=\"done\">{}</div>\n",
                                   esc(chain_href(c.chain->id, lang)), esc(chain_name), tr(lang, "引进 / 退出模拟", "What-if"), fragment));
    }
    if (p.size() == 4 && p[2] == "segments") {
      const std::string body = segment_body(sw, c, p[3], lang);
      const auto v = c.graph->find_segment(p[3]);
      return html_page(req, state, v ? segment_display_name(*(*c.graph)[*v].segment, lang) : p[3], body);
    }
  }
  throw RequestError(404, "no page at this address");
}

}  // namespace

Response route(const Request& req, const HolderState& state, const ServeLimits& limits) {
  const bool api = req.path.rfind("/api/", 0) == 0;
  const Lang lang = req.lang();
  try {
    if (req.method != "GET" && req.method != "HEAD")
      throw RequestError(405, "chainlens serve is read-only: only GET and HEAD are answered");
    if (req.query_bytes > limits.max_query_bytes)
      throw RequestError(414, "the query string is longer than " + std::to_string(limits.max_query_bytes) + " bytes");
    if (req.params.size() > limits.max_params)
      throw RequestError(400, "more than " + std::to_string(limits.max_params) + " query parameters");
    return dispatch(req, state, limits);
  } catch (const RequestError& e) {
    if (api) return json_error(e.status(), e.what(), e.hint());
    const std::string message = e.hint().empty() ? e.what() : std::string(e.what()) + " (" + e.hint() + ")";
    Response r = error_page(e.status(), message, lang);
    if (req.param("partial") == "1") r.body = "<p class=\"banner\" id=\"error-message\">" + esc(message) + "</p>";
    return r;
  } catch (const std::invalid_argument& e) {  // an id the engine refuses
    if (api) return json_error(400, e.what());
    return error_page(400, e.what(), lang);
  }
}

}  // namespace chainlens::server
