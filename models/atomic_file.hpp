// models/atomic_file.hpp: the one output module every writer goes through (issue 18).
//  - a regular file (or a new one) is written atomically: a temp file in the same folder,
//    fsync, rename; the existing file's mode is kept; a symlink is resolved and its target
//    is written, the link itself stays;
//  - a character device, FIFO or socket, and "-" (standard output), are written directly,
//    never replaced;
//  - a file registered as an input of this run, or already written by this run, is
//    refused;
//  - live temp files are removed on SIGINT, SIGTERM and SIGHUP (then the signal is raised
//    again, so the exit status still says which signal);
//  - every failed write, sync or close throws std::system_error.
#pragma once
#include <cstdint>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace chainlens {

/// Writes `bytes` to `path` as described above; throws std::system_error on failure
/// (the temp file is removed, an existing `path` is untouched).
void write_file_atomic(const std::filesystem::path& path, std::string_view bytes);

/// Marks `path` as an input of this run: a later output naming the same file (by device
/// and inode, through any link) is refused. Paths that do not exist are ignored.
void register_input_file(const std::filesystem::path& path);
/// Marks `folder` as an input folder of this run: a later output inside it (at any depth)
/// whose name ends in one of `extensions` (what the loader reads back) is refused, so that
/// no run plants a file the next load would take as input.
void register_input_folder(const std::filesystem::path& folder, std::vector<std::string> extensions);
/// Forgets every registered input and output (for tests).
void clear_io_registry();

/// Thrown when an output would overwrite an input of the same run or an earlier output.
struct OutputRefused : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Streams into the output `path` ("-" or "": standard output). For a regular file the
/// bytes go to a temp file beside the (link-resolved) target; commit() fsyncs and renames,
/// and the destructor removes the temp file if commit() was not reached. For a device or
/// FIFO the bytes go straight to it and commit() closes it, checking for errors.
/// A long output is synced in the background while it is written (every kEarlySync bytes),
/// so that commit() waits for its last stretch only, not for all of it.
class AtomicFile {
 public:
  explicit AtomicFile(const std::filesystem::path& path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  void write(std::string_view bytes);
  void commit();
  /// Empty when the output is written directly (device, FIFO, standard output).
  const std::filesystem::path& temp_path() const noexcept { return temp_; }
  bool direct() const noexcept { return temp_.empty(); }
  /// Bytes written between background syncs of a temp file.
  static constexpr std::uint64_t kEarlySync = std::uint64_t(16) << 20;
  /// How many background syncs were asked for so far (each kEarlySync bytes).
  std::uint64_t early_syncs() const noexcept { return early_syncs_; }

 private:
  class Syncer;
  std::unique_ptr<Syncer> syncer_;
  std::uint64_t written_ = 0, early_syncs_ = 0;
  std::filesystem::path path_, target_, temp_;
  std::string key_;  // the target, absolute, while this output is open
  int fd_ = -1;
  int slot_ = -1;  // in the signal-cleanup registry
  bool committed_ = false, stdout_ = false;
};

/// Flushes and checks standard output at exit: returns false (with errno set) when any
/// write to it failed or it cannot be flushed. A closed standard output that nothing
/// was written to is fine.
bool finish_stdout();

/// Installs the SIGINT/SIGTERM/SIGHUP handlers that remove live temp files (done on the
/// first AtomicFile already; exposed so that main can install them early).
void install_temp_file_cleanup();

}  // namespace chainlens
