// engine/batch_score.hpp: streaming, parallel scoring of a bulk candidate pool (CSV or
// JSON Lines) in bounded memory, with results delivered in input order.
#pragma once
#include <cstddef>
#include <functional>
#include <string>

#include "engine/candidate_score.hpp"
#include "models/bulk_reader.hpp"

namespace chainlens {

struct BatchOptions {
  std::size_t chunk = 512;       // rows per pipeline token
  std::size_t max_chunks = 16;   // tokens in flight: memory is bounded by chunk * max_chunks rows
  int threads = 0;               // 0: all cores
  std::size_t max_rows = 50'000'000;
};

struct BatchStats {
  std::size_t rows = 0, scored = 0, unmatched = 0, local = 0, nearby = 0, rejected = 0;
  std::size_t fast = 0;  // rows scored on the fast path (engine/row_scorer.hpp), of `rows`
};

/// `render` runs in the parallel stage (it must be pure); everything else is called in
/// input order, from one thread at a time.
struct BatchSinks {
  /// Appends one scored row to `out`; with it set, `write` receives a chunk's rows at once
  /// and `result` is not called, so formatting runs in parallel too, and rows take the fast
  /// path (engine/row_scorer.hpp): no CandidateScore is built for them.
  std::function<void(std::string& out, const ScoreRow&, std::size_t line)> render;
  std::function<void(const std::string& rendered_rows)> write;
  std::function<void(const CandidateScore&, std::size_t line)> result;
  std::function<void(std::size_t line, const std::string& reason)> reject;
  std::function<void(const BatchStats&)> progress;  // after each chunk; may be empty
};

/// Reads every row from `reader`, scores it with `model` (aliases resolved against
/// `regions`), and hands results and rejects to the sinks in input order. A bad row is a
/// reject with its line and reason and never stops the run. Scores do not depend on the
/// thread count or the chunking: each row is scored from the model and the row alone.
BatchStats score_stream(const ScoringModel& model, const std::vector<Region>& regions, BulkRowReader& reader,
                        const BatchSinks& sinks, const BatchOptions& options = {});

}  // namespace chainlens
