// tests/support/test_graph.hpp: a workspace loaded from inline YAML by the real loader,
// kept alive beside the chain graph that points into it.
#pragma once
#include <string>

#include <stdexcept>

#include "engine/chain_graph.hpp"
#include "engine/gaps.hpp"
#include "models/yaml_loader.hpp"

namespace chainlens::test {

class TestGraph {
 public:
  TestGraph(const std::string& yaml, const std::string& chain)
      : workspace_(load_workspace_text(yaml, "test.yaml")),
        graph_(build_chain_graph(workspace_, chain)) {}
  TestGraph(const TestGraph&) = delete;
  TestGraph& operator=(const TestGraph&) = delete;

  const Workspace& workspace() const { return workspace_; }
  const ChainGraph& graph() const { return graph_; }

 private:
  Workspace workspace_;
  ChainGraph graph_;
};

/// The row of a segment in a gap report; throws when the report has none.
inline const SegmentGap& gap_row(const GapReport& r, const std::string& id) {
  for (const SegmentGap& g : r.segments)
    if (g.segment == id) return g;
  throw std::logic_error("no segment " + id);
}

}  // namespace chainlens::test
