// The priority model's formulas with exact numbers (docs/priority.md).
#include "report/priority.h"

#include <gtest/gtest.h>

#include "report/readiness.h"

namespace iescan::report {
namespace {

using rules::Confidence;
using rules::Effort;
using rules::Guard;
using rules::Severity;

const PriorityWeights kDefaults;

TEST(PriorityTest, ScoreIsSeverityTimesConfidenceTimesGuardTimesReach) {
  EXPECT_EQ(PriorityScore(Severity::kBlocker, Confidence::kHigh, Guard::kUnguarded, 1, kDefaults),
            100.0);
  EXPECT_EQ(PriorityScore(Severity::kHigh, Confidence::kHigh, Guard::kUnguarded, 1, kDefaults),
            70.0);
  EXPECT_EQ(PriorityScore(Severity::kMedium, Confidence::kHigh, Guard::kNone, 1, kDefaults), 40.0);
  EXPECT_EQ(PriorityScore(Severity::kLow, Confidence::kHigh, Guard::kNone, 1, kDefaults), 15.0);
  EXPECT_EQ(PriorityScore(Severity::kBlocker, Confidence::kMedium, Guard::kNone, 1, kDefaults),
            80.0);
  EXPECT_EQ(PriorityScore(Severity::kBlocker, Confidence::kLow, Guard::kNone, 1, kDefaults), 50.0);
  // 100 x 0.7 x 0.8 x 0.3 = 16.8
  EXPECT_EQ(PriorityScore(Severity::kHigh, Confidence::kMedium, Guard::kGuarded, 1, kDefaults),
            16.8);
}

TEST(PriorityTest, GuardClassesRankUnguardedThenIeOnlyBranchThenGuarded) {
  const auto score = [](Guard g) {
    return PriorityScore(Severity::kBlocker, Confidence::kHigh, g, 1, kDefaults);
  };
  EXPECT_EQ(score(Guard::kUnguarded), 100.0);
  EXPECT_EQ(score(Guard::kIeOnlyBranch), 80.0);
  EXPECT_EQ(score(Guard::kGuarded), 30.0);  // lowered, never dropped
  EXPECT_EQ(score(Guard::kNone), 100.0);    // markup, CSS, VBScript: not analysed
  EXPECT_EQ(PriorityClass(score(Guard::kGuarded), kDefaults), Priority::kP3);
}

TEST(PriorityTest, ReachFactorGrowsPerDoublingUpToTheCap) {
  EXPECT_DOUBLE_EQ(ReachFactor(0, kDefaults), 1.0);
  EXPECT_DOUBLE_EQ(ReachFactor(1, kDefaults), 1.0);
  EXPECT_DOUBLE_EQ(ReachFactor(2, kDefaults), 1.25);
  EXPECT_DOUBLE_EQ(ReachFactor(3, kDefaults), 1.3962406251802891);
  EXPECT_DOUBLE_EQ(ReachFactor(8, kDefaults), 1.75);
  EXPECT_DOUBLE_EQ(ReachFactor(16, kDefaults), 2.0);
  EXPECT_DOUBLE_EQ(ReachFactor(500, kDefaults), 2.0);
  // A high-severity finding in a script that three pages load: 70 x 1.396 = 97.7.
  EXPECT_EQ(PriorityScore(Severity::kHigh, Confidence::kHigh, Guard::kUnguarded, 3, kDefaults),
            97.7);
}

TEST(PriorityTest, ClassThresholds) {
  EXPECT_EQ(PriorityClass(139.6, kDefaults), Priority::kP1);
  EXPECT_EQ(PriorityClass(80.0, kDefaults), Priority::kP1);
  EXPECT_EQ(PriorityClass(79.9, kDefaults), Priority::kP2);
  EXPECT_EQ(PriorityClass(50.0, kDefaults), Priority::kP2);
  EXPECT_EQ(PriorityClass(49.9, kDefaults), Priority::kP3);
  EXPECT_EQ(PriorityClass(20.0, kDefaults), Priority::kP3);
  EXPECT_EQ(PriorityClass(19.9, kDefaults), Priority::kP4);
  EXPECT_EQ(PriorityClass(0.0, kDefaults), Priority::kP4);
  EXPECT_EQ(PriorityName(Priority::kP1), "P1");
  EXPECT_EQ(PriorityName(Priority::kP4), "P4");
}

TEST(PriorityTest, EveryWeightCanBeOverridden) {
  PriorityWeights w;
  w.severity.high = 0.5;
  w.guard.ie_only_branch = 0.5;
  w.reach_weight = 0.5;
  w.reach_cap = 1.5;
  w.p1 = 60;
  EXPECT_EQ(PriorityScore(Severity::kHigh, Confidence::kHigh, Guard::kUnguarded, 1, w), 50.0);
  EXPECT_EQ(PriorityScore(Severity::kHigh, Confidence::kHigh, Guard::kIeOnlyBranch, 1, w), 25.0);
  EXPECT_DOUBLE_EQ(ReachFactor(2, w), 1.5);
  EXPECT_DOUBLE_EQ(ReachFactor(4, w), 1.5);
  EXPECT_EQ(PriorityClass(60.0, w), Priority::kP1);
}

TEST(PriorityTest, RepeatedFixesCostLessEachTimeDownToAFloor) {
  // small: 1 + 0.5 + 0.25 + 0.125 + max(0.1, 0.0625)
  EXPECT_DOUBLE_EQ(RepeatedFixHours(Effort::kSmall, 5, 0, kDefaults), 1.975);
  // large: 16 x (1 + 0.5 + 0.25 + 0.2 + 0.2), the floor being 0.2
  EXPECT_DOUBLE_EQ(RepeatedFixHours(Effort::kLarge, 5, 0, kDefaults), 34.4);
  // medium: 4 x (1 + 0.5 + 0.25 + 0.125 + 6 x 0.1)
  EXPECT_DOUBLE_EQ(RepeatedFixHours(Effort::kMedium, 10, 0, kDefaults), 9.9);
  // guarded findings come last and cost a quarter: 1 + 0.5 x 0.25 + 0.25 x 0.25
  EXPECT_DOUBLE_EQ(RepeatedFixHours(Effort::kSmall, 3, 2, kDefaults), 1.1875);
  EXPECT_DOUBLE_EQ(RepeatedFixHours(Effort::kTrivial, 1, 1, kDefaults), 0.0625);
  EXPECT_DOUBLE_EQ(RepeatedFixHours(Effort::kTrivial, 0, 0, kDefaults), 0.0);
  // 1000 repeats stay bounded by the floor: 1 + 0.5 + 0.25 + 0.125 + 996 x 0.1
  EXPECT_NEAR(RepeatedFixHours(Effort::kSmall, 1000, 0, kDefaults), 101.475, 1e-9);
}

TEST(PriorityTest, ComplexityFactorFromLinesFilesAndRules) {
  // 1 + 0.05 x log2(1.1) = 1.0069 -> 1.01
  EXPECT_DOUBLE_EQ(ComplexityFactor(0, 1, 1, kDefaults), 1.01);
  // 1 + 0.1 x log2(11) + 0.05 x log2(4) + 0.05 x log2(11) = 1.6189 -> 1.62
  EXPECT_DOUBLE_EQ(ComplexityFactor(10000, 30, 11, kDefaults), 1.62);
  EXPECT_DOUBLE_EQ(ComplexityFactor(5000000, 10000, 200, kDefaults), 2.0);
  EXPECT_DOUBLE_EQ(ComplexityFactor(0, 0, 0, kDefaults), 1.0);
}

TEST(PriorityTest, IeModeDependencies) {
  const IeModeRules rules;
  const auto needs = [&](std::string_view id, std::string_view detail, Guard guard = Guard::kNone,
                         Confidence c = Confidence::kHigh) {
    return IsIeModeDependency(id, detail, guard, c, rules);
  };
  EXPECT_TRUE(needs("activex.object-classid", "clsid:D27CDB6E-AE6D-11CF-96B8-444553540000"));
  EXPECT_TRUE(needs("activex.activex-object", "Scripting.FileSystemObject", Guard::kUnguarded));
  EXPECT_TRUE(needs("activex.activex-object", "", Guard::kIeOnlyBranch));  // ProgID unknown
  EXPECT_TRUE(needs("vbscript.script-block", ""));
  EXPECT_TRUE(needs("vbscript.create-object", "Excel.Application"));
  EXPECT_TRUE(needs("activex.object-classid", "x", Guard::kNone, Confidence::kMedium));
  // Standard replacements exist for MSXML and XMLHTTP.
  EXPECT_FALSE(needs("activex.activex-object", "Msxml2.XMLHTTP.6.0", Guard::kUnguarded));
  EXPECT_FALSE(needs("activex.activex-object", "MSXML2.DOMDocument", Guard::kUnguarded));
  EXPECT_FALSE(needs("activex.activex-object", "Microsoft.XMLDOM", Guard::kUnguarded));
  EXPECT_FALSE(needs("activex.activex-object", "microsoft.xmlhttp", Guard::kUnguarded));
  EXPECT_FALSE(needs("activex.xmlhttp", ""));
  EXPECT_FALSE(needs("activex.msxml-dom", ""));
  // A fallback exists, or the match is a guess.
  EXPECT_FALSE(needs("activex.object-classid", "x", Guard::kGuarded));
  EXPECT_FALSE(needs("activex.object-classid", "x", Guard::kNone, Confidence::kLow));
  // Everything else has a browser replacement.
  EXPECT_FALSE(needs("events.attach-event", ""));
  EXPECT_FALSE(needs("xml.data-island", ""));
  EXPECT_FALSE(needs("activexfoo.bar", ""));
}

TEST(PriorityTest, WildcardMatch) {
  EXPECT_TRUE(WildcardMatch("activex.*", "activex.object-classid", false));
  EXPECT_TRUE(WildcardMatch("*xmlhttp*", "Msxml2.XMLHTTP.3.0", true));
  EXPECT_FALSE(WildcardMatch("*xmlhttp*", "Msxml2.XMLHTTP.3.0", false));
  EXPECT_TRUE(WildcardMatch("a*b*c", "a-b-b-c", false));
  EXPECT_FALSE(WildcardMatch("a*b*c", "a-b-b-d", false));
  EXPECT_TRUE(WildcardMatch("*", "", false));
  EXPECT_TRUE(WildcardMatch("", "", false));
  EXPECT_FALSE(WildcardMatch("", "x", false));
  EXPECT_TRUE(WildcardMatch("vbscript.url", "vbscript.url", false));
  EXPECT_FALSE(WildcardMatch("vbscript.url", "vbscript.urls", false));
}

TEST(PriorityTest, StatusNamesAndLabels) {
  EXPECT_EQ(AppStatusName(AppStatus::kReady), "ready");
  EXPECT_EQ(AppStatusName(AppStatus::kMinorFixes), "minor-fixes");
  EXPECT_EQ(AppStatusName(AppStatus::kMigrationNeeded), "migration-needed");
  EXPECT_EQ(AppStatusName(AppStatus::kBlocked), "blocked");
  EXPECT_EQ(AppStatusLabel(AppStatus::kBlocked), "Blocked: needs IE mode");
  EXPECT_EQ(AppStatusLabel(AppStatus::kMinorFixes), "Minor fixes");
}

TEST(PriorityTest, RoundTo) {
  EXPECT_EQ(RoundTo(5.775, 1), 5.8);
  EXPECT_EQ(RoundTo(139.6240625, 1), 139.6);
  EXPECT_EQ(RoundTo(1.0083, 2), 1.01);
  EXPECT_EQ(RoundTo(2.675, 2), 2.68);
  EXPECT_EQ(RoundTo(0.0, 1), 0.0);
}

}  // namespace
}  // namespace iescan::report
