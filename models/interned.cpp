// models/interned.cpp: the pool behind intern(): a set whose nodes never move, behind a mutex,
// and in front of it a per-thread map that answers repeat lookups without locking (a snapshot
// load interns a few million ids from two threads).
#include "models/interned.hpp"

#include "models/text_hash.hpp"

#include <functional>
#include <mutex>
#include <unordered_map>
#include <unordered_set>

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

}  // namespace

const std::string& intern(std::string_view s) {
  // Keys view the pooled strings themselves, which never move or die.
  thread_local std::unordered_map<std::string_view, const std::string*, TextHash> cache;
  if (auto it = cache.find(s); it != cache.end()) return *it->second;
  Pool& p = pool();
  const std::string* pooled = nullptr;
  {
    std::lock_guard lock(p.mutex);
    auto it = p.strings.find(s);
    if (it == p.strings.end()) it = p.strings.emplace(s).first;
    pooled = &*it;
  }
  cache.emplace(*pooled, pooled);
  return *pooled;
}

}  // namespace chainlens
