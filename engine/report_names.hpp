// engine/report_names.hpp: the display names of the chains, segments and enterprises a
// report mentions, filled by the analysis so that writers print names, never bare ids.
#pragma once
#include <map>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "models/text_hash.hpp"

namespace chainlens {

class ChainGraph;
class WorkspaceModel;
struct Enterprise;
struct EnterpriseIndex;

/// A chain's or segment's name in both languages; `chain` is the defining chain of a segment.
struct DisplayName {
  std::string zh, en, chain;
};

struct ReportNames {
  std::map<std::string, DisplayName, std::less<>> chains, segments;  // by id
  // Enterprise id -> name. Only looked up, never listed in order: a hash map (a report on a
  // city-wide network names hundreds of thousands of firms).
  std::unordered_map<std::string, std::string, TextHash, std::equal_to<>> firms;
  // Firms not in `firms` are named from this list when a writer asks (the gap report of a
  // city-wide network lists nearly a million local firms, and printed few of their names):
  // the list (a workspace's, with its index) must outlive the names.
  const std::vector<Enterprise>* firm_list = nullptr;
  const EnterpriseIndex* firm_index = nullptr;

  /// A firm's display name (its id when it has no name); empty when the id is not known.
  std::string firm(std::string_view id) const;
};

/// Names firms on demand from the graph's workspace (see ReportNames::firm_list).
void name_firms_from(ReportNames& names, const ChainGraph& graph);

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
