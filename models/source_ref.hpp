// models/source_ref.hpp: where a fact comes from: a quote from a listed document,
// or a note (public knowledge, inference, illustrative).
#pragma once
#include <optional>
#include <string>

#include "models/diagnostic.hpp"

namespace chainlens {

/// A document that facts cite (workspace `sources:`).
struct Source {
  std::string id, title;
  std::string file;          // optional: file name under --sources DIR
  std::optional<int> year;
  SourcePos pos;
};

/// `{id, quote}` or `{note}` (a note may accompany a quote too).
struct SourceRef {
  std::string id, quote, note;
  SourcePos pos;  // of the `source:` mapping, for --sources checks
  bool empty() const noexcept { return id.empty() && note.empty(); }
};

}  // namespace chainlens
