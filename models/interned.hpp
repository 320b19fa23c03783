// models/interned.hpp: one process-wide copy of each identifier that millions of records
// repeat (segment ids, group ids, file names): a record holds a pointer to it, never a string
// of its own (issue 16).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace chainlens {

/// The pooled copy of `s`: the same object for equal strings, alive until the process ends,
/// safe to call from any thread. The pool only grows, so it is for identifiers of which a
/// process meets few distinct ones, not for names or free text.
const std::string& intern(std::string_view s);
/// How many distinct strings the pool holds (what a long-running or batch process keeps).
std::size_t interned_count();

/// An identifier held as a pointer to its pooled copy: 8 bytes in a record instead of a
/// 32-byte string, compared by pointer against another InternedId. Empty when never set.
class InternedId {
 public:
  InternedId() = default;
  InternedId(std::string_view s) : p_(s.empty() ? nullptr : &intern(s)) {}  // NOLINT: assigned from text
  InternedId(const std::string& s) : InternedId(std::string_view(s)) {}     // NOLINT
  InternedId(const char* s) : InternedId(std::string_view(s)) {}            // NOLINT

  const std::string& str() const noexcept { return p_ ? *p_ : none(); }
  operator const std::string&() const noexcept { return str(); }  // NOLINT: reads as the id
  bool empty() const noexcept { return p_ == nullptr; }

  friend bool operator==(const InternedId& a, const InternedId& b) noexcept { return a.p_ == b.p_; }
  friend bool operator==(const InternedId& a, const std::string& b) noexcept { return a.str() == b; }
  friend bool operator==(const InternedId& a, std::string_view b) noexcept { return a.str() == b; }
  friend bool operator==(const InternedId& a, const char* b) noexcept { return a.str() == b; }

 private:
  static const std::string& none() noexcept {
    static const std::string empty;
    return empty;
  }
  const std::string* p_ = nullptr;
};

}  // namespace chainlens
