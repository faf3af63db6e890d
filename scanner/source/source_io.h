// Small file-system helpers shared by the walker and ReadBlob: error texts, size texts,
// skip reasons and bounded reads that never block on special files. Private to the source
// module.
//
// Thread-safety: every function is thread-safe (errors are formatted with strerror_r).
#pragma once

#include <sys/stat.h>

#include <cstddef>
#include <cstdint>
#include <string>

namespace iescan::scanner {

// The system's description of an errno value, "Permission denied".
std::string ErrorText(int error);

// A size for people: "512 B", "3.5 KiB", "40.0 MiB", "1.2 GiB".
std::string FormatSize(uint64_t bytes);

// "larger than --max-file-size (40.0 MiB > 32.0 MiB)"; exact byte counts when the rounded
// sizes would read the same.
std::string TooLargeReason(uint64_t size, uint64_t max_file_size);

// "not a regular file (named pipe)" and so on, from an st_mode.
std::string NotRegularReason(mode_t mode);

// Reads at most `limit` bytes of the regular file `name` relative to the directory
// descriptor `dir_fd` (AT_FDCWD for a plain path) into *out. The final component is not
// followed when `no_follow` is set. Opening never blocks (O_NONBLOCK) and a file that is
// not regular is refused with EINVAL. Returns 0 or an errno value.
int ReadPrefixAt(int dir_fd, const char* name, size_t limit, bool no_follow, std::string* out);

// Closes a file descriptor when it goes out of scope.
class FdCloser {
 public:
  explicit FdCloser(int fd) : fd_(fd) {}
  ~FdCloser();
  FdCloser(const FdCloser&) = delete;
  FdCloser& operator=(const FdCloser&) = delete;

 private:
  int fd_;
};

}  // namespace iescan::scanner
