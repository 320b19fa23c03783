// server/chain_page.cpp: one chain: summary, the clickable chain map, the gap table, the best
// targets and portfolio, and the what-if form (plain GET; app.js runs it in place).
#include <fmt/format.h>

#include <set>

#include "render/diagram.hpp"
#include "render/gaps_writer.hpp"
#include "render/report_text.hpp"
#include "server/page_kit.hpp"
#include "server/pages.hpp"

namespace chainlens::server {

namespace {

constexpr std::size_t kTargetRows = 20, kAddChoices = 20, kRemoveChoices = 40;

void gap_table(std::string& h, const ServedWorkspace& sw, const ServedChain& c, Lang lang) {
  const Workspace& ws = sw.workspace();
  h += fmt::format("<h2 id=\"gaps\">{}</h2>\n", tr(lang, "环节缺口", "Gaps by segment"));
  h += fmt::format(
      "<table class=\"sortable\" id=\"gap-table\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th>"
      "<th>{}</th><th>{}</th></tr></thead><tbody>\n",
      tr(lang, "环节", "Segment"), tr(lang, "状态", "Status"), tr(lang, "类型", "Kind"), tr(lang, "缺口分", "Gap score"),
      tr(lang, "重要度", "Importance"), tr(lang, "本地企业", "Local firms"), tr(lang, "原因", "Why"));
  for (const SegmentGap& g : c.report.gaps().segments) {
    const auto v = c.graph->find_segment(g.segment);
    const std::string name = v ? segment_display_name(*(*c.graph)[*v].segment, lang) : g.name;
    h += fmt::format("<tr data-segment=\"{}\"><td><a href=\"{}\">{}</a></td><td>{}</td><td>{}</td>{}{}<td>{}</td><td>{}</td></tr>\n",
                     esc(g.segment), esc(segment_href(c.chain->id, g.segment, lang)), esc(name), status_chip(g.status, lang),
                     esc(kind_label(g.kind, lang)), num_cell(g.gap_score), num_cell(g.importance),
                     firm_links(ws, g.local_enterprises, lang), esc(gap_reason(g, lang)));
  }
  h += "</tbody></table>\n";
}

void targets_table(std::string& h, const ServedWorkspace& sw, const ServedChain& c, Lang lang) {
  const Workspace& ws = sw.workspace();
  h += fmt::format("<h2 id=\"targets\">{}</h2>\n", tr(lang, "招商目标", "Targets"));
  h += fmt::format("<table class=\"sortable\" id=\"targets-table\"><thead><tr><th>#</th><th>{}</th><th>{}</th><th>{}</th>"
                   "<th>{}</th><th>{}</th></tr></thead><tbody>\n",
                   tr(lang, "企业", "Firm"), tr(lang, "得分", "Score"), tr(lang, "最佳环节", "Best segment"),
                   tr(lang, "类型", "Kind"), tr(lang, "备注", "Notes"));
  std::size_t i = 0;
  for (const CandidateScore& t : c.report.targets.targets) {
    if (i++ >= kTargetRows) break;
    h += fmt::format("<tr><td class=\"num\" data-v=\"{}\">{}</td><td>{}</td>{}<td><a href=\"{}\">{}</a></td><td>{}</td><td>{}</td></tr>\n",
                     i, i, firm_link(ws, t.id, lang), num_cell(t.score, 1), esc(segment_href(c.chain->id, t.segment, lang)),
                     esc(segment_name(*c.graph, t.segment, lang)), esc(kind_label(t.kind, lang)), esc(target_notes(t, lang)));
  }
  h += "</tbody></table>\n";
  const Portfolio& p = c.report.portfolio;
  if (!p.picked.empty()) {
    h += fmt::format("<h2 id=\"portfolio\">{}</h2>\n<ol>", tr(lang, "推荐组合", "Recommended portfolio"));
    for (const PortfolioPick& pick : p.picked)
      h += fmt::format("<li>{} → <a href=\"{}\">{}</a> ({:.1f})</li>", firm_link(ws, pick.id, lang),
                       esc(segment_href(c.chain->id, pick.segment, lang)), esc(segment_name(*c.graph, pick.segment, lang)),
                       pick.score);
    h += fmt::format("</ol>\n<p class=\"meta\">SLSR {} → {}</p>\n", fixed4(p.slsr_before), fixed4(p.slsr_after));
  }
}

void what_if_form(std::string& h, const ServedWorkspace& sw, const ServedChain& c, Lang lang) {
  const Workspace& ws = sw.workspace();
  h += fmt::format("<h2 id=\"whatif\">{}</h2>\n<p class=\"meta\">{}</p>\n", tr(lang, "引进 / 退出模拟", "What-if"),
                   tr(lang, "勾选要引进的候选企业 (视为在本地投产) 或要退出的本地企业, 结果即时重算; 原数据不会被修改。",
                      "Tick candidates to bring in (as local operating firms) or local firms that leave; the figures are "
                      "recomputed at once, the data is never changed."));
  h += fmt::format("<form id=\"whatif-form\" method=\"get\" action=\"{}\"><div class=\"cols\">",
                   esc("/chains/" + url_component(c.chain->id) + "/whatif"));
  h += fmt::format("<div><fieldset id=\"whatif-add\"><legend>{}</legend>", tr(lang, "引进候选", "Bring in"));
  std::set<std::string> shown;
  for (const CandidateScore& t : c.report.targets.targets) {
    if (shown.size() >= kAddChoices) break;
    if (!shown.insert(t.id).second) continue;
    h += fmt::format("<label><input type=\"checkbox\" name=\"add\" value=\"{}\"> {} <span class=\"meta\">({} · {:.1f})</span></label><br>\n",
                     esc(t.id), esc(firm_name(ws, t.id)), esc(segment_name(*c.graph, t.segment, lang)), t.score);
  }
  h += fmt::format("</fieldset></div><div><fieldset id=\"whatif-remove\"><legend>{}</legend>", tr(lang, "本地企业退出", "Take out"));
  std::set<std::string> locals;
  for (const SegmentGap& g : c.report.gaps().segments) locals.insert(g.local_enterprises.begin(), g.local_enterprises.end());
  std::size_t n = 0;
  for (const std::string& id : locals) {
    if (n++ >= kRemoveChoices) break;
    h += fmt::format("<label><input type=\"checkbox\" name=\"remove\" value=\"{}\"> {}</label><br>\n", esc(id),
                     esc(firm_name(ws, id)));
  }
  h += "</fieldset></div></div>";
  if (lang == Lang::en) h += R"(<input type="hidden" name="lang" value="en">)";
  h += fmt::format("<p><button type=\"submit\" id=\"whatif-run\">{}</button></p></form>\n<div id=\"whatif-result\" data-state=\"idle\"></div>\n",
                   tr(lang, "模拟", "Run"));
}

}  // namespace

std::string chain_body(const ServedWorkspace& sw, const ServedChain& c, Lang lang) {
  const GapReport& gaps = c.report.gaps();
  std::string h = fmt::format("<h1 id=\"chain-title\">{}</h1>\n", esc(chain_display_name(*c.chain, lang)));
  int fills = 0;
  for (const SegmentGap& g : gaps.segments)
    if (g.kind == GapKind::fill || g.kind == GapKind::strengthen) ++fills;
  h += fmt::format("<p class=\"meta\">{} {} · SLSR <strong id=\"chain-slsr\">{}</strong> · {} {} · {} {}</p>\n",
                   tr(lang, "范围", "Scope"), esc(c.scope.str()), fixed4(gaps.slsr), tr(lang, "环节", "segments"),
                   gaps.segments.size(), tr(lang, "补链/强链", "to fill or strengthen"), fills);
  for (const Goal& g : c.chain->goals)
    h += fmt::format("<p class=\"meta\">{}: {}</p>\n", g.metric == "output_value" ? tr(lang, "产值目标", "Output goal") : esc(g.metric).c_str(),
                     esc(goal_text(g)));
  const std::string base = "/chains/" + url_component(c.chain->id);
  h += fmt::format("<p>{}: <a href=\"{}\">HTML</a> · <a href=\"{}\">Excel</a> · <a href=\"{}\">JSON</a> · API: <a href=\"{}\">gaps</a> · "
                   "<a href=\"{}\">targets</a> · <a href=\"{}\">supply</a> · <a href=\"{}\">chokepoints</a></p>\n",
                   tr(lang, "下载报告", "Download the report"), esc(href(base + "/report.html", lang)),
                   esc(href(base + "/report.xlsx", lang)),
                   esc(href("/api" + base + "/report", lang)), esc(href("/api" + base + "/gaps", lang)),
                   esc(href("/api" + base + "/targets", lang)), esc(href("/api" + base + "/supply", lang)),
                   esc(href("/api" + base + "/chokepoints", lang)));
  const int i = lang == Lang::zh ? 0 : 1;
  const std::string& svg = c.chain_svg[i];
  const auto start = svg.find("<svg");  // drop the XML prolog and doctype: the SVG is inline
  h += fmt::format("<p><button type=\"button\" class=\"zoom\" data-figure=\"chain-diagram\">{}</button></p>\n",
                   tr(lang, "图谱: 适应宽度 / 原始大小", "Map: fit / full size"));
  h += fmt::format("<figure id=\"chain-diagram\">{}<figcaption>{}</figcaption></figure>\n",
                   start == std::string::npos ? std::string() : svg.substr(start),
                   tr(lang, "产业链图谱: 颜色为环节状态, 粗框为卡点; 点击环节查看详情。",
                      "Chain map: colour is the segment's status, heavy borders are chokepoints; click a segment for its page."));
  what_if_form(h, sw, c, lang);
  gap_table(h, sw, c, lang);
  targets_table(h, sw, c, lang);
  return h;
}

}  // namespace chainlens::server
