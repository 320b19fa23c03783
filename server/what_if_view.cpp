// server/what_if_view.cpp: the what-if answer as an HTML fragment (inserted by app.js, or the
// body of the what-if page): SLSR, gap counts by kind, changed segments, chokepoints, portfolio.
#include <fmt/format.h>

#include <map>

#include "render/gaps_writer.hpp"
#include "render/report_text.hpp"
#include "server/page_kit.hpp"
#include "server/pages.hpp"

namespace chainlens::server {

namespace {

// Green when the change is for the better: SLSR up, a gap score down.
std::string diff_text(const std::optional<double>& a, const std::optional<double>& b, bool higher_is_better) {
  if (!a || !b) return "-";
  const double d = *b - *a;
  const bool better = higher_is_better ? d > 1e-12 : d < -1e-12;
  const bool worse = higher_is_better ? d < -1e-12 : d > 1e-12;
  return fmt::format("<span class=\"{}\">{:+.4f}</span>", better ? "up" : worse ? "down" : "", d);
}

std::map<std::optional<GapKind>, int> kinds(const GapReport& g) {
  std::map<std::optional<GapKind>, int> out;
  for (const SegmentGap& s : g.segments) ++out[s.kind];
  return out;
}

std::string picks(const ServedWorkspace& sw, const ServedChain& c, const Portfolio& p, Lang lang) {
  if (p.picked.empty()) return "-";
  std::string out;
  for (const PortfolioPick& pick : p.picked)
    out += (out.empty() ? "" : "<br>") + esc(firm_name(sw.workspace(), pick.id)) + " → " + esc(segment_name(*c.graph, pick.segment, lang));
  return out;
}

}  // namespace

std::string what_if_fragment(const ServedWorkspace& sw, const ServedChain& c, const WhatIfOutcome& o, Lang lang) {
  const WhatIfReport& r = o.report;
  const Workspace& ws = sw.workspace();
  std::string changes;
  for (const WhatIfChange& ch : r.changes)
    changes += fmt::format("<li>{} {}</li>", ch.kind == WhatIfChange::Kind::add ? tr(lang, "引进", "bring in") : tr(lang, "退出", "take out"),
                           firm_link(ws, ch.enterprise, lang));
  std::string h = fmt::format("<ul id=\"whatif-changes\">{}</ul>\n", changes);
  const auto& b = r.before.gaps.slsr;
  const auto& a = r.after.gaps.slsr;
  h += fmt::format("<table id=\"whatif-summary\"><thead><tr><th></th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>\n",
                   tr(lang, "模拟前", "Before"), tr(lang, "模拟后", "After"), tr(lang, "变化", "Difference"));
  h += fmt::format("<tr><td>{}</td><td class=\"num\" id=\"whatif-slsr-before\">{}</td><td class=\"num\" id=\"whatif-slsr-after\">{}</td><td class=\"num\" id=\"whatif-slsr-diff\">{}</td></tr>\n",
                   tr(lang, "链本地配套率 SLSR", "Chain SLSR"), fixed4(b), fixed4(a), diff_text(b, a, true));
  const auto kb = kinds(r.before.gaps), ka = kinds(r.after.gaps);
  for (const std::optional<GapKind> k : {std::optional<GapKind>(GapKind::fill), std::optional<GapKind>(GapKind::strengthen),
                                         std::optional<GapKind>(GapKind::extend)}) {
    const int nb = kb.count(k) ? kb.at(k) : 0, na = ka.count(k) ? ka.at(k) : 0;
    h += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{:+d}</td></tr>\n",
                     esc(kind_label(k, lang)), nb, na, na - nb);
  }
  h += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td></td></tr>\n", tr(lang, "卡点环节", "Chokepoint segments"),
                   r.before.chokepoints.segments.size(), r.after.chokepoints.segments.size());
  h += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td></td></tr>\n", tr(lang, "推荐组合", "Portfolio"),
                   picks(sw, c, c.report.portfolio, lang), o.portfolio_after ? picks(sw, c, *o.portfolio_after, lang) : "-");
  h += "</tbody></table>\n";
  if (r.changed_segments.empty()) {
    h += fmt::format("<p id=\"whatif-nochange\">{}</p>\n", tr(lang, "没有环节的状态或缺口分发生变化。", "No segment's status or gap score changes."));
    return h;
  }
  std::map<std::string, const SegmentGap*> before, after;
  for (const SegmentGap& g : r.before.gaps.segments) before[g.segment] = &g;
  for (const SegmentGap& g : r.after.gaps.segments) after[g.segment] = &g;
  h += fmt::format("<table id=\"whatif-segments\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>\n",
                   tr(lang, "环节", "Segment"), tr(lang, "状态 (前)", "Status before"), tr(lang, "状态 (后)", "Status after"),
                   tr(lang, "缺口分 (前)", "Gap score before"), tr(lang, "缺口分 (后)", "Gap score after"), tr(lang, "变化", "Difference"));
  for (const std::string& s : r.changed_segments) {
    const SegmentGap* gb = before.count(s) ? before[s] : nullptr;
    const SegmentGap* ga = after.count(s) ? after[s] : nullptr;
    if (!gb || !ga) continue;
    h += fmt::format("<tr data-segment=\"{}\"><td><a href=\"{}\">{}</a></td><td>{}</td><td>{}</td>{}{}<td class=\"num\">{}</td></tr>\n",
                     esc(s), esc(segment_href(c.chain->id, s, lang)), esc(segment_name(*c.graph, s, lang)),
                     status_chip(gb->status, lang), status_chip(ga->status, lang), num_cell(gb->gap_score), num_cell(ga->gap_score),
                     diff_text(gb->gap_score, ga->gap_score, false));
  }
  h += "</tbody></table>\n";
  return h;
}

}  // namespace chainlens::server
