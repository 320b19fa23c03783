// engine/row_scorer.hpp: the fast path of batch scoring (issue 16): a bulk row scored
// straight from its field texts, with the figures of the full path and no string per row.
#pragma once
#include <string>
#include <string_view>
#include <deque>
#include <vector>

#include "engine/candidate_score.hpp"
#include "engine/view_map.hpp"
#include "models/bulk_reader.hpp"

namespace chainlens {

/// The model's sets keyed by views (into the model, which must outlive it), and the regions
/// that resolve a location: built once per run.
struct RowScoringIndex {
  const ScoringModel* model = nullptr;
  const std::vector<Region>* regions = nullptr;
  struct Segment {
    std::string_view id;
    const ScoringModel::SegmentFacts* facts = nullptr;
  };
  ViewMap<Segment> segments;
  /// What the model knows of one id, so that a row hashes its id once.
  struct Id {
    bool linked = false, listed = false, local_top = false;
    std::string_view group;  // its group in the workspace; empty: none
  };
  ViewMap<Id> ids;
  std::size_t group_links = 0;  // model.group_of.size(): the bound of a group walk
};

RowScoringIndex index_scoring(const ScoringModel& model, const std::vector<Region>& regions);

/// A thread's memo of locations already resolved: text -> (inside the scope, inside `nearby`).
struct LocationMemo {
  struct Flags {
    bool local = false, nearby = false;
  };
  ViewMap<Flags> seen;           // keys: views of `texts`
  std::deque<std::string> texts;  // a deque never moves what it holds
  std::size_t max_entries = 1 << 16;  // a pool of a million distinct addresses stays bounded
};

/// True when `text` has no control byte and is strict UTF-8: then so is every field split
/// from it at ASCII separators. `utf8_known`: the text is strict UTF-8 already (a bulk record
/// read without error, see BulkBlock::Record), so only control bytes are looked for.
bool clean_text(std::string_view text, bool utf8_known = false) noexcept;

/// Scores one row into `out` (views into `fields` and the model). False when the row is one
/// the fast checks do not accept: the caller then takes the full path (enterprise_from_fields,
/// to_candidate, score_candidate), which scores it or names what is wrong with it. Where it
/// returns true, `out` equals score_row(score_candidate(...)) of the full path. `text_checked`:
/// the fields were split from one text that passed clean_text, so they are not checked again.
bool score_fields(const RowScoringIndex& index, const BulkFields& fields, std::size_t max_string, LocationMemo& memo,
                  ScoreRow& out, bool text_checked = false);

}  // namespace chainlens
