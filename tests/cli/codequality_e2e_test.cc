// GitLab Code Quality output end to end: one issue per active finding with a distinct
// fingerprint, the GitLab severity names, and suppressed findings left out.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "tests/support/test_tree.h"

namespace iescan::testing {
namespace {

TEST(CodeQualityE2E, OneIssuePerActiveFindingWithDistinctFingerprints) {
  TempTree tree;
  tree.Write("app/menu.js",
             "el.attachEvent('onclick', go);\n"
             "el.attachEvent('onclick', go);\n"
             "// iescan-disable-next-line dom.document-all -- IE mode page until 2027\n"
             "var m = document.all('menu');\n"
             "var s = el.currentStyle.width;\n");
  RunOutput r = RunIescan({"scan", ".", "-o", "gl.codequality.json", "--fail-on", "none", "-q"},
                          tree.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::ifstream f(tree.path() + "/gl.codequality.json");
  std::stringstream text;
  text << f.rdbuf();
  nlohmann::json issues = nlohmann::json::parse(text.str(), nullptr, false);
  ASSERT_TRUE(issues.is_array()) << text.str();
  std::set<std::string> fingerprints;
  std::multiset<std::string> checks;
  for (const auto& issue : issues) {
    fingerprints.insert(issue["fingerprint"].get<std::string>());
    checks.insert(issue["check_name"].get<std::string>());
    EXPECT_EQ(issue["location"]["path"], "app/menu.js");
    EXPECT_TRUE(issue["location"]["lines"]["begin"].is_number());
    EXPECT_EQ(issue["fingerprint"].get<std::string>().size(), 32u);
  }
  EXPECT_EQ(checks.count("events.attach-event"), 2u);  // two identical lines, two issues
  EXPECT_EQ(checks.count("dom.document-all"), 0u);     // suppressed
  EXPECT_EQ(fingerprints.size(), issues.size());
  EXPECT_EQ(issues[0]["severity"], "blocker");
}

// The JSON and SARIF reports keep suppressed findings, marked as such with their reason.
TEST(CodeQualityE2E, SuppressedFindingsAreMarkedInJsonAndSarif) {
  TempTree tree;
  tree.Write("app/menu.js",
             "// iescan-disable-next-line dom.document-all -- IE mode page until 2027\n"
             "var m = document.all('menu');\n"
             "// iescan-disable-next-line dom.documentall -- typo\n"
             "var x = 1;\n");
  RunOutput r = RunIescan({"scan", ".", "-o", "r.json", "-o", "r.sarif", "--fail-on", "low", "-q"},
                          tree.path());
  std::ifstream jf(tree.path() + "/r.json");
  nlohmann::json report = nlohmann::json::parse(jf, nullptr, false);
  ASSERT_FALSE(report.is_discarded());
  bool suppressed = false, unknown = false;
  for (const auto& f : report["findings"]) {
    if (f["rule_id"] == "dom.document-all") {
      suppressed = f["suppressed"] == true && f["suppression_reason"] == "IE mode page until 2027";
    }
    unknown |= f["rule_id"] == "suppression.unknown-rule" && f["line"] == 3;
  }
  EXPECT_TRUE(suppressed) << report["findings"].dump(1);
  EXPECT_TRUE(unknown) << "a suppression naming an unknown rule is reported";
  EXPECT_EQ(r.exit_code, 1);  // the unknown-rule finding is low, and --fail-on low
  std::ifstream sf(tree.path() + "/r.sarif");
  nlohmann::json sarif = nlohmann::json::parse(sf, nullptr, false);
  bool marked = false;
  for (const auto& res : sarif["runs"][0]["results"]) {
    if (res["ruleId"] == "dom.document-all") {
      marked = res["suppressions"][0]["kind"] == "inSource" &&
               res["suppressions"][0]["justification"] == "IE mode page until 2027";
    }
  }
  EXPECT_TRUE(marked) << sarif["runs"][0]["results"].dump(1);
}

}  // namespace
}  // namespace iescan::testing
