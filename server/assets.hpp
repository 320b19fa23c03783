// server/assets.hpp: the built-in stylesheet and script, the only "files" the server serves;
// they are compiled in, so no request path ever reaches the file system.
#pragma once
#include <string_view>

namespace chainlens::server {

struct Asset {
  std::string_view path, content_type, body;
};

/// "/assets/app.css" or "/assets/app.js"; nullptr for anything else.
const Asset* find_asset(std::string_view path);

}  // namespace chainlens::server
