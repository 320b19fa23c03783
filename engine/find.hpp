// engine/find.hpp: looks chains, segments and enterprises up by id, name or alias: what
// `chainlens find`, the search box of `chainlens serve` and the name-taking options answer.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "models/workspace.hpp"

namespace chainlens {

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

/// What a name written on the command line (--chain 汽车, --add 宁德时代) stands for: the one
/// thing of `kind` it names, or every candidate when it names several or none.
struct Resolution {
  const FindHit* operator->() const { return &hits.front(); }
  bool unique() const { return hits.size() == 1; }
  std::vector<FindHit> hits;  // one: resolved; several: ambiguous; none: unknown
  std::vector<FindHit> near;  // with no hit: prefix and substring matches
};

/// Only an exact id, name, English name or alias names a thing (ASCII case folded): a
/// command never guesses. Several exact matches are ambiguous and all come back (at most 20).
/// With none, `hits` is empty and `near` holds up to 5 things whose texts start with or hold
/// `text` (for a did-you-mean).
Resolution resolve_name(const Workspace& ws, std::string_view text, FindHit::Kind kind);

}  // namespace chainlens
