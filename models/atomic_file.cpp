// models/atomic_file.cpp: the output module (issue 18): temp file beside the link-resolved
// target, fsync, rename, mode kept; devices and FIFOs written directly; inputs of the run
// refused; temp files removed on SIGINT/SIGTERM/SIGHUP (POSIX).
#include "models/atomic_file.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <mutex>
#include <random>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

namespace chainlens {

namespace fs = std::filesystem;

// ---- temp files removed on a signal ---------------------------------------------------
namespace {

constexpr int kSlots = 32;
constexpr std::size_t kPathMax = 4096;
// 0: free, 1: being filled, 2: live (the handler unlinks it).
std::atomic<int> g_state[kSlots];
char g_paths[kSlots][kPathMax];

extern "C" void remove_temps_and_reraise(int sig) {
  const int saved = errno;
  for (int i = 0; i < kSlots; ++i)
    if (g_state[i].load() == 2) ::unlink(g_paths[i]);
  struct sigaction dfl {};
  dfl.sa_handler = SIG_DFL;
  sigemptyset(&dfl.sa_mask);
  ::sigaction(sig, &dfl, nullptr);
  errno = saved;
  ::raise(sig);  // delivered once the handler returns (the signal is blocked while in it)
}

int register_temp(const std::string& path) {
  if (path.size() >= kPathMax) return -1;
  for (int i = 0; i < kSlots; ++i) {
    int expected = 0;
    if (g_state[i].compare_exchange_strong(expected, 1)) {
      std::memcpy(g_paths[i], path.c_str(), path.size() + 1);
      g_state[i].store(2);
      return i;
    }
  }
  return -1;  // more live temp files than slots: still written, just not cleaned on a signal
}

void release_temp(int slot) {
  if (slot >= 0) g_state[slot].store(0);
}

// ---- inputs and live outputs of this run ----------------------------------------------
struct FileId {
  dev_t dev;
  ino_t ino;
  std::string path;
};
std::mutex g_mutex;
std::vector<FileId> g_inputs;
std::vector<std::string> g_live_outputs;  // link-resolved, absolute
struct InputFolder {
  std::string path;  // absolute, with a trailing '/'
  std::vector<std::string> extensions;
};
std::vector<InputFolder> g_input_folders;

// Follows a chain of symlinks (relative targets resolve against the link's folder).
fs::path resolve_links(fs::path p) {
  for (int hops = 0; hops < 40; ++hops) {
    struct stat st {};
    if (::lstat(p.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return p;
    std::error_code ec;
    const fs::path target = fs::read_symlink(p, ec);
    if (ec) throw std::system_error(ec, "cannot read the link " + p.string());
    p = target.is_absolute() ? target : p.parent_path() / target;
  }
  throw std::system_error(ELOOP, std::generic_category(), "too many levels of links at " + p.string());
}

std::string absolute_text(const fs::path& p) {
  std::error_code ec;
  const fs::path a = fs::weakly_canonical(fs::absolute(p, ec), ec);
  return ec ? p.lexically_normal().string() : a.string();
}

void check_not_input(const fs::path& shown, const struct stat& st) {
  std::lock_guard lock(g_mutex);
  for (const FileId& in : g_inputs)
    if (in.dev == st.st_dev && in.ino == st.st_ino)
      throw OutputRefused("refusing to write " + shown.string() + ": it is an input of this run (" + in.path +
                          "); choose another output file");
}

std::string claim_output(const fs::path& shown, const fs::path& target) {
  const std::string key = absolute_text(target);
  std::lock_guard lock(g_mutex);
  const std::string ext = target.extension().string();
  for (const InputFolder& f : g_input_folders)
    if (key.rfind(f.path, 0) == 0)
      for (const std::string& e : f.extensions)
        if (ext == e)
          throw OutputRefused("refusing to write " + shown.string() + ": it is inside the workspace folder " +
                              f.path.substr(0, f.path.size() - 1) + " and would be read as input by the next load");
  for (const std::string& o : g_live_outputs)
    if (o == key)
      throw OutputRefused("refusing to write " + shown.string() + ": another output of this run is the same file");
  g_live_outputs.push_back(key);
  return key;
}

void release_output(const std::string& key) {
  std::lock_guard lock(g_mutex);
  for (auto it = g_live_outputs.begin(); it != g_live_outputs.end(); ++it)
    if (*it == key) {
      g_live_outputs.erase(it);
      return;
    }
}

fs::path temp_beside(const fs::path& path) {
  std::random_device rd;
  const auto tag = std::to_string(::getpid()) + "." + std::to_string(rd() & 0xffffff);
  fs::path t = path;
  t += ".tmp." + tag;
  return t;
}

[[noreturn]] void fail(int err, const std::string& what) { throw std::system_error(err, std::generic_category(), what); }

}  // namespace

void install_temp_file_cleanup() {
  static std::once_flag once;
  std::call_once(once, [] {
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
      struct sigaction old {};
      if (::sigaction(sig, nullptr, &old) != 0 || old.sa_handler == SIG_IGN) continue;  // nohup: stay ignored
      struct sigaction sa {};
      sa.sa_handler = remove_temps_and_reraise;
      sigemptyset(&sa.sa_mask);
      sa.sa_flags = 0;
      ::sigaction(sig, &sa, nullptr);
    }
  });
}

void register_input_file(const fs::path& path) {
  struct stat st {};
  if (path.empty() || path == "-" || ::stat(path.c_str(), &st) != 0) return;
  std::lock_guard lock(g_mutex);
  for (const FileId& in : g_inputs)
    if (in.dev == st.st_dev && in.ino == st.st_ino) return;
  g_inputs.push_back({st.st_dev, st.st_ino, path.string()});
}

void register_input_folder(const fs::path& folder, std::vector<std::string> extensions) {
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) return;
  std::string path = absolute_text(folder);
  if (path.empty() || path.back() != '/') path += '/';
  std::lock_guard lock(g_mutex);
  g_input_folders.push_back({std::move(path), std::move(extensions)});
}

void clear_io_registry() {
  std::lock_guard lock(g_mutex);
  g_input_folders.clear();
  g_inputs.clear();
  g_live_outputs.clear();
}

AtomicFile::AtomicFile(const fs::path& path) : path_(path) {
  if (path.empty() || path == "-") {
    stdout_ = true;
    return;
  }
  install_temp_file_cleanup();
  target_ = resolve_links(path);
  struct stat st {};
  const bool exists = ::stat(target_.c_str(), &st) == 0;
  if (exists) {
    if (S_ISDIR(st.st_mode)) fail(EISDIR, "cannot write " + path.string());
    check_not_input(path, st);
  }
  key_ = claim_output(path, target_);
  const std::string& key = key_;
  try {
    if (exists && !S_ISREG(st.st_mode)) {
      // A device, FIFO or socket: written in place, never replaced (a FIFO waits for its reader).
      fd_ = ::open(target_.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
      if (fd_ < 0) fail(errno, "cannot open " + path.string());
    } else {
      temp_ = temp_beside(target_);
      slot_ = register_temp(temp_.string());
      fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, exists ? 0600 : 0666);
      if (fd_ < 0) fail(errno, "cannot create " + temp_.string());
      if (exists) {
        // Keep the replaced file's permissions (and, when allowed, its owner).
        if (::fchmod(fd_, st.st_mode & 07777) != 0) fail(errno, "cannot set the mode of " + temp_.string());
        if (::geteuid() == 0 && (st.st_uid != 0 || st.st_gid != 0)) {
          if (::fchown(fd_, st.st_uid, st.st_gid) == 0) ::fchmod(fd_, st.st_mode & 07777);
        }
      }
    }
  } catch (...) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    if (!temp_.empty()) ::unlink(temp_.c_str());
    release_temp(slot_);
    release_output(key);
    throw;
  }
}

