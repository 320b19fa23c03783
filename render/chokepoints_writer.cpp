// render/chokepoints_writer.cpp: one Table of findings feeds text, CSV, Markdown and xlsx.
#include "render/chokepoints_writer.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "render/gaps_writer.hpp"
#include "render/json_stream.hpp"
#include "render/report_text.hpp"
#include "render/table.hpp"
#include "render/xlsx_writer.hpp"

namespace chainlens {

// The id column holds the segment or firm a row is about (CSV and xlsx only).
Table chokepoints_table(const std::string& chain, const ChokepointReport& r, Lang lang) {
  const ReportNames& n = r.names;
  Table t;
  t.header = {tr(lang, "代码", "id"), tr(lang, "类型", "kind"), tr(lang, "环节或企业", "segment or firm"),
              tr(lang, "所购环节", "input segment"), tr(lang, "唯一供应商", "only supplier")};
  // With a scope: a must-pass link the region lacks is the first thing a chain team fills.
  const bool with_status = r.segment_status.size() == r.segments.size() && !r.segments.empty();
  if (with_status) t.header.push_back(tr(lang, "本地状态", "local status"));
  t.id_column = 0;
  for (std::size_t i = 0; i < r.segments.size(); ++i) {
    const std::string& s = r.segments[i];
    t.rows.push_back({s, tr(lang, "必经环节", "chokepoint segment"), segment_label(n, s, lang, chain), "", ""});
    if (with_status) t.rows.back().push_back(status_label(r.segment_status[i], lang));
  }
  for (const std::string& e : r.enterprises)
    t.rows.push_back({e, tr(lang, "关键企业 (割点)", "articulation firm"), firm_label(n, e), "", ""});
  for (const SingleSource& x : r.single_sources)
    t.rows.push_back({std::string(x.enterprise), tr(lang, "单一来源", "single source"), firm_label(n, x.enterprise),
                      segment_label(n, x.segment, lang, chain), firm_label(n, x.supplier)});
  return t;
}

void write_chokepoints_json(const std::string& chain, const ChokepointReport& r, Lang lang, TextSink& sink) {
  using Json = nlohmann::ordered_json;
  // Streamed: a city-wide network has hundreds of thousands of single sources.
  JsonStreamObject j(Json{{"chain", chain}, {"chain_label", chain_label(r.names, chain, lang)}}, &sink);
  j.open_array("segments");
  for (const std::string& s : r.segments) j.string_row(s);
  j.close_array();
  j.open_array("enterprises");
  for (const std::string& e : r.enterprises) j.string_row(e);
  j.close_array();
  if (r.segment_status.size() == r.segments.size() && !r.segments.empty()) {
    j.field("scope", r.scope.str());
    j.open_array("segment_status");
    for (std::size_t i = 0; i < r.segments.size(); ++i)
      j.object_row()
          .str("segment", r.segments[i])
          .str("status", status_name(r.segment_status[i]))
          .str("status_label", status_label(r.segment_status[i], lang))
          .close();
    j.close_array();
  }
  j.open_array("single_sources");
  j.object_rows(r.single_sources.size(), [&](std::size_t i, JsonRow& row) {
    const SingleSource& x = r.single_sources[i];
    row.str("enterprise", x.enterprise).str("segment", x.segment).str("supplier", x.supplier);
  });
  j.close_array();
  j.finish();
}

std::string write_chokepoints(const std::string& chain, const ChokepointReport& r, std::string_view format, Lang lang) {
  if (format == "json") {
    TextSink text;
    write_chokepoints_json(chain, r, lang, text);
    return text.take() + "\n";
  }
  const Table t = chokepoints_table(chain, r, lang);
  if (format == "csv") return to_csv(t);
  if (format == "xlsx") return to_xlsx({{tr(lang, "卡点", "Chokepoints"), t}});
  std::string title = fmt::format(fmt::runtime(tr(lang, "{} 产业链卡点分析", "Chokepoints of the {} chain")),
                                  chain_label(r.names, chain, lang));
  if (!r.scope.empty()) title += std::string(tr(lang, " · 范围 ", " · scope ")) + r.scope.str();
  const std::string note = tr(lang,
                              "注: 必经环节为所有源头到终端路径都经过的环节 (支配树); 关键企业为供应网络的割点; "
                              "单一来源指企业某一投入环节只有一家供应商。",
                              "Note: chokepoint segments lie on every source-to-terminal path (dominator tree); "
                              "articulation firms cut the supply network; a single source is the only supplier "
                              "of an input segment to a firm.");
  if (format == "md") return "## " + title + "\n\n" + (t.rows.empty() ? "" : to_markdown(t) + "\n") + note + "\n";
  if (format != "table")
    throw std::invalid_argument("unknown format '" + std::string(format) + "' (expected table, json, csv, md or xlsx)");
  return title + "\n" + (t.rows.empty() ? std::string(tr(lang, "未发现卡点。\n", "No chokepoints found.\n")) : to_text(t)) +
         note + "\n";
}

}  // namespace chainlens
