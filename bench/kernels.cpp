// bench/kernels.cpp: Google Benchmark for the inner kernels on a synthetic workspace
// (bench/gen_workspace.py): the Leontief solve, the status pass and the scoring of one row.
//   build/bench/chainlens_kernels --workspace bench/data/wsM
#include <benchmark/benchmark.h>

#include <cstring>
#include <memory>
#include <string>

#include "engine/candidate_score.hpp"
#include "engine/chain_graph.hpp"
#include "engine/gaps.hpp"
#include "engine/importance.hpp"
#include "engine/row_scorer.hpp"
#include "engine/segment_status.hpp"
#include "models/snapshot.hpp"
#include "render/targets_writer.hpp"

namespace {

std::string g_workspace = "bench/data/wsS";

struct Loaded {
  chainlens::Workspace ws;
  std::unique_ptr<chainlens::ChainGraph> graph;
  chainlens::Scope scope;
};

Loaded& loaded() {
  static Loaded l = [] {
    Loaded x;
    chainlens::LoadOptions o;
    o.limits.max_file_bytes = std::size_t{4} << 30;
    x.ws = chainlens::load_workspace_or_snapshot(g_workspace, o);
    x.graph = std::make_unique<chainlens::ChainGraph>(x.ws, x.ws.chains.front());
    x.scope = x.graph->default_scope();
    return x;
  }();
  return l;
}

void BM_LeontiefSolve(benchmark::State& state) {
  auto& l = loaded();
  std::vector<double> y(l.graph->segment_count());
  for (chainlens::SegmentVertexId v = 0; v < y.size(); ++v) y[v] = (*l.graph)[v].y;
  for (auto _ : state) benchmark::DoNotOptimize(chainlens::total_output(*l.graph, y));
  state.counters["segments"] = static_cast<double>(y.size());
}

void BM_StatusPass(benchmark::State& state) {
  auto& l = loaded();
  for (auto _ : state) benchmark::DoNotOptimize(chainlens::segment_statuses(*l.graph, l.scope));
}

void BM_FindGaps(benchmark::State& state) {
  auto& l = loaded();
  for (auto _ : state) benchmark::DoNotOptimize(chainlens::find_gaps(*l.graph, l.scope));
}

void BM_ScoreRow(benchmark::State& state) {
  auto& l = loaded();
  const auto gaps = chainlens::find_gaps(*l.graph, l.scope);
  const auto model = chainlens::prepare_scoring(*l.graph, gaps, l.ws.scoring);
  chainlens::Candidate c;
  c.id = "cand-1";
  c.name = "合成企业1";
  c.location = chainlens::RegionPath::parse("中国/上海");
  c.segments = {(*l.graph)[0].id, (*l.graph)[l.graph->segment_count() / 2].id, "other.none"};
  c.revenue = 1200;
  for (auto _ : state) benchmark::DoNotOptimize(chainlens::score_candidate(model, c));
  state.SetItemsProcessed(state.iterations());
}

// The fast path of `score` (issue 16): the same row as BM_ScoreRow, from its field texts,
// formatted as a CSV row; no allocation per row once the buffers are warm.
void BM_ScoreFields(benchmark::State& state) {
  auto& l = loaded();
  const auto gaps = chainlens::find_gaps(*l.graph, l.scope);
  const auto model = chainlens::prepare_scoring(*l.graph, gaps, l.ws.scoring);
  const auto index = chainlens::index_scoring(model, l.ws.regions);
  const std::string segments = (*l.graph)[0].id + ";" + (*l.graph)[l.graph->segment_count() / 2].id + ";other.none";
  chainlens::BulkFields f{};
  f[0] = "cand-1";
  f[1] = "合成企业1";
  f[2] = "中国/上海";
  f[3] = segments;
  f[6] = "1200";
  chainlens::LocationMemo memo;
  chainlens::ScoreRow row;
  std::string out;
  for (auto _ : state) {
    out.clear();
    if (!chainlens::score_fields(index, f, 4096, memo, row)) state.SkipWithError("not on the fast path");
    chainlens::append_score_csv_row(out, row, 2);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations());
}

BENCHMARK(BM_LeontiefSolve)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_StatusPass)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FindGaps)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ScoreRow);
BENCHMARK(BM_ScoreFields);

}  // namespace

int main(int argc, char** argv) {
  // Our own flag first; Google Benchmark rejects flags it does not know.
  for (int i = 1; i + 1 < argc; ++i)
    if (std::strcmp(argv[i], "--workspace") == 0) {
      g_workspace = argv[i + 1];
      for (int j = i; j + 2 < argc + 1; ++j) argv[j] = argv[j + 2];
      argc -= 2;
      break;
    }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
