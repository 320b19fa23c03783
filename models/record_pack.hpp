// models/record_pack.hpp: a compact byte encoding of model records for snapshots, driven by
// the same `serialize(archive, record, version)` functions as the Boost archive. A million
// enterprises go into the snapshot as blocks of packed bytes: one Boost call per block
// instead of one per field, and blocks that decode in parallel (issue 16).
#pragma once
#include <cstdint>
#include <cstring>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "models/pooled_text.hpp"

namespace chainlens {

class RegionPool;

/// Appends records to a byte string: numbers and enums as their bytes, a string or a list as
/// its length then its items, an optional as a flag byte then the value.
class PackOut {
 public:
  using is_saving = std::true_type;
  using is_loading = std::false_type;

  explicit PackOut(std::string& out) : out_(out) {}

  template <class T>
  PackOut& operator&(const T& v) {
    put(v);
    return *this;
  }
  template <class T>
  PackOut& operator<<(const T& v) {
    put(v);
    return *this;
  }

 private:
  void length(std::size_t n) {
    // Lengths below 255 (nearly all) take one byte.
    if (n < 255) {
      out_.push_back(static_cast<char>(n));
    } else {
      out_.push_back(static_cast<char>(255));
      raw(static_cast<std::uint64_t>(n));
    }
  }
  template <class T>
  void raw(const T& v) {
    out_.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  void put(const std::string& s) {
    length(s.size());
    out_.append(s);
  }
  void put(const PooledText& s) {
    length(s.size());
    out_.append(s.view());
  }
  void put(bool b) { out_.push_back(b ? 1 : 0); }
  template <class T>
  void put(const std::vector<T>& v) {
    length(v.size());
    for (const T& x : v) put(x);
  }
  template <class T>
  void put(const std::optional<T>& o) {
    put(o.has_value());
    if (o) put(*o);
  }
  template <class K, class V, class C, class A>
  void put(const std::map<K, V, C, A>& m) {
    length(m.size());
    for (const auto& [k, v] : m) put(k), put(v);
  }
  template <class T>
  void put(const T& v) {
    if constexpr (std::is_enum_v<T>) {
      raw(static_cast<std::int32_t>(v));
    } else if constexpr (std::is_arithmetic_v<T>) {
      raw(v);
    } else {
      serialize(*this, const_cast<T&>(v), 0u);  // the record's own field list (saving only reads)
    }
  }

  std::string& out_;
};

/// Reads what PackOut wrote, refusing any length past the bytes left and any flag byte other
/// than 0 or 1 (a damaged block throws, it never allocates from a bad length).
class PackIn {
 public:
  using is_saving = std::false_type;
  using is_loading = std::true_type;

  PackIn(const char* begin, const char* end) : at_(begin), end_(end) {}

  /// Where decoded region paths are shared, if anywhere (not owned).
  RegionPool* regions = nullptr;
  /// Where decoded ids and names go; none: each owns a heap copy.
  TextPool* texts = nullptr;
  /// The file name the last decoded position named, interned, and the block's own copy of it
  /// that the next position is compared with: the next one naming it skips the pool's lookup,
  /// and no record reads the pool's memory, which other threads' blocks share (reading it
  /// per record was a cache miss each, 9% of a load of L).
  const std::string* last_file = nullptr;
  std::string last_file_text;

  template <class T>
  PackIn& operator&(T& v) {
    get(v);
    return *this;
  }
  template <class T>
  PackIn& operator>>(T& v) {
    get(v);
    return *this;
  }
  bool done() const noexcept { return at_ == end_; }
  /// A list's length, and then its strings one by one as views into the block (no copy), for
  /// a record that keeps interned ids instead of strings (the same bytes as get()).
  std::size_t list_length() { return length(); }
  std::string_view text_view() {
    const std::size_t n = length();
    const std::string_view v(at_, n);
    at_ += n;
    return v;
  }

 private:
  [[noreturn]] static void bad(const char* what) { throw std::runtime_error(std::string("packed record: ") + what); }
  std::size_t left() const noexcept { return static_cast<std::size_t>(end_ - at_); }
  template <class T>
  void raw(T& v) {
    if (left() < sizeof v) bad("cut short");
    std::memcpy(&v, at_, sizeof v);
    at_ += sizeof v;
  }
  // A length of items each at least one byte long: never more than the bytes left.
  std::size_t length() {
    std::uint8_t first = 0;
    raw(first);
    std::uint64_t n = first;
    if (first == 255) raw(n);
    if (n > left()) bad("a length runs past the block");
    return static_cast<std::size_t>(n);
  }
  void get(std::string& s) {
    const std::size_t n = length();
    s.assign(at_, n);
    at_ += n;
  }
  void get(PooledText& t) {
    const std::string_view v = text_view();
    t = texts ? PooledText(*texts, v) : PooledText(v);
  }
  void get(bool& b) {
    std::uint8_t byte = 0;
    raw(byte);
    if (byte > 1) bad("a flag byte is not 0 or 1");
    b = byte == 1;
  }
  template <class T>
  void get(std::vector<T>& v) {
    v.resize(length());
    for (T& x : v) get(x);
  }
  template <class T>
  void get(std::optional<T>& o) {
    bool has = false;
    get(has);
    if (!has) {
      o.reset();
      return;
    }
    T v{};
    get(v);
    o = std::move(v);
  }
  template <class K, class V, class C, class A>
  void get(std::map<K, V, C, A>& m) {
    m.clear();
    for (std::size_t i = 0, n = length(); i < n; ++i) {
      std::pair<K, V> kv;
      get(kv.first);
      get(kv.second);
      m.insert(m.end(), std::move(kv));
    }
  }
  template <class T>
  void get(T& v) {
    if constexpr (std::is_enum_v<T>) {
      std::int32_t x = 0;
      raw(x);
      // Past the enum's own type it would wrap into a valid value; the rest is range-checked
      // by the snapshot's check of the loaded workspace.
      using U = std::underlying_type_t<T>;
      if (x < static_cast<std::int64_t>(std::numeric_limits<U>::min()) ||
          x > static_cast<std::int64_t>(std::numeric_limits<U>::max()))
        bad("an enum value out of range");
      v = static_cast<T>(x);
    } else if constexpr (std::is_arithmetic_v<T>) {
      raw(v);
    } else {
      serialize(*this, v, 0u);
    }
  }

  const char* at_;
  const char* end_;
};

}  // namespace chainlens
