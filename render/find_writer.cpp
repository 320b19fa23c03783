// render/find_writer.cpp: the rows of `chainlens find`; names only in the text table, the id
// beside them in csv and json.
#include "render/find_writer.hpp"

#include <map>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace chainlens {

namespace {

struct SegmentPlace {
  std::string name, chain_id, chain_name, parent_name;
};

std::map<std::string, SegmentPlace> segment_places(const Workspace& ws, Lang lang) {
  std::map<std::string, SegmentPlace> out;
  for (const Chain& c : ws.chains) {
    const std::string chain_name = lang == Lang::en && !c.name_en.empty() ? c.name_en : c.name.empty() ? c.id : c.name;
    std::map<std::string, std::string> names;
    for (const Segment& s : c.segments) names[s.id] = lang == Lang::en && !s.name_en.empty() ? s.name_en : s.name.empty() ? s.id : s.name;
    for (const Segment& s : c.segments)
      out.emplace(s.id, SegmentPlace{names[s.id], c.id, chain_name, s.parent.empty() ? "" : names[s.parent]});
  }
  return out;
}

const char* kind_label(FindHit::Kind k, Lang lang) {
  switch (k) {
    case FindHit::Kind::chain: return tr(lang, "产业链", "chain");
    case FindHit::Kind::segment: return tr(lang, "环节", "segment");
    case FindHit::Kind::enterprise: return tr(lang, "企业", "enterprise");
  }
  return "";
}

const char* enterprise_kind_label(EnterpriseKind k, Lang lang) {
  switch (k) {
    case EnterpriseKind::firm: return tr(lang, "企业", "firm");
    case EnterpriseKind::project: return tr(lang, "项目", "project");
    case EnterpriseKind::park: return tr(lang, "园区/载体", "park");
    case EnterpriseKind::institute: return tr(lang, "科研机构", "institute");
  }
  return "";
}

const Enterprise* enterprise_by_id(const Workspace& ws, const std::string& id) {
  for (const Enterprise& e : ws.enterprises)
    if (e.id == id) return &e;
  return nullptr;
}

// "驱动电机 (汽车)", the segment with its chain.
std::string segment_with_chain(const std::map<std::string, SegmentPlace>& places, const std::string& id) {
  const auto it = places.find(id);
  if (it == places.end()) return id;
  return it->second.name + " (" + it->second.chain_name + ")";
}

struct Where {
  std::string text, group;
  bool local = false;
  std::vector<std::string> segments;
};

Where where_of(const Workspace& ws, const std::map<std::string, SegmentPlace>& places, const FindHit& h, Lang lang) {
  Where w;
  if (h.kind == FindHit::Kind::chain) {
    for (const Chain& c : ws.chains)
      if (c.id == h.id) w.text = std::to_string(c.segments.size()) + tr(lang, " 个环节", " segments") + " · " + ws.chain_scope(c).str();
    return w;
  }
  if (h.kind == FindHit::Kind::segment) {
    const auto it = places.find(h.id);
    if (it == places.end()) return w;
    w.text = it->second.chain_name + (it->second.parent_name.empty() ? "" : " › " + it->second.parent_name);
    return w;
  }
  const Enterprise* e = enterprise_by_id(ws, h.id);
  if (e == nullptr) return w;
  w.local = e->location.within(ws.scope);
  w.text = std::string(w.local ? tr(lang, "本地", "local") : tr(lang, "外地", "elsewhere")) + " · " + e->location.str();
  if (e->kind != EnterpriseKind::firm) w.text += std::string(" · ") + enterprise_kind_label(e->kind, lang);
  std::string segs;
  for (const std::string& s : e->segments) {
    w.segments.push_back(s);
    segs += (segs.empty() ? "" : "; ") + segment_with_chain(places, s);
  }
  if (!segs.empty()) w.text += " · " + segs;
  if (!e->group.empty()) {
    const Enterprise* g = enterprise_by_id(ws, e->group);
    w.group = g != nullptr && !g->name.empty() ? g->name : e->group.str();
  }
  return w;
}

}  // namespace

Table find_table(const Workspace& ws, const std::vector<FindHit>& hits, Lang lang, bool with_id) {
  const auto places = segment_places(ws, lang);
  Table t;
  if (with_id) t.header.push_back(tr(lang, "代码", "id"));
  for (const char* h : {tr(lang, "类型", "kind"), tr(lang, "名称", "name"), tr(lang, "匹配", "matched"),
                        tr(lang, "所在", "where"), tr(lang, "集团", "group")})
    t.header.push_back(h);
  for (const FindHit& h : hits) {
    const Where w = where_of(ws, places, h, lang);
    std::vector<std::string> row;
    if (with_id) row.push_back(h.id);
    std::string name = h.name;
    if (h.kind == FindHit::Kind::segment) name = segment_with_chain(places, h.id);
    row.insert(row.end(), {kind_label(h.kind, lang), name, h.matched == h.name || h.matched == h.id ? "" : h.matched, w.text, w.group});
    t.rows.push_back(std::move(row));
  }
  return t;
}

std::string write_find(const Workspace& ws, std::string_view query, const std::vector<FindHit>& hits,
                       std::string_view format, Lang lang) {
  if (format == "json") {
    const auto places = segment_places(ws, lang);
    nlohmann::ordered_json out{{"query", query}, {"hits", nlohmann::ordered_json::array()}};
    for (const FindHit& h : hits) {
      const Where w = where_of(ws, places, h, lang);
      nlohmann::ordered_json j{{"kind", kind_name(h.kind)}, {"id", h.id}, {"name", h.name}, {"matched", h.matched}};
      if (h.kind == FindHit::Kind::segment) j["chain"] = places.count(h.id) ? places.at(h.id).chain_id : "";
      if (h.kind == FindHit::Kind::enterprise) {
        j["segments"] = w.segments;
        j["local"] = w.local;
        const Enterprise* e = enterprise_by_id(ws, h.id);
        j["location"] = e != nullptr ? e->location.str() : "";
        j["group"] = e != nullptr ? e->group : "";
      }
      out["hits"].push_back(std::move(j));
    }
    return out.dump(2) + "\n";
  }
  if (format == "csv") return to_csv(find_table(ws, hits, lang, true));
  if (format != "table" && format != "md") throw std::invalid_argument("unknown format '" + std::string(format) + "'");
  std::string head = std::string(tr(lang, "查找 ", "Find ")) + "\"" + std::string(query) + "\": " + std::to_string(hits.size()) +
                     tr(lang, " 项", hits.size() == 1 ? " match" : " matches");
  if (hits.empty()) return head + "\n";
  const Table t = find_table(ws, hits, lang, false);
  return format == "md" ? markdown_escape(head) + "\n\n" + to_markdown(t) : head + "\n\n" + to_text(t);
}

}  // namespace chainlens
