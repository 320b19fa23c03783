// models/workspace_summary.hpp: counts per chain for `chainlens info`: segments,
// enterprises local and not, supplies, declared gaps, target lists.
#pragma once
#include <string>
#include <vector>

#include "models/workspace.hpp"

namespace chainlens {

struct ChainSummary {
  std::string id, name, scope;
  int segments = 0, leaf_segments = 0;
  int enterprises = 0, local = 0, non_local = 0;  // not closed, operating in a leaf of the chain
  int supplies = 0, gaps = 0, target_lists = 0, goals = 0;
};

struct WorkspaceSummary {
  std::string name, scope, content_hash;
  int files = 0, sources = 0, regions = 0, segments = 0;
  int enterprises = 0, local = 0, non_local = 0, supplies = 0;  // local to the workspace scope
  std::vector<ChainSummary> chains;  // in workspace order
};

WorkspaceSummary summarize(const Workspace& ws);

}  // namespace chainlens
