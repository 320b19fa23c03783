// models/interned.cpp: the pool behind intern(): a set whose nodes never move, behind a mutex,
// and in front of it a per-thread table that answers repeat lookups without locking (a
// snapshot load interns a few million ids from two threads).
#include "models/interned.hpp"

#include <xxhash.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <mutex>
#include <unordered_set>
#include <vector>

#include "models/text_hash.hpp"

namespace chainlens {

namespace {

struct Pool {
  std::mutex mutex;
  std::unordered_set<std::string, TextHash, std::equal_to<>> strings;  // nodes never move: pointers stay
};

Pool& pool() {
  static Pool* p = new Pool;  // never destroyed: records may outlive static destruction order
  return *p;
}

// Open addressing over one flat array: a node-based map missed the cache on most lookups.
class Cache {
 public:
  const std::string* find(std::string_view s, std::uint64_t h) const noexcept {
    if (slots_.empty()) return nullptr;
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (!slot.pooled) return nullptr;
      if (slot.hash == h && *slot.pooled == s) return slot.pooled;
    }
  }
  void insert(const std::string* pooled, std::uint64_t h) {
    if (2 * (size_ + 1) > slots_.size()) grow();
    place(pooled, h);
    ++size_;
  }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    const std::string* pooled = nullptr;
  };
  void place(const std::string* pooled, std::uint64_t h) noexcept {
    std::size_t i = h & mask_;
    while (slots_[i].pooled) i = (i + 1) & mask_;
    slots_[i] = Slot{h, pooled};
  }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<std::size_t>(64, 2 * old.size()), Slot{});
    mask_ = slots_.size() - 1;
    for (const Slot& s : old)
      if (s.pooled) place(s.pooled, s.hash);
  }

  std::vector<Slot> slots_;  // a power of two long, at most half full
  std::size_t mask_ = 0, size_ = 0;
};

}  // namespace

const std::string& intern(std::string_view s) {
  thread_local Cache cache;
  const std::uint64_t h = XXH3_64bits(s.data(), s.size());
  if (const std::string* hit = cache.find(s, h)) return *hit;
  Pool& p = pool();
  const std::string* pooled = nullptr;
  {
    std::lock_guard lock(p.mutex);
    auto it = p.strings.find(s);
    if (it == p.strings.end()) it = p.strings.emplace(s).first;
    pooled = &*it;
  }
  cache.insert(pooled, h);
  return *pooled;
}

std::size_t interned_count() {
  Pool& p = pool();
  std::lock_guard lock(p.mutex);
  return p.strings.size();
}

}  // namespace chainlens
