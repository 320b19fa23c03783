// models/supply_table.hpp: every supply relation of a workspace as flat columns (issue 16):
// ids interned once into a string pool, a relation is three handles, a value and a flag byte.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "models/enterprise.hpp"
#include "models/text_hash.hpp"

namespace chainlens {

/// Relations in load order (YAML and bulk CSV alike), what the analyses iterate. A 5M-relation
/// network held as Supply structs was 1.5 GB and most of a snapshot's load time; here it is
/// about 21 bytes a relation and a handful of contiguous arrays.
class SupplyTable {
 public:
  using Handle = std::uint32_t;
  static constexpr std::uint8_t kHasValue = 1, kInferred = 2;

  std::size_t size() const noexcept { return from_.size(); }
  bool empty() const noexcept { return from_.empty(); }

  /// Appends a relation; ids are interned (the intern index is dropped by `seal`).
  void push_back(const Supply& s);
  /// Frees the intern index once every relation is in (the table is read-only after).
  void seal();
  void reserve(std::size_t relations);

  Handle from(std::size_t i) const noexcept { return from_[i]; }
  Handle to(std::size_t i) const noexcept { return to_[i]; }
  Handle segment(std::size_t i) const noexcept { return segment_[i]; }
  std::optional<double> value(std::size_t i) const noexcept {
    return (flags_[i] & kHasValue) ? std::optional<double>(value_[i]) : std::nullopt;
  }
  Confidence confidence(std::size_t i) const noexcept {
    return (flags_[i] & kInferred) ? Confidence::inferred : Confidence::verified;
  }
  /// The id text of a handle (enterprise or segment id).
  std::string_view id(Handle h) const noexcept {
    return std::string_view(chars_).substr(offsets_[h], offsets_[h + 1] - offsets_[h]);
  }
  std::string_view from_id(std::size_t i) const noexcept { return id(from_[i]); }
  std::string_view to_id(std::size_t i) const noexcept { return id(to_[i]); }
  std::string_view segment_id(std::size_t i) const noexcept { return id(segment_[i]); }
  std::size_t id_count() const noexcept { return offsets_.empty() ? 0 : offsets_.size() - 1; }

  /// The relation as a Supply (no source, no position): for the few readers that print one.
  Supply row(std::size_t i) const;

  /// Raw columns, for the snapshot (written and read as contiguous arrays).
  struct Columns {
    std::string* chars;
    std::vector<std::uint64_t>* offsets;
    std::vector<Handle>*from, *to, *segment;
    std::vector<double>* value;
    std::vector<std::uint8_t>* flags;
  };
  Columns columns() noexcept { return {&chars_, &offsets_, &from_, &to_, &segment_, &value_, &flags_}; }
  /// After the columns were filled from outside: a description of the first inconsistency
  /// (lengths, handles past the pool, offsets out of order), or empty when sound.
  std::string check() const;

 private:
  Handle intern(std::string_view id);

  std::string chars_;                    // every id's bytes, back to back
  std::vector<std::uint64_t> offsets_;   // id h is chars_[offsets_[h], offsets_[h + 1])
  std::vector<Handle> from_, to_, segment_;
  std::vector<double> value_;            // 0 when there is none (kHasValue clear)
  std::vector<std::uint8_t> flags_;
  // id -> handle while relations are added; looked up by view (no string per lookup).
  std::unordered_map<std::string, Handle, TextHash, std::equal_to<>> index_;
};

/// Builds the columns from `supplies` (all of them, in order).
SupplyTable make_supply_table(const std::vector<Supply>& supplies);

}  // namespace chainlens
