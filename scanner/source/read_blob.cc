// Reading one file into a Blob, binary sniffing, and the shared I/O helpers of
// source_io.h.

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cinttypes>
#include <cstdio>
#include <cstring>

#include "scanner/source/source_io.h"
#include "scanner/source/walker.h"

namespace iescan::scanner {
namespace {

// strerror_r comes in a GNU flavour (returns the text) and a POSIX one (fills the buffer).
[[maybe_unused]] const char* PickErrorText(const char* result, const char* /*buffer*/) {
  return result;
}
[[maybe_unused]] const char* PickErrorText(int result, const char* buffer) {
  return result == 0 ? buffer : "unknown error";
}

// Reads until `want` bytes are in `out` or at end of file. Returns 0 or an errno value;
// *got is the number of bytes read.
int ReadFully(int fd, char* out, size_t want, size_t* got) {
  *got = 0;
  while (*got < want) {
    ssize_t n = read(fd, out + *got, want - *got);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    if (n == 0) break;
    *got += static_cast<size_t>(n);
  }
  return 0;
}

bool HasUtf16Bom(std::string_view bytes) {
  return bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                               (bytes[0] == '\xFE' && bytes[1] == '\xFF'));
}

// UTF-16 without a BOM: no U+0000 code unit, and the zero bytes sit on one side of the
// code units (the high byte of ASCII characters) for at least a quarter of the units and
// at least four times as often as on the other side.
bool LooksLikeBomlessUtf16(std::string_view bytes) {
  uint64_t zero_first = 0;   // code units whose first byte is zero (big-endian ASCII)
  uint64_t zero_second = 0;  // code units whose second byte is zero (little-endian ASCII)
  const uint64_t units = bytes.size() / 2;
  for (uint64_t i = 0; i < units; ++i) {
    bool first = bytes[2 * i] == '\0';
    bool second = bytes[2 * i + 1] == '\0';
    if (first && second) return false;
    zero_first += first;
    zero_second += second;
  }
  if (bytes.size() % 2 == 1 && bytes.back() == '\0') return false;
  const auto dominates = [units](uint64_t many, uint64_t few) {
    return many > 0 && many >= 4 * few && many * 4 >= units;
  };
  return dominates(zero_second, zero_first) || dominates(zero_first, zero_second);
}

}  // namespace

std::string ErrorText(int error) {
  char buffer[256] = {};
  return PickErrorText(strerror_r(error, buffer, sizeof(buffer)), buffer);
}

std::string FormatSize(uint64_t bytes) {
  static constexpr const char* kUnits[] = {"KiB", "MiB", "GiB", "TiB"};
  char text[48];
  if (bytes < 1024) {
    std::snprintf(text, sizeof(text), "%" PRIu64 " B", bytes);
    return text;
  }
  double value = static_cast<double>(bytes) / 1024.0;
  size_t unit = 0;
  while (value >= 1024.0 && unit + 1 < std::size(kUnits)) {
    value /= 1024.0;
    ++unit;
  }
  std::snprintf(text, sizeof(text), "%.1f %s", value, kUnits[unit]);
  return text;
}

std::string TooLargeReason(uint64_t size, uint64_t max_file_size) {
  std::string have = FormatSize(size);
  std::string limit = FormatSize(max_file_size);
  if (have == limit) {
    have = std::to_string(size) + " bytes";
    limit = std::to_string(max_file_size) + " bytes";
  }
  return "larger than --max-file-size (" + have + " > " + limit + ")";
}

std::string NotRegularReason(mode_t mode) {
  const char* what = "special file";
  if (S_ISFIFO(mode)) what = "named pipe";
  if (S_ISSOCK(mode)) what = "socket";
  if (S_ISCHR(mode)) what = "character device";
  if (S_ISBLK(mode)) what = "block device";
  if (S_ISDIR(mode)) what = "directory";
  return std::string("not a regular file (") + what + ")";
}

FdCloser::~FdCloser() {
  if (fd_ >= 0) close(fd_);
}

int ReadPrefixAt(int dir_fd, const char* name, size_t limit, bool no_follow, std::string* out) {
  int flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY | (no_follow ? O_NOFOLLOW : 0);
  int fd = openat(dir_fd, name, flags);
  if (fd < 0) return errno;
  FdCloser closer(fd);
  struct stat info {};
  if (fstat(fd, &info) != 0) return errno;
  if (!S_ISREG(info.st_mode)) return EINVAL;
  out->resize(limit);
  size_t got = 0;
  int error = ReadFully(fd, out->data(), limit, &got);
  out->resize(got);
  return error;
}

bool LooksBinary(std::string_view bytes, uint64_t* nul_offset) {
  const void* nul = std::memchr(bytes.data(), 0, bytes.size());
  if (nul == nullptr) return false;
  if (nul_offset != nullptr) *nul_offset = static_cast<const char*>(nul) - bytes.data();
  if (HasUtf16Bom(bytes)) return false;
  return !LooksLikeBomlessUtf16(bytes);
}

Result<Blob> ReadBlob(const SourceFile& file, uint64_t max_file_size) {
  const std::string& path = file.origin.fs_path;
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) return Status::Error("unreadable file (" + ErrorText(errno) + ")");
  FdCloser closer(fd);
  struct stat info {};
  if (fstat(fd, &info) != 0) return Status::Error("unreadable file (" + ErrorText(errno) + ")");
  if (!S_ISREG(info.st_mode)) return Status::Error(NotRegularReason(info.st_mode));
  const auto expected = static_cast<uint64_t>(info.st_size);
  if (expected > max_file_size) return Status::Error(TooLargeReason(expected, max_file_size));

  // Read the size fstat gave, then keep reading in case the file grew since.
  Blob blob;
  blob.origin = file.origin;
  std::string& bytes = blob.bytes;
  constexpr size_t kGrowStep = size_t{64} << 10;
  size_t have = 0;
  size_t want = static_cast<size_t>(expected) + 1;  // one more byte detects growth early
  while (true) {
    bytes.resize(have + want);
    size_t got = 0;
    int error = ReadFully(fd, bytes.data() + have, want, &got);
    if (error != 0) return Status::Error("unreadable file (" + ErrorText(error) + ")");
    have += got;
    if (have > max_file_size) return Status::Error(TooLargeReason(have, max_file_size));
    if (got < want) break;
    want = kGrowStep;
  }
  bytes.resize(have);
  uint64_t nul_offset = 0;
  if (LooksBinary(bytes, &nul_offset)) {
    return Status::Error("binary file (NUL byte at offset " + std::to_string(nul_offset) + ")");
  }
  return blob;
}

}  // namespace iescan::scanner
