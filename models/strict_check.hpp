// models/strict_check.hpp: what `validate` warns about (untyped chains) and what
// `validate --strict` requires of a workspace's sources (metrics.md v2, issue 14).
#pragma once
#include <vector>

#include "models/diagnostic.hpp"
#include "models/workspace.hpp"

namespace chainlens {

/// One warning per chain with untyped leaf segments (the engine infers their type).
std::vector<Diagnostic> workspace_warnings(const Workspace& ws);

/// `--strict`: every enterprise has a source, every share of an input has a source,
/// every revenue has a revenue_year and its enterprise a source, and every leaf segment a type.
std::vector<Diagnostic> strict_problems(const Workspace& ws);

}  // namespace chainlens
