// Helpers for the hostile-input tests: a scratch tree, running the built iescan binary
// under a wall-clock budget, and reading its JSON report.
//
// Thread-safety: used from one test thread at a time.
#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace iescan::hostile {

// A temporary directory, removed (permissions restored first) when the object dies.
class Scratch {
 public:
  Scratch();
  ~Scratch();
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  const std::string& path() const { return path_; }
  // Writes `bytes` to `relative` (parent directories created); returns the full path.
  std::string Write(const std::string& relative, std::string_view bytes) const;
  // The file every hostile tree carries beside the hostile input: one known finding,
  // dom.document-all at 1:29 of "control/ok.html".
  void WriteControl() const;

 private:
  std::string path_;
};

struct RunResult {
  int exit_code = -1;      // 128 + signal when killed; -2 when the budget ran out
  std::string out;
  std::string err;
  double seconds = 0;      // wall-clock time the run took
  bool timed_out = false;
};

// Runs iescan with `args` in `cwd`, killing it when it runs longer than `budget`.
RunResult RunWithBudget(const std::vector<std::string>& args, const std::string& cwd,
                  std::chrono::seconds budget);

// Scans `root` (relative to cwd `tree`) with --format json plus `extra`, asserting the run
// finished in budget with exit 0 or 1 and valid JSON. Returns the parsed report.
nlohmann::json ScanJson(const Scratch& tree, std::chrono::seconds budget,
                        std::vector<std::string> extra = {}, RunResult* run = nullptr);

// "path:line:column rule" for every finding of `report`.
std::vector<std::string> Findings(const nlohmann::json& report);
// Whether `items` holds `item` (for EXPECT_PRED2, which prints both on failure).
bool Has(const std::vector<std::string>& items, const std::string& item);
// The reason `path` was skipped, empty if it was not.
std::string SkipReason(const nlohmann::json& report, const std::string& path);
// Whether `path` is listed among the scanned files.
bool Scanned(const nlohmann::json& report, const std::string& path);

}  // namespace iescan::hostile
