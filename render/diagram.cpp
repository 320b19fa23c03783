// render/diagram.cpp: turns a gap report and chokepoints into the chain diagram model: stages
// in fixed columns left to right, long stages wrapped into more columns to fit the page.
#include "render/diagram.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "engine/chain_graph.hpp"
#include "render/gaps_writer.hpp"
#include "render/text_width.hpp"

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

std::string short_firm_name(const Workspace& ws, std::string_view id) {
  for (const Enterprise& e : ws.enterprises)
    if (e.id == id) return !e.detail().aliases.empty() ? e.detail().aliases.front() : e.name.empty() ? std::string(id) : e.name.str();
  return std::string(id);
}

std::vector<LegendEntry> status_legend(Lang lang) {
  std::vector<LegendEntry> out;
  for (SegmentStatus s : {SegmentStatus::missing, SegmentStatus::planned, SegmentStatus::single, SegmentStatus::weak,
                          SegmentStatus::covered})
    out.push_back({status_label(s, lang), status_fill(s), LegendMark::fill});
  return out;
}

const char* legend_title(Lang lang) { return tr(lang, "图例", "Legend"); }

std::vector<std::string> wrap_label(const std::string& text, int columns) {
  if (display_width(text) <= columns) return {text};
  // Words (English names) break at spaces; a word wider than a line, and Chinese (no
  // spaces), break between characters.
  std::vector<std::string> lines;
  std::string line;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t space = text.find(' ', start);
    if (space == std::string::npos) space = text.size();
    const std::string word = text.substr(start, space - start);
    const std::string joined = line.empty() ? word : line + " " + word;
    if (display_width(joined) <= columns) {
      line = joined;
    } else {
      if (!line.empty()) lines.push_back(line);
      line.clear();
      std::vector<std::string> pieces = wrap_to_width(word, columns);
      for (std::size_t i = 0; i + 1 < pieces.size(); ++i) lines.push_back(pieces[i]);
      line = pieces.empty() ? "" : pieces.back();
    }
    start = space + 1;
  }
  if (!line.empty()) lines.push_back(line);
  // A last line of one or two columns (a closing bracket, one character) joins the line before.
  if (lines.size() > 1 && display_width(lines.back()) <= 2) {
    lines[lines.size() - 2] += lines.back();
    lines.pop_back();
  }
  return lines;
}

namespace {

constexpr int kNameColumns = 16;  // a segment name wraps after 8 CJK characters (16 columns)
constexpr int kFirmColumns = 22;  // firm names wrap after 11 CJK characters, two lines at most

// The column of a stage: 上游 0, 中游 1, 下游 2, 未分段 3. Another chain's segments feed this
// chain, so they sit in the upstream column whatever their stage is in their own chain.
int stage_index(const SegmentVertex& sv) {
  if (!sv.own) return 0;
  return sv.segment->stage ? static_cast<int>(*sv.segment->stage) : 3;
}

// The firm-name lines: at most max_firms names, two wrapped lines, then "+N".
std::vector<std::string> firm_lines(const Workspace& ws, const std::vector<std::string_view>& firms, int max_firms) {
  std::string names;
  int shown = 0;
  for (std::size_t i = 0; i < firms.size() && shown < max_firms; ++i, ++shown)
    names += (names.empty() ? "" : "、") + short_firm_name(ws, firms[i]);
  if (names.empty()) return {};
  std::vector<std::string> lines = wrap_label(names, kFirmColumns);
  if (lines.size() > 2) {
    lines.resize(2);
    lines[1] += "…";
  }
  if (static_cast<int>(firms.size()) > shown) lines.back() += fmt::format(" +{}", firms.size() - shown);
  return lines;
}

}  // namespace

