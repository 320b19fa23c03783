// models/content_hash.hpp: xxhash-based content hashes for provenance and snapshots.
#pragma once
#include <istream>
#include <optional>
#include <cstdint>
#include <string>
#include <string_view>

namespace chainlens {

std::uint64_t hash64(std::string_view bytes, std::uint64_t seed = 0);
/// hash64 of the next `n` bytes of `in` (seed 0), read in chunks; nullopt when fewer arrive.
std::optional<std::uint64_t> hash64_stream(std::istream& in, std::uint64_t n);
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
