// models/workspace.hpp: everything a workspace folder holds, merged from all its
// files (workspace-format.md). Plain data; the engine builds its graph from it.
#pragma once
#include <string>
#include <vector>

#include "models/chain.hpp"
#include "models/enterprise.hpp"
#include "models/region.hpp"
#include "models/source_ref.hpp"

namespace chainlens {

/// Candidate score weights and the revenue (亿元) that scores strength 1 (metrics.md).
struct ScoreWeights {
  double gap = 0.45, strength = 0.15, link = 0.15, related = 0.15, listed = 0.10;
  double revenue_ref = 10000;
};

struct Workspace {
  std::string name;
  RegionPath scope;                 // default scope of every chain
  ScoreWeights scoring;
  std::vector<Source> sources;
  std::vector<Region> regions;
  std::vector<Chain> chains;
  std::vector<Enterprise> enterprises;
  std::vector<Supply> supplies;
  std::vector<Demand> demand;
  std::vector<std::string> files;   // every file read, in the order read
  std::string content_hash;         // xxh3-64 over the files' paths and bytes, hex

  const Chain* find_chain(const std::string& id) const;
  /// The scope a chain is analysed in by default.
  RegionPath chain_scope(const Chain& c) const { return c.scope ? *c.scope : scope; }
};

}  // namespace chainlens
