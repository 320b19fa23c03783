// server/find.hpp: looks chains, segments and enterprises up by id, name or alias (the `find`
// logic of issue 15): what the search box of `chainlens serve` and /api/find answer.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "models/workspace.hpp"

namespace chainlens::server {

struct FindHit {
  enum class Kind { chain, segment, enterprise };
  Kind kind = Kind::chain;
  std::string id, name;
  std::string chain;    // the chain that defines a segment; "" otherwise
  std::string matched;  // the text that matched: the id, the name, name_en or an alias
  int rank = 0;         // 0 exact, 1 prefix, 2 substring (ASCII letters compared case-insensitively)
};

/// Every chain, segment and enterprise whose id, name, English name or alias contains `text`,
/// best first (rank, then kind, then id); at most `limit`. Empty text finds nothing.
std::vector<FindHit> find(const Workspace& ws, std::string_view text, std::size_t limit = 50);

/// chain / segment / enterprise.
const char* kind_name(FindHit::Kind k);

}  // namespace chainlens::server
