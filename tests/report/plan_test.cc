#include "report/plan.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "report/writers/json.h"
#include "tests/report/sample_scan.h"
#include "tests/report/scan_builder.h"

namespace iescan::report {
namespace {

using rules::Severity;

Plan SamplePlan() { return BuildPlan(sample::SampleScan(), sample::Options("0.1.0")); }

SeverityCounts Counts(uint32_t blocker, uint32_t high, uint32_t medium, uint32_t low) {
  SeverityCounts c;
  c[Severity::kBlocker] = blocker;
  c[Severity::kHigh] = high;
  c[Severity::kMedium] = medium;
  c[Severity::kLow] = low;
  return c;
}

TEST(PlanTest, CopiesRunFacts) {
  ScanResult scan = sample::SampleScan();
  scan.complete = false;
  const Plan plan = BuildPlan(scan, sample::Options("1.2.3"));
  EXPECT_EQ(plan.tool_name, "iescan");
  EXPECT_EQ(plan.tool_version, "1.2.3");
  EXPECT_EQ(plan.roots, std::vector<std::string>{"corpus/apps"});
  EXPECT_FALSE(plan.complete);
  EXPECT_TRUE(SamplePlan().complete);
}

TEST(PlanTest, FilesAreSortedByPathWithTheirFindingRanges) {
  const Plan plan = SamplePlan();
  ASSERT_EQ(plan.files.size(), 5u);
  const std::vector<std::string> paths = {"hr/index.asp", "hr/scripts/menu.js", "index.html",
                                          "勤怠管理/style.css", "勤怠管理/勤怠入力.htm"};
  const std::vector<size_t> first = {0, 2, 5, 5, 6};
  const std::vector<uint32_t> count = {2, 3, 0, 1, 2};
  const std::vector<std::string> apps = {"hr", "hr", "apps", "勤怠管理", "勤怠管理"};
  for (size_t i = 0; i < paths.size(); ++i) {
    SCOPED_TRACE(paths[i]);
    EXPECT_EQ(plan.files[i].path, paths[i]);
    EXPECT_EQ(plan.files[i].first_finding, first[i]);
    EXPECT_EQ(plan.files[i].finding_count, count[i]);
    EXPECT_EQ(plan.files[i].app, apps[i]);
    EXPECT_EQ(plan.apps[plan.files[i].app_index].name, apps[i]);
  }
  const PlanFile& asp = plan.files[0];
  EXPECT_EQ(asp.root, "corpus/apps");
  EXPECT_FALSE(asp.is_url);
  EXPECT_EQ(asp.kind.kind, scanner::FileKind::kHtml);
  EXPECT_EQ(asp.kind.server, scanner::ServerDialect::kAsp);
  EXPECT_EQ(asp.encoding, "Shift_JIS");
  EXPECT_EQ(asp.encoding_source, "meta");
  EXPECT_EQ(asp.bytes, 2048u);
  EXPECT_EQ(asp.lines, 60u);
  EXPECT_EQ(asp.by_severity, Counts(1, 0, 0, 1));
}

TEST(PlanTest, FindingsAreOrderedByFileLineColumnRule) {
  const Plan plan = SamplePlan();
  struct Expected {
    const char* path;
    uint32_t line;
    uint32_t column;
    const char* rule;
    size_t file_index;
  };
  const std::vector<Expected> expected = {
      {"hr/index.asp", 3, 1, "markup.conditional-comment", 0},
      {"hr/index.asp", 14, 15, "activex.activex-object", 0},
      {"hr/scripts/menu.js", 7, 3, "events.attach-event", 1},
      {"hr/scripts/menu.js", 12, 5, "dom.document-all", 1},
      {"hr/scripts/menu.js", 12, 30, "dom.document-all", 1},
      {"勤怠管理/style.css", 8, 10, "css.expression", 3},
      {"勤怠管理/勤怠入力.htm", 33, 9, "dom.document-all", 4},
      {"勤怠管理/勤怠入力.htm", 40, 1, "events.attach-event", 4},
  };
  ASSERT_EQ(plan.findings.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(plan.findings[i].path, expected[i].path);
    EXPECT_EQ(plan.findings[i].line, expected[i].line);
    EXPECT_EQ(plan.findings[i].column, expected[i].column);
    EXPECT_EQ(plan.findings[i].rule_id, expected[i].rule);
    EXPECT_EQ(plan.findings[i].file_index, expected[i].file_index);
  }
}

TEST(PlanTest, FindingCopiesEveryField) {
  const Plan plan = SamplePlan();
  const PlanFinding& f = plan.findings[1];
  ASSERT_NE(f.rule, nullptr);
  EXPECT_EQ(f.rule->id, "activex.activex-object");
  EXPECT_EQ(f.rule_id, "activex.activex-object");
  EXPECT_EQ(f.category, "activex");
  EXPECT_EQ(f.title, "new ActiveXObject(...)");
  EXPECT_EQ(f.severity, Severity::kBlocker);
  EXPECT_EQ(f.confidence, rules::Confidence::kHigh);
  EXPECT_EQ(f.effort, rules::Effort::kLarge);
  EXPECT_EQ(f.message,
            "new ActiveXObject(\"Scripting.FileSystemObject\") works only in Internet Explorer");
  EXPECT_EQ(f.line, 14u);
  EXPECT_EQ(f.column, 15u);
  EXPECT_EQ(f.end_line, 14u);
  EXPECT_EQ(f.end_column, 63u);
  EXPECT_EQ(f.snippet, "var fso = new ActiveXObject(\"Scripting.FileSystemObject\");");
  EXPECT_EQ(f.language, scanner::Language::kJs);
  EXPECT_EQ(f.guard, rules::Guard::kUnguarded);
  EXPECT_EQ(f.detail, "Scripting.FileSystemObject");
}

TEST(PlanTest, SameLocationIsOrderedByRuleId) {
  ScanResult scan = sample::SampleScan();
  scan.files.resize(1);                              // 勤怠入力.htm
  rules::Finding extra = scan.files[0].findings[1];  // document.all at 33:9
  rules::Rule earlier = *extra.rule;
  earlier.id = "dom.all-collection";
  extra.rule = &earlier;
  scan.files[0].findings.push_back(extra);
  const Plan plan = BuildPlan(scan, PlanOptions{});
  ASSERT_EQ(plan.findings.size(), 3u);
  EXPECT_EQ(plan.findings[0].rule_id, "dom.all-collection");
  EXPECT_EQ(plan.findings[1].rule_id, "dom.document-all");
  EXPECT_EQ(plan.findings[1].line, 33u);
  EXPECT_EQ(plan.findings[2].line, 40u);
}

TEST(PlanTest, SkippedAreSortedAndGroupedByApp) {
  const Plan plan = SamplePlan();
  ASSERT_EQ(plan.skipped.size(), 2u);
  EXPECT_EQ(plan.skipped[0].path, "hr/setup.exe");
  EXPECT_EQ(plan.skipped[0].reason, "binary file (NUL byte at offset 2)");
  EXPECT_EQ(plan.skipped[0].app, "hr");
  EXPECT_EQ(plan.skipped[1].path, "勤怠管理/archive/old.htm");
  EXPECT_EQ(plan.skipped[1].app, "勤怠管理");
}

TEST(PlanTest, AppsCountFilesSkippedAndSeverities) {
  const Plan plan = SamplePlan();
  ASSERT_EQ(plan.apps.size(), 3u);
  EXPECT_EQ(plan.apps[0].name, "apps");
  EXPECT_EQ(plan.apps[0].files, 1u);
  EXPECT_EQ(plan.apps[0].skipped, 0u);
  EXPECT_EQ(plan.apps[0].findings, 0u);
  EXPECT_EQ(plan.apps[0].file_indices, std::vector<size_t>{2});
  EXPECT_EQ(plan.apps[1].name, "hr");
  EXPECT_EQ(plan.apps[1].files, 2u);
  EXPECT_EQ(plan.apps[1].skipped, 1u);
  EXPECT_EQ(plan.apps[1].findings, 5u);
  EXPECT_EQ(plan.apps[1].by_severity, Counts(2, 2, 0, 1));
  EXPECT_EQ(plan.apps[1].file_indices, (std::vector<size_t>{0, 1}));
  EXPECT_EQ(plan.apps[2].name, "勤怠管理");
  EXPECT_EQ(plan.apps[2].files, 2u);
  EXPECT_EQ(plan.apps[2].skipped, 1u);
  EXPECT_EQ(plan.apps[2].findings, 3u);
  EXPECT_EQ(plan.apps[2].by_severity, Counts(1, 1, 1, 0));
  EXPECT_EQ(plan.apps[2].file_indices, (std::vector<size_t>{3, 4}));
}

TEST(PlanTest, SummaryCountsBySeverityRuleAndCategory) {
  const PlanSummary s = SamplePlan().summary;
  EXPECT_EQ(s.files, 5u);
  EXPECT_EQ(s.skipped, 2u);
  EXPECT_EQ(s.findings, 8u);
  EXPECT_EQ(s.by_severity, Counts(3, 3, 1, 1));
  const std::vector<NameCount> by_rule = {{"activex.activex-object", 1},
                                          {"css.expression", 1},
                                          {"dom.document-all", 3},
                                          {"events.attach-event", 2},
                                          {"markup.conditional-comment", 1}};
  EXPECT_EQ(s.by_rule, by_rule);
  const std::vector<NameCount> by_category = {
      {"activex", 1}, {"css", 1}, {"dom", 3}, {"events", 2}, {"markup", 1}};
  EXPECT_EQ(s.by_category, by_category);
}

TEST(PlanTest, RulesUsedAreCopiedWithCounts) {
  const Plan plan = SamplePlan();
  ASSERT_EQ(plan.rules.size(), 5u);
  const PlanRule& r = plan.rules[2];
  EXPECT_EQ(r.rule, &sample::SampleDocumentAllRule());
  EXPECT_EQ(r.id, "dom.document-all");
  EXPECT_EQ(r.category, "dom");
  EXPECT_EQ(r.title, "document.all");
  EXPECT_EQ(r.severity, Severity::kHigh);
  EXPECT_EQ(r.confidence, rules::Confidence::kHigh);
  EXPECT_EQ(r.effort, rules::Effort::kSmall);
  EXPECT_EQ(r.replacement, "document.getElementById() / querySelectorAll()");
  EXPECT_EQ(r.references, std::vector<std::string>{
                              "https://developer.mozilla.org/docs/Web/API/dom.document-all"});
  EXPECT_EQ(r.findings, 3u);
}

TEST(PlanTest, FindingWithoutRuleIsLeftOut) {
  ScanResult scan = sample::SampleScan();
  scan.files[0].findings[0].rule = nullptr;  // 勤怠入力.htm 40:1
  const Plan plan = BuildPlan(scan, PlanOptions{});
  EXPECT_EQ(plan.summary.findings, 7u);
  EXPECT_EQ(plan.files[4].finding_count, 1u);
  EXPECT_EQ(plan.files[4].by_severity, Counts(0, 1, 0, 0));
}

TEST(PlanTest, UrlOriginsAreGroupedByHostAndFirstSegment) {
  ScanResult scan;
  scan.roots = {"http://portal.example.co.jp/"};
  for (const char* url :
       {"http://portal.example.co.jp/kintai/menu/top.asp", "http://portal.example.co.jp/index.asp",
        "http://portal.example.co.jp/kintai/default.asp"}) {
    FileResult file;
    file.origin = {url, "", "http://portal.example.co.jp/", true};
    scan.files.push_back(file);
  }
  scan.skipped.push_back({"http://portal.example.co.jp/hr/photo.cgi", "HTTP 500"});
  const Plan plan = BuildPlan(scan, PlanOptions{});
  ASSERT_EQ(plan.apps.size(), 3u);
  EXPECT_EQ(plan.apps[0].name, "portal.example.co.jp");
  EXPECT_EQ(plan.apps[0].files, 1u);
  EXPECT_EQ(plan.apps[1].name, "portal.example.co.jp/hr");
  EXPECT_EQ(plan.apps[1].files, 0u);
  EXPECT_EQ(plan.apps[1].skipped, 1u);
  EXPECT_EQ(plan.apps[2].name, "portal.example.co.jp/kintai");
  EXPECT_EQ(plan.apps[2].files, 2u);
  EXPECT_EQ(plan.files[0].path, "http://portal.example.co.jp/index.asp");
  EXPECT_TRUE(plan.files[0].is_url);
}

TEST(PlanTest, EmptyScanGivesEmptyPlan) {
  const Plan plan = BuildPlan(ScanResult{}, sample::Options("0.1.0"));
  EXPECT_TRUE(plan.files.empty());
  EXPECT_TRUE(plan.findings.empty());
  EXPECT_TRUE(plan.apps.empty());
  EXPECT_TRUE(plan.rules.empty());
  EXPECT_EQ(plan.summary.by_severity, Counts(0, 0, 0, 0));
}

TEST(PlanTest, ArrivalOrderOfFilesDoesNotChangeThePlan) {
  // The scan's threads finish files in any order; the plan puts them in its own order (and
  // releases each as it takes it over). Many files, some in two roots, shuffled with
  // several seeds, give the same JSON report.
  const rules::Rule& rule = testing::TestRule("dom.document-all", rules::Severity::kHigh,
                                              rules::Effort::kSmall);
  ScanResult base;
  for (const char* root : {"intranet", "mirror"}) {
    testing::ScanBuilder builder(root);
    for (int i = 0; i < 300; ++i) {
      builder.File("app" + std::to_string(i % 9) + "/p" + std::to_string(i) + ".htm",
                   scanner::FileKind::kHtml, 40, {"../common.js"});
      for (uint32_t line = 1; line <= static_cast<uint32_t>(i % 4); ++line) {
        builder.Finding(rule, line * 3, 1 + line);
      }
    }
    for (const FileResult& f : builder.scan().files) base.files.push_back(f);
    base.roots.push_back(root);
  }
  auto json = [](const ScanResult& scan) {
    std::ostringstream out;
    EXPECT_TRUE(WriteJson(BuildPlan(scan, PlanOptions{}), JsonOptions{}, out).ok());
    return out.str();
  };
  const std::string expected = json(base);
  ASSERT_GT(expected.size(), 100000u);
  for (unsigned seed : {1u, 2u, 3u, 42u}) {
    ScanResult shuffled = base;
    std::shuffle(shuffled.files.begin(), shuffled.files.end(), std::mt19937(seed));
    EXPECT_TRUE(json(shuffled) == expected) << "seed " << seed;
  }
  ScanResult reversed = base;
  std::reverse(reversed.files.begin(), reversed.files.end());
  EXPECT_TRUE(json(reversed) == expected);
}

}  // namespace
}  // namespace iescan::report
