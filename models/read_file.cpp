// models/read_file.cpp: size first, then one read; falls back to chunks for pipes and
// files whose size changes underneath.
#include "models/read_file.hpp"

#include <fstream>

namespace chainlens {

bool read_whole_file(const std::filesystem::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  out.clear();
  if (!in) return false;
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > 0) {
    out.resize(size);
    in.read(out.data(), static_cast<std::streamsize>(size));
    out.resize(static_cast<std::size_t>(in.gcount()));
  }
  char chunk[1 << 16];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) out.append(chunk, static_cast<std::size_t>(in.gcount()));
  return !in.bad();
}

}  // namespace chainlens
