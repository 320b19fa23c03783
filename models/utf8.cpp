// models/utf8.cpp: a UTF-8 validity scan that also counts lines and columns.
#include "models/utf8.hpp"

#include <simdjson.h>

namespace chainlens {

std::pair<int, int> first_invalid_utf8(std::string_view s) {
  int line = 1, col = 1;
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
    if (n == 0 || i + n > s.size()) return {line, col};
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xc0) != 0x80) return {line, col};
    if (n == 2 && c < 0xc2) return {line, col};  // overlong
    if (c == '\n') ++line, col = 1;
    else ++col;
    i += n;
  }
  return {0, 0};
}

bool strict_utf8(std::string_view s) noexcept { return simdjson::validate_utf8(s.data(), s.size()); }

}  // namespace chainlens
