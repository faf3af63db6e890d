#include "scanner/core/spill_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace iescan {
namespace {

std::atomic<uint64_t> g_appended{0};

std::string TempDir() {
  const char* dir = std::getenv("TMPDIR");
  return dir != nullptr && dir[0] != '\0' ? std::string(dir) : std::string("/tmp");
}

bool WriteAll(int fd, const char* data, size_t size, uint64_t offset) {
  while (size > 0) {
    const ssize_t n = ::pwrite(fd, data, size, static_cast<off_t>(offset));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n;
    size -= static_cast<size_t>(n);
    offset += static_cast<uint64_t>(n);
  }
  return true;
}

}  // namespace

std::unique_ptr<SpillFile> SpillFile::Create(std::string* why) {
  const std::string dir = TempDir();
  int fd = -1;
#ifdef O_TMPFILE
  fd = ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, S_IRUSR | S_IWUSR);
#endif
  if (fd < 0) {  // a file system without O_TMPFILE
    std::vector<char> name(dir.begin(), dir.end());
    const std::string_view tail = "/iescan-spill-XXXXXX";
    name.insert(name.end(), tail.begin(), tail.end());
    name.push_back('\0');
    fd = ::mkostemp(name.data(), O_CLOEXEC);
    if (fd >= 0) ::unlink(name.data());
  }
  if (fd < 0) {
    if (why != nullptr) *why = "cannot create a temporary file in " + dir + ": " + std::strerror(errno);
    return nullptr;
  }
  return std::unique_ptr<SpillFile>(new SpillFile(fd));
}

uint64_t SpillFile::TotalAppended() { return g_appended.load(std::memory_order_relaxed); }

SpillFile::~SpillFile() { ::close(fd_); }

std::optional<uint64_t> SpillFile::Append(const void* data, size_t size) {
  const uint64_t offset = end_.fetch_add(size, std::memory_order_relaxed);
  // A failed write leaves a hole nobody reads: the offset is never handed out.
  if (!WriteAll(fd_, static_cast<const char*>(data), size, offset)) return std::nullopt;
  g_appended.fetch_add(size, std::memory_order_relaxed);
  return offset;
}

bool SpillFile::Write(uint64_t offset, const void* data, size_t size) {
  return WriteAll(fd_, static_cast<const char*>(data), size, offset);
}

void SpillFile::Read(uint64_t offset, void* data, size_t size) const {
  char* out = static_cast<char*>(data);
  while (size > 0) {
    const ssize_t n = ::pread(fd_, out, size, static_cast<off_t>(offset));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      throw SpillError(std::string("cannot read back the scan's temporary file: ") +
                       (n < 0 ? std::strerror(errno) : "it is shorter than written"));
    }
    out += n;
    size -= static_cast<size_t>(n);
    offset += static_cast<uint64_t>(n);
  }
}

}  // namespace iescan
