// models/utf8.hpp: where text stops being UTF-8, so every reader refuses it with a position
// instead of passing bytes a JSON writer would choke on later.
#pragma once
#include <string_view>
#include <utility>

namespace chainlens {

/// The first byte that is not valid UTF-8, as a 1-based line and column; {0,0} when valid.
std::pair<int, int> first_invalid_utf8(std::string_view s);
/// Strict UTF-8 (no overlong form, surrogate or code point past U+10FFFF), checked with SIMD;
/// a text it accepts first_invalid_utf8 accepts too.
bool strict_utf8(std::string_view s) noexcept;

}  // namespace chainlens
