// server/http_types.cpp: parameter look-ups of a request.
#include "server/http_types.hpp"

namespace chainlens::server {

std::string Request::param(const std::string& name) const {
  const auto it = params.find(name);
  return it == params.end() ? std::string() : it->second;
}

std::vector<std::string> Request::params_named(const std::string& name) const {
  std::vector<std::string> out;
  const auto [lo, hi] = params.equal_range(name);
  for (auto it = lo; it != hi; ++it) out.push_back(it->second);
  return out;
}

}  // namespace chainlens::server
