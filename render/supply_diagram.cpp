// render/supply_diagram.cpp: the enterprise supply network of a chain — who buys from whom,
// local or not, and where one supplier or one firm holds the network together.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "engine/chain_graph.hpp"
#include "render/diagram.hpp"

namespace chainlens {

namespace {

constexpr const char* kLocalFill = "#CCEBE1";   // a light tint of the covered green
constexpr const char* kSingleSource = "#D55E00";  // vermillion, as missing segments

constexpr int kNameColumns = 16;  // firm names wrap after 8 CJK characters

std::vector<std::string> firm_name(const Enterprise& e) { return wrap_label((e.name.empty() ? e.id : e.name).str(), kNameColumns); }

}  // namespace

Diagram supply_diagram(const ChainGraph& graph, const Scope& scope, const ChokepointReport& chokepoints,
                       const DiagramOptions& o) {
  const Lang lang = o.lang;
  Diagram d;
  const SupplyGraph& sg = graph.supply();
  d.title = fmt::format(fmt::runtime(tr(lang, "{} 供应网络 · {} · {} 条供应关系", "{} supply network · {} · {} supply relations")),
                        chain_display_name(graph.chain(), lang), scope.str(), boost::num_edges(sg));
  if (!o.date.empty()) d.title += " · " + o.date;
  d.legend_title = legend_title(lang);
  // No relation recorded: a hundred unconnected firms would say nothing, so the diagram is
  // one note saying so (a file is still written: a report or a slide gets the explanation).
  if (boost::num_edges(sg) == 0) {
    d.message = fmt::format(fmt::runtime(tr(lang, "{} 链在 {} 没有记录供应关系, 无法绘制供应网络。\n请在工作区的 supplies 中补充企业间供应关系。",
                                            "No supply relation is recorded for the {} chain in {}, so there is no network to draw.\n"
                                            "Add relations between firms under supplies in the workspace.")),
                            chain_display_name(graph.chain(), lang), scope.str());
    return d;
  }

  // Every firm of the chain: those in supply relations and those operating in a segment.
  std::map<std::string, const Enterprise*> firms;
  std::map<std::string, std::string> first_segment;  // firm -> a segment it operates in (for collapsing)
  for (auto v : boost::make_iterator_range(boost::vertices(sg))) firms[sg[v].enterprise->id.str()] = sg[v].enterprise;
  for (SegmentVertexId v = 0; v < graph.segment_count(); ++v)
    for (const SegmentMember& m : graph[v].members) {
      firms.emplace(m.enterprise->id, m.enterprise);
      first_segment.emplace(m.enterprise->id, graph[v].id);
    }
  for (auto e : boost::make_iterator_range(boost::edges(sg)))
    first_segment.emplace(sg[boost::source(e, sg)].enterprise->id,
                          std::string(graph.workspace().supply_table.segment_id(sg[e].relation)));

  const bool collapse = static_cast<int>(firms.size()) > o.max_nodes;
  const std::set<std::string> articulation(chokepoints.enterprises.begin(), chokepoints.enterprises.end());
  std::set<std::tuple<std::string_view, std::string_view, std::string_view>> single;  // supplier, customer, segment
  for (const SingleSource& s : chokepoints.single_sources) single.insert({s.supplier, s.enterprise, s.segment});

  // Above max_nodes firms, a picture of every firm is unreadable (and GraphViz takes hours):
  // firms are grouped per segment and side (local / non-local); up to max_nodes / 2
  // articulation points stay as themselves, because they are the point of this view.
  std::set<std::string> kept;
  if (collapse)
    for (const std::string& id : chokepoints.enterprises)
      if (static_cast<int>(kept.size()) < o.max_nodes / 2) kept.insert(id);
  std::map<std::string, std::string> node_of;
  std::map<std::string, std::pair<int, bool>> groups;  // node id -> (count, local)
  for (const auto& [id, e] : firms) {
    const bool local = is_local(*e, scope);
    if (collapse && !kept.contains(id)) {
      const std::string seg = first_segment.count(id) ? first_segment[id] : std::string("-");
      const std::string group = std::string(local ? "local:" : "nonlocal:") + seg;
      node_of[id] = group;
      auto& g = groups[group];
      ++g.first;
      g.second = local;
      continue;
    }
    node_of[id] = "firm:" + id;
    DiagramNode n;
    n.id = node_of[id];
    n.lines = firm_name(*e);
    n.bold_lines = n.lines.size();
    n.lines.push_back(local ? tr(lang, "本地", "local") : e->location.str());
    n.fill = local ? kLocalFill : "#FFFFFF";
    n.shape = local ? "box" : "ellipse";
    n.dashed = !local;
    n.emphasis = articulation.contains(id);
    d.nodes.push_back(std::move(n));
  }
  for (const auto& [group, info] : groups) {
    const auto [count, local] = info;
    const std::string seg = group.substr(group.find(':') + 1);
    DiagramNode n;
    n.id = group;
    std::string seg_name = seg;
    if (auto v = graph.find_segment(seg)) seg_name = segment_display_name(*graph[*v].segment, lang);
    n.lines = {local ? fmt::format(fmt::runtime(tr(lang, "本地企业 ×{}", "{} local firms")), count)
                     : fmt::format(fmt::runtime(tr(lang, "非本地企业 ×{}", "{} non-local firms")), count),
               seg_name};
    n.fill = local ? kLocalFill : "#FFFFFF";
    n.shape = local ? "box" : "ellipse";
    n.dashed = !local;
    d.nodes.push_back(std::move(n));
  }
  // Edges: one per (from node, to node, segment); grouped ones count their relations and turn
  // vermillion when one of them is a single source. In grouped mode a firm is drawn in the
  // group of the relation's segment (supplier) or of its segment that buys it (customer),
  // so the picture follows the chain; only the strongest 4 x max_nodes flows are drawn.
  auto group_node = [&](const std::string& id, const std::string& segment, bool supplier) -> std::string {
    if (!collapse || kept.contains(id)) return node_of.at(id);
    const Enterprise& e = *firms.at(id);
    std::string seg = supplier ? segment : std::string();
    if (!supplier) {
      for (const std::string& own : e.segments)
        if (auto v = graph.find_segment(own))
          for (auto in : boost::make_iterator_range(boost::in_edges(*v, graph.segments())))
            if (graph[boost::source(in, graph.segments())].id == segment && seg.empty()) seg = own;
      if (seg.empty()) seg = first_segment.count(id) ? first_segment[id] : std::string("-");
    }
    const std::string group = std::string(is_local(e, scope) ? "local:" : "nonlocal:") + seg;
    if (!groups.count(group)) {
      groups[group] = {0, is_local(e, scope)};
    }
    return group;
  };
  struct Agg {
    int count = 0, singles = 0;
    bool inferred = true, kept = false;  // kept: touches a firm drawn as itself
  };
  std::map<std::tuple<std::string, std::string, std::string>, Agg> agg;
  for (auto e : boost::make_iterator_range(boost::edges(sg))) {
    const Supply s = graph.workspace().supply_table.row(sg[e].relation);
    Agg& a = agg[{group_node(s.from, s.segment, true), group_node(s.to, s.segment, false), s.segment}];
    ++a.count;
    a.singles += single.contains({s.from, s.to, s.segment}) ? 1 : 0;
    a.inferred = a.inferred && s.confidence == Confidence::inferred;
    a.kept = a.kept || kept.contains(s.from) || kept.contains(s.to);
  }
  std::vector<std::pair<std::tuple<std::string, std::string, std::string>, Agg>> flows(agg.begin(), agg.end());
  const std::size_t max_edges = static_cast<std::size_t>(4 * o.max_nodes);
  std::size_t dropped = 0;
  if (collapse && flows.size() > max_edges) {
    // The kept firms' flows first (they are why those firms are drawn), then the strongest.
    std::stable_sort(flows.begin(), flows.end(), [](const auto& a, const auto& b) {
      return std::tuple(a.second.kept, a.second.count) > std::tuple(b.second.kept, b.second.count);
    });
    dropped = flows.size() - max_edges;
    flows.resize(max_edges);
    std::sort(flows.begin(), flows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  }
  // Groups created for customers (or suppliers) that had no node yet.
  std::set<std::string> drawn;
  for (const DiagramNode& n : d.nodes) drawn.insert(n.id);
  for (const auto& [key, a] : flows)
    for (const std::string& id : {std::get<0>(key), std::get<1>(key)})
      if (!drawn.contains(id) && groups.count(id)) {
        drawn.insert(id);
        const bool local = groups[id].second;
        const std::string seg = id.substr(id.find(':') + 1);
        DiagramNode n;
        n.id = id;
        std::string seg_name = seg;
        if (auto v = graph.find_segment(seg)) seg_name = segment_display_name(*graph[*v].segment, lang);
        n.lines = {local ? tr(lang, "本地企业", "local firms") : tr(lang, "非本地企业", "non-local firms"), seg_name};
        n.fill = local ? kLocalFill : "#FFFFFF";
        n.shape = local ? "box" : "ellipse";
        n.dashed = !local;
        d.nodes.push_back(std::move(n));
      }
  const bool label_edges = flows.size() <= 60;
  for (const auto& [key, a] : flows) {
    const auto& [from, to, segment] = key;
    DiagramEdge edge{from, to, 1.0, "", "", a.inferred};
    if (label_edges) {
      edge.label = segment;
      if (auto v = graph.find_segment(segment)) edge.label = segment_display_name(*graph[*v].segment, lang);
      if (a.count > 1) edge.label += fmt::format(" ×{}", a.count);
    }
    if (collapse) edge.width = 1.0 + std::min(3.0, std::log10(static_cast<double>(a.count)));
    // Vermillion when every relation of the flow is a single source (one relation when firms
    // are drawn one by one).
    if (a.singles > 0 && a.singles == a.count) {
      edge.width = std::max(edge.width, 3.0);
      edge.color = kSingleSource;
    }
    d.edges.push_back(std::move(edge));
  }
  if (dropped > 0)
    d.title += fmt::format(fmt::runtime(tr(lang, " · 另有 {} 条较弱的流向未画出", " · {} weaker flows not drawn")), dropped);
  d.engine = d.nodes.size() > 150 ? "sfdp" : "dot";
  d.legend = {{tr(lang, "本地企业", "Local firm"), kLocalFill, LegendMark::fill},
               {tr(lang, "非本地企业 (虚线框)", "Non-local firm (dashed)"), "#FFFFFF", LegendMark::dashed_box},
               {tr(lang, "关键节点企业 (粗框)", "Articulation point (heavy border)"), "#FFFFFF", LegendMark::bold_border},
               {tr(lang, "唯一来源 (红色粗线)", "Single source (thick red)"), kSingleSource, LegendMark::thick_edge},
               {tr(lang, "推断的关系 (虚线)", "Inferred relation (dashed)"), "#555555", LegendMark::dashed_edge}};
  if (collapse)
    d.legend.push_back({tr(lang, "线宽 = 关系条数", "Line width = number of relations"), "#555555", LegendMark::thick_edge});
  return d;
}

}  // namespace chainlens
