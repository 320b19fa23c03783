// engine/memberships.hpp: which workspace segments each enterprise operates in, as flat
// columns built once per workspace model (issue 16), so that analyses join enterprises to
// segments by integers instead of hashing segment ids per enterprise.
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace chainlens {

class WorkspaceModel;

struct Memberships {
  /// An entry of `segments`: a workspace segment index, with kInferred set when the link was
  /// written `confidence: inferred`; kAbsent for an id the model does not hold (a parent).
  static constexpr std::uint32_t kInferred = 1u << 31, kAbsent = ~0u;
  std::vector<std::uint64_t> offsets;   // per enterprise position: its entries start here (n + 1)
  std::vector<std::uint32_t> segments;  // in each enterprise's `segments` order, repeats kept
  std::vector<std::uint8_t> open;       // per position: 1 unless the enterprise is closed

  /// Whether these columns were built for a list of this many enterprises (a workspace
  /// added to after its model was built is not).
  bool fits(std::size_t enterprises) const noexcept { return open.size() == enterprises; }
  std::span<const std::uint32_t> of(std::size_t position) const noexcept {
    return {segments.data() + offsets[position], segments.data() + offsets[position + 1]};
  }
  /// An entry's parts: whether the model holds its segment, which one, and the inferred flag.
  static bool present(std::uint32_t link) noexcept { return link != kAbsent; }
  static std::uint32_t segment(std::uint32_t link) noexcept { return link & ~kInferred; }
  static bool inferred(std::uint32_t link) noexcept { return (link & kInferred) != 0; }
};

/// The columns of every enterprise of the model's workspace (two passes, blocks in parallel).
Memberships index_memberships(const WorkspaceModel& model);

}  // namespace chainlens
