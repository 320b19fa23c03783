// engine/report_names.hpp: the display names of the chains, segments and enterprises a
// report mentions, filled by the analysis so that writers print names, never bare ids.
#pragma once
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace chainlens {

class ChainGraph;
class WorkspaceModel;
struct Enterprise;

/// A chain's or segment's name in both languages; `chain` is the defining chain of a segment.
struct DisplayName {
  std::string zh, en, chain;
};

struct ReportNames {
  std::map<std::string, DisplayName> chains, segments;  // by id
  // Enterprise id -> name. Only looked up, never listed in order: a hash map (a report on a
  // city-wide network names hundreds of thousands of firms).
  std::unordered_map<std::string, std::string> firms;
};

/// The graph's chain, every segment of its graph (joined inputs too) and its parents, and
/// the chains that define them.
void name_graph(ReportNames& names, const ChainGraph& graph);
/// Every chain and segment of the workspace.
void name_workspace(ReportNames& names, const WorkspaceModel& model);
void name_firm(ReportNames& names, const Enterprise& e);
/// Names the ids that are enterprises of the graph's supply network or segment members,
/// else of the workspace (one scan, only when some id is still unnamed).
void name_firms(ReportNames& names, const ChainGraph& graph, const std::vector<std::string>& ids);

}  // namespace chainlens
