// render/report_xlsx.cpp: the report as one workbook, a sheet per table of the HTML report,
// built from the same sheet functions as the single commands' --format xlsx.
#include <fmt/format.h>

#include "engine/chain_graph.hpp"
#include "render/chokepoints_writer.hpp"
#include "render/gaps_writer.hpp"
#include "render/local_supply_writer.hpp"
#include "render/report_writer.hpp"
#include "render/targets_writer.hpp"
#include "render/xlsx_writer.hpp"

namespace chainlens {

namespace {

std::string fraction(const std::optional<double>& v) { return v ? fmt::format("{:.4f}", *v) : "-"; }

// 概览: what the HTML's cards say, one row each.
Table summary_table(const ReportContext& c) {
  const ChainReport& r = *c.report;
  const Lang lang = c.lang;
  Table t;
  t.header = {tr(lang, "项目", "item"), tr(lang, "内容", "value")};
  t.rows.push_back({tr(lang, "报告", "Report"), report_title(c)});
  t.rows.push_back({tr(lang, "范围", "Scope"), r.scope.str()});
  t.rows.push_back({tr(lang, "日期", "Date"), c.date});
  t.rows.push_back({tr(lang, "结构性本地配套率 SLSR", "Structural LSR"), percent(r.gaps().slsr)});
  for (const Goal& g : c.graph->chain().goals)
    t.rows.push_back({g.metric == "output_value" ? tr(lang, "产值目标", "Output goal") : g.metric, goal_text(g)});
  for (SegmentStatus s : {SegmentStatus::missing, SegmentStatus::planned, SegmentStatus::single, SegmentStatus::weak,
                          SegmentStatus::covered})
    t.rows.push_back({status_label(s, lang), std::to_string(r.status_counts.count(s) ? r.status_counts.at(s) : 0)});
  t.rows.push_back({"chainlens", c.version});
  return t;
}

// 多级范围: SLSR and missing links at every scope, narrowest first.
Table scopes_table(const ReportContext& c) {
  const Lang lang = c.lang;
  Table t;
  t.header = {tr(lang, "范围", "scope"), tr(lang, "SLSR", "SLSR"), tr(lang, "缺链数", "missing")};
  t.kinds = {CellKind::text, CellKind::percent, CellKind::number};
  for (const GapReport& g : c.report->scopes.scopes) {
    int missing = 0;
    for (const SegmentGap& s : g.segments) missing += s.status == SegmentStatus::missing;
    t.rows.push_back({g.scope.empty() ? tr(lang, "(全部地区)", "(everywhere)") : g.scope.str(), fraction(g.slsr),
                      std::to_string(missing)});
  }
  return t;
}

}  // namespace

std::string write_report_xlsx(const ReportContext& c) {
  const ChainReport& r = *c.report;
  const Lang lang = c.lang;
  std::vector<Sheet> sheets{{tr(lang, "概览", "Summary"), summary_table(c)}, {tr(lang, "多级范围", "Scopes"), scopes_table(c)}};
  auto add = [&](std::vector<Sheet> more) {
    for (Sheet& s : more) sheets.push_back(std::move(s));
  };
  add(gaps_sheets(r.gaps(), lang));
  sheets.push_back({tr(lang, "卡点", "Chokepoints"), chokepoints_table(c.graph->chain().id, r.chokepoints, lang)});
  add(local_supply_sheets(r.supply, lang));
  add(targets_sheets(r.targets, r.portfolio.k > 0 ? &r.portfolio : nullptr, lang, c.top_targets));
  return to_xlsx(sheets);
}

}  // namespace chainlens
