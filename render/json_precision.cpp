// render/json_precision.cpp: the process-wide JSON precision switch.
#include "render/json_precision.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <cmath>
#include <string>

namespace chainlens {

namespace {
bool g_full = false;
}

void set_full_json_precision(bool full) noexcept { g_full = full; }
bool full_json_precision() noexcept { return g_full; }

double json_round(double v, int digits) {
  if (v == 0) return 0.0;
  if (g_full || !std::isfinite(v)) return v;
  // The decimal text, correctly rounded, read back correctly rounded: what formatting with
  // fmt and std::stod gave, without a string per number (a long report prints millions).
  std::array<char, 400> buf;  // DBL_MAX in fixed notation is 309 digits
  const auto written = std::to_chars(buf.data(), buf.data() + buf.size(), v, std::chars_format::fixed, digits);
  if (written.ec != std::errc()) return std::stod(fmt::format("{:.{}f}", v, digits));
  double out = v;
  std::from_chars(buf.data(), written.ptr, out);
  return out;
}

}  // namespace chainlens
