// models/segment_ids.cpp: storage of SegmentIds (in the record up to two, else one heap array).
#include "models/segment_ids.hpp"

#include <algorithm>
#include <utility>

namespace chainlens {

SegmentIds::SegmentIds(const std::vector<std::string>& ids) : SegmentIds() {
  for (const std::string& id : ids) push_back(id);
}

SegmentIds::SegmentIds(std::initializer_list<std::string_view> ids) : SegmentIds() {
  for (std::string_view id : ids) push_back(id);
}

SegmentIds::SegmentIds(const SegmentIds& o) : SegmentIds() {
  if (o.size_ > kSmall) {
    big_ = new const std::string*[o.size_];
    std::copy_n(o.big_, o.size_, big_);
  } else {
    std::copy_n(o.small_, kSmall, small_);
  }
  size_ = o.size_;
}

SegmentIds::SegmentIds(SegmentIds&& o) noexcept : SegmentIds() { *this = std::move(o); }

SegmentIds& SegmentIds::operator=(const SegmentIds& o) {
  if (this != &o) *this = SegmentIds(o);
  return *this;
}

SegmentIds& SegmentIds::operator=(SegmentIds&& o) noexcept {
  if (this != &o) {
    release();
    size_ = o.size_;
    if (size_ > kSmall) big_ = o.big_;
    else std::copy_n(o.small_, kSmall, small_);
    o.size_ = 0;  // the array is ours now: the source must not free it
  }
  return *this;
}

void SegmentIds::release() noexcept {
  if (size_ > kSmall) delete[] big_;
  size_ = 0;
  small_[0] = small_[1] = nullptr;
}

bool SegmentIds::contains(std::string_view id) const noexcept {
  return std::any_of(data(), data() + size_, [&](const std::string* s) { return *s == id; });
}

void SegmentIds::push_back(std::string_view id) {
  const std::string* pooled = &intern(id);
  if (size_ < kSmall) {
    small_[size_++] = pooled;
    return;
  }
  // Past two, a new array of exactly the new size: lists are built once, at load, and short.
  const std::string** grown = new const std::string*[size_ + 1];
  std::copy_n(data(), size_, grown);
  grown[size_] = pooled;
  const std::uint32_t n = size_ + 1;
  release();
  big_ = grown;
  size_ = n;
}

bool SegmentIds::operator==(const SegmentIds& o) const noexcept {
  return size_ == o.size_ && std::equal(data(), data() + size_, o.data());
}

bool SegmentIds::operator==(const std::vector<std::string>& o) const noexcept {
  return size_ == o.size() && std::equal(begin(), end(), o.begin());
}

}  // namespace chainlens
