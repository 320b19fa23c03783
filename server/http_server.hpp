// server/http_server.hpp: the HTTP side of `chainlens serve`: binds, answers with the router,
// enforces the size limits and stops cleanly. The only user of cpp-httplib (in its .cpp).
#pragma once
#include <memory>
#include <string>

#include "server/http_types.hpp"
#include "server/workspace_holder.hpp"

namespace chainlens::server {

class HttpServer {
 public:
  HttpServer(WorkspaceHolder& holder, ServeLimits limits = {});
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  /// Binds `host:port` (port 0: any free port); returns the bound port. Throws
  /// std::runtime_error when the address cannot be bound.
  int bind(const std::string& host, int port);
  /// Answers requests until stop(); returns false when the listening failed.
  bool run();
  /// Stops run() from any thread (a signal watcher); requests in flight finish first.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// True for 127.0.0.0/8, ::1 and localhost: the addresses only this machine reaches.
bool is_loopback(const std::string& host);

}  // namespace chainlens::server
