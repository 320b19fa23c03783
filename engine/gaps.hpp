// engine/gaps.hpp: status, importance and gap score of each segment in a scope (metrics.md).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/importance.hpp"
#include "engine/report_names.hpp"
#include "engine/segment_status.hpp"
#include "models/region.hpp"
#include "models/workspace.hpp"

namespace chainlens {

class ChainGraph;  // forward-declared: no Boost in this header

enum class GapKind { fill, extend, strengthen };  // 补链, 延链, 强链

struct SegmentGap {
  std::string segment;
  std::string name;                                     // the segment's name
  std::string chain;                                    // the chain that defines it
  SegmentType type = SegmentType::component;            // declared or by the untyped rule
  ImportanceFactors factors;                            // V, D, P, K (metrics.md v2)
  bool declared = false;                                // a declared gap of the plans names it
  bool declared_import = false;                         // ... of kind technology or import-dependent
  std::vector<std::string_view> carriers;               // 载体: parks, uncounted institutes (ids, sorted; views, as below)
  SegmentStatus status = SegmentStatus::missing;
  bool weak_flag = false;                               // a weak rule holds (see SegmentState)
  double severity = 0, importance = 0, gap_score = 0;  // gap_score = severity * importance
  double output = 0;                                    // x_C, required output
  std::optional<GapKind> kind;                          // empty when covered
  int reach = 0;                                        // segments reachable downstream
  std::vector<std::string_view> local_enterprises;      // ids, sorted: views of the workspace's, which outlives the report
  std::optional<double> slsr;                           // SLSR_R of the segment; empty: no inputs
  bool import_dependent = false;  // missing at the root scope (卡脖子); set by find_gaps_all_scopes
};

struct GapReport {
  std::string chain;                    // empty for the workspace view
  Scope scope;
  ImportanceWeights weights;
  std::optional<double> slsr;           // chain SLSR; empty when no segment has inputs
  std::vector<SegmentGap> segments;     // gap_score descending, then id
  std::vector<ParentState> parents;     // rolled-up status, the chain's parents in file order
  bool empty_scope = false;             // no local enterprise at all: every segment missing
  bool demand_fallback = false;         // no product and no declared demand: y on the end segments
  std::vector<std::string> chokepoints; // segment chokepoints (find_chokepoints), when the caller adds them
  ReportNames names;                    // the chain, every segment of the graph, the local enterprises
};

/// Pure: no I/O, no globals; the same graph and scope give the same report. Importance
/// weights are the workspace's unless given.
GapReport find_gaps(const ChainGraph& graph, const Scope& scope);
GapReport find_gaps(const ChainGraph& graph, const Scope& scope, const ImportanceWeights& weights);

/// The workspace view (`gaps --workspace`): every leaf segment of the workspace with
/// y = Σ_C y_C (scaled to sum 1), P from every chain's target lists; `chain` is empty and
/// the chain SLSR is weighted by that x.
GapReport find_workspace_gaps(const WorkspaceModel& model, const Scope& scope, const ImportanceWeights& weights);

/// The gap kind of metrics.md v2: empty when covered; extend for a service or rnd segment;
/// fill/extend for missing or planned by whether a present segment lies downstream (in the
/// workspace graph); strengthen for single or weak.
std::optional<GapKind> gap_kind(SegmentStatus status, SegmentType type, bool present_downstream) noexcept;

}  // namespace chainlens
