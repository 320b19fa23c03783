// tests/support/count.hpp: how many times a text occurs in another (diagram nodes, table rows).
#pragma once
#include <string>

namespace chainlens::test {

inline std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

}  // namespace chainlens::test
