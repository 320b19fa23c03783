// engine/rank_key.hpp: the key every ranking compares, so that figures equal in exact
// arithmetic tie (and fall to the id) whatever the summation order of a platform gave.
#pragma once
#include <cmath>
#include <string_view>

namespace chainlens {

/// The figure rounded to 1e-10 (scores and gap scores are far coarser than that).
inline double rank_key(double v) noexcept { return std::round(v * 1e10) / 1e10; }

/// Ranking order: the higher figure first, figures equal under rank_key by id.
inline bool ranks_ahead(double a, std::string_view a_id, double b, std::string_view b_id) noexcept {
  if (rank_key(a) != rank_key(b)) return a > b;
  return a_id < b_id;
}

}  // namespace chainlens
