// The JUnit writer: well-formed XML (parsed back with libxml2), counts, one test case per
// (file, rule), clean files as passing cases, skipped files as <skipped/>.
#include "report/writers/junit.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "tests/report/sample_scan.h"
#include "tests/report/scan_builder.h"
#include "tests/report/xml_parse.h"

namespace iescan::report {
namespace {

using testing::XmlNode;

std::vector<XmlNode> Parsed(const ScanResult& scan) {
  std::ostringstream out;
  const Status status = WriteJunit(BuildPlan(scan, sample::Options()), JunitOptions{}, out);
  EXPECT_TRUE(status.ok()) << status.message();
  std::vector<XmlNode> nodes;
  std::string error;
  EXPECT_TRUE(testing::ParseXml(out.str(), &nodes, &error)) << error << "\n" << out.str();
  return nodes;
}

std::vector<const XmlNode*> WithPath(const std::vector<XmlNode>& nodes, const std::string& path) {
  std::vector<const XmlNode*> out;
  for (const XmlNode& n : nodes) {
    if (!n.comment && n.path == path) out.push_back(&n);
  }
  return out;
}

TEST(JunitTest, SuitesPerAppWithCounts) {
  const std::vector<XmlNode> nodes = Parsed(testing::OrgScan());
  ASSERT_FALSE(nodes.empty());
  EXPECT_EQ(nodes[0].path, "testsuites");
  EXPECT_EQ(nodes[0].attributes,
            (std::vector<std::pair<std::string, std::string>>{{"name", "iescan"},
                                                              {"tests", "9"},
                                                              {"failures", "7"},
                                                              {"errors", "0"},
                                                              {"skipped", "0"}}));
  const auto suites = WithPath(nodes, "testsuites/testsuite");
  ASSERT_EQ(suites.size(), 4u);
  const std::vector<std::string> names = {"keiri", "kintai", "portal", "soumu"};
  const std::vector<std::string> tests = {"1", "5", "2", "1"};
  const std::vector<std::string> failures = {"1", "3", "2", "1"};
  for (size_t i = 0; i < suites.size(); ++i) {
    SCOPED_TRACE(names[i]);
    EXPECT_EQ(suites[i]->Attr("name"), names[i]);
    EXPECT_EQ(suites[i]->Attr("tests"), tests[i]);
    EXPECT_EQ(suites[i]->Attr("failures"), failures[i]);
    EXPECT_EQ(suites[i]->Attr("errors"), "0");
    EXPECT_EQ(suites[i]->Attr("skipped"), "0");
  }
}

TEST(JunitTest, OneCasePerFileAndRuleListingItsLines) {
  const std::vector<XmlNode> nodes = Parsed(testing::OrgScan());
  const auto cases = WithPath(nodes, "testsuites/testsuite/testcase");
  ASSERT_EQ(cases.size(), 9u);
  // keiri: ten showModalDialog findings in one file make one failing case.
  EXPECT_EQ(cases[0]->Attr("classname"), "intranet/keiri/menu.htm");
  EXPECT_EQ(cases[0]->Attr("name"), "windows.show-modal-dialog");
  const auto failures = WithPath(nodes, "testsuites/testsuite/testcase/failure");
  ASSERT_EQ(failures.size(), 7u);
  EXPECT_EQ(failures[0]->Attr("message"),
            "10 findings (lines 10, 20, 30, 40, 50, 60, 70, 80, 90, 100): title of "
            "windows.show-modal-dialog");
  EXPECT_EQ(failures[0]->Attr("type"), "blocker");
  const std::string start =
      "\nintranet/keiri/menu.htm:10:7: blocker P1: message of windows.show-modal-dialog\n"
      "    window.showModalDialog(\"dlg10.htm\");\n"
      "intranet/keiri/menu.htm:20:7: ";
  EXPECT_EQ(failures[0]->text.substr(0, start.size()), start);
  // kintai: a.htm (expression), b.htm clean, common.js (two rules), sub/c.asp clean.
  EXPECT_EQ(cases[1]->Attr("classname"), "intranet/kintai/a.htm");
  EXPECT_EQ(cases[2]->Attr("classname"), "intranet/kintai/b.htm");
  EXPECT_EQ(cases[2]->Attr("name"), "no IE-only constructs");
  EXPECT_EQ(cases[3]->Attr("name"), "dom.document-all");
  EXPECT_EQ(cases[4]->Attr("name"), "events.attach-event");
  EXPECT_EQ(cases[5]->Attr("classname"), "intranet/kintai/sub/c.asp");
  EXPECT_EQ(failures[1]->Attr("message"), "1 finding (line 5): title of css.expression");
  EXPECT_EQ(failures[1]->Attr("type"), "medium");
}

TEST(JunitTest, SkippedFilesAreSkippedCases) {
  const std::vector<XmlNode> nodes = Parsed(sample::SampleScan());
  EXPECT_EQ(nodes[0].Attr("tests"), "10");
  EXPECT_EQ(nodes[0].Attr("failures"), "7");
  EXPECT_EQ(nodes[0].Attr("skipped"), "2");
  const auto skipped = WithPath(nodes, "testsuites/testsuite/testcase/skipped");
  ASSERT_EQ(skipped.size(), 2u);
  EXPECT_EQ(skipped[0]->Attr("message"), "binary file (NUL byte at offset 2)");
  EXPECT_EQ(skipped[1]->Attr("message"), "larger than --max-file-size (32 MiB)");
  const auto suites = WithPath(nodes, "testsuites/testsuite");
  EXPECT_EQ(suites[2]->Attr("name"), "勤怠管理");
  EXPECT_EQ(suites[2]->Attr("skipped"), "1");
}

TEST(JunitTest, HostileTextStaysWellFormed) {
  static constexpr char kSnippet[] = "]]></failure><x a='\x01\0\xff'>--> <![CDATA[";
  testing::ScanBuilder b;
  b.File("a/<x>&\"y\".htm", scanner::FileKind::kHtml, 5)
      .Finding(testing::TestRule("dom.document-all", rules::Severity::kHigh, rules::Effort::kSmall),
               1, 1, rules::Guard::kNone, "", std::string(kSnippet, sizeof(kSnippet) - 1));
  b.Skipped("a/bad\x02name.htm", "reason with \"quotes\" & <tags>");
  const std::vector<XmlNode> nodes = Parsed(b.scan());
  const auto failures = WithPath(nodes, "testsuites/testsuite/testcase/failure");
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_NE(failures[0]->text.find("]]></failure><x a='\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD'>--> "
                                   "<![CDATA["),
            std::string::npos);
  const auto cases = WithPath(nodes, "testsuites/testsuite/testcase");
  EXPECT_EQ(cases[0]->Attr("classname"), "intranet/a/<x>&\"y\".htm");
  EXPECT_EQ(cases[1]->Attr("classname"), "intranet/a/bad\xEF\xBF\xBDname.htm");
  EXPECT_EQ(WithPath(nodes, "testsuites/testsuite/testcase/skipped")[0]->Attr("message"),
            "reason with \"quotes\" & <tags>");
}

TEST(JunitTest, EmptyPlan) {
  std::ostringstream out;
  ASSERT_TRUE(WriteJunit(BuildPlan(ScanResult{}, PlanOptions{}), JunitOptions{}, out).ok());
  EXPECT_EQ(out.str(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<testsuites name=\"iescan\" tests=\"0\" failures=\"0\" errors=\"0\" "
            "skipped=\"0\"/>\n");
}

}  // namespace
}  // namespace iescan::report
