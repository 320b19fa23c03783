// tests/server/serve_fixture.hpp: a `chainlens serve` server in the test process, on a free
// loopback port (port 0, the bound port read back), stopped and joined when it goes away.
#pragma once
#include <memory>
#include <string>
#include <thread>

#include "models/yaml_loader.hpp"
#include "server/http_server.hpp"
#include "server/served_workspace.hpp"
#include "server/workspace_holder.hpp"

namespace chainlens::test {

class TestServer {
 public:
  explicit TestServer(const std::string& workspace, server::ServeLimits limits = {}) {
    const std::string path = std::string(CHAINLENS_SOURCE_DIR) + "/" + workspace;
    auto loader = [path] { return load_workspace(path); };
    holder_ = std::make_unique<server::WorkspaceHolder>(std::make_shared<const server::ServedWorkspace>(loader()), loader);
    http_ = std::make_unique<server::HttpServer>(*holder_, limits);
    port_ = http_->bind("127.0.0.1", 0);
    thread_ = std::thread([this] { http_->run(); });
  }
  ~TestServer() {
    http_->stop();
    thread_.join();
  }
  int port() const { return port_; }
  server::WorkspaceHolder& holder() { return *holder_; }

 private:
  std::unique_ptr<server::WorkspaceHolder> holder_;
  std::unique_ptr<server::HttpServer> http_;
  int port_ = 0;
  std::thread thread_;
};

}  // namespace chainlens::test
