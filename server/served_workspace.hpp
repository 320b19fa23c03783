// server/served_workspace.hpp: one loaded workspace as `chainlens serve` shows it: the
// workspace, its one model, every chain's graph, report and diagrams, built once, then const.
#pragma once
#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/chain_graph.hpp"
#include "engine/chain_report.hpp"
#include "models/workspace.hpp"
#include "render/lang.hpp"

namespace chainlens::server {

/// A chain at its default scope, analysed once.
struct ServedChain {
  const Chain* chain = nullptr;
  std::unique_ptr<const ChainGraph> graph;
  Scope scope;
  ChainReport report;
  std::string chain_svg[2], targets_svg[2];  // by Lang (zh, en); chain map segments link to their pages
  std::vector<RankedPair> ranked;            // ranked_pairs(report.targets), pointing into `report`
};

/// Immutable once built and shared by every request (std::shared_ptr<const ServedWorkspace>);
/// a what-if works on a copy of `workspace`, never on this one.
class ServedWorkspace {
 public:
  /// Analyses every chain and renders its diagrams (GraphViz is not thread-safe: only here).
  explicit ServedWorkspace(Workspace ws);
  ServedWorkspace(const ServedWorkspace&) = delete;
  ServedWorkspace& operator=(const ServedWorkspace&) = delete;

  const Workspace& workspace() const noexcept { return ws_; }
  const std::shared_ptr<const WorkspaceModel>& model() const noexcept { return model_; }
  const std::vector<ServedChain>& chains() const noexcept { return chains_; }
  /// nullptr when no chain has this id.
  const ServedChain* find_chain(std::string_view id) const;
  /// nullptr when no enterprise has this id.
  const Enterprise* find_enterprise(std::string_view id) const;
  /// When it was loaded (shown on the overview page).
  std::chrono::system_clock::time_point loaded_at() const noexcept { return loaded_at_; }

 private:
  Workspace ws_;
  std::shared_ptr<const WorkspaceModel> model_;
  std::vector<ServedChain> chains_;
  std::chrono::system_clock::time_point loaded_at_;
};

/// "/chains/auto/segments/auto.cell": a path segment percent-encoded (every byte but
/// A-Z a-z 0-9 - . _ ~), so any id is one safe path component.
std::string url_component(std::string_view text);

}  // namespace chainlens::server
