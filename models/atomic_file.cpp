// models/atomic_file.cpp: temp file beside the target, fsync, rename (POSIX).
#include "models/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <random>
#include <system_error>

namespace chainlens {

static std::filesystem::path temp_beside(const std::filesystem::path& path) {
  std::random_device rd;
  const auto tag = std::to_string(::getpid()) + "." + std::to_string(rd() & 0xffffff);
  std::filesystem::path t = path;
  t += ".tmp." + tag;
  return t;
}

AtomicFile::AtomicFile(const std::filesystem::path& path) : path_(path), temp_(temp_beside(path)) {
  fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd_ < 0)
    throw std::system_error(errno, std::generic_category(), "cannot create " + temp_.string());
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!committed_) ::unlink(temp_.c_str());
}

void AtomicFile::write(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      throw std::system_error(errno, std::generic_category(), "cannot write " + temp_.string());
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

void AtomicFile::commit() {
  if (::fsync(fd_) != 0)
    throw std::system_error(errno, std::generic_category(), "cannot sync " + temp_.string());
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0)
    throw std::system_error(errno, std::generic_category(), "cannot close " + temp_.string());
  if (::rename(temp_.c_str(), path_.c_str()) != 0)
    throw std::system_error(errno, std::generic_category(), "cannot rename to " + path_.string());
  committed_ = true;
  // Make the rename itself durable.
  const auto dir = path_.has_parent_path() ? path_.parent_path() : std::filesystem::path(".");
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
}

void write_file_atomic(const std::filesystem::path& path, std::string_view bytes) {
  AtomicFile f(path);
  f.write(bytes);
  f.commit();
}

}  // namespace chainlens
