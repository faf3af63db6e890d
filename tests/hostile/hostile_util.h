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

#include "tests/support/test_tree.h"

namespace iescan::hostile {

// A temporary tree (tests/support/test_tree.h) that can also hold the control file.
class Scratch : public testing::TempTree {
 public:
  // The file every hostile tree carries beside the hostile input: one known finding,
  // dom.document-all at 1:29 of "control/ok.html".
  void WriteControl() const;
};

using RunResult = testing::RunOutput;

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
