// render/targets_writer.hpp: the ranked target list (招商目标) and portfolio as a text
// table, JSON (keys of workspace-format.md), CSV or Markdown; and one scored row for `score`.
#pragma once
#include <optional>
#include <string>

#include "engine/portfolio.hpp"
#include "engine/targets.hpp"
#include "render/lang.hpp"
#include "render/xlsx_writer.hpp"

namespace chainlens {

class TextSink;

enum class TargetsFormat { table, json, csv, md, xlsx };

/// `portfolio` may be null. `limit` caps the rows shown (0: all); JSON always has all. xlsx:
/// the workbook's bytes, sheets 招商目标, 招商组合 (with a portfolio) and 未匹配企业.
std::string write_targets(const TargetsReport& report, const Portfolio* portfolio, TargetsFormat format, Lang lang,
                          std::size_t limit = 0);
/// The JSON form streamed into `sink` (render/json_stream.hpp), without its trailing newline.
void write_targets_json(const TargetsReport& report, const Portfolio* portfolio, Lang lang, TextSink& sink);

/// The sheets of the xlsx form: 招商目标 (the first `limit` rows, 0: all), 招商组合 (with a
/// portfolio), 未匹配企业 (when any).
std::vector<Sheet> targets_sheets(const TargetsReport& report, const Portfolio* portfolio, Lang lang, std::size_t limit = 0);

/// 每个缺口的候选企业: every non-covered segment of `gaps` in gap-score order with its best
/// `per_gap` candidates (rank order) and the 拟招商名录 firms that operate in it. Table, md,
/// csv or JSON ({chain, scope, gaps: [{segment, name, status, gap_score, kind, candidates:
/// [{id, name, score, on_target_list}]}]}).
std::string write_targets_by_gap(const GapReport& gaps, const TargetsReport& report, std::size_t per_gap,
                                 TargetsFormat format, Lang lang);

/// The CSV header of `score` output, and one row (RFC 4180 quoting), newline included;
/// header, kind, group_link and status in the language (Chinese by default).
std::string score_csv_header(Lang lang = Lang::zh);
std::string score_csv_row(const CandidateScore& s, std::size_t line, Lang lang = Lang::zh);
void append_score_csv_row(std::string& out, const ScoreRow& s, std::size_t line, Lang lang = Lang::zh);
/// One JSON Lines row for `score`, newline included: English keys and codes.
std::string score_jsonl_row(const CandidateScore& s, std::size_t line);
void append_score_jsonl_row(std::string& out, const ScoreRow& s, std::size_t line);

}  // namespace chainlens
