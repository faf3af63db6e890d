// SpillFile: an anonymous temporary file that holds records a large scan would otherwise keep
// in memory (a scan's findings, the plan's findings; see report/record_store.h).
//
// The file is created in $TMPDIR (else /tmp) already unlinked (O_TMPFILE, or mkstemp then
// unlink), so it never outlives the process and no other user can open it (mode 0600). Its
// pages sit in the kernel's page cache, not in the process: that is what keeps a scan's
// resident memory flat as the tree grows.
//
// Thread-safety: Append, Write and Read may be called from any number of threads at once
// (pwrite and pread at distinct offsets).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

namespace iescan {

// Reading back a spilled record failed (an I/O error of the temporary file's disk). The run
// reports it and stops: a report with records missing would be wrong.
class SpillError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class SpillFile {
 public:
  // A new empty file, or nullptr (with the reason in *why) when none can be made.
  static std::unique_ptr<SpillFile> Create(std::string* why = nullptr);
  ~SpillFile();
  SpillFile(const SpillFile&) = delete;
  SpillFile& operator=(const SpillFile&) = delete;

  // Writes `size` bytes at the end of the file; returns where, or nullopt when the disk
  // refused them (full, quota): the caller keeps the data in memory then.
  std::optional<uint64_t> Append(const void* data, size_t size);
  // Writes over bytes written before.
  bool Write(uint64_t offset, const void* data, size_t size);
  // Reads bytes written before; throws SpillError when the disk fails.
  void Read(uint64_t offset, void* data, size_t size) const;
  uint64_t size() const { return end_.load(std::memory_order_relaxed); }
  // Bytes appended to every spill file of the process so far (for --stats).
  static uint64_t TotalAppended();

 private:
  explicit SpillFile(int fd) : fd_(fd) {}
  int fd_;
  std::atomic<uint64_t> end_{0};
};

}  // namespace iescan
