// Fingerprints assigned by the run: the same on any number of threads, and counted per
// file (a repeated line is ":1" in its file, ":0" in the next).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cli/baseline.h"
#include "report/scan_result.h"
#include "rules/engine/rule.h"

namespace iescan::app {
namespace {

report::ScanResult ManyFiles(const rules::Rule& rule, size_t files) {
  report::ScanResult scan;
  for (size_t i = 0; i < files; ++i) {
    report::FileResult file;
    file.origin = {"app" + std::to_string(i % 7) + "/page" + std::to_string(i) + ".asp", "",
                   "intranet", false};
    for (int k = 0; k < 3; ++k) {
      rules::Finding f;
      f.rule = &rule;
      // The first two findings of every file share a line: the second is its repeat.
      f.snippet = SharedText(k < 2 ? "var x = document.all.item(1);"
                                   : "if (document.all) { go(" + std::to_string(i) + "); }");
      file.findings.push_back(std::move(f));
    }
    scan.files.push_back(std::move(file));
  }
  return scan;
}

std::vector<std::string> Fingerprints(const report::ScanResult& scan) {
  std::vector<std::string> out;
  for (const report::FileResult& file : scan.files) {
    for (const rules::Finding& f : file.findings) out.push_back(f.fingerprint.str());
  }
  return out;
}

TEST(FingerprintsTest, ThreadsDoNotChangeThem) {
  rules::Rule rule;
  rule.id = "dom.document-all";
  report::ScanResult one = ManyFiles(rule, 1000);
  report::ScanResult four = ManyFiles(rule, 1000);
  AssignFingerprints(&one, 1);
  AssignFingerprints(&four, 4);
  const std::vector<std::string> expected = Fingerprints(one);
  ASSERT_EQ(expected.size(), 3000u);
  EXPECT_EQ(Fingerprints(four), expected);
  for (size_t i = 0; i < 1000; ++i) {
    const std::string& first = expected[3 * i];
    const std::string& repeat = expected[3 * i + 1];
    EXPECT_TRUE(first.ends_with(":0")) << first;
    EXPECT_TRUE(repeat.ends_with(":1")) << repeat;
    EXPECT_EQ(first.substr(0, first.find(':')), repeat.substr(0, repeat.find(':')));
    if (i > 0) {
      EXPECT_NE(first, expected[3 * (i - 1)]) << "the path is part of it";
    }
  }
  // More threads than files, and no files at all.
  report::ScanResult few = ManyFiles(rule, 3);
  AssignFingerprints(&few, 16);
  EXPECT_EQ(Fingerprints(few), std::vector<std::string>(expected.begin(), expected.begin() + 9));
  report::ScanResult none;
  AssignFingerprints(&none, 8);
  EXPECT_TRUE(none.files.empty());
}

}  // namespace
}  // namespace iescan::app
