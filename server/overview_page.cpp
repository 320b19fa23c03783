// server/overview_page.cpp: the workspace overview: one row per chain (goal, SLSR, segments
// by status, 补链/强链 count) and the downloads of each chain's reports.
#include <fmt/format.h>

#include "render/diagram.hpp"
#include "render/gaps_writer.hpp"
#include "render/report_text.hpp"
#include "server/page_kit.hpp"
#include "server/pages.hpp"

namespace chainlens::server {

std::string overview_body(const ServedWorkspace& sw, Lang lang) {
  const Workspace& ws = sw.workspace();
  std::string h = fmt::format("<h1>{}</h1>\n<p class=\"meta\">{} {} · {} {} · {} <code>{}</code></p>\n", esc(ws.name),
                              tr(lang, "范围", "Scope"), esc(ws.scope.str()), tr(lang, "产业链", "chains"), ws.chains.size(),
                              tr(lang, "内容哈希", "content hash"), esc(ws.content_hash));
  constexpr SegmentStatus kOrder[] = {SegmentStatus::missing, SegmentStatus::planned, SegmentStatus::single,
                                      SegmentStatus::weak, SegmentStatus::covered};
  h += fmt::format("<table class=\"sortable\" id=\"chains-table\"><thead><tr><th>{}</th><th>{}</th><th>SLSR</th>",
                   tr(lang, "产业链", "Chain"), tr(lang, "目标", "Goal"));
  for (SegmentStatus s : kOrder) h += "<th>" + esc(status_label(s, lang)) + "</th>";
  h += fmt::format("<th>{}</th><th>{}</th></tr></thead><tbody>\n", tr(lang, "补链/强链", "Fill / strengthen"),
                   tr(lang, "下载", "Downloads"));
  for (const ServedChain& c : sw.chains()) {
    std::string goal;
    for (const Goal& g : c.chain->goals)
      if (g.metric == "output_value") goal = goal_text(g);
    int fills = 0;
    for (const SegmentGap& g : c.report.gaps().segments)
      if (g.kind == GapKind::fill || g.kind == GapKind::strengthen) ++fills;
    h += fmt::format("<tr data-chain=\"{}\"><td><a href=\"{}\">{}</a></td><td>{}</td>{}", esc(c.chain->id),
                     esc(chain_href(c.chain->id, lang)), esc(chain_display_name(*c.chain, lang)), esc(goal),
                     num_cell(c.report.gaps().slsr));
    for (SegmentStatus s : kOrder) {
      const auto it = c.report.status_counts.find(s);
      const int n = it == c.report.status_counts.end() ? 0 : it->second;
      h += fmt::format(R"(<td class="num" data-v="{}">{}</td>)", n, n);
    }
    const std::string base = "/chains/" + url_component(c.chain->id);
    h += fmt::format(R"(<td class="num" data-v="{}">{}</td><td><a href="{}">HTML</a> · <a href="{}">Excel</a> · <a href="{}">JSON</a></td></tr>)",
                     fills, fills, esc(href(base + "/report.html", lang)), esc(href(base + "/report.xlsx", lang)),
                     esc(href("/api" + base + "/report", lang)));
    h += "\n";
  }
  h += "</tbody></table>\n";
  h += fmt::format("<p class=\"meta\">{}</p>\n",
                   tr(lang, "SLSR: 结构性本地配套率 (docs/metrics.md)。点击产业链查看图谱、缺口与招商候选, 并做引进/退出模拟。",
                      "SLSR: structural local supply ratio (docs/metrics.md). Open a chain for its map, gaps and "
                      "candidates, and to try what-ifs."));
  return h;
}

}  // namespace chainlens::server
