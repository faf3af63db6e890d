// The report's bytes must not depend on the order in which files, findings and skipped
// items arrive (worker threads finish in any order).
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <sstream>
#include <string>

#include "report/writers/writers.h"

namespace iescan::report {
namespace sample {
ScanResult SampleScan();
}  // namespace sample
namespace {

std::string Written(const ScanResult& scan, Format format) {
  std::ostringstream out;
  const Status status = Write(BuildPlan(scan, PlanOptions{"0.1.0"}), format, WriteOptions{}, out);
  EXPECT_TRUE(status.ok()) << status.message();
  return out.str();
}

TEST(DeterminismTest, ShuffledInputGivesIdenticalBytes) {
  const ScanResult original = sample::SampleScan();
  const std::string text = Written(original, Format::kText);
  const std::string json = Written(original, Format::kJson);
  ASSERT_FALSE(text.empty());
  ASSERT_FALSE(json.empty());
  std::mt19937 random(20240517);
  for (int round = 0; round < 20; ++round) {
    SCOPED_TRACE(round);
    ScanResult shuffled = original;
    std::shuffle(shuffled.files.begin(), shuffled.files.end(), random);
    for (FileResult& file : shuffled.files) {
      std::shuffle(file.findings.begin(), file.findings.end(), random);
    }
    std::shuffle(shuffled.skipped.begin(), shuffled.skipped.end(), random);
    EXPECT_EQ(Written(shuffled, Format::kText), text);
    EXPECT_EQ(Written(shuffled, Format::kJson), json);
  }
}

TEST(DeterminismTest, ShufflingChangesTheInputOrder) {
  // Guards the test above: the sample really arrives out of order, so sorting is needed.
  const ScanResult scan = sample::SampleScan();
  EXPECT_FALSE(std::is_sorted(scan.files.begin(), scan.files.end(),
                              [](const FileResult& a, const FileResult& b) {
                                return a.origin.display < b.origin.display;
                              }));
  const Plan plan = BuildPlan(scan, PlanOptions{});
  EXPECT_EQ(plan.files.front().path, "hr/index.asp");
  EXPECT_NE(scan.files.front().origin.display, "hr/index.asp");
}

}  // namespace
}  // namespace iescan::report
