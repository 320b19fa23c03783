// render/report_html.cpp: the report as one self-contained HTML page: inline CSS, inline SVG
// diagrams and a few lines of inline script that sort tables. Nothing is fetched: the page
// works offline, from a mail attachment, and prints on A4.
#include <fmt/format.h>

#include <map>
#include <set>

#include "engine/chain_graph.hpp"
#include "render/diagram.hpp"
#include "render/gaps_writer.hpp"
#include "engine/targets.hpp"
#include "render/graphviz_writer.hpp"
#include "render/report_writer.hpp"

namespace chainlens {

namespace {

// html_escape of graphviz_writer turns a backslash into a GraphViz escape; a page needs less.
std::string esc(std::string_view text) {
  std::string out;
  for (char ch : text) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += ch;
    }
  }
  return out;
}

constexpr const char* kStyle = R"(
:root { --ink: #1a1a1a; --muted: #5b5b5b; --rule: #d0d0d0; --head: #f2f2f2; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
       color: var(--ink); margin: 0 auto; max-width: 1100px; padding: 24px; line-height: 1.5; font-size: 14px; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; border-bottom: 2px solid var(--ink); padding-bottom: 2px;
margin-top: 28px; } h3 { font-size: 15px; margin-bottom: 4px; }
.meta { color: var(--muted); font-size: 12px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 12px; font-size: 12.5px; }
th, td { border: 1px solid var(--rule); padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: var(--head); }
table.sortable th { cursor: pointer; } table.sortable th::after { content: " \2195"; color: var(--muted); }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.status { display: inline-block; padding: 0 6px; border-radius: 3px; white-space: nowrap; }
.cards { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0; }
.card { border: 1px solid var(--rule); border-radius: 4px; padding: 6px 10px; min-width: 120px; }
.card b { display: block; font-size: 18px; }
.quote { color: var(--muted); }
.evidence { background: #fbf8ef; border-left: 4px solid #E69F00; padding: 4px 10px; }
figure { margin: 8px 0; } figure svg { max-width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: 12px; }
.scopes { font-size: 13px; }
@page { size: A4; margin: 14mm; }
@media print { body { max-width: none; padding: 0; font-size: 10.5pt; } h2 { break-after: avoid; }
  tr, figure { break-inside: avoid; } table.sortable th::after { content: ""; } }
)";

