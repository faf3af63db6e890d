#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "report/writers/text.h"
#include "tests/report/sample_scan.h"

namespace iescan::report {
namespace {

std::string Text(const Plan& plan, bool color = false) {
  std::ostringstream out;
  const Status status = WriteText(plan, TextOptions{color}, out);
  EXPECT_TRUE(status.ok()) << status.message();
  return out.str();
}

Plan SamplePlan() { return BuildPlan(sample::SampleScan(), sample::Options("0.1.0")); }

TEST(TextWriterTest, SampleReportLineByLine) {
  const std::string expected =
      "hr/index.asp:3:1: low: conditional comment <!--[if IE]> is ignored outside Internet "
      "Explorer [markup.conditional-comment]\n"
      "hr/index.asp:14:15: blocker: new ActiveXObject(\"Scripting.FileSystemObject\") works "
      "only in Internet Explorer [activex.activex-object]\n"
      "hr/scripts/menu.js:7:3: blocker: attachEvent() exists only in old Internet Explorer; "
      "use addEventListener() [events.attach-event]\n"
      "hr/scripts/menu.js:12:5: high: document.all is not supported outside Internet Explorer "
      "[dom.document-all]\n"
      "hr/scripts/menu.js:12:30: high: document.all is not supported outside Internet "
      "Explorer [dom.document-all]\n"
      "勤怠管理/style.css:8:10: medium: expression() is ignored outside Internet Explorer "
      "[css.expression]\n"
      "勤怠管理/勤怠入力.htm:33:9: high: document.all is not supported outside Internet "
      "Explorer [dom.document-all]\n"
      "勤怠管理/勤怠入力.htm:40:1: blocker: attachEvent() exists only in old Internet "
      "Explorer; use addEventListener() [events.attach-event]\n"
      "hr/setup.exe: skipped: binary file (NUL byte at offset 2)\n"
      "勤怠管理/archive/old.htm: skipped: larger than --max-file-size (32 MiB)\n"
      "\n"
      "5 files scanned, 2 skipped, 8 findings (3 blocker, 3 high, 1 medium, 1 low)\n"
      "priority: 3 P1, 1 P2, 3 P3, 1 P4; estimated effort 26.4 h\n"
      "apps: 1 ready, 1 minor fixes, 0 migration needed, 1 blocked (needs IE mode)\n"
      "\n"
      "app       files  skipped  blocker  high  medium  low  P1  score  effort(h)  status\n"
      "apps          1        0        0     0       0    0   0    100        0.0  Ready\n"
      "hr            2        1        2     2       0    1   2     20       19.7  "
      "Blocked: needs IE mode\n"
      "勤怠管理      2        1        1     1       1    0   1     68        6.7  Minor fixes\n"
      "migration order: 1. apps, 2. 勤怠管理, 3. hr (IE mode now)\n";
  EXPECT_EQ(Text(SamplePlan()), expected);
}

TEST(TextWriterTest, ColourPaintsSeverityAndDimsRuleId) {
  const std::string text = Text(SamplePlan(), /*color=*/true);
  const std::string first_line = text.substr(0, text.find('\n'));
  EXPECT_EQ(first_line,
            "hr/index.asp:3:1: \x1b[36mlow\x1b[0m: conditional comment <!--[if IE]> is ignored "
            "outside Internet Explorer \x1b[2m[markup.conditional-comment]\x1b[0m");
  EXPECT_NE(text.find("hr/index.asp:14:15: \x1b[1;31mblocker\x1b[0m: "), std::string::npos);
  EXPECT_NE(text.find("hr/scripts/menu.js:12:5: \x1b[31mhigh\x1b[0m: "), std::string::npos);
  EXPECT_NE(text.find("勤怠管理/style.css:8:10: \x1b[33mmedium\x1b[0m: "), std::string::npos);
  // Summary and table stay plain.
  EXPECT_NE(text.find("\n5 files scanned, 2 skipped, 8 findings (3 blocker, 3 high, 1 medium, "
                      "1 low)\n"),
            std::string::npos);
}

TEST(TextWriterTest, NoColourMeansNoEscapeBytes) {
  EXPECT_EQ(Text(SamplePlan()).find('\x1b'), std::string::npos);
}

TEST(TextWriterTest, SummaryOnlyLeavesOutFindingAndSkippedLines) {
  TextOptions options;
  options.summary_only = true;
  options.color = true;
  std::ostringstream out;
  ASSERT_TRUE(WriteText(SamplePlan(), options, out).ok());
  const std::string expected =
      "5 files scanned, 2 skipped, 8 findings (3 blocker, 3 high, 1 medium, 1 low)\n"
      "priority: 3 P1, 1 P2, 3 P3, 1 P4; estimated effort 26.4 h\n"
      "apps: 1 ready, 1 minor fixes, 0 migration needed, 1 blocked (needs IE mode)\n"
      "\n"
      "app       files  skipped  blocker  high  medium  low  P1  score  effort(h)  status\n"
      "apps          1        0        0     0       0    0   0    100        0.0  Ready\n"
      "hr            2        1        2     2       0    1   2     20       19.7  "
      "Blocked: needs IE mode\n"
      "勤怠管理      2        1        1     1       1    0   1     68        6.7  Minor fixes\n"
      "migration order: 1. apps, 2. 勤怠管理, 3. hr (IE mode now)\n";
  EXPECT_EQ(out.str(), expected);
}

TEST(TextWriterTest, EmptyScanPrintsOnlyTheSummary) {
  EXPECT_EQ(Text(BuildPlan(ScanResult{}, PlanOptions{})),
            "0 files scanned, 0 skipped, 0 findings\n");
}

TEST(TextWriterTest, SingularWordsAndIncompleteWarning) {
  ScanResult scan = sample::SampleScan();
  scan.files.erase(scan.files.begin() + 1, scan.files.end());  // keep 勤怠入力.htm
  scan.files[0].findings.resize(1);                            // attachEvent at 40:1
  scan.skipped.clear();
  scan.complete = false;
  const std::string expected =
      "勤怠管理/勤怠入力.htm:40:1: blocker: attachEvent() exists only in old Internet "
      "Explorer; use addEventListener() [events.attach-event]\n"
      "\n"
      "1 file scanned, 0 skipped, 1 finding (1 blocker, 0 high, 0 medium, 0 low)\n"
      "priority: 1 P1, 0 P2, 0 P3, 0 P4; estimated effort 1.0 h\n"
      "apps: 0 ready, 1 minor fixes, 0 migration needed, 0 blocked (needs IE mode)\n"
      "warning: the scan is incomplete (interrupted or a budget ran out); counts cover only "
      "what was scanned\n"
      "\n"
      "app       files  skipped  blocker  high  medium  low  P1  score  effort(h)  status\n"
      "勤怠管理      1        0        1     0       0    0   1     82        1.0  Minor fixes\n"
      "migration order: 1. 勤怠管理\n";
  EXPECT_EQ(Text(BuildPlan(scan, PlanOptions{})), expected);
}

TEST(TextWriterTest, HostileStringsCannotReachTheTerminal) {
  ScanResult scan = sample::SampleScan();
  scan.files.resize(1);
  scan.files[0].findings.resize(1);
  scan.files[0].findings[0].message =
      SharedText("title\x1b]0;pwned\x07 \xe2\x80\xae reversed\n next");
  scan.files[0].origin.display = "勤怠管理/bad\x82\xa0name.htm";  // Shift_JIS bytes
  scan.skipped = {{"hr/x\ty.bin", "binary\r\n"}};
  const std::string text = Text(BuildPlan(scan, PlanOptions{}));
  EXPECT_NE(text.find("勤怠管理/bad\xEF\xBF\xBD\xEF\xBF\xBDname.htm:40:1: blocker: "
                      "title\\x1B]0;pwned\\x07 \\u202E reversed\\x0A next [events.attach-event]\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("hr/x\\x09y.bin: skipped: binary\\x0D\\x0A\n"), std::string::npos) << text;
  EXPECT_EQ(text.find('\x1b'), std::string::npos);
}

TEST(TextWriterTest, FailedStreamIsAnError) {
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  EXPECT_FALSE(WriteText(SamplePlan(), TextOptions{}, out).ok());
}

}  // namespace
}  // namespace iescan::report
