// render/report_writer.hpp: the chain team's report (gaps, local supply, chokepoints, targets,
// diagrams, declared evidence, method and provenance) as self-contained HTML, Markdown, JSON
// or an xlsx workbook of its tables.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "render/report_text.hpp"

namespace chainlens {

/// Everything the HTML shows: {chain, scope, summary, goals, declared, declared_gaps,
/// gaps (every scope), chokepoints, local_supply, targets (with portfolio), target_lists,
/// diagrams, method, provenance}.
std::string write_report_json(const ReportContext& c);

/// One self-contained page: inline CSS and SVG, a small inline script that sorts tables,
/// no external reference of any kind; prints on A4.
std::string write_report_html(const ReportContext& c);

/// Markdown; the diagrams are linked as the SVG files named in the context.
std::string write_report_md(const ReportContext& c);

/// The workbook's bytes: 概览, 多级范围, 缺口, 延链, 上级环节, 卡点, 本地配套, 供需对接, 需求漏出,
/// 招商目标 (the first top_targets), 招商组合 (names in the context's language; no diagrams).
std::string write_report_xlsx(const ReportContext& c);

/// A line of the index of `--all`.
struct ReportIndexEntry {
  std::string chain, name, file;
  std::optional<double> slsr;
  std::map<SegmentStatus, int> status_counts;
  std::string goal;
};

/// The index page of `--all`: one row per chain, linking its report, then the workspace view's
/// top links to fill or strengthen (metrics.md v2: every chain's final demand together), when given.
std::string write_report_index_html(const Workspace& ws, const std::vector<ReportIndexEntry>& entries, Lang lang,
                                    const std::string& date, const std::string& version,
                                    const GapReport* workspace_gaps = nullptr, std::size_t top = 15);

/// The workspace view's first `top` 补链/强链 rows, in report order.
std::vector<const SegmentGap*> top_fill_gaps(const GapReport& gaps, std::size_t top);

}  // namespace chainlens
