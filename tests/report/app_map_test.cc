// The app map: globs and URL prefixes that override the default app grouping.
#include "report/app_map.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "report/plan.h"
#include "tests/report/scan_builder.h"

namespace iescan::report {
namespace {

TEST(AppMapTest, GlobSyntax) {
  EXPECT_TRUE(GlobMatch("hr/**", "hr/scripts/menu.js"));
  EXPECT_TRUE(GlobMatch("hr/", "hr/scripts/menu.js"));
  EXPECT_FALSE(GlobMatch("hr/**", "hr"));
  EXPECT_FALSE(GlobMatch("hr/**", "hrx/a.asp"));
  EXPECT_TRUE(GlobMatch("hr/*.asp", "hr/index.asp"));
  EXPECT_FALSE(GlobMatch("hr/*.asp", "hr/sub/index.asp"));
  EXPECT_TRUE(GlobMatch("**/*.asp", "a/b/c/index.asp"));
  EXPECT_TRUE(GlobMatch("*/kintai/**", "勤怠/kintai/x.htm"));
  EXPECT_TRUE(GlobMatch("legacy/v?/**", "legacy/v2/a.htm"));
  EXPECT_FALSE(GlobMatch("legacy/v?/**", "legacy/v10/a.htm"));
  EXPECT_FALSE(GlobMatch("a?b", "a/b"));
  EXPECT_TRUE(GlobMatch("**", ""));
  EXPECT_TRUE(GlobMatch("勤怠管理/**", "勤怠管理/勤怠入力.htm"));
  EXPECT_FALSE(GlobMatch("HR/**", "hr/a.htm"));  // paths are case-sensitive
}

TEST(AppMapTest, PathologicalGlobStaysFast) {
  const std::string path(2000, 'a');
  EXPECT_FALSE(GlobMatch("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b", path));
  EXPECT_TRUE(GlobMatch("**a**a**a**a**", path));
}

TEST(AppMapTest, FirstMatchingEntryWins) {
  const std::vector<AppMapEntry> map = {
      {"payroll", {"keiri/kyuyo/**"}, {}, "", std::nullopt},
      {"finance", {"keiri/**"}, {"http://intra.example.jp/keiri/"}, "", std::nullopt},
  };
  EXPECT_EQ(FindAppMapEntry(map, "keiri/kyuyo/a.htm"), 0u);
  EXPECT_EQ(FindAppMapEntry(map, "keiri/menu.htm"), 1u);
  EXPECT_EQ(FindAppMapEntry(map, "HTTP://INTRA.example.jp/keiri/menu.asp"), 1u);
  EXPECT_EQ(FindAppMapEntry(map, "http://intra.example.jp/hr/menu.asp"), std::nullopt);
  EXPECT_EQ(FindAppMapEntry(map, "soumu/a.htm"), std::nullopt);
}

TEST(AppMapTest, MapRegroupsFilesAndSkippedItems) {
  testing::ScanBuilder b("intranet");
  b.File("kintai/a.htm", scanner::FileKind::kHtml, 10);
  b.File("kintai/b.htm", scanner::FileKind::kHtml, 10);
  b.File("keiri/menu.htm", scanner::FileKind::kHtml, 10);
  b.File("common/lib.js", scanner::FileKind::kJs, 10);
  b.Skipped("kintai/big.htm", "larger than --max-file-size (32 MiB)");
  PlanOptions options;
  options.app_map = {
      {"勤怠", {"kintai/**", "common/**"}, {"http://intra.example.jp/kintai/"}, "総務部", 1200},
      {"keiri", {"intranet/keiri/**"}, {}, "", std::nullopt},  // a full display path works too
  };
  const Plan plan = BuildPlan(b.scan(), options);
  ASSERT_EQ(plan.apps.size(), 2u);
  EXPECT_EQ(plan.apps[0].name, "keiri");
  EXPECT_EQ(plan.apps[0].files, 1u);
  EXPECT_EQ(plan.apps[1].name, "勤怠");
  EXPECT_EQ(plan.apps[1].files, 3u);
  EXPECT_EQ(plan.apps[1].skipped, 1u);
  EXPECT_EQ(plan.apps[1].owner, "総務部");
  EXPECT_EQ(plan.apps[1].users, 1200u);
  EXPECT_EQ(plan.apps[1].urls, std::vector<std::string>{"http://intra.example.jp/kintai/"});
  EXPECT_EQ(plan.apps[1].site_url, "intra.example.jp/kintai");
  EXPECT_EQ(plan.skipped[0].app, "勤怠");
  EXPECT_EQ(plan.files[0].app, "勤怠");  // intranet/common/lib.js
}

TEST(AppMapTest, CrawledAppsGetTheirSiteUrlFromTheirPages) {
  ScanResult scan;
  scan.roots = {"http://intra.example.jp/"};
  FileResult page;
  page.origin = {"http://Intra.example.jp/hr/menu.asp", "", "http://intra.example.jp/", true};
  page.kind = {scanner::FileKind::kHtml, scanner::ServerDialect::kAsp};
  scan.files.push_back(page);
  const Plan plan = BuildPlan(scan, PlanOptions{});
  ASSERT_EQ(plan.apps.size(), 1u);
  EXPECT_EQ(plan.apps[0].name, "intra.example.jp/hr");
  EXPECT_EQ(plan.apps[0].site_url, "intra.example.jp/hr");
}

}  // namespace
}  // namespace iescan::report
