// models/segment_ids.hpp: the leaf segments an enterprise is in, as pointers to interned ids:
// two of them fit in the record itself, so a registry row allocates nothing for its segments.
#pragma once
#include <boost/iterator/indirect_iterator.hpp>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "models/interned.hpp"

namespace chainlens {

class SegmentIds {
 public:
  using const_iterator = boost::indirect_iterator<const std::string* const*>;
  using value_type = std::string;

  SegmentIds() noexcept : small_{nullptr, nullptr} {}
  SegmentIds(const std::vector<std::string>& ids);  // NOLINT: a list of ids is a list of ids
  SegmentIds(std::initializer_list<std::string_view> ids);
  SegmentIds(const SegmentIds& o);
  SegmentIds(SegmentIds&& o) noexcept;
  SegmentIds& operator=(const SegmentIds& o);
  SegmentIds& operator=(SegmentIds&& o) noexcept;
  ~SegmentIds() { release(); }

  const_iterator begin() const noexcept { return const_iterator(data()); }
  const_iterator end() const noexcept { return const_iterator(data() + size_); }
  std::size_t size() const noexcept { return size_; }
  bool empty() const noexcept { return size_ == 0; }
  const std::string& operator[](std::size_t i) const noexcept { return *data()[i]; }
  const std::string& front() const noexcept { return *data()[0]; }

  bool contains(std::string_view id) const noexcept;
  void push_back(std::string_view id);
  std::vector<std::string> strings() const { return {begin(), end()}; }

  // Interned: equal ids are the same pointer.
  bool operator==(const SegmentIds& o) const noexcept;
  bool operator==(const std::vector<std::string>& o) const noexcept;

 private:
  static constexpr std::uint32_t kSmall = 2;
  const std::string* const* data() const noexcept { return size_ <= kSmall ? small_ : big_; }
  void release() noexcept;

  std::uint32_t size_ = 0;
  union {
    const std::string* small_[kSmall];
    const std::string** big_;  // exactly size_ entries when size_ > kSmall
  };
};

}  // namespace chainlens
