// The candidate pool of chains/xihaian (issue 10): every leaf segment a 招商 officer would ask
// about — not covered in the district, or named by a declared gap — has at least three
// non-local firms that operate in it, or chains/README.md names it with the reason why not.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <regex>
#include <set>

#include "engine/chain_graph.hpp"
#include "engine/gaps.hpp"
#include "engine/targets.hpp"
#include "models/yaml_loader.hpp"
#include "tests/support/run_cli.hpp"

using namespace chainlens;

namespace {

// Segment ids written as `id` on the lines of the README section "## Segments without candidates".
std::set<std::string> exempt_segments() {
  const std::string readme = test::read_source_file("chains/README.md");
  const auto start = readme.find("## Segments without candidates");
  REQUIRE(start != std::string::npos);
  const auto end = readme.find("\n## ", start + 4);
  const std::string section = readme.substr(start, end == std::string::npos ? std::string::npos : end - start);
  std::set<std::string> out;
  const std::regex line(R"(^- `([a-z0-9.-]+)`: \S)", std::regex::multiline);
  for (auto it = std::sregex_iterator(section.begin(), section.end(), line); it != std::sregex_iterator(); ++it)
    out.insert((*it)[1]);
  return out;
}

}  // namespace

TEST_CASE("chains: every open or declared gap of 西海岸新区 has three candidates or a stated reason", "[chains][pool]") {
  const Workspace ws = load_workspace(std::filesystem::path(CHAINLENS_SOURCE_DIR) / "chains" / "xihaian");
  const std::set<std::string> exempt = exempt_segments();
  std::set<std::string> checked, short_of_candidates, exempt_used;
  for (const Chain& chain : ws.chains) {
    const ChainGraph graph(ws, chain);
    const Scope scope = graph.default_scope();
    const GapReport gaps = find_gaps(graph, scope);
    std::set<std::string> ask;
    for (const SegmentGap& g : gaps.segments)
      if (g.status != SegmentStatus::covered) ask.insert(g.segment);
    for (const DeclaredGap& d : chain.gaps)
      if (graph.find_segment(d.segment)) ask.insert(d.segment);
    std::map<std::string, int> candidates;
    for (const Candidate& c : workspace_candidates(graph, scope))
      for (const std::string& s : c.segments) ++candidates[s];
    for (const std::string& s : ask) {
      checked.insert(s);
      if (exempt.contains(s)) {
        exempt_used.insert(s);
        continue;
      }
      if (candidates[s] < 3) short_of_candidates.insert(s + " (" + std::to_string(candidates[s]) + ")");
    }
  }
  INFO("segments checked: " << checked.size());
  CHECK(checked.size() > 100);
  CHECK(short_of_candidates == std::set<std::string>{});
  // An exemption for a segment that is no longer a gap, or no longer exists, is stale.
  std::set<std::string> stale;
  std::set_difference(exempt.begin(), exempt.end(), exempt_used.begin(), exempt_used.end(), std::inserter(stale, stale.end()));
  CHECK(stale == std::set<std::string>{});
}
