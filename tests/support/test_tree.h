// Support for end-to-end tests: temporary trees and running the built iescan binary, with
// an optional wall-clock budget. Shared by the cli, corpus, crawl and hostile tests.
//
// Thread-safety: used from one test thread at a time.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace iescan::testing {

// A temporary directory, removed when the object dies (directories a test made unreadable
// are opened up first).
class TempTree {
 public:
  TempTree();
  ~TempTree();
  TempTree(const TempTree&) = delete;
  TempTree& operator=(const TempTree&) = delete;
  const std::string& path() const { return path_; }
  // Writes `bytes` to `relative` (parent directories created). Returns the full path.
  std::string Write(const std::string& relative, std::string_view bytes) const;

 private:
  std::string path_;
};

struct RunOutput {
  int exit_code = -1;  // 128 + signal when killed by a signal; -2 when the budget ran out
  std::string out;
  std::string err;
  double seconds = 0;  // wall-clock time of the run
  bool timed_out = false;
};

// Runs the iescan binary with `args` in working directory `cwd`. With a non-zero `budget`,
// a run longer than that is killed and reported as timed out. With a non-zero
// `address_space` (bytes), the process's virtual memory is limited to that (RLIMIT_AS), as
// `ulimit -v` does: allocations past it fail.
RunOutput RunIescan(const std::vector<std::string>& args, const std::string& cwd = ".",
                    std::chrono::seconds budget = std::chrono::seconds(0),
                    uint64_t address_space = 0);

}  // namespace iescan::testing
