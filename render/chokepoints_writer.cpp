// render/chokepoints_writer.cpp: one Table of findings feeds text, CSV and Markdown.
#include "render/chokepoints_writer.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "render/table.hpp"

namespace chainlens {

namespace {

Table findings(const ChokepointReport& r, Lang lang) {
  Table t;
  t.header = {tr(lang, "类型", "kind"), tr(lang, "环节或企业", "id"), tr(lang, "环节", "segment"),
              tr(lang, "唯一供应商", "supplier")};
  for (const std::string& s : r.segments) t.rows.push_back({tr(lang, "必经环节", "segment"), s, s, ""});
  for (const std::string& e : r.enterprises) t.rows.push_back({tr(lang, "关键企业 (割点)", "articulation"), e, "", ""});
  for (const SingleSource& x : r.single_sources)
    t.rows.push_back({tr(lang, "单一来源", "single-source"), x.enterprise, x.segment, x.supplier});
  return t;
}

}  // namespace

std::string write_chokepoints(const std::string& chain, const ChokepointReport& r, std::string_view format, Lang lang) {
  if (format == "json") {
    nlohmann::ordered_json j{{"chain", chain}, {"segments", r.segments}, {"enterprises", r.enterprises}};
    j["single_sources"] = nlohmann::ordered_json::array();
    for (const SingleSource& x : r.single_sources)
      j["single_sources"].push_back({{"enterprise", x.enterprise}, {"segment", x.segment}, {"supplier", x.supplier}});
    return j.dump(2) + "\n";
  }
  const Table t = findings(r, lang);
  if (format == "csv") return to_csv(t);
  const std::string title =
      fmt::format(fmt::runtime(tr(lang, "产业链 {} 卡点分析", "Chokepoints of chain {}")), chain);
  const std::string note = tr(lang,
                              "注: 必经环节为所有源头到终端路径都经过的环节 (支配树); 关键企业为供应网络的割点; "
                              "单一来源指企业某一投入环节只有一家供应商。",
                              "Note: chokepoint segments lie on every source-to-terminal path (dominator tree); "
                              "articulation firms cut the supply network; a single source is the only supplier "
                              "of an input segment to a firm.");
  if (format == "md") return "## " + title + "\n\n" + (t.rows.empty() ? "" : to_markdown(t) + "\n") + note + "\n";
  if (format != "table")
    throw std::invalid_argument("unknown format '" + std::string(format) + "' (expected table, json, csv or md)");
  return title + "\n" + (t.rows.empty() ? std::string(tr(lang, "未发现卡点。\n", "No chokepoints found.\n")) : to_text(t)) +
         note + "\n";
}

}  // namespace chainlens
