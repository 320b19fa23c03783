// render/diagram.hpp: a neutral diagram (nodes, nested clusters, edges, legend, title) built
// from analysis results, never from the Boost graph; render/graphviz_writer.hpp draws it.
#pragma once
#include <string>
#include <vector>

#include "engine/chokepoints.hpp"
#include "engine/gaps.hpp"
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
  std::string fill = "#FFFFFF";
  bool emphasis = false;           // drawn with a heavy border (chokepoints)
};

struct DiagramEdge {
  std::string from, to;
  double width = 1;  // pen width
};

struct Diagram {
  std::string title;
  std::vector<DiagramCluster> clusters;  // a parent before its children
  std::vector<DiagramNode> nodes;
  std::vector<DiagramEdge> edges;
  std::vector<std::pair<std::string, std::string>> legend;  // label, fill colour
};

struct DiagramOptions {
  Lang lang = Lang::zh;
  int max_firms = 3;  // firm names shown in a node; beyond it, a count
};

/// Okabe–Ito colours, safe for colour-blind readers: missing vermillion, planned orange,
/// single yellow, weak sky blue, covered bluish green.
const char* status_fill(SegmentStatus s) noexcept;

/// 产业链图谱: segments in 上游 / 中游 / 下游 clusters (parents nested inside), filled by
/// status, labelled with name and local firms, edge width by share, chokepoints emphasised.
Diagram chain_diagram(const ChainGraph& graph, const GapReport& gaps, const ChokepointReport& chokepoints,
                      const DiagramOptions& options = {});

}  // namespace chainlens
