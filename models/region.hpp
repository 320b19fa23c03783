// models/region.hpp: region paths (中国/山东/青岛/西海岸新区) and scopes; "local to a
// scope" means the scope's components are a prefix of the location's (metrics.md).
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "models/diagnostic.hpp"

namespace chainlens {

/// A path's parts are shared between its copies and never changed (a new path is made
/// instead): a million enterprises name a few hundred places, and a vector of strings each was
/// an eighth of a loaded workspace's memory (issue 16).
class RegionPath {
 public:
  RegionPath() = default;
  explicit RegionPath(std::vector<std::string> parts);

  /// Splits on '/', dropping empty parts and trimming white space.
  static RegionPath parse(std::string_view text);
  /// From the root, e.g. {"中国", "山东", "青岛"}.
  const std::vector<std::string>& parts() const noexcept;
  std::size_t size() const noexcept { return parts().size(); }
  std::string str() const;  // joined with '/'
  bool empty() const noexcept { return parts().empty(); }
  /// True when this path lies inside `scope` (scope's parts are a prefix of ours).
  bool within(const RegionPath& scope) const noexcept;
  /// Every prefix, narrowest (this path) first, down to the first component.
  std::vector<RegionPath> prefixes_narrow_first() const;
  /// The first `n` parts (all of them when there are fewer).
  RegionPath prefix(std::size_t n) const;
  /// This path with `part` added at its end.
  RegionPath child(std::string_view part) const;

  bool operator==(const RegionPath& o) const noexcept { return parts_ == o.parts_ || parts() == o.parts(); }
  auto operator<=>(const RegionPath& o) const { return parts() <=> o.parts(); }

 private:
  std::shared_ptr<const std::vector<std::string>> parts_;  // null: the empty path
};

/// Hands out one shared RegionPath per distinct path, so that a loader's million locations
/// hold a few hundred part lists. One pool per thread of a load: not thread-safe.
class RegionPool {
 public:
  RegionPath intern(const std::vector<std::string>& parts);

 private:
  struct Hash {
    std::size_t operator()(const std::vector<std::string>& parts) const noexcept;
  };
  std::unordered_map<std::vector<std::string>, RegionPath, Hash> paths_;
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