// Sorts a table by the clicked header; numbers by data-v when present.
constexpr const char* kScript = R"(
window.addEventListener('error', function (e) { document.body.setAttribute('data-script-error', String(e.message)); });
document.querySelectorAll('table.sortable').forEach(function (table) {
  table.querySelectorAll('th').forEach(function (th, i) {
    th.addEventListener('click', function () {
      var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
      var asc = th.getAttribute('data-dir') !== 'asc', num = th.getAttribute('data-type') === 'num';
      th.setAttribute('data-dir', asc ? 'asc' : 'desc');
      rows.sort(function (a, b) {
        var x = a.cells[i].getAttribute('data-v') || a.cells[i].textContent;
        var y = b.cells[i].getAttribute('data-v') || b.cells[i].textContent;
        if (num) { x = parseFloat(x); y = parseFloat(y); x = isNaN(x) ? -1e300 : x; y = isNaN(y) ? -1e300 : y;
                   return asc ? x - y : y - x; }
        return asc ? x.localeCompare(y, 'zh') : y.localeCompare(x, 'zh');
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
});
// Resources the page fetched: always 0, so the report works offline (checked by the browser test).
var fetched = window.performance && performance.getEntriesByType ? performance.getEntriesByType('resource').length : 0;
document.body.setAttribute('data-resources', String(fetched));
document.body.setAttribute('data-ready', '1');
)";

// GraphViz's SVG starts with an XML declaration and a DOCTYPE; inline SVG starts at <svg.
std::string inline_svg(const std::string& svg) {
  const auto at = svg.find("<svg");
  return at == std::string::npos ? std::string() : svg.substr(at);
}

std::string status_chip(SegmentStatus s, Lang lang) {
  const bool dark = s == SegmentStatus::missing || s == SegmentStatus::covered;
  return fmt::format(R"(<span class="status" style="background:{};color:{}">{}</span>)", status_fill(s),
                     dark ? "#ffffff" : "#1a1a1a", esc(status_label(s, lang)));
}

std::string num_cell(double v, int digits = 4) {
  return fmt::format(R"(<td class="num" data-v="{:.6f}">{:.{}f}</td>)", v, v, digits);
}

// A ratio as a percentage; data-v keeps the fraction for sorting.
std::string pct_cell(const std::optional<double>& v) {
  return v ? fmt::format(R"(<td class="num" data-v="{:.6f}">{}</td>)", *v, percent(v))
           : std::string(R"(<td class="num" data-v="">-</td>)");
}

std::string th(const char* label, bool numeric = false) {
  return fmt::format(R"(<th{}>{}</th>)", numeric ? R"( data-type="num")" : "", label);
}

void summary_section(std::string& h, const ReportContext& c) {
  const ChainReport& r = *c.report;
  const Chain& chain = c.graph->chain();
  const Lang lang = c.lang;
  h += fmt::format("<h2 id=\"summary\">{}</h2>\n", tr(lang, "一、概览", "1. Summary"));
  h += "<div class=\"cards\">";
  for (const Goal& g : chain.goals)
    h += fmt::format("<div class=\"card\">{}<b>{}</b><span class=\"quote\">{}</span></div>",
                     g.metric == "output_value" ? tr(lang, "产值目标", "Output goal") : esc(g.metric).c_str(),
                     esc(goal_text(g)), esc(cite(*c.workspace, g.source)));
  h += fmt::format("<div class=\"card\">{}<b>{}</b></div>", tr(lang, "结构性本地配套率 SLSR", "Structural LSR"),
                   percent(r.gaps().slsr));
  h += fmt::format("<div class=\"card\">{}<b>{}</b></div>", tr(lang, "环节数", "Segments"), r.gaps().segments.size());
  for (SegmentStatus s : {SegmentStatus::missing, SegmentStatus::planned, SegmentStatus::single, SegmentStatus::weak,
                          SegmentStatus::covered})
    h += fmt::format("<div class=\"card\">{}<b>{}</b></div>", status_chip(s, lang),
                     r.status_counts.count(s) ? r.status_counts.at(s) : 0);
  h += "</div>\n";
  // The multi-scope line: 新区 → 青岛 → 山东 → 中国.
  h += fmt::format("<p class=\"scopes\"><b>{}</b> ", tr(lang, "多级范围:", "Scopes:"));
  for (std::size_t i = 0; i < r.scopes.scopes.size(); ++i) {
    const GapReport& g = r.scopes.scopes[i];
    int missing = 0;
    for (const SegmentGap& s : g.segments) missing += s.status == SegmentStatus::missing;
    h += fmt::format(fmt::runtime(tr(lang, "{}{} (SLSR {}, 缺链 {})", "{}{} (SLSR {}, {} missing)")), i ? " → " : "",
                     esc(g.scope.empty() ? "-" : g.scope.str()), percent(g.slsr), missing);
  }
  h += "</p>\n";
  if (!r.scopes.import_dependent.empty())
    h += fmt::format("<p>{} {}</p>\n", tr(lang, "全国范围内也缺失 (依赖进口或未覆盖):", "Missing even in the widest scope (import-dependent or not covered):"),
                     esc([&] {
                       std::string s;
                       for (const std::string& id : r.scopes.import_dependent)
                         s += (s.empty() ? "" : tr(lang, "、", ", ")) + report_segment(c, id, lang);
                       return s;
                     }()));
  if (!chain.declared.empty()) {
    h += fmt::format("<div class=\"evidence\"><b>{}</b><ul>", tr(lang, "规划文件所述数据 (原文, 未参与计算)", "Figures the plans state (quoted, not computed)"));
    for (const Declared& d : chain.declared)
      h += fmt::format("<li>{}{} <span class=\"quote\">{}</span></li>", esc(declared_text(d, lang)),
                       d.note.empty() ? "" : " — " + esc(d.note), esc(cite(*c.workspace, d.source)));
    h += "</ul></div>\n";
  }
}

void gap_rows(std::string& h, const ReportContext& c, bool extend) {
  const ChainReport& r = *c.report;
  const Lang lang = c.lang;
  h += "<thead><tr>";
  h += th(tr(lang, "环节", "Segment")) + th(tr(lang, "状态", "Status")) + th(tr(lang, "重要度", "Importance"), true) +
       th(tr(lang, "缺口分", "Gap score"), true) + th(tr(lang, "类型", "Kind")) + th(tr(lang, "价值V", "Value"), true) +
       th(tr(lang, "依赖D", "Dependence"), true) + th(tr(lang, "规划P", "Plan"), true) + th(tr(lang, "进口K", "Import"), true) +
       th(tr(lang, "原因", "Why")) + th(tr(lang, "本地企业", "Local firms"));
  h += "</tr></thead><tbody>\n";
  const std::set<std::string> choke(r.chokepoints.segments.begin(), r.chokepoints.segments.end());
  for (const SegmentGap& g : r.gaps().segments) {
    if ((g.kind == GapKind::extend) != extend) continue;
    h += fmt::format("<tr data-segment=\"{}\"><td>{}{}</td><td data-v=\"{}\">{}</td>", esc(g.segment),
                     esc(report_segment(c, g.segment, lang)), choke.contains(g.segment) ? tr(lang, " ◆卡点", " ◆chokepoint") : "",
                     static_cast<int>(g.status), status_chip(g.status, lang) + (g.weak_flag ? tr(lang, " (弱)", " (weak)") : ""));
    h += num_cell(g.importance) + num_cell(g.gap_score);
    h += fmt::format("<td>{}</td>", esc(kind_label(g.kind, lang)));
    h += num_cell(g.factors.value, 2) + num_cell(g.factors.dependence, 2) + num_cell(g.factors.plan, 2) +
         num_cell(g.factors.import, 2);
    h += fmt::format("<td>{}</td>", esc(gap_reason(g, lang)));
    std::string firms = firm_names(*c.workspace, g.local_enterprises, lang);
    if (!g.carriers.empty())
      firms += (firms.empty() ? "" : tr(lang, "; ", "; ")) + std::string(tr(lang, "载体: ", "carriers: ")) +
               firm_names(*c.workspace, g.carriers, lang);
    h += fmt::format("<td>{}</td></tr>\n", esc(firms));
  }
  h += "</tbody></table>\n";
}

void gap_section(std::string& h, const ReportContext& c) {
  const ChainReport& r = *c.report;
  const Lang lang = c.lang;
  h += fmt::format("<h2 id=\"gaps\">{}</h2>\n", tr(lang, "二、产业链缺口", "2. Gaps in the chain"));
  h += fmt::format("<p class=\"meta\">{}</p>\n",
                   tr(lang, "补链、强链环节按缺口分排序; 点击表头可重新排序。缺口分 = 严重度 × 重要度; 重要度 = 价值、依赖、规划、进口四因子加权。",
                      "Links to fill and strengthen, by gap score; click a header to sort. Gap score = severity × importance; "
                      "importance weighs value, dependence, plan and import."));
  h += "<table class=\"sortable\" id=\"gap-table\">";
  gap_rows(h, c, false);
  bool any_extend = false;
  for (const SegmentGap& g : r.gaps().segments) any_extend = any_extend || g.kind == GapKind::extend;
  if (any_extend) {
    h += fmt::format("<h3 id=\"extend\">{}</h3>\n", tr(lang, "延链环节 (服务、研发及下游延伸)", "Extension segments (services, R&D and downstream)"));
    h += "<table class=\"sortable\" id=\"extend-table\">";
    gap_rows(h, c, true);
  }
}

void declared_section(std::string& h, const ReportContext& c) {
  const Chain& chain = c.graph->chain();
  const Lang lang = c.lang;
  h += fmt::format("<h2 id=\"declared\">{}</h2>\n", tr(lang, "三、规划文件所述短板", "3. Weaknesses the plans state"));
  h += fmt::format("<p class=\"meta\">{}</p>\n", tr(lang, "原文引述, 作为证据与上表的计算结果并列, 不参与计算。",
                                                   "Quoted from the documents: evidence beside the computed table, never part of it."));
  if (chain.gaps.empty()) {
    h += fmt::format("<p>{}</p>\n", tr(lang, "文件未陈述本链短板。", "The documents state no weakness for this chain."));
    return;
  }
  h += "<table class=\"sortable\" id=\"declared-table\"><thead><tr>" + th(tr(lang, "环节", "Segment")) +
       th(tr(lang, "类型", "Kind")) + th(tr(lang, "说明", "Note")) + th(tr(lang, "出处", "Source")) + "</tr></thead><tbody>\n";
  for (const DeclaredGap& g : chain.gaps)
    h += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"quote\">{}</td></tr>\n",
                     esc(report_segment(c, g.segment, lang)), declared_kind_label(g.kind, lang), esc(g.note),
                     esc(cite(*c.workspace, g.source)));
  h += "</tbody></table>\n";
}

void chokepoint_section(std::string& h, const ReportContext& c) {
  const ChokepointReport& k = c.report->chokepoints;
  const Lang lang = c.lang;
  h += fmt::format("<h2 id=\"chokepoints\">{}</h2>\n", tr(lang, "四、卡点", "4. Chokepoints"));
  auto names = [&](const std::vector<std::string>& ids, bool segments) {
    std::string s;
    for (const std::string& id : ids)
      s += (s.empty() ? "" : tr(lang, "、", ", ")) +
           (segments ? report_segment(c, id, lang) : firm_name(*c.workspace, id));
    return s.empty() ? std::string(tr(lang, "无", "none")) : s;
  };
  h += fmt::format("<p><b>{}</b> {}</p>\n", tr(lang, "必经环节:", "Segments every path passes:"), esc(names(k.segments, true)));
  h += fmt::format("<p><b>{}</b> {}</p>\n", tr(lang, "关键企业 (供应网络关节点):", "Firms holding the supply network together:"),
                   esc(names(k.enterprises, false)));
  if (k.single_sources.empty()) {
    h += fmt::format("<p><b>{}</b> {}</p>\n", tr(lang, "唯一来源:", "Single sources:"), tr(lang, "无记录", "none recorded"));
    return;
  }
  h += "<table id=\"single-sources\"><thead><tr>" + th(tr(lang, "企业", "Firm")) + th(tr(lang, "环节", "Segment")) +
       th(tr(lang, "唯一供应商", "Only supplier")) + "</tr></thead><tbody>\n";
  for (const SingleSource& s : k.single_sources)
    h += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n", esc(firm_name(*c.workspace, s.enterprise)),
                     esc(report_segment(c, s.segment, lang)), esc(firm_name(*c.workspace, s.supplier)));
  h += "</tbody></table>\n";
}

void supply_section(std::string& h, const ReportContext& c) {
  const LocalSupplyReport& s = c.report->supply;
  const Lang lang = c.lang;
  h += fmt::format("<h2 id=\"supply\">{}</h2>\n", tr(lang, "五、本地配套", "5. Local supply"));
  bool any = false;
  std::string rows;
  for (const EnterpriseSupply& e : s.enterprises) {
    if (e.relations == 0 && e.declared.empty()) continue;
    any = true;
    std::string declared;
    for (const Declared& d : e.declared)
      declared += (declared.empty() ? "" : "; ") + declared_text(d, lang) + " " + cite(*c.workspace, d.source);
    rows += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td>", esc(e.name.empty() ? e.enterprise : e.name), e.relations);
    rows += pct_cell(e.by_value) + pct_cell(e.by_count) + pct_cell(e.potential_by_count);
    rows += fmt::format("<td class=\"quote\">{}</td></tr>\n", esc(declared));
  }
  if (!any) {
    h += fmt::format("<p>{}</p>\n", tr(lang, "本链未记录企业间供应关系, 也无文件所述的配套率; 企业本地配套率无法计算 (不以 0 代替)。",
                                         "No supply relation and no stated ratio is recorded for this chain, so no enterprise ratio can be computed (it is not shown as 0)."));
  } else {
    h += "<table class=\"sortable\" id=\"supply-table\"><thead><tr>" + th(tr(lang, "企业", "Firm")) +
         th(tr(lang, "供应关系", "Relations"), true) + th(tr(lang, "本地配套率 (金额)", "LSR by value"), true) +
         th(tr(lang, "本地配套率 (数量)", "LSR by count"), true) + th(tr(lang, "潜在配套率", "Potential LSR"), true) +
         th(tr(lang, "文件所述 (原文)", "Stated in documents")) + "</tr></thead><tbody>\n" + rows + "</tbody></table>\n";
  }
  if (!s.matchmaking.empty()) {
    h += fmt::format("<h3>{}</h3>\n", tr(lang, "供需对接: 外购但本地有企业可供", "Matchmaking: bought from outside, made locally"));
    h += "<table id=\"matchmaking\"><thead><tr>" + th(tr(lang, "采购方", "Customer")) + th(tr(lang, "环节", "Segment")) +
         th(tr(lang, "现供应商 (非本地)", "Current supplier")) + th(tr(lang, "本地可供企业", "Local alternatives")) +
         "</tr></thead><tbody>\n";
    for (const Matchmaking& m : s.matchmaking)
      h += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", esc(firm_name(*c.workspace, m.customer)),
                       esc(report_segment(c, m.segment, lang)), esc(firm_name(*c.workspace, m.supplier)),
                       esc(firm_names(*c.workspace, m.local_alternatives, lang) +
                           (m.alternatives_total > m.local_alternatives.size()
                                ? fmt::format(fmt::runtime(tr(lang, " 等 {} 家", " ({} in all)")), m.alternatives_total)
                                : std::string())));
    h += "</tbody></table>\n";
  }
}

void targets_section(std::string& h, const ReportContext& c) {
  const ChainReport& r = *c.report;
  const Lang lang = c.lang;
  const Chain& chain = c.graph->chain();
  h += fmt::format("<h2 id=\"targets\">{}</h2>\n", tr(lang, "六、招商目标", "6. Companies to approach"));
  h += fmt::format("<p class=\"meta\">{}</p>\n",
                   fmt::format(fmt::runtime(tr(lang, "共 {} 家候选企业 (本地范围以外、在本链环节经营或列入名录), 显示前 {} 名。",
                                               "{} candidates (outside the scope, operating in the chain or on a target list); the first {} are shown.")),
                               r.targets.targets.size(), std::min(c.top_targets, r.targets.targets.size())));
  h += "<table class=\"sortable\" id=\"target-table\"><thead><tr>" + th("#", true) + th(tr(lang, "企业", "Company")) +
       th(tr(lang, "得分", "Score"), true) + th(tr(lang, "引进环节", "Segment")) + th(tr(lang, "类型", "Kind")) +
       th(tr(lang, "缺口", "Gap"), true) + th(tr(lang, "主营匹配", "Fit"), true) + th(tr(lang, "实力", "Strength"), true) +
       th(tr(lang, "联系", "Link"), true) + th(tr(lang, "关联", "Related"), true) + th(tr(lang, "名录", "Listed"), true) +
       th(tr(lang, "说明", "Notes")) + "</tr></thead><tbody>\n";
  for (std::size_t i = 0; i < r.targets.targets.size() && i < c.top_targets; ++i) {
    const CandidateScore& t = r.targets.targets[i];
    h += fmt::format(R"(<tr><td class="num" data-v="{}">{}</td><td>{}</td>)", i + 1, i + 1, esc(t.name.empty() ? t.id : t.name));
    h += num_cell(t.score, 1);
    h += fmt::format("<td>{}</td><td>{}</td>", esc(t.segment.empty() ? "-" : report_segment(c, t.segment, lang)),
                     esc(kind_label(t.kind, lang)));
    h += num_cell(t.factors.gap) + num_cell(t.factors.fit, 1) + num_cell(t.factors.strength) + num_cell(t.factors.link, 0) +
         num_cell(t.factors.related) + num_cell(t.factors.listed, 0);
    h += fmt::format("<td>{}</td></tr>\n", esc(target_notes(t, lang)));
  }
  h += "</tbody></table>\n";
  if (r.targets.nearby_excluded > 0)
    h += fmt::format(fmt::runtime(tr(lang, "<p class=\"meta\">另有 {} 家位于本市其他区县, 市内转移不算招商, 未列入。</p>\n",
                                     "<p class=\"meta\">{} more are elsewhere in the city: moving within the city is not 招商, so they are left out.</p>\n")),
                     r.targets.nearby_excluded);
  // One table per top gap: the best candidates for that segment, each scored for it.
  const std::vector<RankedPair> ranked = ranked_pairs(r.targets);
  std::size_t shown = 0;
  for (const SegmentGap& g : r.gaps().segments) {
    if (shown >= c.gap_tables) break;
    if (g.kind != GapKind::fill && g.kind != GapKind::strengthen) continue;
    const std::vector<RankedPair> best = pairs_for_segment(ranked, g.segment, 5);
    if (best.empty()) continue;
    ++shown;
    h += fmt::format("<h3 class=\"gap-targets\">{} · {} <span class=\"meta\">{} · {} {:.4f}</span></h3>\n",
                     tr(lang, "缺口", "Gap"), esc(report_segment(c, g.segment, lang)), esc(kind_label(g.kind, lang)),
                     tr(lang, "缺口分", "gap score"), g.gap_score);
    h += "<table class=\"gap-target-table\"><thead><tr>" + th(tr(lang, "企业", "Company")) + th(tr(lang, "该环节得分", "Score here"), true) +
         th(tr(lang, "主营匹配", "Fit"), true) + th(tr(lang, "实力", "Strength"), true) + th(tr(lang, "联系", "Link"), true) +
         th(tr(lang, "说明", "Notes")) + "</tr></thead><tbody>\n";
    for (const RankedPair& p : best) {
      h += fmt::format("<tr><td>{}</td>", esc(p.candidate->name.empty() ? p.candidate->id : p.candidate->name));
      h += num_cell(p.pair->score, 1) + num_cell(p.pair->factors.fit, 1) + num_cell(p.pair->factors.strength) +
           num_cell(p.pair->factors.link, 0);
      h += fmt::format("<td>{}</td></tr>\n", esc(target_notes(*p.candidate, lang)));
    }
    h += "</tbody></table>\n";
  }
  const Portfolio& p = r.portfolio;
  if (p.k > 0) {
    h += fmt::format("<h3>{}</h3>\n", fmt::format(fmt::runtime(tr(lang, "组合推荐 (最多 {} 家, 每家落一个环节)", "Portfolio (up to {} firms, one segment each)")), p.k));
    if (p.picked.empty()) {
      h += fmt::format("<p>{}</p>\n", tr(lang, "没有候选企业能填补尚未覆盖的环节。", "No candidate closes a segment that is not covered."));
    } else {
      h += "<ol>";
      for (const PortfolioPick& pick : p.picked)
        h += fmt::format(fmt::runtime(tr(lang, "<li><b>{}</b> → {} (得分 {:.1f}, 缺口分 {:.4f})</li>", "<li><b>{}</b> → {} (score {:.1f}, gap score {:.4f})</li>")),
                         esc(firm_name(*c.workspace, pick.id)), esc(report_segment(c, pick.segment, lang)), pick.score, pick.gain);
      h += "</ol>\n";
      h += fmt::format(fmt::runtime(tr(lang, "<p>若上述企业落地, 结构性本地配套率由 {} 变为 {}。</p>\n",
                                       "<p>With these firms local, the structural LSR goes from {} to {}.</p>\n")),
                       percent(p.slsr_before), percent(p.slsr_after));
    }
  }
  if (!chain.target_lists.empty()) {
    h += fmt::format("<h3>{}</h3>\n", tr(lang, "规划拟招商名录", "Target lists of the plans (拟招商名录)"));
    for (const TargetList& t : chain.target_lists)
      h += fmt::format("<p><b>{}</b>: {} <span class=\"quote\">{}</span></p>\n", esc(t.name.empty() ? t.id : t.name),
                       esc(firm_names(*c.workspace, t.enterprises, lang)), esc(cite(*c.workspace, t.source)));
  }
  if (!c.targets_svg.empty())
    h += fmt::format("<figure id=\"targets-diagram\">{}<figcaption>{}</figcaption></figure>\n", inline_svg(c.targets_svg),
                     tr(lang, "招商图谱: 每个缺口环节及其得分最高的候选企业 (灰色为名录企业)。",
                        "Target map: each gap segment with its best candidates (grey: on a target list)."));
}

void provenance_section(std::string& h, const ReportContext& c) {
  const Lang lang = c.lang;
  h += fmt::format("<h2 id=\"method\">{}</h2>\n<ul>", tr(lang, "七、方法说明", "7. Method"));
  for (const std::string& m : method_notes(lang)) h += "<li>" + esc(m) + "</li>";
  h += "</ul>\n";
  h += fmt::format("<h2 id=\"provenance\">{}</h2>\n<ul>", tr(lang, "八、数据来源", "8. Provenance"));
  h += fmt::format(fmt::runtime(tr(lang, "<li>chainlens {} · 工作区「{}」· 内容哈希 <code>{}</code> · 生成日期 {}</li>",
                                   "<li>chainlens {} · workspace “{}” · content hash <code>{}</code> · generated {}</li>")),
                   esc(c.version), esc(c.workspace->name), esc(c.workspace->content_hash), esc(c.date));
  for (const Source& s : c.workspace->sources)
    h += fmt::format("<li>{} 《{}》{}{}</li>", esc(s.id), esc(s.title), s.year ? fmt::format(" ({})", *s.year) : "",
                     s.file.empty() ? "" : " · " + esc(s.file));
  h += fmt::format("<li>{}</li></ul>\n", tr(lang, "非文件来源的事实 (如拟招商企业总部与主营) 标注为公开信息。",
                                              "Facts not in the documents (e.g. the HQ and business of listed firms) are marked as public knowledge."));
}

std::string page(const std::string& title, const std::string& body, Lang lang) {
  return fmt::format(R"(<!DOCTYPE html>
<html lang="{}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{}</title>
<style>{}</style>
</head>
<body>
{}<script>{}</script>
</body>
</html>
)",
                     lang == Lang::zh ? "zh-CN" : "en", esc(title), kStyle, body, kScript);
}

}  // namespace

