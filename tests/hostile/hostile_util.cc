#include "tests/hostile/hostile_util.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace iescan::hostile {

void Scratch::WriteControl() const {
  Write("control/ok.html",
        "<html><body><script>var x = document.all;</script></body></html>\n");
}

RunResult RunWithBudget(const std::vector<std::string>& args, const std::string& cwd,
                        std::chrono::seconds budget) {
  return testing::RunIescan(args, cwd, budget);
}

nlohmann::json ScanJson(const Scratch& tree, std::chrono::seconds budget,
                        std::vector<std::string> extra, RunResult* run) {
  std::vector<std::string> args = {"scan", ".", "--format", "json"};
  args.insert(args.end(), extra.begin(), extra.end());
  RunResult r = RunWithBudget(args, tree.path(), budget);
  EXPECT_FALSE(r.timed_out) << "over the budget of " << budget.count() << " s";
  EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << "exit " << r.exit_code << "\n" << r.err;
  nlohmann::json report = nlohmann::json::parse(r.out, nullptr, false);
  EXPECT_FALSE(report.is_discarded()) << r.out.substr(0, 2000);
  if (run != nullptr) *run = std::move(r);
  if (report.is_discarded()) return nlohmann::json::object();
  return report;
}

std::vector<std::string> Findings(const nlohmann::json& report) {
  std::vector<std::string> out;
  if (!report.contains("findings")) return out;
  for (const auto& f : report["findings"]) {
    out.push_back(f["path"].get<std::string>() + ":" + std::to_string(f["line"].get<int64_t>()) +
                  ":" + std::to_string(f["column"].get<int64_t>()) + " " +
                  f["rule_id"].get<std::string>());
  }
  return out;
}

bool Has(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

std::string SkipReason(const nlohmann::json& report, const std::string& path) {
  if (!report.contains("skipped")) return "";
  for (const auto& s : report["skipped"]) {
    if (s["path"] == path) return s["reason"].get<std::string>();
  }
  return "";
}

bool Scanned(const nlohmann::json& report, const std::string& path) {
  if (!report.contains("files")) return false;
  for (const auto& f : report["files"]) {
    if (f["path"] == path) return true;
  }
  return false;
}

}  // namespace iescan::hostile
