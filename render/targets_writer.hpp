// render/targets_writer.hpp: the ranked target list (招商目标) and portfolio as a text
// table, JSON (keys of workspace-format.md), CSV or Markdown; and one scored row for `score`.
#pragma once
#include <optional>
#include <string>

#include "engine/portfolio.hpp"
#include "engine/targets.hpp"
#include "render/lang.hpp"

namespace chainlens {

enum class TargetsFormat { table, json, csv, md };

/// `portfolio` may be null. `limit` caps the rows shown (0: all); JSON always has all.
std::string write_targets(const TargetsReport& report, const Portfolio* portfolio, TargetsFormat format, Lang lang,
                          std::size_t limit = 0);

/// 每个缺口的候选企业: every non-covered segment of `gaps` in gap-score order with its best
/// `per_gap` candidates (rank order) and the 拟招商名录 firms that operate in it. Table, md,
/// csv or JSON ({chain, scope, gaps: [{segment, name, status, gap_score, kind, candidates:
/// [{id, name, score, on_target_list}]}]}).
std::string write_targets_by_gap(const GapReport& gaps, const TargetsReport& report, std::size_t per_gap,
                                 TargetsFormat format, Lang lang);

/// The CSV header of `score` output, and one row (RFC 4180 quoting), newline included.
std::string score_csv_header();
std::string score_csv_row(const CandidateScore& s, std::size_t line);
/// One JSON Lines row for `score`, newline included.
std::string score_jsonl_row(const CandidateScore& s, std::size_t line);

}  // namespace chainlens