std::string write_report_html(const ReportContext& c) {
  const Lang lang = c.lang;
  const std::string title = report_title(c);
  std::string h;
  h += fmt::format("<h1>{}</h1>\n", esc(title));
  h += fmt::format("<p class=\"meta\">{} {} · {} {} · chainlens {}</p>\n", tr(lang, "范围", "Scope"), esc(c.report->scope.str()),
                   tr(lang, "日期", "Date"), esc(c.date), esc(c.version));
  summary_section(h, c);
  if (!c.chain_svg.empty())
    h += fmt::format("<figure id=\"chain-diagram\">{}<figcaption>{}</figcaption></figure>\n", inline_svg(c.chain_svg),
                     tr(lang, "产业链图谱: 颜色为环节状态, 粗框为卡点。", "Chain map: colour is the segment's status, heavy borders are chokepoints."));
  gap_section(h, c);
  declared_section(h, c);
  chokepoint_section(h, c);
  supply_section(h, c);
  targets_section(h, c);
  provenance_section(h, c);
  return page(title, h, lang);
}

std::vector<const SegmentGap*> top_fill_gaps(const GapReport& gaps, std::size_t top) {
  std::vector<const SegmentGap*> out;
  for (const SegmentGap& g : gaps.segments) {
    if (out.size() >= top) break;
    if (g.kind == GapKind::fill || g.kind == GapKind::strengthen) out.push_back(&g);
  }
  return out;
}

