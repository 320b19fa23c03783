// render/supply_diagram.cpp: the enterprise supply network of a chain — who buys from whom,
// local or not, and where one supplier or one firm holds the network together.
#include <fmt/format.h>

#include <map>
#include <set>

#include "engine/chain_graph.hpp"
#include "render/diagram.hpp"

namespace chainlens {

namespace {

constexpr const char* kLocalFill = "#CCEBE1";   // a light tint of the covered green
constexpr const char* kSingleSource = "#D55E00";  // vermillion, as missing segments

std::string firm_name(const Enterprise& e) { return e.name.empty() ? e.id : e.name; }

}  // namespace

Diagram supply_diagram(const ChainGraph& graph, const Scope& scope, const ChokepointReport& chokepoints,
                       const DiagramOptions& o) {
  const Lang lang = o.lang;
  Diagram d;
  const SupplyGraph& sg = graph.supply();
  d.title = fmt::format(fmt::runtime(tr(lang, "{} 供应网络 · {} · {} 条供应关系", "{} supply network · {} · {} supply relations")),
                        chain_display_name(graph.chain(), lang), scope.str(), boost::num_edges(sg));
  if (!o.date.empty()) d.title += " · " + o.date;

  // Every firm of the chain: those in supply relations and those operating in a segment.
  std::map<std::string, const Enterprise*> firms;
  std::map<std::string, std::string> first_segment;  // firm -> a segment it operates in (for collapsing)
  for (auto v : boost::make_iterator_range(boost::vertices(sg))) firms[sg[v].enterprise->id] = sg[v].enterprise;
  for (SegmentVertexId v = 0; v < graph.segment_count(); ++v)
    for (const SegmentMember& m : graph[v].members) {
      firms.emplace(m.enterprise->id, m.enterprise);
      first_segment.emplace(m.enterprise->id, graph[v].id);
    }
  for (auto e : boost::make_iterator_range(boost::edges(sg)))
    first_segment.emplace(sg[boost::source(e, sg)].enterprise->id, sg[e].supply->segment);

  const bool collapse = static_cast<int>(firms.size()) > o.max_nodes;
  d.engine = firms.size() > 150 ? "sfdp" : "dot";
  const std::set<std::string> articulation(chokepoints.enterprises.begin(), chokepoints.enterprises.end());
  std::set<std::tuple<std::string, std::string, std::string>> single;  // supplier, customer, segment
  for (const SingleSource& s : chokepoints.single_sources) single.insert({s.supplier, s.enterprise, s.segment});

  // The node a firm is drawn as: itself, or its segment's collapsed non-local node.
  std::map<std::string, std::string> node_of;
  std::map<std::string, int> collapsed_count;
  for (const auto& [id, e] : firms) {
    const bool local = is_local(*e, scope);
    if (collapse && !local && !articulation.contains(id)) {
      const std::string seg = first_segment.count(id) ? first_segment[id] : std::string("-");
      node_of[id] = "nonlocal:" + seg;
      ++collapsed_count[seg];
      continue;
    }
    node_of[id] = "firm:" + id;
    DiagramNode n;
    n.id = node_of[id];
    n.lines = {firm_name(*e), local ? tr(lang, "本地", "local") : e->location.str()};
    n.fill = local ? kLocalFill : "#FFFFFF";
    n.shape = local ? "box" : "ellipse";
    n.dashed = !local;
    n.emphasis = articulation.contains(id);
    d.nodes.push_back(std::move(n));
  }
  for (const auto& [seg, count] : collapsed_count) {
    DiagramNode n;
    n.id = "nonlocal:" + seg;
    std::string seg_name = seg;
    if (auto v = graph.find_segment(seg)) seg_name = segment_display_name(*graph[*v].segment, lang);
    n.lines = {fmt::format(fmt::runtime(tr(lang, "非本地企业 ×{}", "{} non-local firms")), count), seg_name};
    n.shape = "ellipse";
    n.dashed = true;
    d.nodes.push_back(std::move(n));
  }
  std::set<std::tuple<std::string, std::string, std::string>> edges_seen;
  const bool label_edges = boost::num_edges(sg) <= 60;
  for (auto e : boost::make_iterator_range(boost::edges(sg))) {
    const Supply& s = *sg[e].supply;
    const std::string from = node_of.at(s.from), to = node_of.at(s.to);
    if (!edges_seen.insert({from, to, s.segment}).second) continue;
    DiagramEdge edge{from, to, 1.0, "", "", s.confidence == Confidence::inferred};
    if (label_edges) {
      edge.label = s.segment;
      if (auto v = graph.find_segment(s.segment)) edge.label = segment_display_name(*graph[*v].segment, lang);
    }
    if (single.contains({s.from, s.to, s.segment})) {
      edge.width = 3.0;
      edge.color = kSingleSource;
    }
    d.edges.push_back(std::move(edge));
  }
  d.legend = {{tr(lang, "本地企业", "Local firm"), kLocalFill},
              {tr(lang, "非本地企业 (虚线)", "Non-local firm (dashed)"), "#FFFFFF"},
              {tr(lang, "唯一来源 (粗红线); 关键节点 (粗框)", "Single source (thick red); articulation point (heavy border)"),
               kSingleSource}};
  if (boost::num_edges(sg) == 0)
    d.legend.push_back({tr(lang, "本链未记录供应关系", "No supply relation is recorded for this chain"), "#FFFFFF"});
  return d;
}

}  // namespace chainlens
