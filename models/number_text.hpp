// models/number_text.hpp: a number too small for a double (1e-400) is read as what it
// rounds to (0, or a subnormal), the same in YAML and in bulk rows (issue 18), instead of
// "not a finite number".
#pragma once
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <string>
#include <string_view>

namespace chainlens {

/// For a text std::from_chars parsed whole but called out of range: true (and `out` set)
/// when it underflows to a finite value below 1 in magnitude; false when it overflows.
inline bool underflows_to_finite(std::string_view text, double& out) {
  const std::string s(text);
  char* end = nullptr;
  errno = 0;
  const double d = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || !std::isfinite(d) || std::fabs(d) >= 1) return false;
  out = d == 0 ? 0.0 : d;
  return true;
}

}  // namespace chainlens
