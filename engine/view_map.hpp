// engine/view_map.hpp: an open-addressing hash map (and set) keyed by string views whose
// text lives elsewhere, for the lookups batch scoring makes on every row (the id, the
// segments, the location) and the id sets of a scoring model: one probe into a flat array
// and an xxh3 hash, where std::unordered_map chased a node per lookup, hashed with the slower
// std::hash and copied every key (a fifth of scoring, issue 16).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include <xxhash.h>

namespace chainlens {

template <class T>
class ViewMap {
 public:
  /// The value of `key`, inserted default-constructed when absent. The key's text must
  /// outlive the map. References are invalidated by a later insertion.
  T& operator[](std::string_view key) {
    if (2 * (size_ + 1) > slots_.size()) grow();
    const std::uint64_t h = hash(key);
    const std::size_t i = probe(key, h);
    Slot& s = slots_[i];
    if (tags_[i] == 0) {
      s = Slot{h, key, T{}};
      tags_[i] = tag(h);
      ++size_;
    }
    return s.value;
  }
  const T* find(std::string_view key) const noexcept {
    const std::size_t i = probe(key, hash(key));
    return tags_[i] != 0 ? &slots_[i].value : nullptr;
  }
  std::size_t size() const noexcept { return size_; }
  /// Room for `n` keys without growing.
  void reserve(std::size_t n) {
    std::size_t want = slots_.size();
    while (2 * n > want) want *= 2;
    if (want != slots_.size()) rehash(want);
  }
  /// Calls f(key, value) for every entry, in no particular order.
  template <class F> void for_each(F&& f) const {
    for (std::size_t i = 0; i < slots_.size(); ++i)
      if (tags_[i] != 0) f(slots_[i].key, slots_[i].value);
  }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::string_view key;
    T value{};
  };
  static std::uint64_t hash(std::string_view key) noexcept { return XXH3_64bits(key.data(), key.size()); }
  // 15 bits of the hash, never 0 (0: an empty slot).
  static std::uint16_t tag(std::uint64_t h) noexcept { return static_cast<std::uint16_t>((h >> 48) | 1); }
  // The slot holding `key`, else the empty slot where it would go (the table is never full).
  // The probe reads the tags, two bytes a slot, and a slot only when its tag matches: most
  // ids a candidate pool looks up are absent, and the tags of a 10k-firm workspace stay in
  // cache where its 56-byte slots did not (the slot loads were a third of scoring a row).
  std::size_t probe(std::string_view key, std::uint64_t h) const noexcept {
    const std::size_t mask = slots_.size() - 1;
    const std::uint16_t t = tag(h);
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      const std::uint16_t ti = tags_[i];
      if (ti == 0) return i;
      if (ti == t && slots_[i].hash == h && slots_[i].key == key) return i;
    }
  }
  void grow() { rehash(slots_.size() * 2); }
  void rehash(std::size_t slots) {
    std::vector<Slot> old(slots);
    std::vector<std::uint16_t> old_tags(slots, 0);
    old.swap(slots_);
    old_tags.swap(tags_);
    for (std::size_t i = 0; i < old.size(); ++i)
      if (old_tags[i] != 0) {
        const std::size_t j = probe(old[i].key, old[i].hash);
        slots_[j] = std::move(old[i]);
        tags_[j] = old_tags[i];
      }
  }

  std::vector<Slot> slots_ = std::vector<Slot>(16);  // a power of two, at most half full
  std::vector<std::uint16_t> tags_ = std::vector<std::uint16_t>(16, 0);  // per slot; 0: empty
  std::size_t size_ = 0;
};

/// A set of views: ViewMap's table with no value.
class ViewSet {
 public:
  /// Adds `key` (its text must outlive the set); false when it was there.
  bool insert(std::string_view key) {
    const std::size_t before = map_.size();
    map_[key];
    return map_.size() != before;
  }
  bool contains(std::string_view key) const noexcept { return map_.find(key) != nullptr; }
  std::size_t size() const noexcept { return map_.size(); }
  void reserve(std::size_t n) { map_.reserve(n); }
  template <class F> void for_each(F&& f) const {
    map_.for_each([&](std::string_view key, char) { f(key); });
  }

 private:
  ViewMap<char> map_;
};

}  // namespace chainlens
