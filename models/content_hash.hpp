// models/content_hash.hpp: xxhash-based content hashes for provenance and snapshots.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace chainlens {

std::uint64_t hash64(std::string_view bytes, std::uint64_t seed = 0);
/// 16 lowercase hex digits.
std::string hex64(std::uint64_t v);

/// Incremental hash over several files (path and bytes of each).
class ContentHasher {
 public:
  ContentHasher();
  ~ContentHasher();
  ContentHasher(const ContentHasher&) = delete;
  ContentHasher& operator=(const ContentHasher&) = delete;
  void add(std::string_view bytes);
  std::uint64_t digest() const;

 private:
  void* state_;
};

}  // namespace chainlens
