// models/workspace.hpp: everything a workspace folder holds, merged from all its
// files (workspace-format.md). Plain data; the engine builds its graph from it.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "models/chain.hpp"
#include "models/enterprise.hpp"
#include "models/enterprise_index.hpp"
#include "models/region.hpp"
#include "models/source_ref.hpp"
#include "models/supply_table.hpp"

namespace chainlens {

/// Candidate score weights, the revenue (亿元) that scores strength 1 and the strength of a
/// candidate whose revenue is unknown (metrics.md v2 "Candidate score").
struct ScoreWeights {
  double gap = 0.40, fit = 0.10, strength = 0.15, link = 0.15, related = 0.10, listed = 0.10;
  double revenue_ref = 10000;
  double unknown_strength = 0.3;
};

/// Weights of the four importance factors (metrics.md v2 "Importance of a segment").
struct ImportanceWeights {
  double value = 0.35, dependence = 0.25, plan = 0.25, import = 0.15;
};

struct Workspace {
  std::string name;
  RegionPath scope;                 // default scope of every chain
  ScoreWeights scoring;
  ImportanceWeights importance;
  std::vector<std::string> includes;  // `include:` folders and files, as written
  std::vector<Source> sources;
  std::vector<Region> regions;
  std::vector<Chain> chains;
  /// Where the loaded enterprises' ids and names live; shared by the workspace's copies, so
  /// that an enterprise copied from one stays readable while any copy is alive.
  std::shared_ptr<TextPool> text_pool = std::make_shared<TextPool>();
  std::vector<Enterprise> enterprises;
  /// Relations declared in YAML, with their sources and positions (what --check-sources and
  /// the loader's messages read). Bulk CSV relations are not kept here once loaded.
  std::vector<Supply> supplies;
  /// Every relation, YAML and bulk, in load order, as columns: what the analyses read.
  SupplyTable supply_table;
  /// The enterprises in id order and the supply table's ids joined to them (built by the
  /// loader, kept in the snapshot); a chain graph builds its own when it does not fit.
  EnterpriseIndex enterprise_index;
  std::vector<Demand> demand;
  std::vector<std::string> files;   // every file read, in the order read, as named when read
  /// The same files relative to `root` ('/'-separated): what the content hash covers, so
  /// that it does not depend on how the workspace's path was spelled (issue 15).
  std::vector<std::string> file_keys;
  /// Folders read through `include:`, keyed like file_keys: --check-sources looks in them for
  /// files added since a snapshot was compiled (those outside the root are not in its scan).
  std::vector<std::string> include_folders;
  std::string root;                 // absolute, symlinks resolved: the folder loaded, or the file's folder
  bool root_is_folder = false;      // a folder was loaded (so files added to it are noticed)
  std::string content_hash;         // xxh3-64 over the files' relative paths and bytes, hex

  const Chain* find_chain(const std::string& id) const;
  /// The scope a chain is analysed in by default.
  RegionPath chain_scope(const Chain& c) const { return c.scope ? *c.scope : scope; }
};

}  // namespace chainlens
