// models/region.cpp: region paths and the "local to a scope" prefix rule.
#include "models/region.hpp"

namespace chainlens {

static std::string_view trim(std::string_view s) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

RegionPath RegionPath::parse(std::string_view text) {
  RegionPath p;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('/', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view part = trim(text.substr(start, end - start));
    if (!part.empty()) p.parts.emplace_back(part);
    start = end + 1;
  }
  return p;
}

std::string RegionPath::str() const {
  std::string out;
  for (const std::string& part : parts) {
    if (!out.empty()) out += '/';
    out += part;
  }
  return out;
}

bool RegionPath::within(const RegionPath& scope) const noexcept {
  if (scope.parts.size() > parts.size()) return false;
  for (std::size_t i = 0; i < scope.parts.size(); ++i)
    if (scope.parts[i] != parts[i]) return false;
  return true;
}

std::vector<RegionPath> RegionPath::prefixes_narrow_first() const {
  std::vector<RegionPath> out;
  for (std::size_t n = parts.size(); n >= 1; --n)
    out.push_back(RegionPath{std::vector<std::string>(parts.begin(), parts.begin() + n)});
  return out;
}

RegionPath resolve_alias(const std::vector<Region>& regions, const RegionPath& path) {
  if (path.empty()) return path;
  for (const Region& r : regions)
    for (const std::string& a : r.aliases)
      if (a == path.parts.front()) {
        RegionPath full = r.path;
        full.parts.insert(full.parts.end(), path.parts.begin() + 1, path.parts.end());
        return full;
      }
  return path;
}

}  // namespace chainlens
