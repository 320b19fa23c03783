// render/json_precision.hpp: how many decimals JSON numbers keep. Reports round to 4 so the
// same workspace gives byte-identical output; comparisons with a peer implementation need
// every bit (`chainlens --full-precision ...`).
#pragma once
#include <string>

namespace chainlens {

/// 4 by default; set once at start-up, before any writer runs.
void set_full_json_precision(bool full) noexcept;
bool full_json_precision() noexcept;

/// `v` rounded to `digits` decimals, or `v` itself under full precision. -0 becomes 0.
double json_round(double v, int digits);

}  // namespace chainlens
