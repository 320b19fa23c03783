// server/workspace_holder.cpp: the swap of the shared workspace and the mtime-polling watcher.
#include "server/workspace_holder.hpp"

#include <iostream>

#include "models/diagnostic.hpp"

namespace chainlens::server {

WorkspaceHolder::WorkspaceHolder(std::shared_ptr<const ServedWorkspace> initial, WorkspaceLoader loader)
    : loader_(std::move(loader)) {
  state_.current = std::move(initial);
  seen_ = stamps(state_.current->workspace());
}

WorkspaceHolder::~WorkspaceHolder() { stop_watching(); }

HolderState WorkspaceHolder::state() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return state_;
}

std::map<std::string, std::filesystem::file_time_type> WorkspaceHolder::stamps(const Workspace& ws) const {
  namespace fs = std::filesystem;
  std::map<std::string, fs::file_time_type> out;
  std::error_code ec;
  for (const std::string& f : ws.files) {
    const fs::path p(f);
    const auto t = fs::last_write_time(p, ec);
    out[f] = ec ? fs::file_time_type::min() : t;
    // A file added to a folder changes the folder's mtime.
    const fs::path dir = p.parent_path().empty() ? fs::path(".") : p.parent_path();
    const auto td = fs::last_write_time(dir, ec);
    out[dir.string() + "/"] = ec ? fs::file_time_type::min() : td;
  }
  return out;
}

bool WorkspaceHolder::reload() {
  try {
    auto next = std::make_shared<const ServedWorkspace>(loader_());
    auto fresh = stamps(next->workspace());
    std::lock_guard<std::mutex> lock(mutex_);
    state_.current = std::move(next);
    state_.reload_errors.clear();
    seen_ = std::move(fresh);
    return true;
  } catch (const InputError& e) {
    std::vector<std::string> errors;
    for (const Diagnostic& d : e.diagnostics()) errors.push_back(format_diagnostic(d));
    std::lock_guard<std::mutex> lock(mutex_);
    state_.reload_errors = std::move(errors);
  } catch (const std::exception& e) {
    std::lock_guard<std::mutex> lock(mutex_);
    state_.reload_errors = {e.what()};
  }
  return false;
}

void WorkspaceHolder::start_watching(std::chrono::milliseconds interval) {
  std::lock_guard<std::mutex> lock(watch_mutex_);
  if (watcher_.joinable()) return;
  stopping_ = false;
  watcher_ = std::thread([this, interval] { watch_loop(interval); });
}

void WorkspaceHolder::stop_watching() {
  {
    std::lock_guard<std::mutex> lock(watch_mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (watcher_.joinable()) watcher_.join();
}

void WorkspaceHolder::watch_loop(std::chrono::milliseconds interval) {
  std::unique_lock<std::mutex> lock(watch_mutex_);
  while (!wake_.wait_for(lock, interval, [this] { return stopping_; })) {
    std::map<std::string, std::filesystem::file_time_type> now;
    {
      std::lock_guard<std::mutex> state_lock(mutex_);
      now = stamps(state_.current->workspace());
      if (now == seen_) continue;
      seen_ = now;  // a refused reload is not retried until a file changes again
    }
    lock.unlock();
    const bool ok = reload();
    std::cerr << (ok ? "chainlens serve: workspace reloaded\n"
                     : "chainlens serve: reload refused, the workspace has errors (the previous one is served)\n");
    lock.lock();
  }
}

}  // namespace chainlens::server
