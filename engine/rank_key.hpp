// engine/rank_key.hpp: the key every ranking compares, so that figures equal in exact
// arithmetic tie (and fall to the id) whatever the summation order of a platform gave.
#pragma once
#include <cmath>

namespace chainlens {

/// The figure rounded to 1e-10 (scores and gap scores are far coarser than that).
inline double rank_key(double v) noexcept { return std::round(v * 1e10) / 1e10; }

}  // namespace chainlens
