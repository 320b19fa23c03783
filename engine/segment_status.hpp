// engine/segment_status.hpp: the status of each segment in a scope (缺链 / 在建补链 / 单点 /
// 弱链 / 有链), its local enterprises, and the parents' rolled-up status (metrics.md).
#pragma once
#include <string>
#include <vector>

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
  /// A weak rule holds: a declared gap of kind weak or import-dependent (of any chain in the
  /// workspace) names the segment, or declared local capacity < declared local demand.
  /// Set whatever the status, so a `single` segment lists it too.
  bool weak_flag = false;
  std::vector<std::string> local_enterprises;  // ids of local non-closed members, sorted
  int operating = 0;                           // how many of them have status operating
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

}  // namespace chainlens
