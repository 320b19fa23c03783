// render/report_json.cpp: the report as JSON. The analysis sections are the very JSON the
// single commands print (gaps, chokepoints, supply, targets), so the two never drift apart.
#include <nlohmann/json.hpp>

#include "engine/chain_graph.hpp"
#include "models/enum_names.hpp"
#include "render/chokepoints_writer.hpp"
#include "render/diagram.hpp"
#include "render/json_precision.hpp"
#include "render/gaps_writer.hpp"
#include "render/local_supply_writer.hpp"
#include "render/report_writer.hpp"
#include "render/targets_writer.hpp"

namespace chainlens {

namespace {

using Json = nlohmann::ordered_json;

Json source_json(const SourceRef& s) {
  Json j = Json::object();
  if (!s.id.empty()) j["id"] = s.id;
  if (!s.quote.empty()) j["quote"] = s.quote;
  if (!s.note.empty()) j["note"] = s.note;
  return j;
}

Json declared_json(const Declared& d) {
  Json j = {{"metric", d.metric}, {"value", d.value}, {"bound", std::string(to_string(d.bound))}};
  if (!d.segment.empty()) j["segment"] = d.segment;
  if (!d.note.empty()) j["note"] = d.note;
  j["source"] = source_json(d.source);
  return j;
}

}  // namespace

std::string write_report_json(const ReportContext& c) {
  const ChainReport& r = *c.report;
  const Chain& chain = c.graph->chain();
  const Workspace& ws = *c.workspace;
  Json j;
  j["chain"] = {{"id", chain.id}, {"name", chain.name}, {"name_en", chain.name_en}};
  j["title"] = report_title(c);
  j["scope"] = r.scope.str();
  Json counts = Json::object();
  for (SegmentStatus s : {SegmentStatus::missing, SegmentStatus::planned, SegmentStatus::single, SegmentStatus::weak,
                          SegmentStatus::covered})
    counts[status_name(s)] = r.status_counts.count(s) ? r.status_counts.at(s) : 0;
  Json scopes = Json::array();
  for (const GapReport& g : r.scopes.scopes) {
    int missing = 0;
    for (const SegmentGap& s : g.segments) missing += s.status == SegmentStatus::missing;
    scopes.push_back({{"scope", g.scope.str()},
                      {"slsr", g.slsr ? Json(json_round(*g.slsr, 4)) : Json(nullptr)},
                      {"missing", missing}});
  }
  j["summary"] = {{"segments", r.gaps().segments.size()},
                  {"status_counts", counts},
                  {"slsr", r.gaps().slsr ? Json(json_round(*r.gaps().slsr, 4)) : Json(nullptr)},
                  {"scopes", scopes},
                  {"import_dependent", r.scopes.import_dependent}};
  Json goals = Json::array();
  for (const Goal& g : chain.goals) {
    Json x = {{"metric", g.metric}, {"value", g.value}, {"unit", g.unit}};
    x["year"] = g.year ? Json(*g.year) : Json(nullptr);
    x["source"] = source_json(g.source);
    goals.push_back(x);
  }
  j["goals"] = goals;
  Json declared = Json::array();
  for (const Declared& d : chain.declared) declared.push_back(declared_json(d));
  j["declared"] = declared;
  Json dgaps = Json::array();
  for (const DeclaredGap& g : chain.gaps)
    dgaps.push_back({{"segment", g.segment},
                     {"segment_name", segment_name(*c.graph, g.segment, c.lang)},
                     {"kind", std::string(to_string(g.kind))},
                     {"kind_label", declared_kind_label(g.kind, c.lang)},
                     {"note", g.note},
                     {"source", source_json(g.source)}});
  j["declared_gaps"] = dgaps;
  j["gaps"] = Json::parse(write_gaps(r.scopes, "json", c.lang));
  j["chokepoints"] = Json::parse(write_chokepoints(chain.id, r.chokepoints, "json", c.lang));
  j["local_supply"] = Json::parse(write_local_supply(r.supply, "json", c.lang));
  j["targets"] = Json::parse(
      write_targets(r.targets, r.portfolio.k > 0 ? &r.portfolio : nullptr, TargetsFormat::json, c.lang));
  Json lists = Json::array();
  for (const TargetList& t : chain.target_lists)
    lists.push_back({{"id", t.id}, {"name", t.name}, {"enterprises", t.enterprises}, {"source", source_json(t.source)}});
  j["target_lists"] = lists;
  j["diagrams"] = {{"chain", c.chain_svg_file}, {"targets", c.targets_svg_file}};
  j["method"] = method_notes(c.lang);
  Json sources = Json::array();
  for (const Source& s : ws.sources) {
    Json x = {{"id", s.id}, {"title", s.title}, {"file", s.file}};
    x["year"] = s.year ? Json(*s.year) : Json(nullptr);
    sources.push_back(x);
  }
  j["provenance"] = {{"chainlens", c.version},
                     {"workspace", ws.name},
                     {"content_hash", ws.content_hash},
                     {"date", c.date},
                     {"sources", sources}};
  return j.dump(2) + "\n";
}

}  // namespace chainlens
