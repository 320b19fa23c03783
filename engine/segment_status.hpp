// engine/segment_status.hpp: the status of each segment in a scope (缺链 / 在建补链 / 单点 /
// 弱链 / 有链), its local enterprises, and the parents' rolled-up status (metrics.md).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "models/enterprise.hpp"
#include "models/chain.hpp"
#include "models/region.hpp"

namespace chainlens {

class ChainGraph;

/// In the order of metrics.md's table: earlier is worse.
enum class SegmentStatus { missing, planned, single, weak, covered };

/// metrics.md: missing 1.0, planned 0.7, single 0.6, weak 0.5, covered 0.0.
double severity(SegmentStatus s) noexcept;
/// "Present" means single, weak or covered.
bool is_present(SegmentStatus s) noexcept;
/// The worse of two statuses (missing > planned > single > weak > covered).
SegmentStatus worse(SegmentStatus a, SegmentStatus b) noexcept;
/// The spec's word: "missing", "planned", "single", "weak", "covered".
const char* status_name(SegmentStatus s) noexcept;

struct SegmentState {
  std::string segment;
  SegmentStatus status = SegmentStatus::missing;
  /// A weak rule holds: a declared gap of any kind (of any chain in the workspace) names the
  /// segment or a parent of it, or declared local capacity < declared local demand.
  /// Set whatever the status, so a `single` segment lists it too.
  bool weak_flag = false;
  // Ids view the workspace's enterprises (the workspace outlives every report on it): a
  // city-wide network lists a million local firms here.
  std::vector<std::string_view> local_enterprises;  // ids of local non-closed members that count, sorted
  int operating = 0;                           // how many of them have status operating
  /// 载体: local parks, and institutes outside rnd segments; listed, never counted (v2).
  std::vector<std::string_view> carriers;
};

struct ParentState {
  std::string segment;
  SegmentStatus status = SegmentStatus::missing;  // worst of `children`; missing when none
  std::vector<std::string> children;              // leaf segments under it in the graph, vertex order
};

struct StatusReport {
  Scope scope;
  std::vector<SegmentState> segments;  // one per graph vertex, in vertex order
  std::vector<ParentState> parents;    // the chain's parents, in file order
  bool empty_scope = false;            // no local enterprise in any segment of the graph
};

/// Pure: metrics.md "Segment status in scope R". Capacity counts the declared capacities of
/// the local operating members; demand sums the workspace's `demand` rows of the segment;
/// the capacity rule applies only when both are declared.
StatusReport segment_statuses(const ChainGraph& graph, const Scope& scope);

/// metrics.md v2: whether an enterprise of this kind counts in a segment of this type
/// (parks never; institutes only in rnd).
bool counts_in(EnterpriseKind kind, SegmentType type) noexcept;

class WorkspaceModel;
/// Per workspace-model segment: present in the scope (one or more local operating
/// enterprises that count), for the downstream tests of the workspace graph.
std::vector<bool> workspace_presence(const WorkspaceModel& model, const Scope& scope);
/// The status of every workspace-model segment in the scope (the workspace view).
std::vector<SegmentState> workspace_statuses(const WorkspaceModel& model, const Scope& scope);

}  // namespace chainlens
