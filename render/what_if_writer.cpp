// render/what_if_writer.cpp: the changed segments and enterprises as tables, plus the chain
// figures, in every format.
#include "render/what_if_writer.hpp"

#include "render/json_precision.hpp"

#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>

#include "render/gaps_writer.hpp"
#include "render/report_text.hpp"
#include "render/table.hpp"
#include "render/xlsx_writer.hpp"

namespace chainlens {

namespace {

using Json = nlohmann::ordered_json;

std::string fixed(const std::optional<double>& v) { return v ? fmt::format("{:.4f}", v == 0.0 ? 0.0 : *v) : "-"; }
Json number(const std::optional<double>& v) { return v ? Json(json_round(*v, 4)) : Json(nullptr); }
std::optional<double> diff(const std::optional<double>& a, const std::optional<double>& b) {
  if (!a || !b) return std::nullopt;
  return *b - *a;
}
std::string or_dash(std::string s) { return s.empty() ? "-" : s; }
// A difference of two ratios in percentage points: +29.4 个百分点 / +29.4 pp.
std::string points(const std::optional<double>& v, Lang lang) {
  if (!v) return "-";
  std::string n = fmt::format("{:+.1f}", *v * 100);
  if (n == "-0.0" || n == "+0.0") n = "0.0";
  return n + tr(lang, " 个百分点", " pp");
}

const SegmentGap* find(const GapReport& g, const std::string& id) {
  for (const SegmentGap& s : g.segments)
    if (s.segment == id) return &s;
  return nullptr;
}
const EnterpriseSupply* find(const LocalSupplyReport& r, const std::string& id) {
  for (const EnterpriseSupply& e : r.enterprises)
    if (e.enterprise == id) return &e;
  return nullptr;
}

Table segment_table(const WhatIfReport& r, Lang lang) {
  using K = CellKind;
  Table t;
  t.header = {tr(lang, "环节代码", "segment id"), tr(lang, "环节", "segment"), tr(lang, "状态(前)", "status before"),
              tr(lang, "状态(后)", "status after"), tr(lang, "缺口分(前)", "gap before"), tr(lang, "缺口分(后)", "gap after"),
              tr(lang, "变化", "difference")};
  t.kinds = {K::text, K::text, K::text, K::text, K::number, K::number, K::number};
  t.id_column = 0;
  const GapReport& g = r.after.gaps;
  for (const std::string& id : r.changed_segments) {
    const SegmentGap* a = find(r.before.gaps, id);
    const SegmentGap* b = find(r.after.gaps, id);
    t.rows.push_back({id, segment_label(g.names, id, lang, g.chain), status_label(a->status, lang),
                      status_label(b->status, lang), fixed(a->gap_score),
                      fixed(b->gap_score), fixed(b->gap_score - a->gap_score)});
  }
  return t;
}

Table enterprise_table(const WhatIfReport& r, Lang lang) {
  using K = CellKind;
  Table t;
  t.header = {tr(lang, "企业代码", "id"), tr(lang, "企业", "enterprise"), tr(lang, "配套率金额(前)", "LSR value before"),
              tr(lang, "配套率金额(后)", "LSR value after"), tr(lang, "配套率数量(前)", "LSR count before"),
              tr(lang, "配套率数量(后)", "LSR count after")};
  t.kinds = {K::text, K::text, K::percent, K::percent, K::percent, K::percent};
  t.id_column = 0;
  for (const std::string& id : r.changed_enterprises) {
    const EnterpriseSupply* a = find(r.before.supply, id);
    const EnterpriseSupply* b = find(r.after.supply, id);
    const std::string& name = b && !b->name.empty() ? b->name : a && !a->name.empty() ? a->name : firm_label(r.names, id);
    t.rows.push_back({id, name, fixed(a ? a->by_value : std::nullopt), fixed(b ? b->by_value : std::nullopt),
                      fixed(a ? a->by_count : std::nullopt), fixed(b ? b->by_count : std::nullopt)});
  }
  return t;
}

std::string change_text(const WhatIfReport& r, const WhatIfChange& c, Lang lang) {
  const std::string name = firm_label(r.names, c.enterprise);
  return c.kind == WhatIfChange::Kind::add ? fmt::format(fmt::runtime(tr(lang, "引进 {}", "add {}")), name)
                                           : fmt::format(fmt::runtime(tr(lang, "移除 {}", "remove {}")), name);
}

std::string segments_of(const WhatIfState& s, Lang lang) {
  return or_dash(segment_labels(s.chokepoints.names, s.chokepoints.segments, lang, s.gaps.chain));
}
std::string firms_of(const WhatIfState& s, Lang lang) {
  return or_dash(firm_labels(s.chokepoints.names, s.chokepoints.enterprises, lang));
}

}  // namespace

std::string write_what_if(const WhatIfReport& r, std::string_view format, Lang lang) {
  if (format == "json") {
    Json j{{"chain", r.before.gaps.chain},
           {"chain_label", chain_label(r.before.gaps.names, r.before.gaps.chain, lang)},
           {"scope", r.before.gaps.scope.str()}};
    j["changes"] = Json::array();
    for (const WhatIfChange& c : r.changes)
      j["changes"].push_back({{c.kind == WhatIfChange::Kind::add ? "add" : "remove", c.enterprise}});
    j["slsr"] = {{"before", number(r.before.gaps.slsr)}, {"after", number(r.after.gaps.slsr)},
                 {"difference", number(diff(r.before.gaps.slsr, r.after.gaps.slsr))}};
    j["segments"] = Json::array();
    for (const std::string& id : r.changed_segments) {
      const SegmentGap* a = find(r.before.gaps, id);
      const SegmentGap* b = find(r.after.gaps, id);
      j["segments"].push_back({{"id", id}, {"status_before", status_name(a->status)},
                               {"status_after", status_name(b->status)}, {"gap_score_before", number(a->gap_score)},
                               {"gap_score_after", number(b->gap_score)},
                               {"difference", number(b->gap_score - a->gap_score)}});
    }
    j["chokepoints"] = {{"segments_before", r.before.chokepoints.segments},
                        {"segments_after", r.after.chokepoints.segments},
                        {"enterprises_before", r.before.chokepoints.enterprises},
                        {"enterprises_after", r.after.chokepoints.enterprises}};
    j["enterprises"] = Json::array();
    for (const std::string& id : r.changed_enterprises) {
      const EnterpriseSupply* a = find(r.before.supply, id);
      const EnterpriseSupply* b = find(r.after.supply, id);
      j["enterprises"].push_back({{"id", id},
                                  {"lsr_value_before", number(a ? a->by_value : std::nullopt)},
                                  {"lsr_value_after", number(b ? b->by_value : std::nullopt)},
                                  {"lsr_count_before", number(a ? a->by_count : std::nullopt)},
                                  {"lsr_count_after", number(b ? b->by_count : std::nullopt)}});
    }
    return j.dump(2) + "\n";
  }
  if (format == "csv") return to_csv(segment_table(r, lang));
  if (format == "xlsx")
    return to_xlsx({{tr(lang, "环节变化", "Segments"), segment_table(r, lang)},
                    {tr(lang, "企业变化", "Enterprises"), enterprise_table(r, lang)}});
  const bool md = format == "md";
  if (!md && format != "table")
    throw std::invalid_argument("unknown format '" + std::string(format) + "' (expected table, json, csv, md or xlsx)");
  auto render = [&](const Table& t) { return md ? to_markdown(t) : to_text(t); };
  std::string changes;
  for (const WhatIfChange& c : r.changes) changes += (changes.empty() ? "" : tr(lang, "、", ", ")) + change_text(r, c, lang);
  std::string out = fmt::format(fmt::runtime(tr(lang, "{}{} 产业链情景分析 · 范围 {} · {}\n\n", "{}What-if for the {} chain · scope {} · {}\n\n")),
                                md ? "## " : "", chain_label(r.before.gaps.names, r.before.gaps.chain, lang),
                                r.before.gaps.scope.str(), changes);
  // Markdown joins consecutive lines: each figure line ends a paragraph there.
  const char* end = md ? "\n\n" : "\n";
  out += fmt::format(fmt::runtime(tr(lang, "结构性本地配套率 SLSR: {} → {} (变化 {}){}", "Structural LSR: {} → {} (difference {}){}")),
                     percent(r.before.gaps.slsr), percent(r.after.gaps.slsr),
                     points(diff(r.before.gaps.slsr, r.after.gaps.slsr), lang), end);
  out += fmt::format(fmt::runtime(tr(lang, "必经环节: {} → {}{}", "Chokepoint segments: {} → {}{}")), segments_of(r.before, lang),
                     segments_of(r.after, lang), end);
  out += fmt::format(fmt::runtime(tr(lang, "关键企业 (割点): {} → {}\n\n", "Articulation firms: {} → {}\n\n")),
                     firms_of(r.before, lang), firms_of(r.after, lang));
  out += r.changed_segments.empty() ? std::string(tr(lang, "环节状态和缺口分没有变化。\n", "No segment status or gap score changes.\n"))
                                    : render(segment_table(r, lang));
  if (!r.changed_enterprises.empty()) out += "\n" + render(enterprise_table(r, lang));
  return out;
}

}  // namespace chainlens
