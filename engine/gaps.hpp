// engine/gaps.hpp: status, importance and gap score of each segment in a scope (metrics.md).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "engine/segment_status.hpp"
#include "models/region.hpp"

namespace chainlens {

class ChainGraph;  // forward-declared: no Boost in this header

enum class GapKind { fill, extend, strengthen };  // 补链, 延链, 强链

struct SegmentGap {
  std::string segment;
  std::string name;                                     // the segment's name
  SegmentStatus status = SegmentStatus::missing;
  bool weak_flag = false;                               // a weak rule holds (see SegmentState)
  double severity = 0, importance = 0, gap_score = 0;  // gap_score = severity * importance
  double output = 0;                                    // x^R, required output
  std::optional<GapKind> kind;                          // empty when covered
  int reach = 0;                                        // segments reachable downstream
  std::vector<std::string> local_enterprises;           // ids, sorted
  std::optional<double> slsr;                           // SLSR_R of the segment; empty: no inputs
  bool import_dependent = false;  // missing at the root scope (卡脖子); set by find_gaps_all_scopes
};

struct GapReport {
  std::string chain;
  Scope scope;
  std::optional<double> slsr;           // chain SLSR; empty when no segment has inputs
  std::vector<SegmentGap> segments;     // gap_score descending, then id
  std::vector<ParentState> parents;     // rolled-up status, the chain's parents in file order
  bool empty_scope = false;             // no local enterprise at all: every segment missing
  bool demand_fallback = false;         // y^R was all zero, so y^R = y
  std::vector<std::string> chokepoints; // segment chokepoints (find_chokepoints), when the caller adds them
};

/// Pure: no I/O, no globals; the same graph and scope give the same report.
GapReport find_gaps(const ChainGraph& graph, const Scope& scope);

/// The gap kind of metrics.md: empty when covered; fill/extend for missing or planned by
/// whether a present segment lies downstream; strengthen for single or weak.
std::optional<GapKind> gap_kind(SegmentStatus status, bool present_downstream) noexcept;

}  // namespace chainlens
