// cli/huge_pages.cpp: the restart of cli/huge_pages.hpp (Linux only; elsewhere nothing).
#include "cli/huge_pages.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <system_error>

#ifdef __linux__
#include <unistd.h>
#endif

namespace chainlens::cli {

namespace fs = std::filesystem;

std::uintmax_t argument_bytes(const std::vector<std::string>& args, std::uintmax_t enough) {
  std::uintmax_t total = 0;
  std::error_code ec;
  for (const std::string& a : args) {
    if (total >= enough) break;
    if (a.empty() || a.front() == '-') continue;
    const fs::path p(a);
    const fs::file_status st = fs::status(p, ec);
    if (ec) continue;
    if (fs::is_regular_file(st)) {
      const std::uintmax_t n = fs::file_size(p, ec);
      if (!ec) total += n;
    } else if (fs::is_directory(st)) {
      // A workspace folder: its files, a bounded walk (a mistaken `/` must not stall startup).
      std::size_t seen = 0;
      for (fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
           !ec && it != end && total < enough && ++seen <= 10000; it.increment(ec)) {
        std::error_code fe;
        if (it->is_regular_file(fe)) {
          const std::uintmax_t n = it->file_size(fe);
          if (!fe) total += n;
        }
      }
      ec.clear();
    }
  }
  return total;
}

void restart_with_huge_pages(int argc, char** argv) {
#ifdef __linux__
  if (argc < 2 || std::getenv("GLIBC_TUNABLES") || std::getenv("CHAINLENS_NO_HUGE_PAGES")) return;
  std::ifstream thp("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string mode;
  // `always` maps the heap in huge pages already; `never` will not for anyone.
  if (!std::getline(thp, mode) || mode.find("[madvise]") == std::string::npos) return;
  if (argument_bytes(std::vector<std::string>(argv + 1, argv + argc), kHugePagesFrom) < kHugePagesFrom) return;
  if (::setenv("GLIBC_TUNABLES", kHugePagesTunables, 1) != 0) return;
  ::execv("/proc/self/exe", argv);
  ::unsetenv("GLIBC_TUNABLES");  // the exec failed: go on as this process
#else
  (void)argc;
  (void)argv;
#endif
}

}  // namespace chainlens::cli