// fdatasync on its own thread, asked for again and again while the output grows: the data and
// the disk's cache flush of a 100 MB output overlap the work that produces it (on the
// benchmark machine the final fsync of 103 MB of scores took 50-70 ms; with this, ~1 ms).
// sync_file_range alone does not do it: the flush, not the write, is the slow part. The first
// error is kept for commit(): after it, the kernel may not report it to a second fsync.
class AtomicFile::Syncer {
 public:
  explicit Syncer(int fd) : fd_(fd), thread_([this] { run(); }) {}
  ~Syncer() { stop(); }
  void ask() {
    std::lock_guard<std::mutex> lock(m_);  // notified under the lock: helgrind checks it so
    ++asked_;
    cv_.notify_one();
  }
  /// Waits for a sync under way (a request not yet started is dropped: commit() syncs
  /// anyway); the first error any sync met, or 0.
  int stop() {
    {
      std::lock_guard<std::mutex> lock(m_);
      stopping_ = true;
      cv_.notify_one();
    }
    if (thread_.joinable()) thread_.join();
    return error_;
  }

 private:
  void run() {
    std::unique_lock<std::mutex> lock(m_);
    for (;;) {
      cv_.wait(lock, [&] { return stopping_ || asked_ != done_; });
      if (stopping_) return;
      const std::uint64_t asked = asked_;
      lock.unlock();
      int rc;
      do rc = ::fdatasync(fd_);
      while (rc != 0 && errno == EINTR);
      const int err = rc == 0 ? 0 : errno;
      lock.lock();
      done_ = asked;
      if (err != 0 && error_ == 0) error_ = err;
    }
  }
  int fd_;
  std::mutex m_;
  std::condition_variable cv_;
  std::uint64_t asked_ = 0, done_ = 0;
  bool stopping_ = false;
  int error_ = 0;
  std::thread thread_;  // last: started once the rest is set
};

