// models/supply_table.cpp: interning and the consistency check of a table read from a snapshot.
#include "models/supply_table.hpp"

#include <limits>
#include <stdexcept>

namespace chainlens {

SupplyTable::Handle SupplyTable::intern(std::string_view id) {
  if (offsets_.empty()) offsets_.push_back(0);
  if (auto it = index_.find(id); it != index_.end()) return it->second;
  if (offsets_.size() > std::numeric_limits<Handle>::max()) throw std::length_error("supply table: too many ids");
  const auto h = static_cast<Handle>(offsets_.size() - 1);
  index_.emplace(std::string(id), h);
  chars_.append(id);
  offsets_.push_back(chars_.size());
  return h;
}

void SupplyTable::reserve(std::size_t n) {
  from_.reserve(n);
  to_.reserve(n);
  segment_.reserve(n);
  value_.reserve(n);
  flags_.reserve(n);
}

void SupplyTable::push_back(const Supply& s) {
  from_.push_back(intern(s.from));
  to_.push_back(intern(s.to));
  segment_.push_back(intern(s.segment));
  value_.push_back(s.value.value_or(0));
  flags_.push_back(static_cast<std::uint8_t>((s.value ? kHasValue : 0) |
                                             (s.confidence == Confidence::inferred ? kInferred : 0)));
}

void SupplyTable::seal() { decltype(index_)().swap(index_); }

Supply SupplyTable::row(std::size_t i) const {
  Supply s;
  s.from = from_id(i);
  s.to = to_id(i);
  s.segment = segment_id(i);
  s.value = value(i);
  s.confidence = confidence(i);
  return s;
}

std::string SupplyTable::check() const {
  const std::size_t n = from_.size();
  if (to_.size() != n || segment_.size() != n || value_.size() != n || flags_.size() != n)
    return "supply columns of different lengths";
  if (offsets_.empty()) return n == 0 && chars_.empty() ? std::string() : "supply ids without offsets";
  if (offsets_.front() != 0 || offsets_.back() != chars_.size()) return "supply id offsets do not cover the pool";
  for (std::size_t h = 1; h < offsets_.size(); ++h)
    if (offsets_[h] < offsets_[h - 1]) return "supply id offsets out of order";
  const std::size_t ids = offsets_.size() - 1;
  for (std::size_t i = 0; i < n; ++i) {
    if (from_[i] >= ids || to_[i] >= ids || segment_[i] >= ids) return "a supply handle past the id pool";
    if (flags_[i] > (kHasValue | kInferred)) return "a bad supply flag byte";
  }
  return {};
}

SupplyTable make_supply_table(const std::vector<Supply>& supplies) {
  SupplyTable t;
  t.reserve(supplies.size());
  for (const Supply& s : supplies) t.push_back(s);
  t.seal();
  return t;
}

}  // namespace chainlens
