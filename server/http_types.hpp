// server/http_types.hpp: a request and an answer as the pages and the API see them, free of
// the HTTP library (only http_server.cpp knows cpp-httplib), and the limits every request obeys.
#pragma once
#include <cstddef>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "render/lang.hpp"

namespace chainlens::server {

struct Request {
  std::string method = "GET";
  std::string path;                                 // percent-decoded, without the query
  std::multimap<std::string, std::string> params;   // the query's parameters, decoded
  std::size_t query_bytes = 0;                      // length of the raw query string

  /// The first value of `name`, or "" when absent.
  std::string param(const std::string& name) const;
  std::vector<std::string> params_named(const std::string& name) const;
  bool has(const std::string& name) const { return params.count(name) > 0; }
  /// ?lang=en gives English; anything else Chinese (the default).
  Lang lang() const { return param("lang") == "en" ? Lang::en : Lang::zh; }
};

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  std::string download_name;  // set: sent as an attachment with this file name
};

/// Refused with a clear 4xx answer when exceeded.
struct ServeLimits {
  std::size_t max_query_bytes = 4096;  // 414 beyond (the HTTP layer refuses URIs over 8 KiB)
  std::size_t max_params = 64;         // 400 beyond
  std::size_t max_body_bytes = 16384;  // 413 beyond; no endpoint reads a body
  std::size_t max_changes = 20;        // 413: what-if adds and removes together
  std::size_t max_search_bytes = 200;  // 400: a search text longer than this
};

}  // namespace chainlens::server

namespace chainlens::server {

/// A request the server refuses: its status (4xx), what was wrong and how to fix it.
class RequestError : public std::runtime_error {
 public:
  RequestError(int status, const std::string& message, std::string hint = {})
      : std::runtime_error(message), status_(status), hint_(std::move(hint)) {}
  int status() const noexcept { return status_; }
  const std::string& hint() const noexcept { return hint_; }

 private:
  int status_;
  std::string hint_;
};

}  // namespace chainlens::server
