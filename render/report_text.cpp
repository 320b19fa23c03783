// render/report_text.cpp: shared words of the report writers.
#include "render/report_text.hpp"

#include <fmt/format.h>

#include "engine/chain_graph.hpp"
#include "render/diagram.hpp"

namespace chainlens {

const char* bound_word(Bound b, Lang lang) {
  switch (b) {
    case Bound::below: return tr(lang, "不足", "below");
    case Bound::above: return tr(lang, "超过", "above");
    case Bound::about: return tr(lang, "约", "about");
    case Bound::exact: return "";
  }
  return "";
}

const char* declared_kind_label(DeclaredGapKind k, Lang lang) {
  switch (k) {
    case DeclaredGapKind::missing: return tr(lang, "缺失", "missing");
    case DeclaredGapKind::weak: return tr(lang, "薄弱", "weak");
    case DeclaredGapKind::import_dependent: return tr(lang, "依赖进口", "import-dependent");
    case DeclaredGapKind::local_supply: return tr(lang, "本地配套不足", "supplied from outside");
    case DeclaredGapKind::technology: return tr(lang, "技术短板", "technology");
  }
  return "";
}

std::string cite(const Workspace& ws, const SourceRef& s) {
  std::string out;
  if (!s.id.empty()) {
    out = s.id;
    for (const Source& src : ws.sources)
      if (src.id == s.id && !src.title.empty()) out += " 《" + src.title + "》";
    if (!s.quote.empty()) out += " 「" + s.quote + "」";
  }
  if (!s.note.empty()) out += (out.empty() ? "" : " · ") + s.note;
  return out;
}

std::string firm_name(const Workspace& ws, const std::string& id) {
  for (const Enterprise& e : ws.enterprises)
    if (e.id == id) return e.name.empty() ? id : e.name;
  return id;
}

std::string firm_names(const Workspace& ws, const std::vector<std::string>& ids, Lang lang) {
  std::string out;
  for (const std::string& id : ids) out += (out.empty() ? "" : tr(lang, "、", ", ")) + firm_name(ws, id);
  return out;
}

std::string goal_text(const Goal& g) {
  std::string out = fmt::format("{:g}", g.value);
  if (!g.unit.empty()) out += " " + g.unit;
  if (g.year) out += fmt::format(" ({})", *g.year);
  return out;
}

std::string declared_text(const Declared& d, Lang lang) {
  const bool ratio = d.value >= 0 && d.value <= 1 &&
                     (d.metric.find("ratio") != std::string::npos || d.metric.find("share") != std::string::npos);
  const std::string value = ratio ? fmt::format("{:g}%", d.value * 100) : fmt::format("{:g}", d.value);
  std::string out = d.metric + " " + bound_word(d.bound, lang) + (d.bound == Bound::exact ? "" : " ") + value;
  if (!d.segment.empty()) out += " [" + d.segment + "]";
  return out;
}

std::string segment_name(const ChainGraph& graph, const std::string& id, Lang lang) {
  if (auto v = graph.find_segment(id)) return segment_display_name(*graph[*v].segment, lang);
  for (const Segment* p : graph.parents())
    if (p->id == id) return segment_display_name(*p, lang);
  for (const Chain& c : graph.workspace().chains)
    for (const Segment& s : c.segments)
      if (s.id == id) return segment_display_name(s, lang);
  return id;
}

std::string fixed4(const std::optional<double>& v) { return v ? fmt::format("{:.4f}", *v) : "-"; }

std::string report_title(const ReportContext& c) {
  return fmt::format(fmt::runtime(tr(c.lang, "{} 产业链招商报告", "{} chain report")),
                     chain_display_name(c.graph->chain(), c.lang));
}

std::vector<std::string> method_notes(Lang lang) {
  if (lang == Lang::en)
    return {
        "Segment status (missing, planned, single, weak, covered) counts the chain's operating enterprises inside the "
        "scope; declared gaps are what the plans themselves say and are shown beside, never mixed into, computed figures.",
        "Importance is each segment's share of the chain's total requirements: the Leontief inverse (I - A)^-1 of the "
        "segment graph applied to final demand. Gap score = severity x importance.",
        "The structural local supply ratio (SLSR) is a presence-based regional purchase coefficient, as IMPLAN's RPC: "
        "the share of a segment's inputs that some local firm could supply.",
        "Chokepoints are the dominators of the terminal segments (Lengauer-Tarjan), articulation points of the "
        "enterprise supply network (Hopcroft-Tarjan) and single-source supply relations.",
        "Candidate scores weigh gap closed, strength (revenue), links to local firms, relatedness density (Hidalgo et "
        "al., the Atlas of Economic Complexity's rho, with the chain graph as proximity) and 拟招商名录 membership. The "
        "portfolio is a greedy weighted set cover of the gaps.",
        "Exact definitions: docs/metrics.md of chainlens."};
  return {
      "环节状态 (缺链、在建补链、单点、弱链、有链) 按范围内的在营本地企业计算; 文件所述短板是规划原文的判断, "
      "与计算结果并列展示, 从不混入计算。",
      "重要度是各环节在全链总需求中的份额: 以环节图的 Leontief 逆矩阵 (I - A)^-1 乘以最终需求。缺口分 = 严重度 × 重要度。",
      "结构性本地配套率 (SLSR) 是基于环节存在性的区域采购系数 (同 IMPLAN 的 RPC): 一个环节的投入中可由本地企业供应的份额。",
      "卡点包括: 终端环节的支配点 (Lengauer–Tarjan 必经环节)、企业供应网络的关节点 (Hopcroft–Tarjan) 和唯一来源的供应关系。",
      "候选企业得分综合: 填补缺口、企业实力 (营收)、与本地企业的联系、关联密度 (Hidalgo 等, 经济复杂度图集的 ρ, "
      "以产业链图为邻近矩阵) 和是否列入拟招商名录。组合推荐为按缺口分加权的贪心集合覆盖。",
      "全部定义见 chainlens 的 docs/metrics.md。"};
}

}  // namespace chainlens
