// models/atomic_file.hpp: every file chainlens writes goes through here: a temp
// file in the same folder, fsync, rename; a failure leaves the old file intact.
#pragma once
#include <filesystem>
#include <string_view>

namespace chainlens {

/// Writes `bytes` to `path` atomically; throws std::system_error on failure
/// (the temp file is removed, an existing `path` is untouched).
void write_file_atomic(const std::filesystem::path& path, std::string_view bytes);

/// Streams into a temp file beside `path`; commit() fsyncs and renames, and the
/// destructor removes the temp file if commit() was not reached.
class AtomicFile {
 public:
  explicit AtomicFile(const std::filesystem::path& path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  void write(std::string_view bytes);
  void commit();
  const std::filesystem::path& temp_path() const noexcept { return temp_; }

 private:
  std::filesystem::path path_, temp_;
  int fd_ = -1;
  bool committed_ = false;
};

}  // namespace chainlens
