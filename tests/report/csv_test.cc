// The CSV writer: BOM, header, RFC 4180 quoting, formula neutralisation, CRLF rows.
#include "report/writers/csv.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "tests/report/sample_scan.h"
#include "tests/report/scan_builder.h"

namespace iescan::report {
namespace {

std::string Csv(const ScanResult& scan) {
  std::ostringstream out;
  const Status status = WriteCsv(BuildPlan(scan, sample::Options()), CsvOptions{}, out);
  EXPECT_TRUE(status.ok()) << status.message();
  return out.str();
}

// An RFC 4180 reader: cells of each CRLF-terminated record, quotes undone.
std::vector<std::vector<std::string>> Parse(const std::string& csv) {
  std::vector<std::vector<std::string>> records(1, std::vector<std::string>(1));
  bool quoted = false;
  for (size_t i = 0; i < csv.size(); ++i) {
    const char c = csv[i];
    std::string& cell = records.back().back();
    if (quoted) {
      if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      records.back().emplace_back();
    } else if (c == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n') {
      records.emplace_back(1);
      ++i;
    } else {
      cell += c;
    }
  }
  records.pop_back();  // after the final CRLF
  return records;
}

std::vector<std::string> Rows(const std::string& csv) {
  std::vector<std::string> rows;
  size_t start = 0;
  while (start < csv.size()) {
    const size_t end = csv.find("\r\n", start);
    rows.push_back(csv.substr(start, end - start));
    start = end + 2;
  }
  return rows;
}

TEST(CsvTest, BomHeaderAndOneRowPerFinding) {
  const std::string csv = Csv(sample::SampleScan());
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(csv.substr(csv.size() - 2), "\r\n");
  const std::vector<std::string> rows = Rows(csv.substr(3));
  ASSERT_EQ(rows.size(), 9u);
  EXPECT_EQ(rows[0],
            "app,path,line,column,rule,category,severity,priority,guard,effort,message,snippet");
  EXPECT_EQ(rows[1],
            "hr,hr/index.asp,3,1,markup.conditional-comment,markup,low,P4,none,trivial,"
            "conditional comment <!--[if IE]> is ignored outside Internet Explorer,<!--[if IE]>");
  EXPECT_EQ(rows[2],
            "hr,hr/index.asp,14,15,activex.activex-object,activex,blocker,P1,unguarded,large,"
            "\"new ActiveXObject(\"\"Scripting.FileSystemObject\"\") works only in Internet "
            "Explorer\",\"var fso = new ActiveXObject(\"\"Scripting.FileSystemObject\"\");\"");
  EXPECT_EQ(rows[8],
            "勤怠管理,勤怠管理/勤怠入力.htm,40,1,events.attach-event,events,blocker,P1,unguarded,"
            "small,attachEvent() exists only in old Internet Explorer; use addEventListener(),"
            "\"window.attachEvent(\"\"onload\"\", 初期化);\"");
}

TEST(CsvTest, FormulasAreNeutralisedAndLineBreaksQuoted) {
  testing::ScanBuilder b("=cmd|'-c calc'!A0");
  const rules::Rule& rule =
      testing::TestRule("dom.document-all", rules::Severity::kHigh, rules::Effort::kSmall);
  b.File("a.htm", scanner::FileKind::kHtml, 5)
      .Finding(rule, 1, 1, rules::Guard::kNone, "", "=HYPERLINK(\"http://evil\",\"x\")")
      .Finding(rule, 2, 1, rules::Guard::kNone, "", "+1+1")
      .Finding(rule, 3, 1, rules::Guard::kNone, "", "-2")
      .Finding(rule, 4, 1, rules::Guard::kNone, "", "@SUM(A1:A2)")
      .Finding(rule, 5, 1, rules::Guard::kNone, "", "\tx")
      .Finding(rule, 6, 1, rules::Guard::kNone, "", "a\r\nb")
      .Finding(rule, 7, 1, rules::Guard::kNone, "", "bad \xff byte");
  const std::string csv = Csv(b.scan());
  const auto records = Parse(csv.substr(3));
  ASSERT_EQ(records.size(), 8u);
  for (const auto& r : records) ASSERT_EQ(r.size(), 12u);
  EXPECT_EQ(records[1][0], "'=cmd|'-c calc'!A0");        // app
  EXPECT_EQ(records[1][1], "'=cmd|'-c calc'!A0/a.htm");  // path
  EXPECT_EQ(records[1][11], "'=HYPERLINK(\"http://evil\",\"x\")");
  EXPECT_EQ(records[2][11], "'+1+1");
  EXPECT_EQ(records[3][11], "'-2");
  EXPECT_EQ(records[4][11], "'@SUM(A1:A2)");
  EXPECT_EQ(records[5][11], "'\tx");
  EXPECT_EQ(records[6][11], "a\r\nb");  // the line break stays inside one quoted cell
  EXPECT_EQ(records[7][11], "bad \xEF\xBF\xBD byte");
  EXPECT_EQ(records[1][2], "1");  // numbers are never prefixed
  // The raw bytes of the quoted cells.
  EXPECT_NE(csv.find(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"\r\n"), std::string::npos);
  EXPECT_NE(csv.find(",\"a\r\nb\"\r\n"), std::string::npos);
}

TEST(CsvTest, EmptyPlanHasOnlyTheHeader) {
  std::ostringstream out;
  ASSERT_TRUE(WriteCsv(BuildPlan(ScanResult{}, PlanOptions{}), CsvOptions{}, out).ok());
  EXPECT_EQ(out.str(),
            "\xEF\xBB\xBF"
            "app,path,line,column,rule,category,severity,priority,guard,effort,message,"
            "snippet\r\n");
}

}  // namespace
}  // namespace iescan::report
