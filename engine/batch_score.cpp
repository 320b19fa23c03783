// engine/batch_score.cpp: a three-stage TBB pipeline: read a chunk (serial), parse and
// score it (parallel), emit it (serial, in order). Tokens in flight bound the memory.
#include "engine/batch_score.hpp"

#include <tbb/global_control.h>
#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

#include <memory>
#include <optional>
#include <vector>

#include "engine/targets.hpp"

namespace chainlens {

namespace {

struct Scored {
  std::size_t line = 0;
  std::optional<CandidateScore> score;
  std::string reject;
};

struct Chunk {
  std::vector<BulkRow> rows;
  std::vector<Scored> out;
  std::string rendered;  // with BatchSinks::render: the chunk's scored rows, formatted
};

}  // namespace

BatchStats score_stream(const ScoringModel& model, const std::vector<Region>& regions, BulkRowReader& reader,
                        const BatchSinks& sinks, const BatchOptions& options) {
  BatchStats stats;
  bool done = false;
  std::size_t read = 0;
  const std::size_t chunk_rows = std::max<std::size_t>(1, options.chunk);
  const BulkFormat format = reader.format();

  auto run = [&] {
    tbb::parallel_pipeline(
        std::max<std::size_t>(1, options.max_chunks),
        tbb::make_filter<void, std::shared_ptr<Chunk>>(
            tbb::filter_mode::serial_in_order,
            [&](tbb::flow_control& fc) -> std::shared_ptr<Chunk> {
              if (done) {
                fc.stop();
                return nullptr;
              }
              auto chunk = std::make_shared<Chunk>();
              chunk->rows.reserve(chunk_rows);
              BulkRow row;
              while (chunk->rows.size() < chunk_rows) {
                if (read >= options.max_rows || !reader.next(row)) {
                  done = true;
                  break;
                }
                ++read;
                chunk->rows.push_back(std::move(row));
                row = BulkRow{};
              }
              if (chunk->rows.empty()) {
                fc.stop();
                return nullptr;
              }
              return chunk;
            }) &
            tbb::make_filter<std::shared_ptr<Chunk>, std::shared_ptr<Chunk>>(
                tbb::filter_mode::parallel,
                [&](std::shared_ptr<Chunk> chunk) {
                  chunk->out.resize(chunk->rows.size());
                  for (std::size_t i = 0; i < chunk->rows.size(); ++i) {
                    const BulkRow& row = chunk->rows[i];
                    Scored& s = chunk->out[i];
                    s.line = row.line;
                    if (!row.error.empty()) {
                      s.reject = row.error;
                      continue;
                    }
                    Enterprise e;
                    if (!parse_bulk_row(row, format, e, s.reject)) continue;
                    s.score = score_candidate(model, to_candidate(e, regions));
                    if (sinks.render) chunk->rendered += sinks.render(*s.score, s.line);
                  }
                  chunk->rows.clear();
                  chunk->rows.shrink_to_fit();
                  return chunk;
                }) &
            tbb::make_filter<std::shared_ptr<Chunk>, void>(
                tbb::filter_mode::serial_in_order, [&](std::shared_ptr<Chunk> chunk) {
                  for (const Scored& s : chunk->out) {
                    ++stats.rows;
                    if (!s.score) {
                      ++stats.rejected;
                      if (sinks.reject) sinks.reject(s.line, s.reject);
                      continue;
                    }
                    if (s.score->local) ++stats.local;
                    else if (s.score->nearby && !model.include_nearby) ++stats.nearby;
                    else if (!s.score->matched) ++stats.unmatched;
                    else ++stats.scored;
                    if (sinks.result && !sinks.render) sinks.result(*s.score, s.line);
                  }
                  if (sinks.render && sinks.write) sinks.write(chunk->rendered);
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
