// engine/local_supply.hpp: enterprise local supply ratio (本地配套率) by value and by count,
// the potential ratio and the matchmaking list (供需对接), with declared ratios beside them
// and leakage where demand is declared (metrics.md "Local supply ratio").
#pragma once
#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/report_names.hpp"
#include "engine/structural_supply.hpp"
#include "models/declared.hpp"
#include "models/region.hpp"

namespace chainlens {

class ChainGraph;

struct EnterpriseSupply {
  std::string enterprise, name;
  bool local = false;
  int relations = 0, local_relations = 0;
  /// Empty ("no data") when the enterprise has no supply relation; by value also empty
  /// unless every relation has a value. Never 0 or 1 for missing data.
  std::optional<double> by_value, by_count;
  std::optional<double> potential_by_value, potential_by_count;
  bool has_inferred = false;                 // an inferred relation counts in these figures
  std::vector<Declared> declared;            // local_supply_ratio figures a document states
};

/// Alternatives named per matchmaking row: a 招商 officer calls a few firms, and naming all
/// of them on every row of a million-relation network took gigabytes.
inline constexpr std::size_t kShownAlternatives = 5;

/// At most kShownAlternatives ids, held in the row (no allocation per row).
class ShownIds {
 public:
  ShownIds() = default;
  ShownIds(std::initializer_list<std::string_view> ids) {
    for (std::string_view id : ids) push_back(id);
  }
  void push_back(std::string_view id) { ids_.at(count_++) = id; }
  const std::string_view* begin() const noexcept { return ids_.data(); }
  const std::string_view* end() const noexcept { return ids_.data() + count_; }
  std::size_t size() const noexcept { return count_; }
  bool empty() const noexcept { return count_ == 0; }
  bool full() const noexcept { return count_ == kShownAlternatives; }
  bool operator==(const ShownIds& o) const noexcept { return std::equal(begin(), end(), o.begin(), o.end()); }

 private:
  std::array<std::string_view, kShownAlternatives> ids_{};
  std::uint8_t count_ = 0;
};

/// A non-local supply whose segment has a local operating enterprise other than the customer.
/// The ids view the graph's workspace, which outlives every report on it (a city-wide
/// network has millions of these rows: no string is copied for one).
struct Matchmaking {
  std::string_view customer, supplier, segment;
  std::optional<double> value;     // 亿元 a year
  ShownIds local_alternatives;     // sorted ids, the first kShownAlternatives
  std::size_t alternatives_total = 0;  // every local alternative, shown or not
  bool inferred = false;
};

struct LocalSupplyReport {
  std::string chain;
  Scope scope;
  std::vector<EnterpriseSupply> enterprises;  // local members and every customer, by id
  std::vector<Matchmaking> matchmaking;       // by customer, segment, supplier
  std::vector<SegmentSlsr> leakage;           // segments with declared demand, vertex order
  std::optional<double> chain_slsr;
  /// Rows there were before a row cap (LocalSupplyOptions::max_rows); equal to the sizes
  /// above when nothing was left out.
  std::size_t enterprises_total = 0, matchmaking_total = 0;
  ReportNames names;                          // the chain, its segments, every firm named in a row
};

struct LocalSupplyOptions {
  bool verified_only = false;  // leave relations with confidence: inferred out
  /// `analyze`'s row cap: at most this many enterprise and matchmaking rows are built (the
  /// first ones in report order); the rest are only counted.
  std::size_t max_rows = static_cast<std::size_t>(-1);
};

LocalSupplyReport local_supply(const ChainGraph& graph, const Scope& scope, const LocalSupplyOptions& options = {});

}  // namespace chainlens
