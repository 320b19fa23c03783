// server/http_server.cpp: cpp-httplib (Debian's libcpp-httplib) behind HttpServer; a request
// becomes a server::Request, the router answers, and nothing here reads a file.
#include "server/http_server.hpp"

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

#include "server/router.hpp"

namespace chainlens::server {

struct HttpServer::Impl {
  WorkspaceHolder& holder;
  ServeLimits limits;
  httplib::Server http;
  std::atomic<bool> entered{false}, stopping{false};
  Impl(WorkspaceHolder& h, ServeLimits l) : holder(h), limits(l) {}
};

namespace {

Request to_request(const httplib::Request& in) {
  Request r;
  r.method = in.method;
  r.path = in.path;
  for (const auto& [k, v] : in.params) r.params.emplace(k, v);
  const auto q = in.target.find('?');
  r.query_bytes = q == std::string::npos ? 0 : in.target.size() - q - 1;
  return r;
}

void send(const Response& r, httplib::Response& out) {
  out.status = r.status;
  out.set_content(r.body, r.content_type.c_str());
  out.set_header("X-Content-Type-Options", "nosniff");
  out.set_header("Referrer-Policy", "no-referrer");
  // Pages load only themselves: no CDN, no inline script, no frame from elsewhere.
  out.set_header("Content-Security-Policy",
                 "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'");
  out.set_header("Cache-Control", "no-store");
  if (!r.download_name.empty())
    out.set_header("Content-Disposition", "attachment; filename=\"" + r.download_name + "\"");
}

}  // namespace

HttpServer::HttpServer(WorkspaceHolder& holder, ServeLimits limits) : impl_(std::make_unique<Impl>(holder, limits)) {
  httplib::Server& s = impl_->http;
  s.set_payload_max_length(limits.max_body_bytes);  // a longer body: 413 before any handler runs
  s.set_read_timeout(10, 0);
  s.set_write_timeout(10, 0);
  s.set_keep_alive_max_count(100);
  s.set_tcp_nodelay(true);  // headers and body go out at once: no 40 ms Nagle/delayed-ACK stall on keep-alive
  auto handle = [this](const httplib::Request& in, httplib::Response& out) {
    try {
      send(route(to_request(in), impl_->holder.state(), impl_->limits), out);
    } catch (const std::exception& e) {  // a bug, not the request's fault: say so, keep serving
      Response r;
      r.status = 500;
      r.content_type = "text/plain; charset=utf-8";
      r.body = "internal error\n";
      send(r, out);
    }
  };
  s.Get(".*", handle);
  auto refuse = [this](const httplib::Request& in, httplib::Response& out) {
    send(route(to_request(in), impl_->holder.state(), impl_->limits), out);  // 405
  };
  s.Post(".*", refuse);
  s.Put(".*", refuse);
  s.Delete(".*", refuse);
  s.Patch(".*", refuse);
  s.Options(".*", refuse);
  s.set_error_handler([](const httplib::Request&, httplib::Response& out) {
    if (!out.body.empty()) return;
    const std::string text = out.status == 413   ? "request body too large\n"
                             : out.status == 414 ? "request URI too long\n"
                                                 : "bad request\n";
    out.set_content(text, "text/plain; charset=utf-8");
  });
}

HttpServer::~HttpServer() { stop(); }

int HttpServer::bind(const std::string& host, int port) {
  const int bound = port == 0 ? impl_->http.bind_to_any_port(host) : (impl_->http.bind_to_port(host, port) ? port : -1);
  if (bound < 0) throw std::runtime_error("cannot listen on " + host + ":" + std::to_string(port));
  return bound;
}

bool HttpServer::run() {
  impl_->entered = true;
  if (impl_->stopping) return true;
  return impl_->http.listen_after_bind();
}

void HttpServer::stop() {
  if (!impl_) return;
  impl_->stopping = true;
  // A stop that races run()'s start waits (at most 2 s) for the loop to be up, then ends it.
  for (int i = 0; i < 400 && impl_->entered && !impl_->http.is_running(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  impl_->http.stop();
}

bool is_loopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host == "[::1]" || host.rfind("127.", 0) == 0;
}

}  // namespace chainlens::server
