// render/scopes_diagram.cpp: one chain coloured at every scope level side by side, so the
// team sees which links the district lacks but the city, province or country has.
#include <fmt/format.h>

#include <map>

#include "engine/chain_graph.hpp"
#include "render/diagram.hpp"
#include "render/gaps_writer.hpp"

namespace chainlens {

Diagram scopes_diagram(const ChainGraph& graph, const MultiScopeReport& scopes, const DiagramOptions& o) {
  const Lang lang = o.lang;
  Diagram d;
  d.rankdir = "TB";
  d.title = fmt::format(fmt::runtime(tr(lang, "{} 多级范围对比", "{} at every scope")), chain_display_name(graph.chain(), lang));
  if (!o.date.empty()) d.title += " · " + o.date;
  const SegmentGraph& sg = graph.segments();
  for (std::size_t i = 0; i < scopes.scopes.size(); ++i) {
    const GapReport& r = scopes.scopes[i];
    const std::string cluster = "scope" + std::to_string(i);
    d.clusters.push_back({cluster,
                          fmt::format(fmt::runtime(tr(lang, "{} · 结构性本地配套率 {}", "{} · structural LSR {}")),
                                      r.scope.empty() ? tr(lang, "(全部)", "(all)") : r.scope.str(),
                                      r.slsr ? fmt::format("{:.4f}", *r.slsr) : "-"),
                          ""});
    std::map<std::string, const SegmentGap*> by_id;
    for (const SegmentGap& g : r.segments) by_id[g.segment] = &g;
    const std::string prefix = "s" + std::to_string(i) + ":";
    for (SegmentVertexId v = 0; v < graph.segment_count(); ++v) {
      DiagramNode n;
      n.id = prefix + graph[v].id;
      n.cluster = cluster;
      n.lines = {segment_display_name(*graph[v].segment, lang)};
      if (auto it = by_id.find(graph[v].id); it != by_id.end()) {
        n.fill = status_fill(it->second->status);
        n.lines.push_back(status_label(it->second->status, lang));
      }
      d.nodes.push_back(std::move(n));
    }
    for (auto e : boost::make_iterator_range(boost::edges(sg)))
      d.edges.push_back({prefix + sg[boost::source(e, sg)].id, prefix + sg[boost::target(e, sg)].id, 0.8, "", "", false});
  }
  d.legend = status_legend(lang);
  return d;
}

}  // namespace chainlens
