// Helpers for end-to-end tests: temporary trees and running the built iescan binary.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace iescan::testing {

// A temporary directory removed when the object dies.
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
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs the iescan binary with `args` in working directory `cwd`.
RunOutput RunIescan(const std::vector<std::string>& args, const std::string& cwd = ".");

}  // namespace iescan::testing
