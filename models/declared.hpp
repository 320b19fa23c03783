// models/declared.hpp: a figure a document states (配套率不足45%, 进口设备占比超过70%):
// an observation reported beside computed figures, never mixed into them.
#pragma once
#include <string>

#include "models/source_ref.hpp"

namespace chainlens {

enum class Bound { exact, below, above, about };

struct Declared {
  std::string metric;  // local_supply_ratio, import_share, ...
  double value = 0;
  Bound bound = Bound::exact;
  std::string segment;  // optional
  std::string note;
  SourceRef source;
  SourcePos pos;
};

}  // namespace chainlens
