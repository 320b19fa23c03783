// server/workspace_holder.hpp: the workspace requests see now, swapped whole on a reload;
// with --watch, a thread polls the files' mtimes and reloads when one changes.
#pragma once
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "server/served_workspace.hpp"

namespace chainlens::server {

/// Loads and validates the workspace from disk; throws InputError (every diagnostic) when invalid.
using WorkspaceLoader = std::function<Workspace()>;

/// What a request reads: the current workspace and, after a failed reload, why it failed.
struct HolderState {
  std::shared_ptr<const ServedWorkspace> current;
  std::vector<std::string> reload_errors;  // empty unless the last reload was refused
};

class WorkspaceHolder {
 public:
  WorkspaceHolder(std::shared_ptr<const ServedWorkspace> initial, WorkspaceLoader loader);
  ~WorkspaceHolder();  // stops the watcher
  WorkspaceHolder(const WorkspaceHolder&) = delete;
  WorkspaceHolder& operator=(const WorkspaceHolder&) = delete;

  HolderState state() const;
  /// Loads now: on success the new workspace replaces the old one (requests in flight keep
  /// theirs); on InputError the old one stays and the errors are kept. True when swapped.
  bool reload();
  /// Polls the mtimes of the workspace's files (and the folders holding them, for new files)
  /// every `interval` and reloads when one changed. Idempotent.
  void start_watching(std::chrono::milliseconds interval);
  void stop_watching();

 private:
  std::map<std::string, std::filesystem::file_time_type> stamps(const Workspace& ws) const;
  void watch_loop(std::chrono::milliseconds interval);

  WorkspaceLoader loader_;
  mutable std::mutex mutex_;
  HolderState state_;
  std::map<std::string, std::filesystem::file_time_type> seen_;
  std::mutex watch_mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread watcher_;
};

}  // namespace chainlens::server
