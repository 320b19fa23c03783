// render/report_md.cpp: the report as Markdown, for wikis and mail; the diagrams are the SVG
// files written next to it.
#include <fmt/format.h>

#include "engine/chain_graph.hpp"
#include "render/gaps_writer.hpp"
#include "render/report_writer.hpp"
#include "render/table.hpp"

namespace chainlens {

namespace {

// Workspace text (names, notes, titles, scopes) in a cell or on a line: pipes, line ends
// (a "\n#" would start a heading) and raw HTML (<script>) must not change the document (issue 18).
std::string cell(std::string_view text) { return markdown_escape(text); }

}  // namespace

std::string write_report_md(const ReportContext& c) {
  const ChainReport& r = *c.report;
  const Chain& chain = c.graph->chain();
  const Workspace& ws = *c.workspace;
  const Lang lang = c.lang;
  std::string m = fmt::format("# {}\n\n{} {} · {} {} · chainlens {}\n\n", cell(report_title(c)), tr(lang, "范围", "Scope"),
                              cell(r.scope.str()), tr(lang, "日期", "Date"), c.date, c.version);
  m += fmt::format("## {}\n\n", tr(lang, "一、概览", "1. Summary"));
  for (const Goal& g : chain.goals)
    m += fmt::format("- {}: **{}** ({})\n", g.metric == "output_value" ? tr(lang, "产值目标", "Output goal") : cell(g.metric),
                     cell(goal_text(g)), cell(cite(ws, g.source)));
  m += fmt::format("- {}: **{}**\n", tr(lang, "结构性本地配套率 SLSR", "Structural LSR"), percent(r.gaps().slsr));
  std::string counts;
  for (SegmentStatus s : {SegmentStatus::missing, SegmentStatus::planned, SegmentStatus::single, SegmentStatus::weak,
                          SegmentStatus::covered})
    counts += fmt::format("{}{} {}", counts.empty() ? "" : " · ", status_label(s, lang),
                          r.status_counts.count(s) ? r.status_counts.at(s) : 0);
  m += fmt::format("- {} {}: {}\n", tr(lang, "环节", "Segments"), r.gaps().segments.size(), counts);
  std::string line;
  for (const GapReport& g : r.scopes.scopes)
    line += fmt::format("{}{} (SLSR {})", line.empty() ? "" : " → ", cell(g.scope.str()), percent(g.slsr));
  m += fmt::format("- {}: {}\n", tr(lang, "多级范围", "Scopes"), line);
  for (const Declared& d : chain.declared)
    m += fmt::format("- {}: {} — {} ({})\n", tr(lang, "文件所述 (未参与计算)", "Stated (not computed)"), cell(declared_text(d, lang)),
                     cell(d.note), cell(cite(ws, d.source)));
  if (!c.chain_svg_file.empty())
    m += fmt::format("\n![{}]({})\n", tr(lang, "产业链图谱", "Chain map"), c.chain_svg_file);

  m += fmt::format("\n## {}\n\n", tr(lang, "二、产业链缺口", "2. Gaps in the chain"));
  m += fmt::format("| {} | {} | {} | {} | {} | {} |\n|---|---|---:|---:|---|---|\n", tr(lang, "环节", "Segment"),
                   tr(lang, "状态", "Status"), tr(lang, "重要度", "Importance"), tr(lang, "缺口分", "Gap score"),
                   tr(lang, "类型", "Kind"), tr(lang, "本地企业", "Local firms"));
  for (const SegmentGap& g : r.gaps().segments)
    m += fmt::format("| {} | {} | {:.4f} | {:.4f} | {} | {} |\n", cell(report_segment(c, g.segment, lang)),
                     status_label(g.status, lang), g.importance, g.gap_score, kind_label(g.kind, lang),
                     cell(firm_names(ws, g.local_enterprises, lang)));

  m += fmt::format("\n## {}\n\n", tr(lang, "三、规划文件所述短板 (原文, 未参与计算)", "3. Weaknesses the plans state (quoted, not computed)"));
  for (const DeclaredGap& g : chain.gaps)
    m += fmt::format("- **{}** ({}): {} — {}\n", cell(report_segment(c, g.segment, lang)), declared_kind_label(g.kind, lang),
                     cell(g.note), cell(cite(ws, g.source)));
  if (chain.gaps.empty()) m += tr(lang, "文件未陈述本链短板。\n", "The documents state no weakness for this chain.\n");

  m += fmt::format("\n## {}\n\n", tr(lang, "四、卡点", "4. Chokepoints"));
  std::string segs;
  for (const std::string& s : r.chokepoints.segments) segs += (segs.empty() ? "" : ", ") + cell(report_segment(c, s, lang));
  m += fmt::format("- {} {}\n", tr(lang, "必经环节:", "Segments every path passes:"), segs.empty() ? tr(lang, "无", "none") : segs);
  m += fmt::format("- {} {}\n", tr(lang, "关键企业:", "Articulation firms:"),
                   r.chokepoints.enterprises.empty() ? tr(lang, "无", "none") : cell(firm_names(ws, r.chokepoints.enterprises, lang)));
  for (const SingleSource& s : r.chokepoints.single_sources)
    m += fmt::format(fmt::runtime(tr(lang, "- 唯一来源: {} 的 {} 只来自 {}\n", "- Single source: {} buys {} only from {}\n")),
                     cell(firm_name(ws, s.enterprise)), cell(report_segment(c, s.segment, lang)), cell(firm_name(ws, s.supplier)));

  m += fmt::format("\n## {}\n\n", tr(lang, "五、本地配套", "5. Local supply"));
  bool any = false;
  for (const EnterpriseSupply& e : r.supply.enterprises) {
    if (e.relations == 0 && e.declared.empty()) continue;
    any = true;
    std::string declared;
    for (const Declared& d : e.declared) declared += (declared.empty() ? "" : "; ") + cell(declared_text(d, lang) + " " + cite(ws, d.source));
    m += fmt::format(fmt::runtime(tr(lang, "- {}: 供应关系 {}, 本地配套率 (金额) {}, (数量) {}{}\n",
                                     "- {}: {} relations, LSR by value {}, by count {}{}\n")),
                     cell(e.name.empty() ? e.enterprise : e.name), e.relations, percent(e.by_value), percent(e.by_count),
                     declared.empty() ? "" : fmt::format(fmt::runtime(tr(lang, "; 文件所述: {}", "; stated: {}")), declared));
  }
  if (!any) m += tr(lang, "本链未记录供应关系, 企业本地配套率无法计算。\n", "No supply relation is recorded for this chain.\n");
  for (const Matchmaking& x : r.supply.matchmaking)
    m += fmt::format(fmt::runtime(tr(lang, "- 供需对接: {} 从 {} 采购 {}, 本地可供: {}\n", "- Matchmaking: {} buys {2} from {1}; local: {3}\n")),
                     cell(firm_name(ws, x.customer)), cell(firm_name(ws, x.supplier)), cell(report_segment(c, x.segment, lang)),
                     cell(firm_names(ws, x.local_alternatives, lang)) +
                         (x.alternatives_total > x.local_alternatives.size()
                              ? fmt::format(fmt::runtime(tr(lang, " 等 {} 家", " ({} in all)")), x.alternatives_total)
                              : std::string()));

  m += fmt::format("\n## {}\n\n", tr(lang, "六、招商目标", "6. Companies to approach"));
  m += fmt::format("| # | {} | {} | {} | {} | {} | {} | {} | {} |\n|---:|---|---:|---|---:|---:|---:|---:|---:|\n",
                   tr(lang, "企业", "Company"), tr(lang, "得分", "Score"), tr(lang, "填补环节", "Best segment"),
                   tr(lang, "缺口", "Gap"), tr(lang, "实力", "Strength"), tr(lang, "联系", "Link"), tr(lang, "关联", "Related"),
                   tr(lang, "名录", "Listed"));
  for (std::size_t i = 0; i < r.targets.targets.size() && i < c.top_targets; ++i) {
    const CandidateScore& t = r.targets.targets[i];
    m += fmt::format("| {} | {} | {:.1f} | {} | {:.4f} | {:.4f} | {:.4f} | {:.4f} | {:.4f} |\n", i + 1,
                     cell(t.name.empty() ? t.id : t.name), t.score,
                     cell(t.segment.empty() ? "-" : report_segment(c, t.segment, lang)), t.factors.gap,
                     t.factors.strength, t.factors.link, t.factors.related, t.factors.listed);
  }
  if (r.portfolio.k > 0) {
    m += fmt::format("\n**{}**\n\n", tr(lang, "组合推荐", "Portfolio"));
    for (const PortfolioPick& p : r.portfolio.picked) {
      std::string closes;
      for (const std::string& s : p.closes) closes += (closes.empty() ? "" : ", ") + cell(report_segment(c, s, lang));
      m += fmt::format("1. {} — {} ({:.4f})\n", cell(firm_name(ws, p.id)), closes, p.gain);
    }
    m += fmt::format(fmt::runtime(tr(lang, "\nSLSR: {} → {}\n", "\nSLSR: {} → {}\n")), percent(r.portfolio.slsr_before),
                     percent(r.portfolio.slsr_after));
  }
  for (const TargetList& t : chain.target_lists)
    m += fmt::format("\n{} **{}**: {} ({})\n", tr(lang, "拟招商名录", "Target list"), cell(t.name.empty() ? t.id : t.name),
                     cell(firm_names(ws, t.enterprises, lang)), cell(cite(ws, t.source)));
  if (!c.targets_svg_file.empty())
    m += fmt::format("\n![{}]({})\n", tr(lang, "招商图谱", "Target map"), c.targets_svg_file);

  m += fmt::format("\n## {}\n\n", tr(lang, "七、方法说明", "7. Method"));
  for (const std::string& n : method_notes(lang)) m += "- " + n + "\n";
  m += fmt::format("\n## {}\n\n", tr(lang, "八、数据来源", "8. Provenance"));
  m += fmt::format("- chainlens {} · {} · content hash `{}` · {}\n", c.version, cell(ws.name), ws.content_hash, c.date);
  for (const Source& s : ws.sources)
    m += fmt::format("- {} 《{}》{}\n", cell(s.id), cell(s.title), s.year ? fmt::format(" ({})", *s.year) : "");
  return m;
}

}  // namespace chainlens
