// render/scopes_diagram.cpp: one chain map whose segments carry a cell per scope level, so
// the team sees which links the district lacks but the city, province or country has.
#include <fmt/format.h>

#include <map>

#include "engine/chain_graph.hpp"
#include "render/diagram.hpp"
#include "render/gaps_writer.hpp"

namespace chainlens {

namespace {

constexpr int kNameColumns = 16;

// ① ② ③ … for the scope levels (one cell each; the legend names them).
std::string circled(std::size_t i) {
  static const char* const digits[] = {"①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩"};
  return i < std::size(digits) ? digits[i] : std::to_string(i + 1);
}

std::string scope_name(const Scope& s, Lang lang) {
  if (s.empty()) return tr(lang, "(全部)", "(all)");
  const std::string path = s.str();
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

Diagram scopes_diagram(const ChainGraph& graph, const MultiScopeReport& scopes, const DiagramOptions& o) {
  const Lang lang = o.lang;
  Diagram d;
  d.legend_title = legend_title(lang);
  d.title = fmt::format(fmt::runtime(tr(lang, "{} 多级范围对比", "{} at every scope")), chain_display_name(graph.chain(), lang));
  std::string levels;
  for (std::size_t i = 0; i < scopes.scopes.size(); ++i) {
    const GapReport& r = scopes.scopes[i];
    levels += fmt::format(" {}{} {}", i ? "→ " : "· ", circled(i), scope_name(r.scope, lang));
    if (r.slsr) levels += fmt::format(" ({:.0f}%)", 100 * *r.slsr);
  }
  d.title += levels;
  if (!o.date.empty()) d.title += " · " + o.date;
  std::vector<std::map<std::string, const SegmentGap*>> by_id(scopes.scopes.size());
  for (std::size_t i = 0; i < scopes.scopes.size(); ++i)
    for (const SegmentGap& g : scopes.scopes[i].segments) by_id[i][g.segment] = &g;
  const std::vector<int> rank = stage_columns(graph, o.aspect);
  std::map<int, std::string> stages;  // column order of the stages: 上游, 中游, 下游, 未分段
  for (SegmentVertexId v = 0; v < graph.segment_count(); ++v) {
    const SegmentVertex& sv = graph[v];
    const int s = !sv.own ? 0 : sv.segment->stage ? static_cast<int>(*sv.segment->stage) : 3;
    stages.emplace(s, stage_label(s < 3 ? std::optional<Stage>(static_cast<Stage>(s)) : std::nullopt, lang));
    DiagramNode n;
    n.id = sv.id;
    n.cluster = "stage" + std::to_string(s);
    n.rank = rank[v];
    n.lines = wrap_label(segment_display_name(*sv.segment, lang), kNameColumns);
    n.bold_lines = n.lines.size();
    if (!sv.own) n.lines.push_back(fmt::format(fmt::runtime(tr(lang, "来自 {} 链", "from the {} chain")), chain_display_name(*sv.owner, lang)));
    for (std::size_t i = 0; i < scopes.scopes.size(); ++i) {
      const auto it = by_id[i].find(sv.id);
      n.cells.push_back({circled(i), it == by_id[i].end() ? "#FFFFFF" : status_fill(it->second->status)});
    }
    d.nodes.push_back(std::move(n));
  }
  for (const auto& [s, label] : stages) d.clusters.push_back({"stage" + std::to_string(s), label, ""});
  const SegmentGraph& sg = graph.segments();
  for (auto e : boost::make_iterator_range(boost::edges(sg))) {
    DiagramEdge edge{sg[boost::source(e, sg)].id, sg[boost::target(e, sg)].id, 0.8, "", "#AAAAAA", false};
    edge.constraint = rank[boost::source(e, sg)] < rank[boost::target(e, sg)];
    d.edges.push_back(std::move(edge));
  }
  d.splines = "line";  // as the chain map: no loops around the stage boxes
  d.edges_after_layout = true;
  d.legend = status_legend(lang);
  std::string cells;
  for (std::size_t i = 0; i < scopes.scopes.size(); ++i) cells += (i ? " " : "") + circled(i) + scope_name(scopes.scopes[i].scope, lang);
  d.legend.push_back({fmt::format(fmt::runtime(tr(lang, "每格一个范围: {}", "One cell per scope: {}")), cells), "#FFFFFF", LegendMark::note});
  return d;
}

}  // namespace chainlens
