// server/search_page.cpp: the search box and its hits, each linked to its page.
#include <fmt/format.h>

#include "engine/find.hpp"
#include "server/page_kit.hpp"
#include "server/pages.hpp"

namespace chainlens::server {

std::string search_body(const ServedWorkspace& sw, const std::string& q, Lang lang) {
  std::string h = fmt::format("<h1>{}</h1>\n<form action=\"/search\" method=\"get\"><input type=\"search\" name=\"q\" value=\"{}\" maxlength=\"100\">{}<button>{}</button></form>\n",
                              tr(lang, "搜索", "Search"), esc(q), lang == Lang::en ? R"(<input type="hidden" name="lang" value="en">)" : "",
                              tr(lang, "搜索", "Search"));
  if (q.empty()) return h;
  const std::vector<FindHit> hits = find(sw.workspace(), q);
  h += fmt::format("<p class=\"meta\" id=\"search-count\" data-n=\"{}\">{} {}</p>\n<ul id=\"search-hits\">", hits.size(),
                   hits.size(), tr(lang, "条结果", "hits"));
  for (const FindHit& hit : hits) {
    std::string link, what;
    switch (hit.kind) {
      case FindHit::Kind::chain: link = chain_href(hit.id, lang); what = tr(lang, "产业链", "chain"); break;
      case FindHit::Kind::segment:
        link = sw.find_chain(hit.chain) ? segment_href(hit.chain, hit.id, lang) : chain_href(hit.chain, lang);
        what = tr(lang, "环节", "segment");
        break;
      case FindHit::Kind::enterprise: link = firm_href(hit.id, lang); what = tr(lang, "企业", "firm"); break;
    }
    h += fmt::format("<li><span class=\"meta\">{}</span> <a href=\"{}\">{}</a>{}</li>", what, esc(link), esc(hit.name),
                     hit.matched != hit.name ? " <span class=\"meta\">(" + esc(hit.matched) + ")</span>" : "");
  }
  h += "</ul>\n";
  return h;
}

}  // namespace chainlens::server
