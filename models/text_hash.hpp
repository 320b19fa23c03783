// models/text_hash.hpp: one hash for std::string and std::string_view alike, so that maps
// keyed by strings are looked up by views without building a string per lookup.
#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>

namespace chainlens {

struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

/// A set of strings asked about by any text (a view, an enterprise's pooled id) without a copy.
using TextSet = std::unordered_set<std::string, TextHash, std::equal_to<>>;

}  // namespace chainlens
