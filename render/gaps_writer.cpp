// render/gaps_writer.cpp: one renderer per --format for gap reports; figures with a fixed
// 4 decimals so that output is byte-stable, Chinese labels unless lang is en.
#include "render/gaps_writer.hpp"

#include "render/json_precision.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "models/enum_names.hpp"
#include "render/report_text.hpp"
#include "render/xlsx_writer.hpp"

namespace chainlens {

namespace {

using Json = nlohmann::ordered_json;

std::string num(double v) { return fmt::format("{:.{}f}", v == 0 ? 0.0 : v, kGapDigits); }  // no "-0.0000"
double rounded(double v) { return json_round(v, kGapDigits); }
Json optional_number(const std::optional<double>& v) { return v ? Json(rounded(*v)) : Json(nullptr); }

std::string join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

std::string scope_text(const Scope& s, Lang lang) {
  return s.empty() ? std::string(tr(lang, "(全部地区)", "(everywhere)")) : s.str();
}

// The status cell: a single segment that also meets a weak rule lists the flag (metrics.md).
std::string status_cell(const SegmentGap& g, Lang lang) {
  std::string out = status_label(g.status, lang);
  if (g.weak_flag && g.status != SegmentStatus::weak) out += tr(lang, "(弱)", " (weak)");
  if (g.import_dependent) out += tr(lang, "(卡脖子)", " (import-dependent)");
  return out;
}

std::string pct(double v) { return fmt::format("{:.0f}%", v * 100); }

std::string weights_text(const ImportanceWeights& w) {
  return fmt::format("value={} dependence={} plan={} import={}", w.value, w.dependence, w.plan, w.import);
}

std::string heading(const GapReport& r, Lang lang) {
  std::string out;
  if (r.empty_scope)
    out += fmt::format(fmt::runtime(tr(lang, "空范围: {} 内没有本链的任何本地企业, 所有环节均为缺链。\n",
                          "Empty scope: no enterprise of this chain is local to {}; every segment is missing.\n")),
                       scope_text(r.scope, lang));
  const std::string title =
      r.chain.empty() ? std::string(tr(lang, "全部产业链合计的缺口 (工作区视图)", "Gaps of all chains together (workspace view)"))
                      : fmt::format(fmt::runtime(tr(lang, "{} 产业链缺口", "Gaps of the {} chain")), chain_label(r.names, r.chain, lang));
  out += fmt::format(fmt::runtime(tr(lang, "{} · 范围 {} · 结构性本地配套率 SLSR {}\n", "{} · scope {} · structural LSR {}\n")),
                     title, scope_text(r.scope, lang), r.slsr ? percent(r.slsr) : tr(lang, "无数据", "no data"));
  return out;
}

std::string notes(const GapReport& r, Lang lang) {
  std::string out;
  if (!r.chokepoints.empty())
    out += fmt::format(fmt::runtime(tr(lang, "必经环节 (卡点, 所有上游到终端的路径都经过): {}\n",
                                       "Chokepoint segments (on every source-to-terminal path): {}\n")),
                       segment_labels(r.names, r.chokepoints, lang, r.chain));
  if (r.demand_fallback)
    out += tr(lang, "注: 本链没有标为产品 (product) 的环节, 也没有声明最终需求, 最终需求按末端非服务环节平均分配。\n",
              "Note: the chain has no product segment and no declared final demand, so final demand is spread "
              "over its end segments that are not services.\n");
  out += fmt::format(fmt::runtime(tr(lang,
            "注: 缺口分 = 严重度 × 重要度; 重要度 = 价值 V、依赖 D、规划 P、进口 K 四个因子的加权平均 (权重 {}), "
            "与范围无关; SLSR 为基于环节存在性的区域采购系数 (IMPLAN RPC)。\n",
            "Note: gap score = severity x importance; importance is the weighted mean of value V, dependence D, "
            "plan P and import K (weights {}), the same at every scope; SLSR is a presence-based regional purchase "
            "coefficient (IMPLAN's RPC).\n")), weights_text(r.weights));
  return out;
}

Table parents_table(const GapReport& r, Lang lang) {
  Table t;
  t.header = {tr(lang, "上级环节代码", "parent id"), tr(lang, "上级环节", "parent"), tr(lang, "状态", "status"),
              tr(lang, "子环节", "children")};
  t.id_column = 0;
  for (const ParentState& p : r.parents)
    t.rows.push_back({p.segment, segment_label(r.names, p.segment, lang, r.chain), status_label(p.status, lang),
                      segment_labels(r.names, p.children, lang, r.chain)});
  return t;
}

// 补链/强链 and covered rows in one table, 延链 in a second (metrics.md v2: a service
// end-point never heads the list of links to fill).
GapReport only(const GapReport& r, bool extend) {
  GapReport part = r;
  part.segments.clear();
  for (const SegmentGap& g : r.segments)
    if ((g.kind == GapKind::extend) == extend) part.segments.push_back(g);
  return part;
}

std::string extend_title(Lang lang) {
  return tr(lang, "延链环节 (服务、研发及下游延伸, 单列):", "Extension segments (services, R&D and downstream extensions, listed apart):");
}

std::string text_report(const GapReport& r, Lang lang) {
  std::string out = heading(r, lang) + "\n" + to_text(gaps_table(only(r, false), lang));
  if (const GapReport ext = only(r, true); !ext.segments.empty()) out += "\n" + extend_title(lang) + "\n" + to_text(gaps_table(ext, lang));
  if (!r.parents.empty()) out += "\n" + to_text(parents_table(r, lang));
  return out + "\n" + notes(r, lang);
}

std::string md_report(const GapReport& r, Lang lang, const char* level) {
  std::string h = heading(r, lang);
  std::string out;
  // The first line of the heading is the title; an empty-scope fact stays first.
  std::size_t cut = 0;
  while (cut < h.size()) {
    const std::size_t end = h.find('\n', cut);
    out += std::string(out.empty() ? level : "") + h.substr(cut, end - cut) + "\n\n";
    cut = end + 1;
  }
  out += to_markdown(gaps_table(only(r, false), lang));
  if (const GapReport ext = only(r, true); !ext.segments.empty())
    out += "\n" + extend_title(lang) + "\n\n" + to_markdown(gaps_table(ext, lang));
  if (!r.parents.empty()) out += "\n" + to_markdown(parents_table(r, lang));
  // Each note its own paragraph: Markdown joins consecutive lines.
  const std::string n = notes(r, lang);
  for (std::size_t at = 0, end; at < n.size(); at = end + 1) {
    end = n.find('\n', at);
    out += "\n" + n.substr(at, end - at) + "\n";
  }
  return out;
}

Json report_json(const GapReport& r, Lang lang) {
  Json j;
  j["chain"] = r.chain;
  j["chain_label"] = r.chain.empty() ? std::string(tr(lang, "全部产业链", "all chains")) : chain_label(r.names, r.chain, lang);
  j["scope"] = r.scope.str();
  j["weights"] = {{"value", r.weights.value}, {"dependence", r.weights.dependence}, {"plan", r.weights.plan},
                  {"import", r.weights.import}};
  j["slsr"] = optional_number(r.slsr);
  j["empty_scope"] = r.empty_scope;
  j["demand_fallback"] = r.demand_fallback;
  j["segments"] = Json::array();
  for (const SegmentGap& g : r.segments) {
    Json s;
    s["id"] = g.segment;
    s["name"] = g.name;
    s["chain"] = g.chain;
    s["chain_label"] = chain_label(r.names, g.chain, lang);
    s["type"] = std::string(to_string(g.type));
    s["status"] = status_name(g.status);
    s["status_label"] = status_label(g.status, lang);
    s["severity"] = rounded(g.severity);
    s["importance"] = rounded(g.importance);
    s["factors"] = {{"value", rounded(g.factors.value)}, {"dependence", rounded(g.factors.dependence)},
                    {"plan", rounded(g.factors.plan)}, {"import", rounded(g.factors.import)}};
    s["gap_score"] = rounded(g.gap_score);
    s["kind"] = g.kind ? Json(kind_code(g.kind)) : Json(nullptr);
    s["kind_label"] = g.kind ? Json(kind_label(g.kind, lang)) : Json(nullptr);
    s["reach"] = g.reach;
    s["local_enterprises"] = g.local_enterprises;
    s["carriers"] = g.carriers;
    s["slsr"] = optional_number(g.slsr);
    s["weak_flag"] = g.weak_flag;
    s["output"] = rounded(g.output);
    s["import_dependent"] = g.import_dependent;
    s["declared"] = g.declared;
    s["reason"] = gap_reason(g, lang);
    j["segments"].push_back(std::move(s));
  }
  j["parents"] = Json::array();
  for (const ParentState& p : r.parents)
    j["parents"].push_back({{"id", p.segment}, {"status", status_name(p.status)},
                            {"status_label", status_label(p.status, lang)}, {"children", p.children}});
  j["chokepoints"] = r.chokepoints;
  return j;
}

void check_format(std::string_view format) {
  if (format != "table" && format != "json" && format != "csv" && format != "md" && format != "xlsx")
    throw std::invalid_argument("unknown format '" + std::string(format) + "' (expected table, json, csv, md or xlsx)");
}

void add_sheets(std::vector<Sheet>& sheets, const GapReport& r, Lang lang, const std::string& suffix) {
  for (Sheet& s : gaps_sheets(r, lang, suffix)) sheets.push_back(std::move(s));
}

}  // namespace

std::string status_label(SegmentStatus s, Lang lang) {
  switch (s) {
    case SegmentStatus::missing: return tr(lang, "缺链", "missing");
    case SegmentStatus::planned: return tr(lang, "在建补链", "planned");
    case SegmentStatus::single: return tr(lang, "单点", "single");
    case SegmentStatus::weak: return tr(lang, "弱链", "weak");
    case SegmentStatus::covered: return tr(lang, "有链", "covered");
  }
  return "";
}

std::string gap_reason(const SegmentGap& g, Lang lang) {
  std::vector<std::string> parts;
  if (g.declared) parts.push_back(tr(lang, "规划短板", "named by the plan"));
  else if (g.factors.plan > 0) parts.push_back(tr(lang, "名录企业所在环节", "a target-list firm's segment"));
  if (g.factors.dependence >= 1 - 1e-9) parts.push_back(tr(lang, "全部产品依赖", "every product depends on it"));
  else if (g.factors.dependence > 0)
    parts.push_back(fmt::format(fmt::runtime(tr(lang, "{} 产品依赖", "{} of products depend on it")), pct(g.factors.dependence)));
  parts.push_back(fmt::format(fmt::runtime(tr(lang, "价值 {:.2f}", "value {:.2f}")), g.factors.value));
  if (g.factors.import > 0)
    parts.push_back(g.declared_import ? tr(lang, "依赖进口/技术短板", "import or technology gap")
                                      : tr(lang, "国内无供给", "no supplier in the country"));
  if (g.type == SegmentType::service) parts.push_back(tr(lang, "服务环节", "a service"));
  else if (g.type == SegmentType::rnd) parts.push_back(tr(lang, "研发环节", "R&D"));
  return join(parts, " · ");
}

std::string kind_code(const std::optional<GapKind>& kind) { return kind_label(kind, Lang::en); }

std::string kind_label(const std::optional<GapKind>& kind, Lang lang) {
  if (!kind) return "";
  switch (*kind) {
    case GapKind::fill: return tr(lang, "补链", "fill");
    case GapKind::extend: return tr(lang, "延链", "extend");
    case GapKind::strengthen: return tr(lang, "强链", "strengthen");
  }
  return "";
}

// The segment's name; another chain's segment, and every row of the workspace view, names
// its chain: 封装测试 (芯屏).
static std::string row_segment(const GapReport& r, const SegmentGap& g, Lang lang) {
  if (!r.chain.empty()) return segment_label(r.names, g.segment, lang, r.chain);
  return segment_label(r.names, g.segment, lang) + " (" + chain_label(r.names, g.chain, lang) + ")";
}

Table gaps_table(const GapReport& r, Lang lang, bool scope_column) {
  Table t;
  using K = CellKind;
  if (scope_column) t.header.push_back(tr(lang, "范围", "scope")), t.kinds.push_back(K::text);
  t.id_column = t.header.size();
  const std::pair<const char*, K> columns[] = {
      {tr(lang, "环节代码", "segment id"), K::text}, {tr(lang, "环节", "segment"), K::text},
      {tr(lang, "状态", "status"), K::text},          {tr(lang, "严重度", "severity"), K::number},
      {tr(lang, "重要度", "importance"), K::number},  {tr(lang, "缺口分", "gap score"), K::number},
      {tr(lang, "类型", "kind"), K::text},            {tr(lang, "价值V", "value"), K::number},
      {tr(lang, "依赖D", "dependence"), K::number},   {tr(lang, "规划P", "plan"), K::number},
      {tr(lang, "进口K", "import"), K::number},       {tr(lang, "下游环节数", "reach"), K::number},
      {tr(lang, "SLSR", "SLSR"), K::percent},         {tr(lang, "原因", "reason"), K::text},
      {tr(lang, "本地企业", "local enterprises"), K::text}};
  for (const auto& [h, k] : columns) t.header.push_back(h), t.kinds.push_back(k);
  for (const SegmentGap& g : r.segments) {
    std::vector<std::string> row;
    if (scope_column) row.push_back(scope_text(r.scope, lang));
    for (std::string cell : {g.segment, row_segment(r, g, lang), status_cell(g, lang),
                             num(g.severity), num(g.importance), num(g.gap_score), kind_label(g.kind, lang),
                             num(g.factors.value), num(g.factors.dependence), num(g.factors.plan),
                             num(g.factors.import), std::to_string(g.reach), g.slsr ? num(*g.slsr) : std::string("-"),
                             gap_reason(g, lang), firm_labels(r.names, g.local_enterprises, lang)})
      row.push_back(std::move(cell));
    t.rows.push_back(std::move(row));
  }
  return t;
}

std::vector<Sheet> gaps_sheets(const GapReport& r, Lang lang, const std::string& suffix) {
  std::vector<Sheet> sheets{{tr(lang, "缺口", "Gaps") + suffix, gaps_table(only(r, false), lang)}};
  if (const GapReport ext = only(r, true); !ext.segments.empty())
    sheets.push_back({tr(lang, "延链", "Extensions") + suffix, gaps_table(ext, lang)});
  if (!r.parents.empty()) sheets.push_back({tr(lang, "上级环节", "Parents") + suffix, parents_table(r, lang)});
  return sheets;
}

std::string write_gaps(const GapReport& r, std::string_view format, Lang lang) {
  check_format(format);
  if (format == "json") return report_json(r, lang).dump(2) + "\n";
  if (format == "csv") return to_csv(gaps_table(r, lang));
  if (format == "xlsx") {
    std::vector<Sheet> sheets;
    add_sheets(sheets, r, lang, "");
    return to_xlsx(sheets);
  }
  if (format == "md") return md_report(r, lang, "## ");
  return text_report(r, lang);
}

std::string write_gaps(const MultiScopeReport& r, std::string_view format, Lang lang) {
  check_format(format);
  if (format == "json") {
    Json j;
    j["chain"] = r.chain;
    if (!r.scopes.empty()) j["chain_label"] = chain_label(r.scopes.front().names, r.chain, lang);
    j["scopes"] = Json::array();
    for (const GapReport& g : r.scopes) j["scopes"].push_back(report_json(g, lang));
    j["import_dependent"] = r.import_dependent;
    return j.dump(2) + "\n";
  }
  if (format == "csv") {
    Table all;
    for (const GapReport& g : r.scopes) {
      Table t = gaps_table(g, lang, true);
      if (all.header.empty()) all.header = t.header;
      for (auto& row : t.rows) all.rows.push_back(std::move(row));
    }
    return to_csv(all);
  }
  if (format == "xlsx") {
    std::vector<Sheet> sheets;
    for (const GapReport& g : r.scopes)
      add_sheets(sheets, g, lang, " " + (g.scope.empty() ? std::string(tr(lang, "全部", "all")) : g.scope.parts().back()));
    return to_xlsx(sheets);
  }
  std::string out;
  for (const GapReport& g : r.scopes) {
    if (!out.empty()) out += "\n";
    out += format == "md" ? md_report(g, lang, "## ") : text_report(g, lang);
  }
  const ReportNames& names = r.scopes.empty() ? ReportNames{} : r.scopes.front().names;
  const std::string dependent =
      r.import_dependent.empty() ? tr(lang, "无", "none") : segment_labels(names, r.import_dependent, lang, r.chain);
  out += fmt::format(fmt::runtime(tr(lang, "\n进口依赖 (卡脖子, 根范围内缺链): {}\n", "\nImport-dependent (missing at the root scope): {}\n")),
                     dependent);
  return out;
}

}  // namespace chainlens
