// render/diagram.hpp: a neutral diagram (nodes, nested clusters, edges, legend, title) built
// from analysis results, never from the Boost graph; render/graphviz_writer.hpp draws it.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "engine/chokepoints.hpp"
#include "engine/gaps.hpp"
#include "engine/multi_scope.hpp"
#include "engine/targets.hpp"
#include "render/lang.hpp"

namespace chainlens {

class ChainGraph;

struct DiagramCluster {
  std::string id, label, parent;  // parent: "" for a top-level cluster
  std::string style = "rounded";
};

struct DiagramNode {
  std::string id, cluster;
  std::vector<std::string> lines;  // label lines, plain text (the writer escapes them)
  std::size_t bold_lines = 1;      // the first lines, drawn bold: the name, however many lines it wraps to
  std::string fill = "#FFFFFF";
  bool emphasis = false;           // drawn with a heavy border (chokepoints, articulation points)
  std::string shape = "box";       // GraphViz shape: box (segments, local firms), ellipse (candidates)
  bool dashed = false;             // a dashed border (non-local firms)
  std::string url;                 // a link target (GraphViz URL, an <a> in SVG); "" for none
  int rank = -1;                   // the column (rankdir LR) or row (TB) it must sit in; -1: free
  std::vector<std::pair<std::string, std::string>> cells;  // a row of small cells under the lines: text, fill
};

struct DiagramEdge {
  std::string from, to;
  double width = 1;     // pen width
  std::string label;    // plain text, "" for none
  std::string color;    // "" for the default grey
  bool dashed = false;
  bool invisible = false;  // layout only: keeps a stage's input-less segments right of the stage before
  bool constraint = true;  // false: the edge does not pull its ends into rank order (feedback edges)
};

/// How a legend entry shows what it explains.
enum class LegendMark {
  fill,        // a box filled with `fill` (node colour)
  bold_border, // a white box with a heavy black border (chokepoints, articulation points)
  dashed_box,  // a box with a dashed border (non-local firms)
  thin_edge,   // a thin line (a small share)
  thick_edge,  // a thick line (a large share), in `fill` when given
  dashed_edge, // a dashed line (inferred relations)
  star,        // ★ before a name (on a 拟招商名录)
  note,        // text only
};

struct LegendEntry {
  std::string label;
  std::string fill = "#FFFFFF";
  LegendMark mark = LegendMark::fill;
};

struct Diagram {
  std::string title;
  std::vector<DiagramCluster> clusters;  // a parent before its children
  std::vector<DiagramNode> nodes;
  std::vector<DiagramEdge> edges;
  std::vector<LegendEntry> legend;
  std::string legend_title = "图例";  // "Legend" in English
  std::string engine = "dot";   // GraphViz layout: dot (layered), sfdp (force-directed, large graphs)
  std::string rankdir = "LR";   // dot's flow: LR (upstream left), TB (rows: the targets grid)
  bool edges_after_layout = false;  // place nodes first, then draw the edges straight (stage maps)
  std::string splines;          // GraphViz splines: "line" for maps whose edges cross stages ("" default)
  std::string message;          // not empty: there is nothing to draw, and this says why (one note node)
};

struct DiagramOptions {
  Lang lang = Lang::zh;
  int max_firms = 3;       // firm names shown in a node; beyond it, a count
  std::string date;        // shown in the title when not empty (YYYY-MM-DD)
  int per_gap = 3;         // targets view: candidates attached to each gap segment
  int max_nodes = 300;     // supply view: beyond this many firms, non-local ones collapse per segment
  int max_gaps = 6;        // targets view: columns of the grid (gaps by gap score); the title counts the rest
  double aspect = 16.0 / 9.0;  // the page's width / height: chain maps wrap long stages into more columns
};

/// The chain's name in the language (name_en in English when given, else name, else id).
std::string chain_display_name(const Chain& chain, Lang lang);
/// A segment's name in the language, else its id.
std::string segment_display_name(const Segment& segment, Lang lang);
/// A firm's short name for a diagram: its first alias (上汽通用五菱), else its name, else the id.
std::string short_firm_name(const Workspace& ws, std::string_view id);
/// 上游 / 中游 / 下游 / 未分段, or upstream / midstream / downstream / unstaged.
const char* stage_label(const std::optional<Stage>& stage, Lang lang);
/// The legend of segment statuses, missing first.
std::vector<LegendEntry> status_legend(Lang lang);
/// "图例" or "Legend".
const char* legend_title(Lang lang);
/// Splits a label into lines of at most `columns` display columns (a CJK character is 2).
std::vector<std::string> wrap_label(const std::string& text, int columns);

/// Each segment's column in a chain map (by vertex): 上游 → 中游 → 下游 → 未分段 left to
/// right, other chains' segments in the upstream column, and a stage taller than a page of
/// this width / height allows split into more columns.
std::vector<int> stage_columns(const ChainGraph& graph, double aspect);

/// Okabe–Ito colours, safe for colour-blind readers: missing vermillion, planned orange,
/// single yellow, weak sky blue, covered bluish green.
const char* status_fill(SegmentStatus s) noexcept;

/// 产业链图谱: segments in 上游 / 中游 / 下游 clusters (parents nested inside), filled by
/// status, labelled with name and local firms, edge width by share, chokepoints emphasised.
Diagram chain_diagram(const ChainGraph& graph, const GapReport& gaps, const ChokepointReport& chokepoints,
                      const DiagramOptions& options = {});

/// 招商图谱: every non-covered segment (filled by status, in stage clusters) with its best
/// `per_gap` candidates attached (ellipses: name, score, 名录 flag); a candidate serving two
/// gaps is drawn once with two edges. Candidates come in rank order from `targets`.
Diagram targets_diagram(const ChainGraph& graph, const GapReport& gaps, const TargetsReport& targets,
                        const DiagramOptions& options = {});

/// The enterprise supply network: local firms as filled boxes, non-local as dashed ellipses,
/// single-source edges drawn thick vermillion, articulation points emphasised. Firms that
/// operate in the chain but trade with no one are shown too, so an empty network says so.
/// Above `max_nodes` firms, firms are grouped per segment and side (local / non-local), up to
/// max_nodes / 2 articulation points stay as themselves, only the strongest 4 x max_nodes
/// flows are drawn (the title says how many are not), and above 150 nodes the layout is sfdp.
Diagram supply_diagram(const ChainGraph& graph, const Scope& scope, const ChokepointReport& chokepoints,
                       const DiagramOptions& options = {});

/// The chain map once, each segment with a row of cells, one per scope level (西海岸新区 →
/// 青岛 → 山东 → 中国, numbered ① ② ③ ④ in the legend), filled by its status there.
Diagram scopes_diagram(const ChainGraph& graph, const MultiScopeReport& scopes, const DiagramOptions& options = {});

}  // namespace chainlens
