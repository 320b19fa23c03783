// render/diagram.cpp: turns a gap report and chokepoints into the chain diagram model.
#include "render/diagram.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "engine/chain_graph.hpp"
#include "render/gaps_writer.hpp"

namespace chainlens {

const char* status_fill(SegmentStatus s) noexcept {
  switch (s) {
    case SegmentStatus::missing: return "#D55E00";
    case SegmentStatus::planned: return "#E69F00";
    case SegmentStatus::single: return "#F0E442";
    case SegmentStatus::weak: return "#56B4E9";
    case SegmentStatus::covered: return "#009E73";
  }
  return "#FFFFFF";
}

const char* stage_label(const std::optional<Stage>& s, Lang lang) {
  if (!s) return tr(lang, "未分段", "unstaged");
  switch (*s) {
    case Stage::upstream: return tr(lang, "上游", "upstream");
    case Stage::midstream: return tr(lang, "中游", "midstream");
    case Stage::downstream: return tr(lang, "下游", "downstream");
  }
  return "";
}

std::string chain_display_name(const Chain& c, Lang lang) {
  if (lang == Lang::en && !c.name_en.empty()) return c.name_en;
  return c.name.empty() ? c.id : c.name;
}

std::string segment_display_name(const Segment& s, Lang lang) {
  if (lang == Lang::en && !s.name_en.empty()) return s.name_en;
  return s.name.empty() ? s.id : s.name;
}

std::string short_firm_name(const Workspace& ws, const std::string& id) {
  for (const Enterprise& e : ws.enterprises)
    if (e.id == id) return !e.aliases.empty() ? e.aliases.front() : e.name.empty() ? id : e.name;
  return id;
}

std::vector<std::pair<std::string, std::string>> status_legend(Lang lang) {
  std::vector<std::pair<std::string, std::string>> out;
  for (SegmentStatus s : {SegmentStatus::missing, SegmentStatus::planned, SegmentStatus::single, SegmentStatus::weak,
                          SegmentStatus::covered})
    out.push_back({status_label(s, lang), status_fill(s)});
  return out;
}

namespace {

std::string stage_key(const std::optional<Stage>& s) { return s ? std::to_string(static_cast<int>(*s)) : "9"; }

}  // namespace

Diagram chain_diagram(const ChainGraph& graph, const GapReport& gaps, const ChokepointReport& chokepoints,
                      const DiagramOptions& o) {
  Diagram d;
  const Lang lang = o.lang;
  d.title = fmt::format(fmt::runtime(tr(lang, "{} 产业链图谱 · {} · 结构性本地配套率 {}", "{} chain map · {} · structural LSR {}")),
                        chain_display_name(graph.chain(), lang), gaps.scope.str(),
                        gaps.slsr ? fmt::format("{:.4f}", *gaps.slsr) : "-");
  if (!o.date.empty()) d.title += " · " + o.date;
  std::map<std::string, const SegmentGap*> by_id;
  for (const SegmentGap& g : gaps.segments) by_id[g.segment] = &g;
  const std::set<std::string> choke(chokepoints.segments.begin(), chokepoints.segments.end());
  std::set<std::string> clusters;
  auto add_cluster = [&](const std::string& id, const std::string& label, const std::string& parent) {
    if (clusters.insert(id).second) d.clusters.push_back({id, label, parent});
  };
  for (SegmentVertexId v = 0; v < graph.segment_count(); ++v) {
    const SegmentVertex& sv = graph[v];
    const Segment& seg = *sv.segment;
    const std::string stage = "stage" + stage_key(seg.stage);
    add_cluster(stage, stage_label(seg.stage, lang), "");
    std::string cluster = stage;
    if (!sv.own) {
      cluster = stage + "-" + sv.owner->id;
      add_cluster(cluster, fmt::format(fmt::runtime(tr(lang, "来自 {} 链", "from chain {}")), sv.owner->id), stage);
    } else if (!seg.parent.empty()) {
      cluster = stage + "-" + seg.parent;
      std::string label = seg.parent;
      for (const Segment* p : graph.parents())
        if (p->id == seg.parent && !p->name.empty()) label = p->name;
      add_cluster(cluster, label, stage);
    }
    DiagramNode n;
    n.id = sv.id;
    n.cluster = cluster;
    const SegmentGap* g = by_id.count(sv.id) ? by_id[sv.id] : nullptr;
    n.lines.push_back(segment_display_name(seg, lang));
    if (g) {
      n.fill = status_fill(g->status);
      const auto& firms = g->local_enterprises;
      std::string line = fmt::format(fmt::runtime(tr(lang, "{} · 本地企业 {}", "{} · {} local")), status_label(g->status, lang), firms.size());
      n.lines.push_back(line);
      std::string names;
      for (std::size_t i = 0; i < firms.size() && static_cast<int>(i) < o.max_firms; ++i)
        names += (names.empty() ? "" : ", ") + short_firm_name(graph.workspace(), firms[i]);
      if (static_cast<int>(firms.size()) > o.max_firms) names += fmt::format(" +{}", firms.size() - o.max_firms);
      if (!names.empty()) n.lines.push_back(names);
    }
    n.emphasis = choke.contains(sv.id);
    d.nodes.push_back(std::move(n));
  }
  const SegmentGraph& sg = graph.segments();
  for (auto e : boost::make_iterator_range(boost::edges(sg)))
    d.edges.push_back({sg[boost::source(e, sg)].id, sg[boost::target(e, sg)].id, 0.6 + 3.0 * sg[e].share, "", "", false});
  // A midstream or downstream segment without inputs would sit at the far left and stretch its
  // stage's cluster across the picture; an invisible edge from the stage before keeps the
  // stages in order, left to right.
  std::map<int, std::string> first_of_stage;
  for (SegmentVertexId v = 0; v < graph.segment_count(); ++v)
    if (const auto& st = graph[v].segment->stage) first_of_stage.emplace(static_cast<int>(*st), graph[v].id);
  for (SegmentVertexId v = 0; v < graph.segment_count(); ++v) {
    const auto& st = graph[v].segment->stage;
    if (!st || *st == Stage::upstream || boost::in_degree(v, sg) > 0) continue;
    const auto before = first_of_stage.find(static_cast<int>(*st) - 1);
    if (before == first_of_stage.end()) continue;
    DiagramEdge e{before->second, graph[v].id, 1, "", "", false};
    e.invisible = true;
    d.edges.push_back(std::move(e));
  }
  d.legend = status_legend(lang);
  return d;
}

}  // namespace chainlens
