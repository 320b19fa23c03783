// models/chain.hpp: a chain (产业链) as written in a workspace: segments with their
// inputs, declared gaps, goals and target lists (拟招商名录).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "models/declared.hpp"
#include "models/region.hpp"
#include "models/source_ref.hpp"

namespace chainlens {

enum class Stage { upstream, midstream, downstream };           // 上游 / 中游 / 下游
enum class ValueAdded { low, medium, high };                    // 微笑曲线
enum class DeclaredGapKind { missing, weak, import_dependent, local_supply, technology };
/// metrics.md v2: what a segment makes; final demand sits on products.
enum class SegmentType { material, component, equipment, product, service, rnd };  // 材料 零部件 装备 整机 服务 研发

/// An input edge from -> this segment; share empty means "split the rest equally".
struct SegmentInput {
  std::string from;
  std::optional<double> share;  // in (0, 1]
  SourceRef source;             // what the share rests on (bill of materials, cost structure)
};

struct Segment {
  std::string id, name, name_en;
  std::optional<Stage> stage;
  std::optional<SegmentType> type;          // empty: untyped (old files), the engine infers it
  std::string parent;                       // empty for a top-level segment
  std::optional<double> input_intensity;    // phi in [0, 1); default 0.6 applies in engine (v2)
  std::optional<double> final_demand;       // y >= 0
  std::optional<ValueAdded> value_added;
  std::vector<SegmentInput> inputs;
  std::string unit;                          // optional unit for capacity/demand
  SourceRef source;
  SourcePos pos;
};

/// A weakness a document states: evidence beside the computed figures, never mixed in.
struct DeclaredGap {
  std::string segment;
  DeclaredGapKind kind = DeclaredGapKind::missing;
  std::string note;
  SourceRef source;
  SourcePos pos;
};

struct Goal {
  std::string metric;   // output_value, enterprises, ...
  double value = 0;
  std::string unit;
  std::optional<int> year;
  std::string note;
  SourceRef source;
  SourcePos pos;
};

struct TargetList {
  std::string id, name;
  std::vector<std::string> enterprises;
  SourceRef source;
  SourcePos pos;
};

struct Chain {
  std::string id, name, name_en;
  std::optional<RegionPath> scope;  // empty: the workspace's scope
  std::vector<Goal> goals;
  std::vector<Segment> segments;    // in file order
  std::vector<DeclaredGap> gaps;
  std::vector<TargetList> target_lists;
  std::vector<Declared> declared;   // chain-level figures from documents
  std::string note;
  SourceRef source;
  SourcePos pos;
};

}  // namespace chainlens