std::string write_report_index_html(const Workspace& ws, const std::vector<ReportIndexEntry>& entries, Lang lang,
                                    const std::string& date, const std::string& version,
                                    const GapReport* workspace_gaps, std::size_t top) {
  const std::string title = fmt::format(fmt::runtime(tr(lang, "{} · 产业链招商报告", "{} · chain reports")), ws.name);
  std::string h = fmt::format("<h1>{}</h1>\n<p class=\"meta\">{} {} · chainlens {} · {} <code>{}</code></p>\n", esc(title),
                              tr(lang, "日期", "Date"), esc(date), esc(version), tr(lang, "内容哈希", "content hash"),
                              esc(ws.content_hash));
  h += "<table class=\"sortable\" id=\"index-table\"><thead><tr>" + th(tr(lang, "产业链", "Chain")) +
       th(tr(lang, "目标", "Goal")) + th("SLSR", true);
  for (SegmentStatus s : {SegmentStatus::missing, SegmentStatus::planned, SegmentStatus::single, SegmentStatus::weak,
                          SegmentStatus::covered})
    h += th(status_label(s, lang).c_str(), true);
  h += "</tr></thead><tbody>\n";
  for (const ReportIndexEntry& e : entries) {
    h += fmt::format("<tr><td><a href=\"{}\">{}</a></td><td>{}</td>", esc(e.file), esc(e.name), esc(e.goal));
    h += pct_cell(e.slsr);
    for (SegmentStatus s : {SegmentStatus::missing, SegmentStatus::planned, SegmentStatus::single, SegmentStatus::weak,
                            SegmentStatus::covered}) {
      const int n = e.status_counts.count(s) ? e.status_counts.at(s) : 0;
      h += fmt::format(R"(<td class="num" data-v="{}">{}</td>)", n, n);
    }
    h += "</tr>\n";
  }
  h += "</tbody></table>\n";
  if (workspace_gaps) {
    std::map<std::string, std::string> chain_names;
    for (const Chain& c : ws.chains) chain_names[c.id] = chain_display_name(c, lang);
    h += fmt::format("<h2 id=\"workspace-gaps\">{}</h2>\n<p class=\"meta\">{}</p>\n",
                     tr(lang, "全区视图: 对各条产业链合计最重要的补链、强链环节", "Workspace view: the links to fill or strengthen that matter most to all chains together"),
                     tr(lang, "最终需求取各链产品需求之和; 一个供应多条链的环节 (如特种钢、功率半导体) 按所有链计算。",
                        "Final demand is every chain's product demand together; a segment that feeds several chains (special steel, power semiconductors) counts for all of them."));
    h += "<table class=\"sortable\" id=\"workspace-gap-table\"><thead><tr>" + th(tr(lang, "环节", "Segment")) +
         th(tr(lang, "所属产业链", "Chain")) + th(tr(lang, "状态", "Status")) + th(tr(lang, "缺口分", "Gap score"), true) +
         th(tr(lang, "类型", "Kind")) + th(tr(lang, "原因", "Why")) + "</tr></thead><tbody>\n";
    for (const SegmentGap* g : top_fill_gaps(*workspace_gaps, top))
      h += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td>{}<td>{}</td><td>{}</td></tr>\n", esc(g->name),
                       esc(chain_names[g->chain]), status_chip(g->status, lang), num_cell(g->gap_score), esc(kind_label(g->kind, lang)),
                       esc(gap_reason(*g, lang)));
    h += "</tbody></table>\n";
  }
  return page(title, h, lang);
}

}  // namespace chainlens
