// render/gaps_writer.hpp: the gap report (one scope, or every prefix of a scope) as a
// terminal table, JSON (workspace-format.md "Output (JSON)"), CSV or Markdown.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "engine/gaps.hpp"
#include "engine/multi_scope.hpp"
#include "render/lang.hpp"
#include "render/table.hpp"
#include "render/xlsx_writer.hpp"

namespace chainlens {

/// 缺链 / 在建补链 / 单点 / 弱链 / 有链, or missing / planned / single / weak / covered.
std::string status_label(SegmentStatus s, Lang lang);
/// 补链 / 延链 / 强链, or fill / extend / strengthen; "" when empty (covered).
std::string kind_label(const std::optional<GapKind>& kind, Lang lang);
/// The stable English code of JSON: fill / extend / strengthen; "" when empty.
std::string kind_code(const std::optional<GapKind>& kind);

/// A short plain-language reason for the row: 规划短板 · 全部产品依赖 · 价值 0.32 · 国内无供给.
std::string gap_reason(const SegmentGap& g, Lang lang);

/// Figures are printed with 4 decimals everywhere (JSON numbers are rounded to 4 decimals),
/// so the same workspace always gives byte-identical output.
constexpr int kGapDigits = 4;

/// The segment rows: id (the id column), name (another chain's segment names its chain),
/// status, severity, importance, gap score, kind, V, D, P, K, reach, SLSR (percent), reason,
/// local enterprises (names). `scope_column` adds the scope as the first column.
Table gaps_table(const GapReport& r, Lang lang, bool scope_column = false);

/// The sheets of one scope: 缺口 (补链, 强链 and covered), 延链, 上级环节; `suffix` is added
/// to each sheet name.
std::vector<Sheet> gaps_sheets(const GapReport& r, Lang lang, const std::string& suffix = {});

/// `format` is table, json, csv, md or xlsx (the workbook's bytes: 缺口, 延链, 上级环节
/// sheets); throws std::invalid_argument otherwise.
/// Table and md open with a heading line naming chain, scope and chain SLSR; an empty scope
/// says so in the first line. JSON: {chain, scope, slsr, empty_scope, segments[{id, name,
/// status, severity, importance, gap_score, kind, reach, local_enterprises, ...}], parents,
/// chokepoints: []}; status and kind are English codes (kind null when covered), with
/// status_label, kind_label and chain_label beside them in `lang`.
std::string write_gaps(const GapReport& r, std::string_view format, Lang lang);

/// Every scope, narrowest first. JSON: {chain, scopes: [gap report...], import_dependent};
/// CSV: one table with a scope column; table/md: one section per scope; xlsx: sheets per scope.
std::string write_gaps(const MultiScopeReport& r, std::string_view format, Lang lang);

}  // namespace chainlens
