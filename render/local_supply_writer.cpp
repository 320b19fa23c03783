// render/local_supply_writer.cpp: three tables (enterprises, matchmaking, leakage) feed the
// text, CSV and Markdown forms; JSON carries the same rows.
#include "render/local_supply_writer.hpp"

#include <array>

#include "render/json_precision.hpp"
#include "render/json_stream.hpp"
#include "render/report_text.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "render/table.hpp"
#include "render/xlsx_writer.hpp"

namespace chainlens {

namespace {

using Json = nlohmann::ordered_json;

std::string fixed(const std::optional<double>& v) { return v ? fmt::format("{:.4f}", *v) : "-"; }
Json number(const std::optional<double>& v) {
  return v ? Json(json_round(*v, 4)) : Json(nullptr);
}

std::string declared_text(const EnterpriseSupply& e, Lang lang) {
  std::string out;
  for (const Declared& d : e.declared)
    out += (out.empty() ? "" : "; ") + fmt::format("{}{:.0f}%", bound_word(d.bound, lang), d.value * 100) +
           (d.source.quote.empty() ? "" : fmt::format(" ({}: \"{}\")", d.source.id, d.source.quote));
  return out;
}

Table enterprise_table(const LocalSupplyReport& r, Lang lang) {
  using K = CellKind;
  Table t;
  t.header = {tr(lang, "企业代码", "id"),            tr(lang, "企业", "enterprise"),
              tr(lang, "本地", "local"),             tr(lang, "供应关系", "relations"),
              tr(lang, "配套率(金额)", "LSR value"), tr(lang, "配套率(数量)", "LSR count"),
              tr(lang, "潜在(金额)", "potential value"), tr(lang, "潜在(数量)", "potential count"),
              tr(lang, "文件所述配套率", "declared")};
  t.kinds = {K::text, K::text, K::text, K::number, K::percent, K::percent, K::percent, K::percent, K::text};
  t.id_column = 0;
  for (const EnterpriseSupply& e : r.enterprises)
    t.rows.push_back({e.enterprise, (e.name.empty() ? e.enterprise : e.name) + (e.has_inferred ? "*" : ""),
                      e.local ? tr(lang, "是", "yes") : tr(lang, "否", "no"),
                      std::to_string(e.relations), fixed(e.by_value), fixed(e.by_count), fixed(e.potential_by_value),
                      fixed(e.potential_by_count), declared_text(e, lang)});
  return t;
}

Table matchmaking_table(const LocalSupplyReport& r, Lang lang) {
  Table t;
  t.header = {tr(lang, "采购方代码", "customer id"), tr(lang, "采购方", "customer"), tr(lang, "环节", "segment"),
              tr(lang, "现外地供应商", "supplier"), tr(lang, "金额(亿元)", "value (100M yuan)"),
              tr(lang, "本地可替代企业", "local alternatives")};
  t.kinds = {CellKind::text, CellKind::text, CellKind::text, CellKind::text, CellKind::number, CellKind::text};
  t.id_column = 0;
  for (const Matchmaking& m : r.matchmaking) {
    std::string alt = firm_labels(r.names, m.local_alternatives, lang);
    if (m.alternatives_total > m.local_alternatives.size())
      alt += fmt::format(fmt::runtime(tr(lang, " 等 {} 家", " and {} more")),
                         lang == Lang::zh ? m.alternatives_total : m.alternatives_total - m.local_alternatives.size());
    t.rows.push_back({std::string(m.customer), firm_label(r.names, m.customer), segment_label(r.names, m.segment, lang, r.chain),
                      firm_label(r.names, m.supplier) + (m.inferred ? "*" : ""), fixed(m.value), alt});
  }
  return t;
}

Table leakage_table(const LocalSupplyReport& r, Lang lang) {
  Table t;
  t.header = {tr(lang, "环节代码", "segment id"), tr(lang, "环节", "segment"), tr(lang, "本地需求", "demand"), "SLSR",
              tr(lang, "漏出", "leakage")};
  t.kinds = {CellKind::text, CellKind::text, CellKind::number, CellKind::percent, CellKind::number};
  t.id_column = 0;
  for (const SegmentSlsr& s : r.leakage)
    t.rows.push_back({s.segment, segment_label(r.names, s.segment, lang, r.chain), fixed(s.demand), fixed(s.slsr),
                      fixed(s.leakage)});
  return t;
}

}  // namespace

void write_local_supply_json(const LocalSupplyReport& r, Lang lang, TextSink& sink) {
  // Streamed row by row: a supply network of millions of relations has as many
  // matchmaking rows, too many for one DOM (or one string).
  JsonStreamObject j(Json{{"chain", r.chain},
                          {"chain_label", chain_label(r.names, r.chain, lang)},
                          {"scope", r.scope.str()},
                          {"slsr", number(r.chain_slsr)}},
                     &sink);
  j.open_array("enterprises");
  j.object_rows(r.enterprises.size(), [&](std::size_t i, JsonRow& row) {
    const EnterpriseSupply& e = r.enterprises[i];
    row.str("id", e.enterprise)
        .str("name", e.name)
        .boolean("local", e.local)
        .integer("relations", e.relations)
        .number("lsr_value", e.by_value)
        .number("lsr_count", e.by_count)
        .number("potential_value", e.potential_by_value)
        .number("potential_count", e.potential_by_count)
        .boolean("inferred", e.has_inferred);
    if (e.declared.empty()) {  // nearly every row: "[]" without a Json value
      row.strings("declared", std::array<std::string_view, 0>{});
      return;
    }
    Json d = Json::array();
    for (const Declared& x : e.declared)
      d.push_back({{"value", x.value}, {"bound", bound_word(x.bound, Lang::en)}, {"source", x.source.id},
                   {"quote", x.source.quote}});
    row.value("declared", d);
  });
  j.close_array();
  j.open_array("matchmaking");
  j.object_rows(r.matchmaking.size(), [&](std::size_t i, JsonRow& row) {
    const Matchmaking& m = r.matchmaking[i];
    row.str("customer", m.customer)
        .str("segment", m.segment)
        .str("supplier", m.supplier)
        .number("value", m.value)
        .strings("local_alternatives", m.local_alternatives)
        .integer("local_alternatives_total", static_cast<std::int64_t>(m.alternatives_total))
        .boolean("inferred", m.inferred);
  });
  j.close_array();
  j.open_array("leakage");
  for (const SegmentSlsr& s : r.leakage)
    j.row({{"segment", s.segment}, {"demand", number(s.demand)}, {"slsr", number(s.slsr)},
           {"leakage", number(s.leakage)}});
  j.close_array();
  j.finish();
}

std::vector<Sheet> local_supply_sheets(const LocalSupplyReport& r, Lang lang) {
  std::vector<Sheet> sheets{{tr(lang, "本地配套", "Local supply"), enterprise_table(r, lang)}};
  if (!r.matchmaking.empty()) sheets.push_back({tr(lang, "供需对接", "Matchmaking"), matchmaking_table(r, lang)});
  if (!r.leakage.empty()) sheets.push_back({tr(lang, "需求漏出", "Leakage"), leakage_table(r, lang)});
  return sheets;
}

std::string write_local_supply(const LocalSupplyReport& r, std::string_view format, Lang lang) {
  if (format == "json") {
    TextSink text;
    write_local_supply_json(r, lang, text);
    return text.take() + "\n";
  }
  if (format == "csv") return to_csv(enterprise_table(r, lang));
  if (format == "xlsx") return to_xlsx(local_supply_sheets(r, lang));
  const bool md = format == "md";
  if (!md && format != "table")
    throw std::invalid_argument("unknown format '" + std::string(format) + "' (expected table, json, csv, md or xlsx)");
  auto render = [&](const Table& t) { return md ? to_markdown(t) : to_text(t); };
  std::string out = fmt::format(fmt::runtime(tr(lang, "{}{} 产业链本地配套 · 范围 {} · 结构性本地配套率 SLSR {}\n\n",
                                                "{}Local supply of the {} chain · scope {} · structural LSR {}\n\n")),
                                md ? "## " : "", chain_label(r.names, r.chain, lang), r.scope.str(), percent(r.chain_slsr));
  out += render(enterprise_table(r, lang));
  if (!r.matchmaking.empty())
    out += fmt::format("\n{}{}\n\n", md ? "### " : "", tr(lang, "供需对接 (本地可替代的外地采购)", "Matchmaking (non-local supplies a local firm could take over)")) +
           render(matchmaking_table(r, lang));
  if (!r.leakage.empty())
    out += fmt::format("\n{}{}\n\n", md ? "### " : "", tr(lang, "需求漏出", "Leakage")) + render(leakage_table(r, lang));
  out += std::string("\n") +
         tr(lang, "注: \"-\" 表示无数据 (没有供应关系或缺少金额), 不是 0; * 表示推断的供应关系; 文件所述配套率仅作对照, 不参与计算。\n",
            "Note: \"-\" is no data (no relations, or a value missing), never 0; * marks inferred relations; declared "
            "ratios are shown for comparison and never enter the computed figures.\n");
  return out;
}

}  // namespace chainlens
