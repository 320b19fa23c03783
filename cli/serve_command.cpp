// cli/serve_command.cpp: `chainlens serve WORKSPACE [--host 127.0.0.1] [--port 8080] [--watch]`:
// the local web 图谱 with live what-if (server/); stops cleanly on SIGINT and SIGTERM.
#include <csignal>
#include <iostream>
#include <memory>
#include <pthread.h>
#include <thread>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "server/http_server.hpp"
#include "server/served_workspace.hpp"
#include "server/workspace_holder.hpp"

namespace chainlens::cli {

struct ServeOptions {
  InputOptions input;
  std::string host = "127.0.0.1";
  int port = 8080;
  bool watch = false;
  int watch_ms = 1000;
};

static int run_serve(const ServeOptions& o) {
  // SIGINT and SIGTERM are blocked in every thread and taken by one waiting thread, which
  // stops the server: run() returns, state is freed. Blocked first: threads inherit the mask,
  // and loading the workspace already starts TBB's workers (the chain graphs sort in parallel).
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  const InputOptions input = o.input;
  auto loader = [input] { return load_input(input); };
  auto first = std::make_shared<const server::ServedWorkspace>(loader());
  server::WorkspaceHolder holder(first, loader);
  if (!server::is_loopback(o.host))
    std::cerr << "warning: listening on " << o.host
              << ", not only on this machine: anyone who reaches it can read the whole workspace\n";
  server::HttpServer http(holder);
  const int port = http.bind(o.host, o.port);
  const std::string shown = o.host.find(':') != std::string::npos ? "[" + o.host + "]" : o.host;
  std::cerr << "chainlens serve: " << first->workspace().name << " on http://" << shown << ":" << port << "/"
            << (o.watch ? " (watching for changes)" : "") << "\n";
  std::cerr.flush();
  if (o.watch) holder.start_watching(std::chrono::milliseconds(o.watch_ms));
  std::thread waiter([&] {
    int sig = 0;
    sigwait(&signals, &sig);
    if (sig != 0) std::cerr << "chainlens serve: stopping (" << (sig == SIGINT ? "SIGINT" : "SIGTERM") << ")\n";
    http.stop();
  });
  const bool ok = http.run();
  holder.stop_watching();
  // run() also returns when listening failed: wake the waiter with a signal of our own.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  std::cerr << "chainlens serve: stopped\n";
  return ok ? 0 : 1;
}

void add_serve_command(CLI::App& app, Registry& r) {
  auto o = std::make_shared<ServeOptions>();
  CLI::App* cmd = app.add_subcommand(
      "serve", "Serve the workspace as a local web 图谱: chain maps, segment and firm pages, search, live what-if, JSON API");
  add_input_options(*cmd, o->input);
  cmd->add_option("--host", o->host, "Address to listen on (loopback by default; anything else is reachable by others)")
      ->capture_default_str();
  cmd->add_option("--port", o->port, "Port (0: any free port, printed at start)")->check(CLI::Range(0, 65535))->capture_default_str();
  cmd->add_flag("--watch", o->watch, "Reload when the workspace's files change (an invalid change keeps the old one)");
  cmd->add_option("--watch-interval-ms", o->watch_ms, "How often --watch looks at the files")
      ->check(CLI::Range(50, 60000))
      ->capture_default_str();
  cmd->callback([o, &r] { r.selected = [o] { return guarded([&] { return run_serve(*o); }); }; });
}

}  // namespace chainlens::cli
