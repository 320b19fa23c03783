// Streaming batch scoring: the same scores as score_candidate, in input order, whatever
// the thread count and chunk size; bad rows become rejects and never stop the run.
#include <catch2/catch.hpp>

#include <sstream>

#include "engine/batch_score.hpp"
#include "engine/targets.hpp"
#include "tests/support/test_graph.hpp"

using namespace chainlens;
using chainlens::test::TestGraph;

namespace {

const char* kChain = R"(
regions: [{path: 中国/山东/青岛, aliases: [青岛]}]
chains:
  - id: t
    segments: [{id: a}, {id: b, inputs: [a]}, {id: c, inputs: [b]}]
enterprises:
  - {id: f1, location: 青岛, segments: [b]}
)";

// Synthetic pool (test data): every third row is in a, c or nowhere; some rows are bad.
std::string pool_csv(int n) {
  std::ostringstream s;
  s << "id,name,location,segments,role,status,revenue\n";
  for (int i = 0; i < n; ++i) {
    if (i % 97 == 5) {
      s << "bad" << i << ",x,中国/上海,a,,,-1\n";  // negative revenue: a reject
      continue;
    }
    const char* seg = i % 3 == 0 ? "a" : i % 3 == 1 ? "c;b" : "zz";
    const char* loc = i % 11 == 0 ? "青岛/黄岛" : "中国/上海";
    s << "c" << i << ",企业" << i << "," << loc << "," << seg << ",,," << (i % 7 == 0 ? "" : std::to_string(i)) << "\n";
  }
  return s.str();
}

struct Collected {
  std::vector<std::pair<std::size_t, CandidateScore>> results;
  std::vector<std::pair<std::size_t, std::string>> rejects;
  BatchStats stats;
};

Collected run(const ScoringModel& m, const Workspace& ws, const std::string& text, int threads, std::size_t chunk) {
  std::istringstream in(text);
  BulkRowReader reader(in, BulkFormat::csv, "pool.csv");
  Collected c;
  BatchSinks sinks;
  sinks.result = [&](const CandidateScore& s, std::size_t line) { c.results.emplace_back(line, s); };
  sinks.reject = [&](std::size_t line, const std::string& why) { c.rejects.emplace_back(line, why); };
  BatchOptions o;
  o.threads = threads;
  o.chunk = chunk;
  o.max_chunks = 4;
  c.stats = score_stream(m, ws.regions, reader, sinks, o);
  return c;
}

}  // namespace

TEST_CASE("score_stream: equals score_candidate row by row, in order, for any threads and chunks",
          "[engine][batch_score]") {
  const TestGraph t(kChain, "t");
  const ScoringModel m = prepare_scoring(t.graph(), find_gaps(t.graph(), Scope::parse("中国/山东/青岛")), ScoreWeights{});
  const std::string text = pool_csv(2000);
  const Collected one = run(m, t.workspace(), text, 1, 1000);
  REQUIRE(one.stats.rows == 2000);
  CHECK(one.stats.rejected == one.rejects.size());
  CHECK(one.stats.rejected == 21);  // i % 97 == 5 for i < 2000
  CHECK(one.rejects[0] == std::make_pair(std::size_t{7}, std::string("revenue must not be negative")));
  // Lines strictly increase: output is in input order.
  for (std::size_t i = 1; i < one.results.size(); ++i) CHECK(one.results[i - 1].first < one.results[i].first);
  // Row 0 (line 2) is in a, at 青岛/黄岛: local, so no candidate.
  CHECK(one.results[0].second.local);
  // Each result equals scoring that row alone.
  for (const auto& [line, s] : one.results) {
    if (s.local || !s.matched) continue;
    const int i = std::stoi(s.id.substr(1));
    Candidate c;
    c.id = s.id;
    c.location = Scope::parse("中国/上海");
    c.segments = i % 3 == 0 ? std::vector<std::string>{"a"} : std::vector<std::string>{"c", "b"};
    if (i % 7 != 0) c.revenue = i;
    CHECK(score_candidate(m, c).score == s.score);
  }
  for (const auto& [threads, chunk] : {std::pair{2, 7}, std::pair{4, 1}, std::pair{3, 333}}) {
    const Collected other = run(m, t.workspace(), text, threads, chunk);
    REQUIRE(other.results.size() == one.results.size());
    for (std::size_t i = 0; i < one.results.size(); ++i) {
      CHECK(other.results[i].first == one.results[i].first);
      CHECK(other.results[i].second.score == one.results[i].second.score);
    }
    CHECK(other.rejects == one.rejects);
  }
}