Diagram chain_diagram(const ChainGraph& graph, const GapReport& gaps, const ChokepointReport& chokepoints,
                      const DiagramOptions& o) {
  Diagram d;
  const Lang lang = o.lang;
  d.title = fmt::format(fmt::runtime(tr(lang, "{} 产业链图谱 · {} · 结构性本地配套率 {}", "{} chain map · {} · structural LSR {}")),
                        chain_display_name(graph.chain(), lang), gaps.scope.str(),
                        gaps.slsr ? fmt::format("{:.1f}%", 100 * *gaps.slsr) : "-");
  if (!o.date.empty()) d.title += " · " + o.date;
  d.legend_title = legend_title(lang);
  std::map<std::string, const SegmentGap*> by_id;
  for (const SegmentGap& g : gaps.segments) by_id[g.segment] = &g;
  const std::set<std::string> choke(chokepoints.segments.begin(), chokepoints.segments.end());
  const std::vector<int> rank = stage_columns(graph, o.aspect);
  // Stage clusters in order 上游, 中游, 下游 (then 未分段), so they are also drawn in that order.
  std::set<int> stages;
  for (SegmentVertexId v = 0; v < graph.segment_count(); ++v) stages.insert(stage_index(graph[v]));
  for (int s : stages) {
    const std::optional<Stage> st = s < 3 ? std::optional<Stage>(static_cast<Stage>(s)) : std::nullopt;
    d.clusters.push_back({"stage" + std::to_string(s), stage_label(st, lang), ""});
  }
  std::set<std::string> clusters;
  auto add_cluster = [&](const std::string& id, const std::string& label, const std::string& parent) {
    if (clusters.insert(id).second) d.clusters.push_back({id, label, parent});
  };
  for (SegmentVertexId v = 0; v < graph.segment_count(); ++v) {
    const SegmentVertex& sv = graph[v];
    const Segment& seg = *sv.segment;
    const std::string stage = "stage" + std::to_string(stage_index(sv));
    std::string cluster = stage;
    if (!sv.own) {
      cluster = stage + "-chain-" + sv.owner->id;
      add_cluster(cluster, fmt::format(fmt::runtime(tr(lang, "来自 {} 链", "from the {} chain")), chain_display_name(*sv.owner, lang)),
                  stage);
    } else if (!seg.parent.empty()) {
      cluster = stage + "-" + seg.parent;
      std::string label;
      for (const Segment* p : graph.parents())
        if (p->id == seg.parent) label = segment_display_name(*p, lang);
      add_cluster(cluster, label.empty() ? tr(lang, "(未命名环节组)", "(unnamed group)") : label, stage);
    }
    DiagramNode n;
    n.id = sv.id;
    n.cluster = cluster;
    n.rank = rank[v];
    const SegmentGap* g = by_id.count(sv.id) ? by_id[sv.id] : nullptr;
    n.lines = wrap_label(segment_display_name(seg, lang), kNameColumns);
    n.bold_lines = n.lines.size();
    if (g) {
      n.fill = status_fill(g->status);
      const auto& firms = g->local_enterprises;
      n.lines.push_back(fmt::format(fmt::runtime(tr(lang, "{} · 本地企业 {}", "{} · {} local")), status_label(g->status, lang), firms.size()));
      for (std::string& line : firm_lines(graph.workspace(), firms, o.max_firms)) n.lines.push_back(std::move(line));
    }
    n.emphasis = choke.contains(sv.id);
    d.nodes.push_back(std::move(n));
  }
  const SegmentGraph& sg = graph.segments();
  for (auto e : boost::make_iterator_range(boost::edges(sg))) {
    const auto from = boost::source(e, sg), to = boost::target(e, sg);
    DiagramEdge edge{sg[from].id, sg[to].id, 0.6 + 3.0 * sg[e].share, "", "", false};
    edge.constraint = rank[from] < rank[to];  // a feedback or same-column edge must not move columns
    d.edges.push_back(std::move(edge));
  }
  // Straight lines: an edge crossing a stage's columns would otherwise be routed around the
  // stage's box in long loops.
  d.splines = "line";
  d.edges_after_layout = true;
  d.legend = status_legend(lang);
  d.legend.push_back({tr(lang, "必经环节 (粗框)", "Chokepoint (heavy border)"), "#FFFFFF", LegendMark::bold_border});
  d.legend.push_back({tr(lang, "投入占比小 (细线)", "Small input share (thin line)"), "#555555", LegendMark::thin_edge});
  d.legend.push_back({tr(lang, "投入占比大 (粗线)", "Large input share (thick line)"), "#555555", LegendMark::thick_edge});
  return d;
}

