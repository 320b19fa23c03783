// models/region.cpp: region paths and the "local to a scope" prefix rule.
#include "models/region.hpp"

namespace chainlens {

static std::string_view trim(std::string_view s) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

RegionPath::RegionPath(std::vector<std::string> parts)
    : parts_(parts.empty() ? nullptr : std::make_shared<const std::vector<std::string>>(std::move(parts))) {}

const std::vector<std::string>& RegionPath::parts() const noexcept {
  static const std::vector<std::string> none;
  return parts_ ? *parts_ : none;
}

RegionPath RegionPath::parse(std::string_view text) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('/', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view part = trim(text.substr(start, end - start));
    if (!part.empty()) parts.emplace_back(part);
    start = end + 1;
  }
  return RegionPath(std::move(parts));
}

std::string RegionPath::str() const {
  std::string out;
  for (const std::string& part : parts()) {
    if (!out.empty()) out += '/';
    out += part;
  }
  return out;
}

bool RegionPath::within(const RegionPath& scope) const noexcept {
  if (parts_ == scope.parts_) return true;
  const std::vector<std::string>& mine = parts();
  const std::vector<std::string>& theirs = scope.parts();
  if (theirs.size() > mine.size()) return false;
  for (std::size_t i = 0; i < theirs.size(); ++i)
    if (theirs[i] != mine[i]) return false;
  return true;
}

std::vector<RegionPath> RegionPath::prefixes_narrow_first() const {
  std::vector<RegionPath> out;
  for (std::size_t n = size(); n >= 1; --n) out.push_back(prefix(n));
  return out;
}

RegionPath RegionPath::prefix(std::size_t n) const {
  if (n >= size()) return *this;
  return RegionPath(std::vector<std::string>(parts().begin(), parts().begin() + static_cast<std::ptrdiff_t>(n)));
}

RegionPath RegionPath::child(std::string_view part) const {
  std::vector<std::string> parts = this->parts();
  parts.emplace_back(part);
  return RegionPath(std::move(parts));
}

std::size_t RegionPool::Hash::operator()(const std::vector<std::string>& parts) const noexcept {
  std::size_t h = parts.size();
  for (const std::string& p : parts) h = h * 1000003u ^ std::hash<std::string_view>()(p);
  return h;
}

RegionPath RegionPool::intern(const std::vector<std::string>& parts) {
  if (parts.empty()) return RegionPath();
  if (auto it = paths_.find(parts); it != paths_.end()) return it->second;
  return paths_.emplace(parts, RegionPath(parts)).first->second;
}

namespace {

bool has_alias(const Region& r, std::string_view name) {
  for (const std::string& a : r.aliases)
    if (a == name) return true;
  return false;
}

// A region strictly inside `under` named `name` by an alias or (below the first level) by its
// own last component; also tried without a trailing 省 or 市, as exports spell provinces and
// cities (山东省, 青岛市).
const Region* find_named(const std::vector<Region>& regions, std::string_view name, const RegionPath& under) {
  const auto find = [&](std::string_view n) -> const Region* {
    for (const Region& r : regions) {
      if (r.path.size() <= under.size() || !r.path.within(under)) continue;
      if (has_alias(r, n) || (!under.empty() && r.path.parts().back() == n)) return &r;
    }
    return nullptr;
  };
  if (const Region* r = find(name)) return r;
  for (std::string_view suffix : {"省", "市"})
    if (name.size() > suffix.size() && name.substr(name.size() - suffix.size()) == suffix)
      return find(name.substr(0, name.size() - suffix.size()));
  return nullptr;
}

}  // namespace

RegionPath resolve_alias(const std::vector<Region>& regions, const RegionPath& path) {
  // Level by level, so that an alias deeper in the path resolves too when it lies under what
  // came before it (中国/山东省/青岛市/黄岛区 -> 中国/山东/青岛/西海岸新区); a first component
  // that is an alias stands for its whole path (黄岛区/董家口).
  if (regions.empty()) return path;  // nothing to resolve (a workspace firm's location, resolved at load)
  RegionPath out;
  for (const std::string& part : path.parts()) {
    if (const Region* r = find_named(regions, part, out)) out = r->path;
    else out = out.child(part);
  }
  return out;
}

}  // namespace chainlens
