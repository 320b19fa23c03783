// models/pooled_text.cpp: the text pool's blocks and a PooledText's heap copy, both laid out
// the same way (a 4-byte size, the characters, a NUL) so that a reader needs no branch.
#include "models/pooled_text.hpp"

#include <algorithm>
#include <limits>
#include <new>
#include <ostream>
#include <stdexcept>

namespace chainlens {

namespace {

constexpr std::size_t kBlock = std::size_t{1} << 20;  // a million names fill a few dozen

std::size_t stored_size(std::string_view s) {
  if (s.size() > std::numeric_limits<std::uint32_t>::max() - 8) throw std::length_error("text over 4 GB");
  return (sizeof(std::uint32_t) + s.size() + 1 + 3) & ~std::size_t{3};  // keeps the next one 4-aligned
}

char* store(char* at, std::string_view s) noexcept {
  const auto n = static_cast<std::uint32_t>(s.size());
  std::memcpy(at, &n, sizeof n);
  std::memcpy(at + sizeof n, s.data(), s.size());
  at[sizeof n + s.size()] = '\0';
  return at + sizeof n;
}

}  // namespace

const char* TextPool::add(std::string_view s) {
  const std::size_t need = stored_size(s);
  if (need > left_) {
    // A text longer than a block gets a block of its own; the current one stays open.
    if (need > kBlock / 4) {
      blocks_.push_back(std::make_unique_for_overwrite<char[]>(need));
      bytes_ += need;
      return store(blocks_.back().get(), s);
    }
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(kBlock));
    bytes_ += kBlock;
    next_ = blocks_.back().get();
    left_ = kBlock;
  }
  const char* text = store(next_, s);
  next_ += need;
  left_ -= need;
  return text;
}

void TextPool::adopt(TextPool&& other) {
  // An empty pool goes on filling other's open block; else other's is simply closed.
  if (blocks_.empty()) next_ = other.next_, left_ = other.left_;
  for (auto& b : other.blocks_) blocks_.push_back(std::move(b));
  bytes_ += other.bytes_;
  other = TextPool();
}

std::uintptr_t PooledText::own(std::string_view s) {
  char* at = static_cast<char*>(::operator new(stored_size(s)));
  return reinterpret_cast<std::uintptr_t>(store(at, s)) | kOwned;
}

std::ostream& operator<<(std::ostream& os, const PooledText& t) { return os << t.view(); }

void PooledText::release() noexcept {
  if (owned()) ::operator delete(const_cast<char*>(chars()) - sizeof(std::uint32_t));
  p_ = 0;
}

}  // namespace chainlens
