// Finding fingerprints: exact hash values and stability when lines move.
#include "report/fingerprint.h"

#include <gtest/gtest.h>

#include <string>

#include "report/plan.h"
#include "tests/report/scan_builder.h"

namespace iescan::report {
namespace {

TEST(FingerprintTest, Fnv1aOfTheFieldsSeparatedByNulThenTheOccurrence) {
  // FNV-1a 64 of "\0\0", and of a real finding's fields.
  EXPECT_EQ(Fingerprint("", "", "", 0), "08328807b4eb6fed:0");
  EXPECT_EQ(Fingerprint("events.attach-event", "kintai/js/common.js",
                        "el.attachEvent(\"onclick\", go);", 0),
            "1033a168312318f0:0");
  EXPECT_EQ(Fingerprint("dom.document-all", "勤怠管理/勤怠入力.htm",
                        "var f = document.all[\"勤務時間\"];", 3),
            "51f1292d01f866db:3");
}

TEST(FingerprintTest, SnippetWhitespaceIsNormalised) {
  EXPECT_EQ(NormalizeSnippet("  if (document.all)\t{  x = 1; }\r\n"),
            "if (document.all) { x = 1; }");
  EXPECT_EQ(NormalizeSnippet(""), "");
  EXPECT_EQ(NormalizeSnippet(" \t "), "");
}

TEST(FingerprintTest, PlanFingerprintsUseTheRootRelativePath) {
  const Plan plan = BuildPlan(testing::OrgScan(), PlanOptions{});
  for (const PlanFinding& f : plan.findings) {
    if (f.path != "intranet/kintai/js/common.js" || f.line != 10) continue;
    EXPECT_EQ(f.fingerprint, "1033a168312318f0:0");
    return;
  }
  ADD_FAILURE() << "attachEvent finding not found";
}

TEST(FingerprintTest, FingerprintsAssignedByTheRunAreKept) {
  ScanResult scan = testing::OrgScan();
  scan.files[1].findings[0].fingerprint = "0123456789abcdef:7";  // kintai/js/common.js:10
  const Plan plan = BuildPlan(scan, PlanOptions{});
  for (const PlanFinding& f : plan.findings) {
    if (f.path != "intranet/kintai/js/common.js") continue;
    EXPECT_EQ(f.fingerprint, f.line == 10 ? "0123456789abcdef:7"
                                          : Fingerprint("dom.document-all", "kintai/js/common.js",
                                                        "var x = document.all ? document.all[id] "
                                                        ": null;",
                                                        0));
  }
}

TEST(FingerprintTest, StableWhenLinesMoveAndIndentationChanges) {
  ScanResult before = testing::OrgScan();
  ScanResult after = before;
  after.roots = {"checkout-2/intranet"};
  for (FileResult& file : after.files) {
    file.origin.display = "checkout-2/" + file.origin.display;
    file.origin.root = "checkout-2/intranet";
    for (rules::Finding& f : file.findings) {
      f.begin.line += 50;
      f.end.line += 50;
      f.snippet = "    " + f.snippet + "  ";
    }
  }
  const Plan a = BuildPlan(before, PlanOptions{});
  const Plan b = BuildPlan(after, PlanOptions{});
  ASSERT_EQ(a.findings.size(), b.findings.size());
  for (size_t i = 0; i < a.findings.size(); ++i) {
    SCOPED_TRACE(a.findings[i].path);
    EXPECT_EQ(a.findings[i].line + 50, b.findings[i].line);
    EXPECT_EQ(a.findings[i].fingerprint, b.findings[i].fingerprint);
  }
}

}  // namespace
}  // namespace iescan::report