AtomicFile::~AtomicFile() {
  if (stdout_) return;
  syncer_.reset();  // before the descriptor it syncs is closed
  if (fd_ >= 0) ::close(fd_);
  if (!committed_ && !temp_.empty()) ::unlink(temp_.c_str());
  release_temp(slot_);
  release_output(key_);
}

void AtomicFile::write(std::string_view bytes) {
  if (stdout_) {
    std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!std::cout) fail(errno ? errno : EIO, "cannot write standard output");
    return;
  }
  const std::string& shown = temp_.empty() ? path_.string() : temp_.string();
  if (fd_ < 0) fail(EBADF, "cannot write " + shown);
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      fail(errno, "cannot write " + shown);
    }
    if (n == 0) fail(EIO, "cannot write " + shown);
    bytes.remove_prefix(static_cast<std::size_t>(n));
    const std::uint64_t before = written_;
    written_ += static_cast<std::uint64_t>(n);
    if (!temp_.empty() && written_ / kEarlySync != before / kEarlySync) {
      if (!syncer_) syncer_ = std::make_unique<Syncer>(fd_);
      syncer_->ask();
      ++early_syncs_;
    }
  }
}

void AtomicFile::commit() {
  if (stdout_) {
    errno = 0;
    std::cout.flush();
    if (!std::cout) fail(errno ? errno : EIO, "cannot write standard output");
    committed_ = true;
    return;
  }
  if (temp_.empty()) {  // device or FIFO
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) fail(errno, "cannot close " + path_.string());
    committed_ = true;
    return;
  }
  if (syncer_) {
    const int err = syncer_->stop();
    syncer_.reset();
    if (err != 0) fail(err, "cannot sync " + temp_.string());
  }
  if (::fsync(fd_) != 0) fail(errno, "cannot sync " + temp_.string());
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) fail(errno, "cannot close " + temp_.string());
  if (::rename(temp_.c_str(), target_.c_str()) != 0) fail(errno, "cannot rename to " + path_.string());
  committed_ = true;
  release_temp(slot_);
  slot_ = -1;
  // Make the rename itself durable.
  const auto dir = target_.has_parent_path() ? target_.parent_path() : fs::path(".");
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
}

void write_file_atomic(const fs::path& path, std::string_view bytes) {
  AtomicFile f(path);
  f.write(bytes);
  f.commit();
}

bool finish_stdout() {
  errno = 0;
  std::cout.flush();
  bool ok = !std::cout.fail();
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) ok = false;
  const int saved = errno;
  // Closing catches errors reported late (NFS, quotas); a standard output closed by the
  // caller (EBADF) with nothing written to it is not an error.
  if (std::fclose(stdout) != 0 && errno != EBADF) ok = false;
  if (!ok && saved) errno = saved;
  return ok;
}

}  // namespace chainlens
