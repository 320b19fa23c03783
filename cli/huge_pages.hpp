// cli/huge_pages.hpp: restarts the process once, before anything else, with glibc's malloc
// asking for transparent huge pages when the command's inputs are large.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace chainlens::cli {

/// Inputs from this many bytes on are worth the restart (a second exec, about 10 ms here): a
/// 2 MB snapshot fills about 20 MB of heap, and its analysis took 60 ms with 4 KB pages, 30 ms
/// with these settings; the bundled 0.5 MB of YAML gains less than the exec costs.
inline constexpr std::uintmax_t kHugePagesFrom = std::uintmax_t(1) << 20;

/// What the restart sets: huge pages for the heap, and glibc's largest mmap threshold and a
/// 32 MB top pad from the start, so that buffers up to 32 MB come from that heap (not from
/// mmaps of their own in 4 KB pages) and it grows in steps of whole huge pages.
inline constexpr const char* kHugePagesTunables =
    "glibc.malloc.hugetlb=1:glibc.malloc.mmap_threshold=33554432:glibc.malloc.top_pad=33554432";

/// The bytes of the files the arguments name (a folder: the files under it), counted until
/// `enough`; what does not exist, or is not a file or folder, counts nothing.
std::uintmax_t argument_bytes(const std::vector<std::string>& args, std::uintmax_t enough);

/// A large workspace or candidate file fills a gigabyte of heap 4 KB page by 4 KB page; where
/// a page fault is dear (virtual machines: 10-15 µs each on the benchmark machine) that was
/// half of loading and analysing L. glibc maps its heap in huge pages when its tunable
/// `glibc.malloc.hugetlb=1` is set, and reads tunables only at start: so, on Linux with
/// huge pages in `madvise` mode and inputs of kHugePagesFrom bytes or more, the process
/// execs itself once with kHugePagesTunables set. Not when GLIBC_TUNABLES is set already (the user's own, or
/// this restart's) or CHAINLENS_NO_HUGE_PAGES is (e.g. under valgrind, which does not follow
/// an exec by default). Returns only when no restart was made.
void restart_with_huge_pages(int argc, char** argv);

}  // namespace chainlens::cli
