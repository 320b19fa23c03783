// models/enterprise_index.hpp: the workspace's enterprises in id order and the supply table's
// ids joined to them: computed once when a workspace is loaded and kept in its snapshot, so
// that no chain graph sorts a million ids or hashes them again (issue 16).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/enterprise.hpp"
#include "models/supply_table.hpp"

namespace chainlens {

struct EnterpriseIndex {
  static constexpr std::uint32_t kNone = static_cast<std::uint32_t>(-1);
  /// Positions in the enterprise list, ids ascending (a repeated id: its first position first).
  std::vector<std::uint32_t> by_id;
  /// Per supply-table handle: the position of the enterprise with that id, or kNone (a
  /// segment's handle, or a firm the workspace does not list).
  std::vector<std::uint32_t> firm_of;

  /// Whether the index was built for lists of these sizes (a workspace copied and then
  /// added to, as what-if and the portfolio do, is not).
  bool fits(const std::vector<Enterprise>& enterprises, const SupplyTable& table) const noexcept {
    return by_id.size() == enterprises.size() && firm_of.size() == table.id_count();
  }
  /// The first position of the enterprise with this id (a binary search of `by_id`).
  std::optional<std::size_t> find(const std::vector<Enterprise>& enterprises, std::string_view id) const;
  /// After the arrays were read from outside: the first inconsistency with lists of these
  /// sizes (a position out of range, `by_id` not a permutation), or empty when sound.
  std::string check(std::size_t enterprise_count, std::size_t id_count) const;
};

/// Sorts the ids (in parallel) and joins the table's ids to them in one merge.
EnterpriseIndex index_enterprises(const std::vector<Enterprise>& enterprises, const SupplyTable& table);

/// `index` when it fits the lists, else a fresh one built into `scratch` (a workspace built
/// in code carries none, one grown after loading a stale one).
const EnterpriseIndex& fitting_index(const EnterpriseIndex& index, const std::vector<Enterprise>& enterprises,
                                     const SupplyTable& table, EnterpriseIndex& scratch);

}  // namespace chainlens
