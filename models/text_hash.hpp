// models/text_hash.hpp: one hash for std::string and std::string_view alike, so that maps
// keyed by strings are looked up by views without building a string per lookup.
#pragma once
#include <cstddef>
#include <functional>
#include <string_view>

namespace chainlens {

struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

}  // namespace chainlens
