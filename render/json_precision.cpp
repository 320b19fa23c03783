// render/json_precision.cpp: the process-wide JSON precision switch.
#include "render/json_precision.hpp"

#include <fmt/format.h>

namespace chainlens {

namespace {
bool g_full = false;
}

void set_full_json_precision(bool full) noexcept { g_full = full; }
bool full_json_precision() noexcept { return g_full; }

double json_round(double v, int digits) {
  if (v == 0) return 0.0;
  if (g_full) return v;
  return std::stod(fmt::format("{:.{}f}", v, digits));
}

}  // namespace chainlens
