// Credentials in scanned files end to end: the security rules report them at the right
// line and column, and no output format, nor the terminal, ever shows the secret itself.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/test_tree.h"

namespace iescan::testing {
namespace {

constexpr char kSecret[] = "hunter2";

constexpr char kPage[] =
    "<!DOCTYPE html>\n"
    "<html><head><meta charset=\"utf-8\"><title>Staff</title>\n"
    "<script type=\"text/javascript\">\n"
    "var HR_CONN = \"Provider=SQLOLEDB;Data Source=hrdb01;User ID=hr_app;Password=hunter2;\";\n"
    "function daily() { window.open(\"http://admin:hunter2@intranet/reports/daily\"); }\n"
    "document.all.search.action = \"/hr/list.asp?user=admin&password=hunter2\";\n"
    "</script>\n"
    "</head><body>\n"
    "<a href=\"http://admin:hunter2@intranet/\">Intranet</a>\n"
    "<object classid=\"clsid:BD96C556-65A3-11D0-983A-00C04FC29E33\">\n"
    "  <param name=\"Connect\" value=\"DSN=hr;UID=web;PWD=hunter2\">\n"
    "</object>\n"
    "</body></html>\n";

constexpr char kConfig[] =
    "{\"apps\": [{\"name\": \"hr\", \"paths\": [\"**\"],\n"
    "  \"urls\": [\"http://admin:hunter2@intranet/hr/?token=hunter2\"]}], \"fail_on\": \"none\"}\n";

const std::vector<std::string> kOutputs = {
    "r.txt",         "r.json", "r.sarif", "r.junit.xml",
    "r.csv",         "r.md",   "r.html",  "r.codequality.json",
    "r.sitelist.xml"};

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class SecretsE2E : public ::testing::Test {
 protected:
  void SetUp() override {
    tree_.Write(".iescan.json", kConfig);
    tree_.Write("hr/staff.html", kPage);
    // A directory name holding a session id, as saved by a crawl of a JSP site.
    tree_.Write("hr/menu;jsessionid=hunter2/menu.js", "var m = document.all('menu');\n");
    std::vector<std::string> args = {"scan", "."};
    for (const std::string& out : kOutputs) {
      args.push_back("-o");
      args.push_back(out);
    }
    run_ = RunIescan(args, tree_.path());
  }

  TempTree tree_;
  RunOutput run_;
};

TEST_F(SecretsE2E, NoOutputHoldsTheSecret) {
  ASSERT_EQ(run_.exit_code, 0) << run_.err;
  for (const std::string& name : kOutputs) {
    const std::string text = ReadAll(tree_.path() + "/" + name);
    EXPECT_FALSE(text.empty()) << name;
    const size_t at = text.find(kSecret);
    EXPECT_EQ(at, std::string::npos)
        << name << ": " << (at == std::string::npos ? "" : text.substr(at < 80 ? 0 : at - 80, 160));
  }
  EXPECT_EQ(run_.out.find(kSecret), std::string::npos) << run_.out;
  EXPECT_EQ(run_.err.find(kSecret), std::string::npos) << run_.err;
}

// The baseline file and the lines --baseline prints about fixed findings show no secret
// either, and the baseline still matches every finding it recorded.
TEST_F(SecretsE2E, BaselineHoldsNoSecret) {
  RunOutput made = RunIescan({"baseline", ".", "-o", "b.json"}, tree_.path());
  ASSERT_EQ(made.exit_code, 0) << made.err;
  const std::string baseline = ReadAll(tree_.path() + "/b.json");
  EXPECT_NE(baseline.find("\"fingerprint\""), std::string::npos) << baseline;
  EXPECT_EQ(baseline.find(kSecret), std::string::npos) << baseline;
  RunOutput same = RunIescan({"scan", ".", "--baseline", "b.json", "-q"}, tree_.path());
  EXPECT_NE(same.err.find(" 0 new, "), std::string::npos) << same.err;
  // Fix the file under the session-id directory: its finding is reported as fixed.
  tree_.Write("hr/menu;jsessionid=hunter2/menu.js", "var m = document.getElementById('m');\n");
  RunOutput fixed = RunIescan({"scan", ".", "--baseline", "b.json", "-q"}, tree_.path());
  EXPECT_NE(fixed.err.find("  fixed: "), std::string::npos) << fixed.err;
  EXPECT_EQ(fixed.err.find(kSecret), std::string::npos) << fixed.err;
  EXPECT_EQ(fixed.out.find(kSecret), std::string::npos) << fixed.out;
}

TEST_F(SecretsE2E, FindingsAreAtTheirPlaceWithRedactedText) {
  nlohmann::json report = nlohmann::json::parse(ReadAll(tree_.path() + "/r.json"), nullptr, false);
  ASSERT_FALSE(report.is_discarded());
  std::vector<std::string> where;
  std::map<std::string, std::string> snippets;
  for (const auto& f : report["findings"]) {
    const std::string key =
        f["path"].get<std::string>() + ":" + std::to_string(f["line"].get<int>()) + ":" +
        std::to_string(f["column"].get<int>()) + " " + f["rule_id"].get<std::string>();
    where.push_back(key);
    snippets[key] = f["snippet"].get<std::string>();
  }
  const std::vector<std::string> expected = {
      "hr/menu;jsessionid=***/menu.js:1:9 dom.document-all",
      "hr/staff.html:4:15 security.connection-string-password",
      "hr/staff.html:5:33 security.url-credentials",
      "hr/staff.html:6:1 dom.document-all",
      "hr/staff.html:9:4 security.markup-credentials",
      "hr/staff.html:10:1 activex.object-classid",
      "hr/staff.html:11:25 security.markup-credentials"};
  EXPECT_EQ(where, expected);
  EXPECT_EQ(snippets["hr/staff.html:4:15 security.connection-string-password"],
            "var HR_CONN = \"Provider=SQLOLEDB;Data Source=hrdb01;User ID=hr_app;Password=***;\";");
  EXPECT_EQ(snippets["hr/staff.html:5:33 security.url-credentials"],
            "function daily() { window.open(\"http://admin:***@intranet/reports/daily\"); }");
  EXPECT_EQ(snippets["hr/staff.html:6:1 dom.document-all"],
            "document.all.search.action = \"/hr/list.asp?user=admin&password=***\";");
  EXPECT_EQ(snippets["hr/staff.html:11:25 security.markup-credentials"],
            "<param name=\"Connect\" value=\"DSN=hr;UID=web;PWD=***\">");
}

TEST_F(SecretsE2E, SiteListKeepsTheHostWithoutCredentials) {
  const std::string sitelist = ReadAll(tree_.path() + "/r.sitelist.xml");
  EXPECT_NE(sitelist.find("intranet/hr"), std::string::npos) << sitelist;
  EXPECT_EQ(sitelist.find("admin"), std::string::npos) << sitelist;
}

}  // namespace
}  // namespace iescan::testing
