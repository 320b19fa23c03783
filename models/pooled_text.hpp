// models/pooled_text.hpp: an enterprise's id or name as 8 bytes: a pointer to characters kept
// in its workspace's text pool (a million names in a few large blocks, freed with the
// workspace), or in a heap copy of its own when the record was built in code (issue 16).
#pragma once
#include <compare>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "models/interned.hpp"

namespace chainlens {

/// Where a workspace's ids and names live: blocks that never move, freed together. Not safe
/// to add to from two threads; parallel decoders fill their own and hand them over (`adopt`).
class TextPool {
 public:
  TextPool() = default;
  TextPool(const TextPool&) = delete;
  TextPool& operator=(const TextPool&) = delete;
  TextPool(TextPool&&) noexcept = default;
  TextPool& operator=(TextPool&&) noexcept = default;

  /// A copy of `s` that stays where it is until the pool is destroyed: its size in the four
  /// bytes before it, a NUL after it. Never called with an empty text (that is a null pointer).
  const char* add(std::string_view s);
  /// Takes over another pool's blocks (what they hold keeps its address).
  void adopt(TextPool&& other);
  /// Bytes held in blocks (for memory estimates).
  std::size_t bytes() const noexcept { return bytes_; }

 private:
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* next_ = nullptr;
  std::size_t left_ = 0, bytes_ = 0;
};

/// Text a record reads as a std::string_view. Copying one that lives in a pool copies the
/// pointer, so the copy must not outlive the pool (a workspace shares its pool with its copies);
/// one built from plain text owns a heap copy and is copied as a value.
class PooledText {
 public:
  PooledText() = default;
  PooledText(std::string_view s) : p_(s.empty() ? 0 : own(s)) {}  // NOLINT: assigned from text
  PooledText(const std::string& s) : PooledText(std::string_view(s)) {}     // NOLINT
  PooledText(const char* s) : PooledText(std::string_view(s)) {}            // NOLINT
  /// In `pool`: no allocation of its own.
  PooledText(TextPool& pool, std::string_view s)
      : p_(s.empty() ? 0 : reinterpret_cast<std::uintptr_t>(pool.add(s))) {}
  PooledText(const PooledText& o) : p_(o.owned() ? own(o.view()) : o.p_) {}
  PooledText(PooledText&& o) noexcept : p_(o.p_) { o.p_ = 0; }
  PooledText& operator=(const PooledText& o) {
    if (this != &o) *this = PooledText(o);
    return *this;
  }
  PooledText& operator=(PooledText&& o) noexcept {
    if (this != &o) {
      release();
      p_ = o.p_;
      o.p_ = 0;
    }
    return *this;
  }
  ~PooledText() { release(); }

  std::size_t size() const noexcept {
    std::uint32_t n = 0;
    if (p_) std::memcpy(&n, chars() - sizeof n, sizeof n);
    return n;
  }
  bool empty() const noexcept { return p_ == 0; }
  const char* data() const noexcept { return p_ ? chars() : ""; }
  const char* c_str() const noexcept { return data(); }
  std::string_view view() const noexcept { return {data(), size()}; }
  operator std::string_view() const noexcept { return view(); }  // NOLINT: reads as text
  std::string str() const { return std::string(view()); }
  int compare(std::string_view s) const noexcept { return view().compare(s); }

  friend bool operator==(const PooledText& a, const PooledText& b) noexcept { return a.view() == b.view(); }
  friend bool operator==(const PooledText& a, std::string_view b) noexcept { return a.view() == b; }
  friend bool operator==(const PooledText& a, const std::string& b) noexcept { return a.view() == b; }
  friend bool operator==(const PooledText& a, const char* b) noexcept { return a.view() == b; }
  friend bool operator==(const PooledText& a, const InternedId& b) noexcept { return a.view() == b.str(); }
  friend std::strong_ordering operator<=>(const PooledText& a, const PooledText& b) noexcept {
    return a.view() <=> b.view();
  }
  friend std::strong_ordering operator<=>(const PooledText& a, std::string_view b) noexcept {
    return a.view() <=> b;
  }
  friend std::ostream& operator<<(std::ostream& os, const PooledText& t);
  friend std::string operator+(const PooledText& a, std::string_view b) { return a.str().append(b); }
  friend std::string operator+(std::string a, const PooledText& b) { return a.append(b.view()); }

 private:
  // Pool blocks and heap copies are 4-aligned, so the low bit is free to mark a heap copy.
  static constexpr std::uintptr_t kOwned = 1;
  bool owned() const noexcept { return (p_ & kOwned) != 0; }
  const char* chars() const noexcept { return reinterpret_cast<const char*>(p_ & ~kOwned); }
  static std::uintptr_t own(std::string_view s);
  void release() noexcept;

  std::uintptr_t p_ = 0;
};

}  // namespace chainlens

template <>
struct std::hash<chainlens::PooledText> {
  std::size_t operator()(const chainlens::PooledText& t) const noexcept { return std::hash<std::string_view>{}(t.view()); }
};
