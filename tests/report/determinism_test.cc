// The report's bytes must not depend on the order in which files, findings and skipped
// items arrive (worker threads finish in any order), in any format.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "report/writers/writers.h"
#include "tests/report/sample_scan.h"
#include "tests/report/scan_builder.h"

namespace iescan::report {
namespace {

constexpr Format kFormats[] = {Format::kText, Format::kJson,     Format::kSarif,   Format::kJunit,
                               Format::kCsv,  Format::kMarkdown, Format::kSiteList};

PlanOptions OrgOptions() {
  PlanOptions options;
  options.tool_version = "0.1.0";
  options.created = 1715904000;
  options.app_map = {{"soumu", {"soumu/**"}, {"http://intra.example.jp/soumu/"}, "", 40},
                     {"kintai", {"kintai/**"}, {"http://intra.example.jp/kintai/"}, "", 300}};
  return options;
}

std::string Written(const ScanResult& scan, const PlanOptions& plan_options, Format format) {
  WriteOptions options;
  options.sitelist.include_non_blocked = true;
  std::ostringstream out;
  const Status status = Write(BuildPlan(scan, plan_options), format, options, out);
  EXPECT_TRUE(status.ok()) << status.message();
  return out.str();
}

void ExpectShuffleInvariant(const ScanResult& original, const PlanOptions& options) {
  std::vector<std::string> expected;
  for (Format f : kFormats) {
    expected.push_back(Written(original, options, f));
    ASSERT_FALSE(expected.back().empty());
  }
  std::mt19937 random(20240517);
  for (int round = 0; round < 20; ++round) {
    SCOPED_TRACE(round);
    ScanResult shuffled = original;
    std::shuffle(shuffled.files.begin(), shuffled.files.end(), random);
    for (FileResult& file : shuffled.files) {
      std::shuffle(file.findings.begin(), file.findings.end(), random);
      std::shuffle(file.references.begin(), file.references.end(), random);
    }
    std::shuffle(shuffled.skipped.begin(), shuffled.skipped.end(), random);
    for (size_t i = 0; i < std::size(kFormats); ++i) {
      SCOPED_TRACE(std::string(FormatName(kFormats[i])));
      EXPECT_EQ(Written(shuffled, options, kFormats[i]), expected[i]);
    }
  }
}

TEST(DeterminismTest, ShuffledInputGivesIdenticalBytes) {
  ExpectShuffleInvariant(sample::SampleScan(), sample::Options());
}

TEST(DeterminismTest, ShuffledOrganisationGivesIdenticalBytesInEveryFormat) {
  ScanResult scan = testing::OrgScan();
  scan.skipped.push_back({"intranet/kintai/b.bmp", "binary file (NUL byte at offset 1)"});
  scan.skipped.push_back({"intranet/kintai/a.bmp", "binary file (NUL byte at offset 9)"});
  ExpectShuffleInvariant(scan, OrgOptions());
  // The site list really has entries, so its bytes are worth comparing.
  EXPECT_NE(Written(scan, OrgOptions(), Format::kSiteList).find("<site url="), std::string::npos);
}

TEST(DeterminismTest, ShufflingChangesTheInputOrder) {
  // Guards the tests above: the inputs really arrive out of order, so sorting is needed.
  const ScanResult scan = sample::SampleScan();
  EXPECT_FALSE(std::is_sorted(scan.files.begin(), scan.files.end(),
                              [](const FileResult& a, const FileResult& b) {
                                return a.origin.display < b.origin.display;
                              }));
  const Plan plan = BuildPlan(scan, PlanOptions{});
  EXPECT_EQ(plan.files.front().path, "hr/index.asp");
  EXPECT_NE(scan.files.front().origin.display, "hr/index.asp");
  const ScanResult org = testing::OrgScan();
  EXPECT_NE(org.files.front().origin.display, BuildPlan(org, PlanOptions{}).files.front().path);
}

}  // namespace
}  // namespace iescan::report

namespace iescan::report {
namespace {

// Building the plan from an rvalue moves the files and findings over: the same bytes in
// every format, and the scan is left with its roots and skipped items only.
TEST(DeterminismTest, PlanFromAMovedScanIsTheSame) {
  const ScanResult scan = sample::SampleScan();
  size_t findings = 0;
  for (const FileResult& f : scan.files) findings += f.findings.size();
  ASSERT_GT(findings, 3u);
  for (Format format : kFormats) {
    ScanResult moved = scan;
    WriteOptions options;
    std::ostringstream out;
    ASSERT_TRUE(Write(BuildPlan(std::move(moved), OrgOptions()), format, options, out).ok());
    EXPECT_EQ(out.str(), [&] {
      std::ostringstream copy;
      EXPECT_TRUE(Write(BuildPlan(scan, OrgOptions()), format, options, copy).ok());
      return copy.str();
    }()) << static_cast<int>(format);
    EXPECT_TRUE(moved.files.empty());
    EXPECT_EQ(moved.skipped.size(), scan.skipped.size());
    EXPECT_EQ(moved.roots, scan.roots);
  }
}

}  // namespace
}  // namespace iescan::report
