// The Markdown writer: the exact summary of the sample, a top-10 cut, and escaping that
// keeps scanned text from injecting HTML or breaking tables.
#include "report/writers/markdown.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "tests/report/sample_scan.h"
#include "tests/report/scan_builder.h"

namespace iescan::report {
namespace {

std::string Markdown(const ScanResult& scan, const PlanOptions& options = sample::Options()) {
  std::ostringstream out;
  const Status status = WriteMarkdown(BuildPlan(scan, options), MarkdownOptions{}, out);
  EXPECT_TRUE(status.ok()) << status.message();
  return out.str();
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// `text` without its code spans (CommonMark: a backtick run opens a span closed by a run
// of the same length).
std::string OutsideCodeSpans(const std::string& text) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] != '`' || (i > 0 && text[i - 1] == '\\')) {
      out += text[i++];
      continue;
    }
    size_t run = 0;
    while (i + run < text.size() && text[i + run] == '`') ++run;
    const std::string fence(run, '`');
    size_t close = text.find(fence, i + run);
    while (close != std::string::npos && close + run < text.size() && text[close + run] == '`') {
      close = text.find(fence, close + run + 1);
    }
    if (close == std::string::npos) {
      out += fence;
      i += run;
    } else {
      i = close + run;
    }
  }
  return out;
}

// Table cell separators: '|' not escaped by a backslash.
size_t Pipes(const std::string& line) {
  size_t n = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '|' && (i == 0 || line[i - 1] != '\\')) ++n;
  }
  return n;
}

TEST(MarkdownTest, SampleSummary) {
  const std::string expected =
      "## iescan: Internet Explorer migration report\n"
      "\n"
      "**5 files** scanned, 2 skipped, in 3 apps: **8 findings** (3 blocker, 3 high, 1 medium, "
      "1 low; P1 3, P2 1, P3 3, P4 1). Estimated effort: **26.4 h**.\n"
      "\n"
      "| App | Status | Score | Effort (h) | P1 | Findings | Files |\n"
      "|---|---|---:|---:|---:|---:|---:|\n"
      "| apps | Ready | 100 | 0.0 | 0 | 0 | 1 |\n"
      "| hr | Blocked: needs IE mode | 20 | 19.7 | 2 | 5 | 2 |\n"
      "| 勤怠管理 | Minor fixes | 68 | 6.7 | 1 | 3 | 2 |\n"
      "\n"
      "### Top 8 findings\n"
      "\n"
      "| # | Priority | Rule | Location | Finding | Code |\n"
      "|---:|---|---|---|---|---|\n"
      "| 1 | P1 (100.0) | `activex.activex-object` | hr/index.asp:14:15 | new "
      "ActiveXObject(\"Scripting.FileSystemObject\") works only in Internet Explorer | `var fso "
      "= new ActiveXObject(\"Scripting.FileSystemObject\");` |\n"
      "| 2 | P1 (100.0) | `events.attach-event` | hr/scripts/menu.js:7:3 | attachEvent() exists "
      "only in old Internet Explorer; use addEventListener() | `menu.attachEvent(\"onclick\", "
      "toggle);` |\n"
      "| 3 | P1 (100.0) | `events.attach-event` | 勤怠管理/勤怠入力.htm:40:1 | attachEvent() "
      "exists only in old Internet Explorer; use addEventListener() | "
      "`window.attachEvent(\"onload\", 初期化);` |\n"
      "| 4 | P2 (56.0) | `dom.document-all` | 勤怠管理/勤怠入力.htm:33:9 | document.all is not "
      "supported outside Internet Explorer | `var f = document.all[\"勤務時間\"];` |\n"
      "| 5 | P3 (40.0) | `css.expression` | 勤怠管理/style.css:8:10 | expression() is ignored "
      "outside Internet Explorer | `width: expression(document.body.clientWidth > 800 ? "
      "\"800px\" : \"auto\");` |\n"
      "| 6 | P3 (21.0) | `dom.document-all` | hr/scripts/menu.js:12:5 | document.all is not "
      "supported outside Internet Explorer | `if (document.all) { x = document.all.menu; }` |\n"
      "| 7 | P3 (21.0) | `dom.document-all` | hr/scripts/menu.js:12:30 | document.all is not "
      "supported outside Internet Explorer | `if (document.all) { x = document.all.menu; }` |\n"
      "| 8 | P4 (15.0) | `markup.conditional-comment` | hr/index.asp:3:1 | conditional comment "
      "&lt;\\!--\\[if IE\\]&gt; is ignored outside Internet Explorer | `<!--[if IE]>` |\n"
      "\n"
      "### Migration order\n"
      "\n"
      "1. apps: Ready (1 page, 0.0 h)\n"
      "2. 勤怠管理: Minor fixes (1 page, 6.7 h)\n"
      "3. hr: **IE mode now** (1 page, 19.7 h)\n";
  EXPECT_EQ(Markdown(sample::SampleScan()), expected);
}

