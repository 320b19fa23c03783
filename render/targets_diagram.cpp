// render/targets_diagram.cpp: 招商图谱 as a grid — one column per gap (worst gap score first),
// its best candidates for that gap stacked under it, so a 招商 team reads gap by gap.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "engine/chain_graph.hpp"
#include "render/diagram.hpp"
#include "render/gaps_writer.hpp"

namespace chainlens {

namespace {

constexpr int kNameColumns = 16;  // names wrap after 8 CJK characters: columns stay narrow
constexpr const char* kListedFill = "#FFF4CC";  // a light tint of the star's gold
constexpr const char* kEmptyFill = "#F5F5F5";

// Columns per band of the grid: up to six gaps, one band; beyond, bands of `per` columns are
// stacked, and the count whose shape (about 2 in per column, 0.75 in per row) is nearest the
// page's is chosen.
int columns_per_band(int gaps, int rows_per_column, double aspect) {
  if (gaps <= 6) return std::max(1, gaps);  // one band: the title is as wide as six columns anyway
  int best = std::max(1, gaps);
  double best_err = 1e9;
  for (int per = 1; per <= gaps; ++per) {
    const int bands = (gaps + per - 1) / per;
    const double shape = (per * 2.0) / (bands * rows_per_column * 0.75 + 0.8);
    const double err = std::abs(std::log(shape / aspect));
    if (err < best_err - 1e-9) best = per, best_err = err;
  }
  return best;
}

}  // namespace

Diagram targets_diagram(const ChainGraph& graph, const GapReport& gaps, const TargetsReport& targets,
                        const DiagramOptions& o) {
  const Lang lang = o.lang;
  Diagram d;
  d.rankdir = "TB";
  d.legend_title = legend_title(lang);
  std::vector<const SegmentGap*> open;
  for (const SegmentGap& g : gaps.segments)  // the report's order: gap score, worst first
    if (g.status != SegmentStatus::covered && graph.find_segment(g.segment)) open.push_back(&g);
  const std::size_t shown = std::min(open.size(), static_cast<std::size_t>(std::max(1, o.max_gaps)));
  d.title = fmt::format(fmt::runtime(tr(lang, "{} 招商图谱 · {} · 缺口分最高的 {} 个缺口, 各前 {} 名候选",
                                         "{} target map · {} · top {} gaps by gap score, best {} candidates each")),
                        chain_display_name(graph.chain(), lang), gaps.scope.str(), shown, o.per_gap);
  if (open.size() > shown)
    d.title += fmt::format(fmt::runtime(tr(lang, " · 另有 {} 个缺口未画出", " · {} more gaps not drawn")), open.size() - shown);
  if (!o.date.empty()) d.title += " · " + o.date;
  if (open.empty()) {
    d.message = tr(lang, "本范围内没有缺口: 每个环节都有本地企业", "No gap in this scope: every segment has local firms");
    return d;
  }
  const std::vector<RankedPair> ranked = ranked_pairs(targets);
  const int rows = 1 + std::max(1, o.per_gap);
  const int per_band = columns_per_band(static_cast<int>(shown), rows, o.aspect);
  std::string left;  // the gap node left of this one in its band: a flat invisible edge keeps the order
  for (std::size_t i = 0; i < shown; ++i) {
    const SegmentGap& g = *open[i];
    const Segment& seg = *graph[*graph.find_segment(g.segment)].segment;
    const int band = static_cast<int>(i) / per_band;
    const std::string cluster = "gap" + std::to_string(i);
    d.clusters.push_back({cluster, fmt::format(fmt::runtime(tr(lang, "缺口 {}", "Gap {}")), i + 1), ""});
    DiagramNode n;
    n.id = g.segment;
    n.cluster = cluster;
    n.rank = band * (rows + 1);  // a blank row between bands leaves room for the column labels
    n.fill = status_fill(g.status);
    n.lines = wrap_label(segment_display_name(seg, lang), kNameColumns);
    n.bold_lines = n.lines.size();
    n.lines.push_back(fmt::format(fmt::runtime(tr(lang, "{} · {}", "{} · {}")), status_label(g.status, lang), kind_label(g.kind, lang)));
    n.lines.push_back(fmt::format(fmt::runtime(tr(lang, "缺口分 {:.3f}", "gap score {:.3f}")), g.gap_score));
    d.nodes.push_back(std::move(n));
    if (i % per_band != 0) {
      DiagramEdge e{left, g.segment, 1, "", "", false};
      e.invisible = true;
      d.edges.push_back(std::move(e));
    }
    left = g.segment;
    std::string above = g.segment;
    const auto pairs = pairs_for_segment(ranked, g.segment, static_cast<std::size_t>(std::max(1, o.per_gap)));
    int row = 1;
    for (const RankedPair& p : pairs) {
      const CandidateScore& c = *p.candidate;
      DiagramNode cn;
      cn.id = "cand:" + g.segment + ":" + c.id;  // one per column: a firm serving two gaps is in both
      cn.cluster = cluster;
      cn.rank = band * (rows + 1) + row++;
      cn.fill = c.on_target_list ? kListedFill : "#FFFFFF";
      cn.lines = wrap_label((c.on_target_list ? "★ " : "") + (c.name.empty() ? c.id : c.name), kNameColumns);
      cn.bold_lines = cn.lines.size();
      cn.lines.push_back(fmt::format(fmt::runtime(tr(lang, "得分 {:.1f}{}", "score {:.1f}{}")), p.pair->score,
                                     c.group_link ? tr(lang, " · 增资扩产", " · expansion") : ""));
      DiagramEdge e{above, cn.id, 1, "", "", false};
      e.invisible = true;
      d.edges.push_back(std::move(e));
      above = cn.id;
      d.nodes.push_back(std::move(cn));
    }
    if (pairs.empty()) {
      DiagramNode none;
      none.id = "none:" + g.segment;
      none.cluster = cluster;
      none.rank = band * (rows + 1) + 1;
      none.fill = kEmptyFill;
      none.dashed = true;
      none.lines = {tr(lang, "尚无候选企业", "No candidate yet")};
      DiagramEdge e{above, none.id, 1, "", "", false};
      e.invisible = true;
      d.edges.push_back(std::move(e));
      d.nodes.push_back(std::move(none));
    }
  }
  d.legend = status_legend(lang);
  d.legend.push_back({tr(lang, "候选企业 (按该缺口的得分排序)", "Candidate (ranked by its score for that gap)"), "#FFFFFF", LegendMark::fill});
  d.legend.push_back({tr(lang, "拟招商名录企业", "On the chain's target list"), "#B8860B", LegendMark::star});
  d.legend.push_back({tr(lang, "尚无候选 (虚线框)", "No candidate yet (dashed)"), kEmptyFill, LegendMark::dashed_box});
  return d;
}

}  // namespace chainlens
