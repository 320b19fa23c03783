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

std::string chain_label(const ReportNames& names, const std::string& id, Lang lang) {
  const auto it = names.chains.find(id);
  if (it == names.chains.end()) return id;
  if (lang == Lang::en && !it->second.en.empty()) return it->second.en;
  return it->second.zh.empty() ? id : it->second.zh;
}

std::string segment_label(const ReportNames& names, std::string_view id, Lang lang, const std::string& chain) {
  const auto it = names.segments.find(id);
  if (it == names.segments.end()) return std::string(id);
  std::string out = lang == Lang::en && !it->second.en.empty() ? it->second.en : it->second.zh.empty() ? std::string(id) : it->second.zh;
  if (!chain.empty() && !it->second.chain.empty() && it->second.chain != chain)
    out += " (" + chain_label(names, it->second.chain, lang) + ")";
  return out;
}

std::string firm_label(const ReportNames& names, std::string_view id) {
  std::string name = names.firm(id);
  return name.empty() ? std::string(id) : name;
}

std::string segment_labels(const ReportNames& names, const std::vector<std::string>& ids, Lang lang,
                           const std::string& chain) {
  std::string out;
  for (const std::string& id : ids) out += (out.empty() ? "" : tr(lang, "、", ", ")) + segment_label(names, id, lang, chain);
  return out;
}

std::string percent(const std::optional<double>& v) {
  if (!v) return "-";
  const std::string out = fmt::format("{:.1f}%", *v * 100);
  return out == "-0.0%" ? "0.0%" : out;
}

std::string firm_name(const Workspace& ws, std::string_view id) {
  for (const Enterprise& e : ws.enterprises)
    if (e.id == id) return e.name.empty() ? std::string(id) : e.name.str();
  return std::string(id);
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

std::string segment_name(const ChainGraph& graph, std::string_view id, Lang lang) {
  if (auto v = graph.find_segment(id)) return segment_display_name(*graph[*v].segment, lang);
  for (const Segment* p : graph.parents())
    if (p->id == id) return segment_display_name(*p, lang);
  for (const Chain& c : graph.workspace().chains)
    for (const Segment& s : c.segments)
      if (s.id == id) return segment_display_name(s, lang);
  return std::string(id);
}

std::string report_segment(const ReportContext& c, std::string_view id, Lang lang) {
  if (c.report && !c.report->scopes.scopes.empty() && c.report->gaps().names.segments.contains(id))
    return segment_label(c.report->gaps().names, id, lang, c.graph->chain().id);
  return segment_name(*c.graph, id, lang);
}

std::string fixed4(const std::optional<double>& v) { return v ? fmt::format("{:.4f}", *v) : "-"; }

std::string report_title(const ReportContext& c) {
  return fmt::format(fmt::runtime(tr(c.lang, "{} 产业链招商报告", "{} chain report")),
                     chain_display_name(c.graph->chain(), c.lang));
}

std::string target_notes(const CandidateScore& t, Lang lang) {
  std::string out;
  auto add = [&](const char* zh, const char* en) { out += (out.empty() ? "" : tr(lang, "、", ", ")) + std::string(tr(lang, zh, en)); };
  if (t.on_target_list) add("拟招商名录", "on a target list");
  if (t.group_link) add("增资扩产 (集团已在本地)", "expansion (group already local)");
  else if (t.factors.link > 0) add("与本地企业有供需", "trades with a local firm");
  if (t.factors.fit < 1) add("非主营", "not its main business");
  if (t.revenue_unknown) add("营收未知", "revenue unknown");
  return out;
}

std::vector<std::string> method_notes(Lang lang) {
  if (lang == Lang::en)
    return {
        "Segment status (missing, planned, single, weak, covered) counts the chain's operating enterprises inside the "
        "scope; declared gaps are what the plans themselves say and are shown beside, never mixed into, computed figures.",
        "Importance weighs four factors a chain team weighs (metrics v2): value at stake V (the segment's total "
        "requirement, from the Leontief inverse (I - A)^-1 of the workspace's segment graph applied to the chain's "
        "final demand on its products, over the largest), dependence D (the share of the chain's final demand that "
        "needs the segment on some path), the plan P (1 when a plan names it as a gap, 0.5 when a 拟招商名录 firm "
        "works in it) and import K (no supplier anywhere in the country, or an import or technology gap). It is the "
        "same at every scope. Gap score = severity x importance. 延链 (service, R&D and downstream extension) gaps are "
        "listed apart from the 补链 and 强链 gaps.",
        "The structural local supply ratio (SLSR) is a presence-based regional purchase coefficient, as IMPLAN's RPC: "
        "the share of a segment's inputs that some local firm could supply.",
        "Chokepoints are the dominators of the terminal segments (Lengauer-Tarjan), articulation points of the "
        "enterprise supply network (Hopcroft-Tarjan) and single-source supply relations.",
        "Candidates are scored per (company, segment) pair: the gap the segment leaves, fit (1 for the company's main "
        "business, else 0.5), strength (revenue; 0.3 when unknown), a link to local firms (supply, or a group already "
        "present: 增资扩产, an expansion rather than a new attraction), relatedness density (Hidalgo et al., the Atlas "
        "of Economic Complexity's rho, with the chain graph as proximity) and 拟招商名录 membership. Firms elsewhere in "
        "the city are left out (moving within the city is not 招商). The portfolio picks pairs greedily, one segment "
        "per firm.",
        "Exact definitions: docs/metrics.md of chainlens."};
  return {
      "环节状态 (缺链、在建补链、单点、弱链、有链) 按范围内的在营本地企业计算; 文件所述短板是规划原文的判断, "
      "与计算结果并列展示, 从不混入计算。",
      "重要度综合链长团队关心的四个因子 (指标第 2 版): 价值 V (以工作区环节图的 Leontief 逆矩阵 (I - A)^-1 乘以本链产品的最终需求, "
      "得到环节总需求, 再除以最大值)、依赖 D (本链最终需求中需要经过该环节的份额)、规划 P (规划列为短板的为 1, 拟招商名录企业所在环节为 0.5) "
      "和进口 K (全国无供给, 或规划称依赖进口/技术短板)。重要度与范围无关。缺口分 = 严重度 × 重要度。延链 (服务、研发及下游延伸) 与补链、强链分开列出。",
      "结构性本地配套率 (SLSR) 是基于环节存在性的区域采购系数 (同 IMPLAN 的 RPC): 一个环节的投入中可由本地企业供应的份额。",
      "卡点包括: 终端环节的支配点 (Lengauer–Tarjan 必经环节)、企业供应网络的关节点 (Hopcroft–Tarjan) 和唯一来源的供应关系。",
      "候选企业按「企业-环节」逐对评分: 环节缺口、主营匹配 (主营为 1, 否则 0.5)、企业实力 (营收; 未知时取 0.3)、与本地企业的联系 "
      "(供需关系, 或集团已在本地: 增资扩产, 而非新引进)、关联密度 (Hidalgo 等, 经济复杂度图集的 ρ, 以产业链图为邻近矩阵) 和是否列入拟招商名录。"
      "市内其他区县的企业不计入 (市内转移不算招商)。组合推荐按得分逐对贪心选取, 每家企业只落一个环节。",
      "全部定义见 chainlens 的 docs/metrics.md。"};
}

}  // namespace chainlens
