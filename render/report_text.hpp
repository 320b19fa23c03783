// render/report_text.hpp: the words and small formatting rules the report writers share
// (HTML, Markdown and JSON say the same things the same way).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/chain_report.hpp"
#include "models/workspace.hpp"
#include "render/lang.hpp"

namespace chainlens {

class ChainGraph;

/// What a report needs besides the analyses: where it came from and what it shows.
struct ReportContext {
  const Workspace* workspace = nullptr;
  const ChainGraph* graph = nullptr;
  const ChainReport* report = nullptr;
  Lang lang = Lang::zh;
  std::string date;       // YYYY-MM-DD, printed in the provenance
  std::string version;    // chainlens version
  std::string chain_svg, targets_svg;            // inline in HTML
  std::string chain_svg_file, targets_svg_file;  // linked from Markdown, named in JSON
  std::size_t top_targets = 20;                  // rows of the target table
  std::size_t gap_tables = 5;                    // top 补链/强链 gaps with a table of their best candidates
};

/// 不足 / 超过 / 约 / "" (below / above / about).
const char* bound_word(Bound b, Lang lang);
/// 缺失 / 薄弱 / 依赖进口 / 本地配套不足 / 技术短板.
const char* declared_kind_label(DeclaredGapKind k, Lang lang);
/// "seed-001 《title》「quote」", or the note; "" for an empty source.
std::string cite(const Workspace& ws, const SourceRef& s);
/// Names from a report's ReportNames, else the id. A segment that another chain than
/// `chain` defines adds that chain's name: 封装测试 (芯屏).
std::string chain_label(const ReportNames& names, const std::string& id, Lang lang);
std::string segment_label(const ReportNames& names, std::string_view id, Lang lang, const std::string& chain = {});
std::string firm_label(const ReportNames& names, std::string_view id);
/// Labels joined with "、" (zh) or ", " (en).
std::string segment_labels(const ReportNames& names, const std::vector<std::string>& ids, Lang lang,
                           const std::string& chain = {});
/// `ids`: any range of strings or string views.
template <class Ids>
std::string firm_labels(const ReportNames& names, const Ids& ids, Lang lang) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : tr(lang, "、", ", ")) + firm_label(names, id);
  return out;
}
/// The fraction as a percentage with one decimal (0.3279: 32.8%); "-" when empty.
std::string percent(const std::optional<double>& v);

/// The enterprise's name, else its id.
std::string firm_name(const Workspace& ws, std::string_view id);
/// Names of ids, joined with "、" (zh) or ", " (en).
template <class Ids>
std::string firm_names(const Workspace& ws, const Ids& ids, Lang lang) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : tr(lang, "、", ", ")) + firm_name(ws, id);
  return out;
}
/// "500 亿元 (2025)" and the like.
std::string goal_text(const Goal& g);
/// A declared figure: "local_supply_ratio 不足 45%" (ratios in [0, 1] as percentages).
std::string declared_text(const Declared& d, Lang lang);
/// The segment's display name, from the graph, else the id.
std::string segment_name(const ChainGraph& graph, std::string_view id, Lang lang);
/// The segment's name in a report: another chain's segment names its chain (封装测试 (芯屏)).
std::string report_segment(const ReportContext& c, std::string_view id, Lang lang);
/// "0.4968" or "-" when empty.
std::string fixed4(const std::optional<double>& v);
/// The report title: 汽车 产业链招商报告 / Automotive chain report.
std::string report_title(const ReportContext& c);
/// The notes of a target row, in tables and reports alike: 拟招商名录, 增资扩产 (group already
/// local) or 与本地企业有供需, 非主营, 营收未知.
std::string target_notes(const CandidateScore& t, Lang lang);
/// The method notes, one paragraph each (names economists know, as in metrics.md).
std::vector<std::string> method_notes(Lang lang);

}  // namespace chainlens