/// Each segment's column: stages left to right (上游 → 中游 → 下游 → 未分段). Inside a stage,
/// each group (a parent's segments, another chain's segments, the rest) is a small grid of
/// the stage's K columns, filled row by row in input order, so groups stack in the stage
/// and never interleave. K per stage is chosen so the whole map has the page's shape.
std::vector<int> stage_columns(const ChainGraph& graph, double aspect) {
  const std::size_t n = graph.segment_count();
  const SegmentGraph& sg = graph.segments();
  std::vector<int> stage(n), depth(n, 0);
  for (SegmentVertexId v = 0; v < n; ++v) stage[v] = stage_index(graph[v]);
  // Longest path over same-stage edges (inputs first inside a group); n rounds bound a cycle.
  for (std::size_t round = 0; round < n; ++round) {
    bool changed = false;
    for (auto e : boost::make_iterator_range(boost::edges(sg))) {
      const auto a = boost::source(e, sg), b = boost::target(e, sg);
      if (stage[a] == stage[b] && depth[b] < depth[a] + 1 && depth[a] + 1 < static_cast<int>(n)) {
        depth[b] = depth[a] + 1;
        changed = true;
      }
    }
    if (!changed) break;
  }
  auto group = [&](SegmentVertexId v) { return graph[v].own ? graph[v].segment->parent : "~" + graph[v].owner->id; };
  std::map<int, std::map<std::string, std::vector<SegmentVertexId>>> stages;
  for (SegmentVertexId v = 0; v < n; ++v) stages[stage[v]][group(v)].push_back(v);
  // Rows a stage needs with K columns: its groups' rows plus 0.4 row per labelled group (its
  // label and margins).
  auto rows_needed = [](const std::map<std::string, std::vector<SegmentVertexId>>& groups, int k) {
    double rows = 0;
    for (const auto& [key, members] : groups) rows += (static_cast<int>(members.size()) + k - 1) / k + (key.empty() ? 0 : 0.4);
    return rows;
  };
  // A node is about 2.2 in wide with its gap and 0.9 in tall with its gap (measured on the
  // bundled chains); title and legend take 1.5 in.
  std::map<int, int> best_k;
  double best_err = 1e18;
  for (int r = 1; r <= static_cast<int>(n) + 1; ++r) {
    std::map<int, int> k_of;
    int columns = 0;
    bool fits = true;
    for (const auto& [s, groups] : stages) {
      int widest = 1;
      for (const auto& [key, members] : groups) widest = std::max(widest, static_cast<int>(members.size()));
      int k = 1;
      while (k < widest && rows_needed(groups, k) > r) ++k;
      if (rows_needed(groups, k) > r + 1e-9) fits = false;
      k_of[s] = k;
      columns += k;
    }
    if (!fits) continue;
    const double shape = (columns * 2.2 + 0.3 * stages.size()) / (r * 0.9 + 1.5);
    const double err = std::abs(std::log(shape / std::max(0.25, aspect)));
    if (err < best_err - 1e-9) best_err = err, best_k = k_of;
  }
  std::vector<int> column(n, 0);
  int base = 0;
  for (auto& [s, groups] : stages) {
    const int k = best_k.count(s) ? best_k[s] : 1;
    for (auto& [key, members] : groups) {
      std::stable_sort(members.begin(), members.end(), [&](SegmentVertexId a, SegmentVertexId b) { return depth[a] < depth[b]; });
      for (std::size_t i = 0; i < members.size(); ++i) column[members[i]] = base + static_cast<int>(i % static_cast<std::size_t>(k));
    }
    base += k;
  }
  return column;
}

}  // namespace chainlens