TEST(MarkdownTest, TopTenByPriorityScore) {
  const std::vector<std::string> lines = Lines(Markdown(testing::OrgScan()));
  std::vector<std::string> rows;
  bool in_top = false;
  for (const std::string& line : lines) {
    if (line.rfind("### ", 0) == 0) in_top = line == "### Top 10 findings";
    if (in_top && line.rfind("| ", 0) == 0 && line.rfind("| #", 0) != 0) rows.push_back(line);
  }
  ASSERT_EQ(rows.size(), 10u);  // of 16 findings
  EXPECT_EQ(rows[0].substr(0, 70),
            "| 1 | P1 (139.6) | `events.attach-event` | intranet/kintai/js/common.j");
  const std::string second =
      "| 2 | P1 (100.0) | `windows.show-modal-dialog` | intranet/keiri/menu.htm:10:7 |";
  EXPECT_EQ(rows[1].substr(0, second.size()), second);
  const std::string last =
      "| 10 | P1 (100.0) | `windows.show-modal-dialog` | intranet/keiri/menu.htm:90:7 |";
  EXPECT_EQ(rows[9].substr(0, last.size()), last);
}

TEST(MarkdownTest, ScannedTextCannotInjectHtmlOrBreakTables) {
  testing::ScanBuilder b("intranet");
  const rules::Rule& rule =
      testing::TestRule("dom.document-all", rules::Severity::kHigh, rules::Effort::kSmall);
  b.File("*evil*|[x](javascript:alert(1))/a`b`.htm", scanner::FileKind::kHtml, 5)
      .Finding(rule, 2, 4, rules::Guard::kNone, "", "x = '<script>alert(1)</script>' | y || `z`");
  ScanResult scan = b.scan();
  scan.files[0].findings[0].message = SharedText("<img src=x onerror=alert(1)> & | more\nnext line");
  const std::string md = Markdown(scan);
  // The snippet is a code span: literal text, pipes escaped for the table, a longer fence
  // and padding because it holds and ends with backticks.
  EXPECT_NE(md.find(" | `` x = '<script>alert(1)</script>' \\| y \\|\\| `z` `` |\n"),
            std::string::npos)
      << md;
  // The message and the path are text: entities and backslash escapes.
  EXPECT_NE(md.find(" | &lt;img src=x onerror=alert(1)&gt; &amp; \\| more next line | "),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("| intranet/\\*evil\\*\\|\\[x\\](javascript:alert(1))/a\\`b\\`.htm:2:4 |"),
            std::string::npos)
      << md;
  // Outside code spans no '<' or '>' remains: no raw HTML can reach the renderer.
  const std::string outside = OutsideCodeSpans(md);
  EXPECT_EQ(outside.find('<'), std::string::npos) << outside;
  EXPECT_EQ(outside.find('>'), std::string::npos) << outside;
  // Every table row has exactly its columns.
  for (const std::string& line : Lines(md)) {
    if (line.rfind("| ", 0) != 0 && line.rfind("|---", 0) != 0) continue;
    SCOPED_TRACE(line);
    const bool findings_table = line.find("P2 (") != std::string::npos ||
                                line.rfind("| # ", 0) == 0 || line.rfind("|---:|---|", 0) == 0;
    EXPECT_EQ(Pipes(line), findings_table ? 7u : 8u);
  }
}

TEST(MarkdownTest, IncompleteScanWarnsAndLongMessagesAreCut) {
  ScanResult scan = testing::OrgScan();
  scan.complete = false;
  scan.files[1].findings[0].message = SharedText(std::string(300, 'x') + "勤怠");  // the top finding
  const std::string md = Markdown(scan);
  EXPECT_NE(md.find("\n**Warning:** the scan is incomplete (interrupted or a budget ran out); "
                    "counts cover only what was scanned.\n"),
            std::string::npos);
  EXPECT_NE(md.find(" | " + std::string(160, 'x') + "\xE2\x80\xA6 | "), std::string::npos);
}

}  // namespace
}  // namespace iescan::report
