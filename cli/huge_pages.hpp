// cli/huge_pages.hpp: restarts the process once, before anything else, with glibc's malloc
// asking for transparent huge pages when the command's inputs are large.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace chainlens::cli {

/// Inputs from this many bytes on are worth the restart (a second exec, a few milliseconds).
inline constexpr std::uintmax_t kHugePagesFrom = std::uintmax_t(32) << 20;

/// The bytes of the files the arguments name (a folder: the files under it), counted until
/// `enough`; what does not exist, or is not a file or folder, counts nothing.
std::uintmax_t argument_bytes(const std::vector<std::string>& args, std::uintmax_t enough);

/// A large workspace or candidate file fills a gigabyte of heap 4 KB page by 4 KB page; where
/// a page fault is dear (virtual machines: 10-15 µs each on the benchmark machine) that was
/// half of loading and analysing L. glibc maps its heap in huge pages when its tunable
/// `glibc.malloc.hugetlb=1` is set, and reads tunables only at start: so, on Linux with
/// huge pages in `madvise` mode and inputs of kHugePagesFrom bytes or more, the process
/// execs itself once with it set. Not when GLIBC_TUNABLES is set already (the user's own, or
/// this restart's) or CHAINLENS_NO_HUGE_PAGES is (e.g. under valgrind, which does not follow
/// an exec by default). Returns only when no restart was made.
void restart_with_huge_pages(int argc, char** argv);

}  // namespace chainlens::cli
