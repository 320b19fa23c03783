// models/region.hpp: region paths (中国/山东/青岛/西海岸新区) and scopes; "local to a
// scope" means the scope's components are a prefix of the location's (metrics.md).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "models/diagnostic.hpp"

namespace chainlens {

struct RegionPath {
  std::vector<std::string> parts;  // from the root, e.g. {"中国", "山东", "青岛"}

  /// Splits on '/', dropping empty parts and trimming white space.
  static RegionPath parse(std::string_view text);
  std::string str() const;  // joined with '/'
  bool empty() const noexcept { return parts.empty(); }
  /// True when this path lies inside `scope` (scope's parts are a prefix of ours).
  bool within(const RegionPath& scope) const noexcept;
  /// Every prefix, narrowest (this path) first, down to the first component.
  std::vector<RegionPath> prefixes_narrow_first() const;
  auto operator<=>(const RegionPath&) const = default;
};

using Scope = RegionPath;

/// A declared region with its short names (黄岛区 -> 中国/山东/青岛/西海岸新区).
struct Region {
  RegionPath path;
  std::vector<std::string> aliases;
  SourcePos pos;
};

/// Replaces a first component that is a region alias by the region's full path
/// (黄岛区/董家口 -> 中国/山东/青岛/西海岸新区/董家口); other paths come back unchanged.
RegionPath resolve_alias(const std::vector<Region>& regions, const RegionPath& path);

}  // namespace chainlens
