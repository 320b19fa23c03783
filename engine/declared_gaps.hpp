// engine/declared_gaps.hpp: which leaf segments the plans' declared gaps name, of any chain,
// a gap naming a parent naming each leaf under it (metrics.md v2: weak rule, P and K).
#pragma once
#include <string>
#include <unordered_map>

#include "models/workspace.hpp"

namespace chainlens {

struct DeclaredFlags {
  bool any = false;     // a declared gap of any kind names the leaf (weak rule, plan factor)
  bool import = false;  // of kind technology or import-dependent (import factor)
};

/// Leaf segment id -> flags; leaves no gap names are absent.
std::unordered_map<std::string, DeclaredFlags> declared_gap_flags(const Workspace& ws);

}  // namespace chainlens
