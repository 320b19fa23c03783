// tests/support/http_client.hpp: a tiny blocking HTTP/1.1 client over a raw loopback socket,
// so tests can send exactly the bytes they mean (hostile paths, huge query strings).
#pragma once
#include <map>
#include <string>

namespace chainlens::test {

struct HttpAnswer {
  int status = 0;                              // 0: no answer (connection failed or closed)
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
  /// The header's value, "" when absent (`name` lower-case).
  std::string header(const std::string& name) const {
    const auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
};

/// Sends `raw` (a whole request) to 127.0.0.1:port and reads until the server closes.
HttpAnswer http_raw(int port, const std::string& raw);
/// GET `target` (path and query, sent as is) with Connection: close.
HttpAnswer http_get(int port, const std::string& target);

}  // namespace chainlens::test
