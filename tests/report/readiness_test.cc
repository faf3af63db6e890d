// Per-app readiness, effort and the migration order on a hand-built organisation of four
// apps (testing::OrgScan), with every number worked out in the comments.
#include "report/readiness.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/report/scan_builder.h"

namespace iescan::report {
namespace {

Plan OrgPlan(PlanOptions options = {}) { return BuildPlan(testing::OrgScan(), options); }

const PlanApp& App(const Plan& plan, const std::string& name) {
  for (const PlanApp& app : plan.apps) {
    if (app.name == name) return app;
  }
  ADD_FAILURE() << "no app " << name;
  return plan.apps.front();
}

PlanFinding FindingAt(const Plan& plan, const std::string& path, uint32_t line) {
  for (const PlanFinding& f : plan.findings) {
    if (f.path == path && f.line == line) return f;
  }
  ADD_FAILURE() << "no finding at " << path << ":" << line;
  return plan.findings.front();
}

TEST(ReadinessTest, OneAppPerStatus) {
  const Plan plan = OrgPlan();
  ASSERT_EQ(plan.apps.size(), 4u);
  EXPECT_EQ(App(plan, "portal").status, AppStatus::kReady);
  EXPECT_EQ(App(plan, "kintai").status, AppStatus::kMinorFixes);
  EXPECT_EQ(App(plan, "keiri").status, AppStatus::kMigrationNeeded);
  EXPECT_EQ(App(plan, "soumu").status, AppStatus::kBlocked);
  EXPECT_EQ(plan.summary.by_status, (std::array<uint32_t, 4>{1, 1, 1, 1}));
}

TEST(ReadinessTest, SharedScriptFindingsWeighTheirReach) {
  const Plan plan = OrgPlan();
  // common.js is loaded by a.htm, b.htm and sub/c.asp: reach 3, factor 1 + 0.25 log2 3.
  const PlanFinding& attach = FindingAt(plan, "intranet/kintai/js/common.js", 10);
  EXPECT_EQ(attach.reach, 3u);
  EXPECT_EQ(attach.priority_score, 139.6);  // 100 x 1.396
  EXPECT_EQ(attach.priority, Priority::kP1);
  const PlanFinding& guarded = FindingAt(plan, "intranet/kintai/js/common.js", 20);
  EXPECT_EQ(guarded.priority_score, 29.3);  // 100 x 0.7 x 0.3 x 1.396
  EXPECT_EQ(guarded.priority, Priority::kP3);
  const PlanFinding& expression = FindingAt(plan, "intranet/kintai/a.htm", 5);
  EXPECT_EQ(expression.reach, 1u);
  EXPECT_EQ(expression.priority_score, 40.0);
  PriorityCounts expected;
  expected[Priority::kP1] = 12;  // attachEvent, ten showModalDialog, the ActiveX control
  expected[Priority::kP3] = 3;   // two guarded document.all, the CSS expression
  expected[Priority::kP4] = 1;   // the conditional comment
  EXPECT_EQ(plan.summary.by_priority, expected);
}

TEST(ReadinessTest, MinorFixesApp) {
  const Plan plan = OrgPlan();
  const PlanApp& app = App(plan, "kintai");
  EXPECT_EQ(app.files, 4u);
  EXPECT_EQ(app.pages, 3u);
  EXPECT_EQ(app.lines, 300u);
  EXPECT_EQ(app.distinct_rules, 3u);
  // 1 + 0.1 log2(1.3) + 0.05 log2(1.4) + 0.05 log2(3) = 1.1414
  EXPECT_EQ(app.complexity, 1.14);
  // attachEvent 1 h + guarded document.all 0.25 h + expression() 4 h = 5.25 h x 1.14
  EXPECT_EQ(app.effort_hours, 6.0);
  // penalty 1.0 + 0.21 + 0.4 = 1.61; 100 exp(-1.61 / 5) = 72.5
  EXPECT_EQ(app.readiness_score, 72u);
  ASSERT_EQ(app.top_blockers.size(), 3u);
  EXPECT_EQ(app.top_blockers[0], (RuleCount{"events.attach-event", "title of events.attach-event",
                                            1, Priority::kP1, 139.6}));
  EXPECT_EQ(app.top_blockers[1],
            (RuleCount{"css.expression", "title of css.expression", 1, Priority::kP3, 40.0}));
  EXPECT_EQ(app.top_blockers[2],
            (RuleCount{"dom.document-all", "title of dom.document-all", 1, Priority::kP3, 29.3}));
  EXPECT_TRUE(app.ie_mode_reasons.empty());
}

TEST(ReadinessTest, MigrationNeededApp) {
  const Plan plan = OrgPlan();
  const PlanApp& app = App(plan, "keiri");
  // ten showModalDialog (medium, 4 h): 4 x (1 + 0.5 + 0.25 + 0.125 + 6 x 0.1) = 9.9 h
  // complexity 1 + 0.1 log2(1.4) + 0.05 log2(1.1) = 1.0554 -> 1.06; 9.9 x 1.06 = 10.49
  EXPECT_EQ(app.complexity, 1.06);
  EXPECT_EQ(app.effort_hours, 10.5);
  // penalty 1.0 x (1 + 0.25 log2 10) = 1.8305; 100 exp(-1.8305 / 5) = 69.3
  EXPECT_EQ(app.readiness_score, 69u);
  EXPECT_EQ(app.by_priority[Priority::kP1], 10u);
  ASSERT_EQ(app.top_blockers.size(), 1u);
  EXPECT_EQ(app.top_blockers[0].count, 10u);
  EXPECT_EQ(app.top_blockers[0].score, 1000.0);
}

TEST(ReadinessTest, BlockedAppNeedsIeMode) {
  const Plan plan = OrgPlan();
  const PlanApp& app = App(plan, "soumu");
  EXPECT_EQ(app.status, AppStatus::kBlocked);
  EXPECT_EQ(app.ie_mode_reasons,
            std::vector<std::string>{"activex.object-classid x1 (first: "
                                     "intranet/soumu/print.htm:12:3, "
                                     "clsid:1234ABCD-0000-0000-0000-000000000001)"});
  // 16 h x complexity 1.02 (1 + 0.1 log2 1.08 + 0.05 log2 1.1) = 16.32
  EXPECT_EQ(app.effort_hours, 16.3);
  // 100 exp(-1/5) = 82, capped at 20 for an app that needs IE mode
  EXPECT_EQ(app.readiness_score, 20u);
  EXPECT_EQ(app.compat_mode, "IE8");
  EXPECT_EQ(app.compat_modes, (std::vector<ModeCount>{{"IE8", 1}}));
  EXPECT_EQ(app.site_url, "");  // a file tree: no URL without the app map
}

TEST(ReadinessTest, ReadyAppKeepsItsGuardedAndCosmeticFindings) {
  const Plan plan = OrgPlan();
  const PlanApp& app = App(plan, "portal");
  EXPECT_EQ(app.findings, 2u);
  // 0.25 h + 1 h x 0.25 = 0.5 h x 1.06
  EXPECT_EQ(app.effort_hours, 0.5);
  // penalty 0.15 + 0.21 = 0.36; 100 exp(-0.36 / 5) = 93.1
  EXPECT_EQ(app.readiness_score, 93u);
}

TEST(ReadinessTest, SummaryEffortIsTheSumOfApps) {
  EXPECT_EQ(OrgPlan().summary.effort_hours, 33.3);  // 0.5 + 6.0 + 10.5 + 16.3
}

TEST(ReadinessTest, MigrationOrderByPagesPerHourWithBlockedAppsLast) {
  const Plan plan = OrgPlan();
  ASSERT_EQ(plan.migration_order.size(), 4u);
  // portal 1 page / max(0.5 h, 1 h) = 1; kintai 3 / 6.0 = 0.5; keiri 1 / 10.5 = 0.1.
  const std::vector<std::string> order = {"portal", "kintai", "keiri", "soumu"};
  const std::vector<std::string> actions = {"switch", "fix", "fix", "ie-mode-now"};
  for (size_t i = 0; i < order.size(); ++i) {
    SCOPED_TRACE(i);
    const MigrationStep& step = plan.migration_order[i];
    EXPECT_EQ(step.app, order[i]);
    EXPECT_EQ(step.action, actions[i]);
    EXPECT_EQ(step.value_basis, "pages");
    EXPECT_EQ(plan.apps[step.app_index].name, order[i]);
    EXPECT_EQ(plan.apps[step.app_index].migration_rank, i + 1);
  }
  EXPECT_EQ(plan.migration_order[1].value, 3.0);
  EXPECT_EQ(plan.migration_order[1].effort_hours, 6.0);
}

TEST(ReadinessTest, UsersFromTheAppMapDecideTheOrder) {
  PlanOptions options;
  options.app_map = {{"kintai", {"kintai/**"}, {}, "HR systems", 500},
                     {"keiri", {"keiri/**"}, {}, "Finance", 2000},
                     {"portal", {"portal/**"}, {}, "", 50}};
  const Plan plan = OrgPlan(options);
  // keiri 2000 / 10.5 = 190; kintai 500 / 6.0 = 83; portal 50 / 1 = 50; soumu blocked.
  ASSERT_EQ(plan.migration_order.size(), 4u);
  EXPECT_EQ(plan.migration_order[0].app, "keiri");
  EXPECT_EQ(plan.migration_order[0].value, 2000.0);
  EXPECT_EQ(plan.migration_order[0].value_basis, "users");
  EXPECT_EQ(plan.migration_order[1].app, "kintai");
  EXPECT_EQ(plan.migration_order[2].app, "portal");
  EXPECT_EQ(plan.migration_order[3].app, "soumu");
  EXPECT_EQ(plan.migration_order[3].value_basis, "pages");
  EXPECT_EQ(App(plan, "keiri").owner, "Finance");
  EXPECT_EQ(App(plan, "keiri").users, 2000u);
  EXPECT_FALSE(App(plan, "soumu").users.has_value());
}

TEST(ReadinessTest, WeightsChangeTheOutcome) {
  PlanOptions options;
  options.weights.minor_fix_hours = 20;  // keiri's 10.5 h now counts as minor
  options.weights.effort_hours.medium = 1;
  options.ie_mode.rules = {"vbscript.*"};  // in-house controls tolerated
  const Plan plan = OrgPlan(options);
  EXPECT_EQ(App(plan, "keiri").status, AppStatus::kMinorFixes);
  EXPECT_EQ(App(plan, "keiri").effort_hours, 2.6);               // 2.475 h x 1.06
  EXPECT_EQ(App(plan, "soumu").status, AppStatus::kMinorFixes);  // 16.3 h <= 20 h
  EXPECT_EQ(App(plan, "soumu").readiness_score, 82u);
}

TEST(ReadinessTest, FindingEffortOverridesTheRulesEffort) {
  ScanResult scan = testing::OrgScan();
  scan.files[3].findings[0].effort = rules::Effort::kLarge;  // portal's conditional comment
  const Plan plan = BuildPlan(scan, PlanOptions{});
  // 16 h + 0.25 h (the guarded document.all) = 16.25 h x 1.06
  EXPECT_EQ(App(plan, "portal").effort_hours, 17.2);
  EXPECT_EQ(FindingAt(plan, "intranet/portal/index.htm", 3).effort, rules::Effort::kLarge);
}

TEST(ReadinessTest, HtaFilesNeedIeMode) {
  testing::ScanBuilder b("tools");
  b.File("nightly/run.hta", scanner::FileKind::kHta, 30);
  const Plan plan = BuildPlan(b.scan(), PlanOptions{});
  ASSERT_EQ(plan.apps.size(), 1u);
  EXPECT_EQ(plan.apps[0].status, AppStatus::kBlocked);
  EXPECT_EQ(plan.apps[0].ie_mode_reasons,
            std::vector<std::string>{
                "HTML Application (runs only in mshta/IE) x1 (first: tools/nightly/run.hta)"});
  PlanOptions no_hta;
  no_hta.ie_mode.hta = false;
  EXPECT_EQ(BuildPlan(b.scan(), no_hta).apps[0].status, AppStatus::kReady);
}

TEST(ReadinessTest, SiteUrlsWithoutProtocolQueryOrWildcard) {
  EXPECT_EQ(SiteListUrl("http://Intra.Example.jp/hr/"), "intra.example.jp/hr");
  EXPECT_EQ(SiteListUrl("https://user:pw@intra:8080/hr/menu.asp?x=1#top"),
            "intra:8080/hr/menu.asp");
  EXPECT_EQ(SiteListUrl("intra.example.jp"), "intra.example.jp");
  EXPECT_EQ(SiteListUrl("http://*.example.jp/"), "");
  EXPECT_EQ(SiteListUrl("http://intra/a b/"), "");
  EXPECT_EQ(SiteListUrl("http:///x"), "");
  EXPECT_EQ(SiteListUrl(""), "");
}

TEST(ReadinessTest, CompatModeChoiceMostCommonThenMostLegacy) {
  testing::ScanBuilder b("intranet");
  b.File("hr/a.htm", scanner::FileKind::kHtml, 10).DocMode("IE8", "IE8", {});
  b.File("hr/b.htm", scanner::FileKind::kHtml, 10).DocMode("quirks", "IE5", {});
  b.File("hr/c.htm", scanner::FileKind::kHtml, 10).DocMode("IE8", "IE8", {});
  b.File("hr/d.htm", scanner::FileKind::kHtml, 10).DocMode("quirks", "IE5", {});
  b.File("hr/e.htm", scanner::FileKind::kHtml, 10).DocMode("edge", "Default", {});
  b.File("hr/f.htm", scanner::FileKind::kHtml, 10).DocMode("odd", "IE6", {});  // not a value
  b.File("hr/x.js", scanner::FileKind::kJs, 10).DocMode("quirks", "IE7", {});  // not a page
  const Plan plan = BuildPlan(b.scan(), PlanOptions{});
  ASSERT_EQ(plan.apps.size(), 1u);
  EXPECT_EQ(plan.apps[0].compat_mode, "IE5");
  EXPECT_EQ(plan.apps[0].compat_modes,
            (std::vector<ModeCount>{{"IE5", 2}, {"IE8", 2}, {"Default", 1}}));
  EXPECT_TRUE(IsCompatMode("IE7Enterprise"));
  EXPECT_FALSE(IsCompatMode("ie8"));
  EXPECT_LT(CompatModeAge("IE5"), CompatModeAge("IE7Enterprise"));
  EXPECT_LT(CompatModeAge("IE8Enterprise"), CompatModeAge("Default"));
}

}  // namespace
}  // namespace iescan::report
