// engine/batch_score.cpp: a three-stage TBB pipeline: cut a block of raw records (serial),
// split, check, score and format it (parallel), emit it (serial, in order). Tokens in flight
// bound the memory; a row allocates nothing on the fast path (issue 16).
#include "engine/batch_score.hpp"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>
#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

#include <memory>
#include <optional>
#include <vector>

#include "engine/row_scorer.hpp"
#include "engine/targets.hpp"

namespace chainlens {

namespace {

enum class Outcome : unsigned char { rejected, local, nearby, unmatched, scored };

struct Scored {
  std::size_t line = 0;
  Outcome outcome = Outcome::rejected;
  bool fast = false;
  std::string reject;
};

struct Chunk {
  BulkBlock block;
  std::vector<Scored> out;
  // Only for the `result` sink, beside `out`: kept out of Scored, whose every element is
  // zeroed when `out` is sized (a CandidateScore's bytes per row, for nothing, otherwise).
  std::vector<std::optional<CandidateScore>> scores;
  std::string rendered;  // with BatchSinks::render: the chunk's scored rows, formatted
};

struct ThreadState {
  BulkScratch scratch;
  LocationMemo memo;
  std::string error;
  // Reused row to row: split and score_fields set every member, and a fresh one a row was
  // zeroed first (a `rep stos` each, a few percent of a row).
  BulkFields fields;
  ScoreRow row;
  BulkValues values;  // the full path's, its segment list reused
};

Outcome outcome_of(const ScoreRow& r, bool include_nearby) {
  if (r.local) return Outcome::local;
  if (r.nearby && !include_nearby) return Outcome::nearby;
  if (!r.matched) return Outcome::unmatched;
  return Outcome::scored;
}

}  // namespace

BatchStats score_stream(const ScoringModel& model, const std::vector<Region>& regions, BulkRowReader& reader,
                        const BatchSinks& sinks, const BatchOptions& options) {
  BatchStats stats;
  bool done = false;
  std::size_t read = 0;
  std::size_t block_bytes = 0;  // the last block's size: the next one is sized alike up front
  const std::size_t chunk_rows = std::max<std::size_t>(1, options.chunk);
  const RowScoringIndex index = index_scoring(model, regions);
  const bool fast = static_cast<bool>(sinks.render);
  tbb::enumerable_thread_specific<ThreadState> states;

  // One row: the fast path where it applies, else the full one (which also names a reject).
  auto score_one = [&](Chunk& chunk, const BulkBlock::Record& rec, Scored& s, std::size_t i) {
    s.line = rec.line;
    if (!rec.error.empty()) {
      s.reject = rec.error;
      return;
    }
    ThreadState& t = states.local();
    const std::string_view text = chunk.block.text(rec);
    BulkFields& fields = t.fields;
    if (!reader.split(text, rec.line, t.scratch, fields, t.error)) {
      s.reject = t.error;
      return;
    }
    ScoreRow& row = t.row;
    // A record split in place is checked once, not field by field; a record read without
    // error is strict UTF-8 already (the decoder checked each line), so only control bytes are.
    if (fast && score_fields(index, fields, reader.max_string(), t.memo, row,
                             t.scratch.fields_in_record && clean_text(text, /*utf8_known=*/true))) {
      s.outcome = outcome_of(row, model.include_nearby);
      s.fast = true;
      sinks.render(chunk.rendered, row, rec.line);
      return;
    }
    if (!bulk_values(fields, reader.max_string(), t.values, s.reject)) return;
    CandidateScore full = score_candidate(model, to_candidate(t.values, regions));
    const ScoreRow view = score_row(full);
    s.outcome = outcome_of(view, model.include_nearby);
    if (fast) sinks.render(chunk.rendered, view, rec.line);
    else chunk.scores[i] = std::move(full);
  };

  auto run = [&] {
    tbb::parallel_pipeline(
        std::max<std::size_t>(1, options.max_chunks),
        tbb::make_filter<void, std::shared_ptr<Chunk>>(
            tbb::filter_mode::serial_in_order,
            [&](tbb::flow_control& fc) -> std::shared_ptr<Chunk> {
              auto chunk = std::make_shared<Chunk>();
              const std::size_t want = std::min(chunk_rows, options.max_rows - std::min(read, options.max_rows));
              // Sized once, not grown by doubling as records come (a copy of every byte).
              chunk->block.bytes.reserve(block_bytes + block_bytes / 8);
              chunk->block.records.reserve(want);
              if (done || want == 0 || !reader.next_block(chunk->block, want)) {
                done = true;
                fc.stop();
                return nullptr;
              }
              read += chunk->block.records.size();
              block_bytes = chunk->block.bytes.size();
              return chunk;
            }) &
            tbb::make_filter<std::shared_ptr<Chunk>, std::shared_ptr<Chunk>>(
                tbb::filter_mode::parallel,
                [&](std::shared_ptr<Chunk> chunk) {
                  const auto& records = chunk->block.records;
                  chunk->out.resize(records.size());
                  // A formatted row is about as long as its record plus the figures.
                  if (fast) chunk->rendered.reserve(chunk->block.bytes.size() + records.size() * 64);
                  if (!fast) chunk->scores.resize(records.size());
                  for (std::size_t i = 0; i < records.size(); ++i) score_one(*chunk, records[i], chunk->out[i], i);
                  chunk->block = {};  // the views into it are written already
                  return chunk;
                }) &
            tbb::make_filter<std::shared_ptr<Chunk>, void>(
                tbb::filter_mode::serial_in_order, [&](std::shared_ptr<Chunk> chunk) {
                  for (std::size_t i = 0; i < chunk->out.size(); ++i) {
                    const Scored& s = chunk->out[i];
                    ++stats.rows;
                    stats.fast += s.fast ? 1 : 0;
                    switch (s.outcome) {
                      case Outcome::rejected:
                        ++stats.rejected;
                        if (sinks.reject) sinks.reject(s.line, s.reject);
                        continue;
                      case Outcome::local: ++stats.local; break;
                      case Outcome::nearby: ++stats.nearby; break;
                      case Outcome::unmatched: ++stats.unmatched; break;
                      case Outcome::scored: ++stats.scored; break;
                    }
                    if (sinks.result && !fast) sinks.result(*chunk->scores[i], s.line);
                  }
                  if (fast && sinks.write) sinks.write(chunk->rendered);
                  if (sinks.progress) sinks.progress(stats);
                }));
  };
  if (options.threads > 0) {
    // global_control lifts TBB's default worker cap (the core count), so -j is honoured
    // exactly, oversubscribed if asked, and TBB prints no warning.
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                              static_cast<std::size_t>(options.threads));
    tbb::task_arena arena(options.threads);
    arena.execute(run);
  } else {
    run();
  }
  return stats;
}

}  // namespace chainlens
