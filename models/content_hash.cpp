// models/content_hash.cpp: xxh3 (64-bit) hashes, one-shot and incremental.
#include "models/content_hash.hpp"

#include <algorithm>
#include <vector>

#include <xxhash.h>

#include <cstdio>
#include <stdexcept>

namespace chainlens {

std::optional<std::uint64_t> hash64_stream(std::istream& in, std::uint64_t n) {
  XXH3_state_t* state = XXH3_createState();
  XXH3_64bits_reset(state);
  std::vector<char> chunk(1 << 20);
  while (n > 0) {
    const auto want = static_cast<std::streamsize>(std::min<std::uint64_t>(n, chunk.size()));
    in.read(chunk.data(), want);
    if (in.gcount() != want) {
      XXH3_freeState(state);
      return std::nullopt;
    }
    XXH3_64bits_update(state, chunk.data(), static_cast<std::size_t>(want));
    n -= static_cast<std::uint64_t>(want);
  }
  const std::uint64_t h = XXH3_64bits_digest(state);
  XXH3_freeState(state);
  return h;
}

std::uint64_t hash64(std::string_view bytes, std::uint64_t seed) {
  return XXH3_64bits_withSeed(bytes.data(), bytes.size(), seed);
}

std::string hex64(std::uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

ContentHasher::ContentHasher() : state_(XXH3_createState()) {
  if (!state_) throw std::bad_alloc();
  XXH3_64bits_reset(static_cast<XXH3_state_t*>(state_));
}
ContentHasher::~ContentHasher() { XXH3_freeState(static_cast<XXH3_state_t*>(state_)); }
void ContentHasher::add(std::string_view bytes) {
  // Length first, so that ("ab","c") and ("a","bc") differ.
  const std::uint64_t n = bytes.size();
  XXH3_64bits_update(static_cast<XXH3_state_t*>(state_), &n, sizeof n);
  XXH3_64bits_update(static_cast<XXH3_state_t*>(state_), bytes.data(), bytes.size());
}
std::uint64_t ContentHasher::digest() const {
  return XXH3_64bits_digest(static_cast<XXH3_state_t*>(state_));
}

}  // namespace chainlens
