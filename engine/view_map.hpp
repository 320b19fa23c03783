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
    Slot& s = slots_[probe(key, h)];
    if (!s.used) {
      s = Slot{h, key, T{}, true};
      ++size_;
    }
    return s.value;
  }
  const T* find(std::string_view key) const noexcept {
    const Slot& s = slots_[probe(key, hash(key))];
    return s.used ? &s.value : nullptr;
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
    for (const Slot& s : slots_)
      if (s.used) f(s.key, s.value);
  }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::string_view key;
    T value{};
    bool used = false;
  };
  static std::uint64_t hash(std::string_view key) noexcept { return XXH3_64bits(key.data(), key.size()); }
  // The slot holding `key`, else the empty slot where it would go (the table is never full).
  std::size_t probe(std::string_view key, std::uint64_t h) const noexcept {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (!s.used || (s.hash == h && s.key == key)) return i;
    }
  }
  void grow() { rehash(slots_.size() * 2); }
  void rehash(std::size_t slots) {
    std::vector<Slot> old(slots);
    old.swap(slots_);
    for (Slot& s : old)
      if (s.used) slots_[probe(s.key, s.hash)] = std::move(s);
  }

  std::vector<Slot> slots_ = std::vector<Slot>(16);  // a power of two, at most half full
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
