// The SARIF writer: validity against the official SARIF 2.1.0 schema, the mapping of every
// field, and fingerprints that survive lines moving.
#include "report/writers/sarif.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/report/sample_scan.h"
#include "tests/report/scan_builder.h"
#include "tests/report/schema_check.h"

namespace iescan::report {
namespace {

using Json = nlohmann::json;

const Json& SarifSchema() {
  static const Json schema = testing::LoadJsonFile(IESCAN_SCHEMA_DIR "/sarif-schema-2.1.0.json");
  return schema;
}

std::string SarifText(const Plan& plan, const SarifOptions& options = {}) {
  std::ostringstream out;
  const Status status = WriteSarif(plan, options, out);
  EXPECT_TRUE(status.ok()) << status.message();
  return out.str();
}

Json Sarif(const ScanResult& scan, const PlanOptions& plan_options = {},
           const SarifOptions& options = {}) {
  return Json::parse(SarifText(BuildPlan(scan, plan_options), options));
}

PlanOptions OrgOptions() {
  PlanOptions options;
  options.tool_version = "0.1.0";
  options.app_map = {{"soumu", {"soumu/**"}, {"http://intra.example.jp/soumu/"}, "", 40}};
  return options;
}

TEST(SarifTest, SchemaIsTheOfficialOne) {
  EXPECT_EQ(SarifSchema()["$schema"], "http://json-schema.org/draft-04/schema#");
  EXPECT_EQ(SarifSchema()["id"], std::string(kSarifSchemaUri));
}

TEST(SarifTest, LogsValidateAgainstTheOfficialSchema) {
  ScanResult incomplete = testing::OrgScan();
  incomplete.complete = false;
  incomplete.skipped.push_back({"intranet/kintai/photo.bmp", "binary file (NUL byte at offset 7)"});
  incomplete.skipped.push_back({"intranet/kintai/photo.bmp", "binary file (NUL byte at offset 7)"});
  ScanResult urls;
  urls.roots = {"http://intra.example.jp/"};
  FileResult page;
  page.origin = {"http://intra.example.jp/hr/menu.asp?x=1", "", "http://intra.example.jp/", true};
  page.kind = {scanner::FileKind::kHtml, scanner::ServerDialect::kAsp};
  page.findings = testing::OrgScan().files[0].findings;
  urls.files.push_back(page);
  urls.skipped.push_back({"http://intra.example.jp/hr/x.cgi", "HTTP 500"});
  const std::vector<std::pair<std::string, Json>> logs = {
      {"sample", Sarif(sample::SampleScan(), sample::Options(), {"https://example.org/iescan"})},
      {"org", Sarif(testing::OrgScan(), OrgOptions())},
      {"incomplete", Sarif(incomplete)},
      {"urls", Sarif(urls)},
      {"empty", Sarif(ScanResult{})},
  };
  for (const auto& [name, log] : logs) {
    SCOPED_TRACE(name);
    EXPECT_EQ(testing::ValidateJson(SarifSchema(), log), std::vector<std::string>{});
  }
}

TEST(SarifTest, ValidatorRejectsBrokenLogs) {
  const Json good = Sarif(testing::OrgScan(), OrgOptions());
  Json no_version = good;
  no_version.erase("version");
  EXPECT_EQ(testing::ValidateJson(SarifSchema(), no_version),
            std::vector<std::string>{"$: missing version"});
  Json bad_level = good;
  bad_level["runs"][0]["results"][0]["level"] = "fatal";
  EXPECT_EQ(testing::ValidateJson(SarifSchema(), bad_level),
            std::vector<std::string>{"$.runs[0].results[0].level: not in enum: \"fatal\""});
  Json bad_uri = good;
  bad_uri["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] =
      "a b.htm";
  EXPECT_EQ(testing::ValidateJson(SarifSchema(), bad_uri),
            std::vector<std::string>{"$.runs[0].results[0].locations[0].physicalLocation."
                                     "artifactLocation.uri: not a valid uri-reference"});
  Json bad_line = good;
  bad_line["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0;
  EXPECT_EQ(testing::ValidateJson(SarifSchema(), bad_line),
            std::vector<std::string>{"$.runs[0].results[0].locations[0].physicalLocation.region."
                                     "startLine: below minimum"});
  Json duplicate_rule = good;
  auto& rules = duplicate_rule["runs"][0]["tool"]["driver"]["rules"];
  rules.push_back(rules[0]);
  EXPECT_EQ(testing::ValidateJson(SarifSchema(), duplicate_rule),
            std::vector<std::string>{"$.runs[0].tool.driver.rules: items 0 and 6 are equal"});
}

TEST(SarifTest, DriverAndRules) {
  const Json log = Sarif(testing::OrgScan(), OrgOptions(), {"https://example.org/iescan"});
  EXPECT_EQ(log["version"], "2.1.0");
  ASSERT_EQ(log["runs"].size(), 1u);
  const Json& driver = log["runs"][0]["tool"]["driver"];
  EXPECT_EQ(driver["name"], "iescan");
  EXPECT_EQ(driver["version"], "0.1.0");
  EXPECT_EQ(driver["informationUri"], "https://example.org/iescan");
  std::vector<std::string> ids;
  for (const Json& rule : driver["rules"]) ids.push_back(rule["id"]);
  EXPECT_EQ(ids, (std::vector<std::string>{"activex.object-classid", "conditional.comment",
                                           "css.expression", "dom.document-all",
                                           "events.attach-event", "windows.show-modal-dialog"}));
  EXPECT_EQ(driver["rules"][4], Json::parse(R"j({
      "id": "events.attach-event", "name": "EventsAttachEvent",
      "shortDescription": {"text": "title of events.attach-event"},
      "fullDescription": {"text": "title of events.attach-event. Replacement: the standard way"},
      "help": {"text": "title of events.attach-event\n\nReplacement: the standard way",
               "markdown": "title of events.attach-event\n\nReplacement: the standard way"},
      "helpUri": "https://developer.mozilla.org/docs/Web/API/events.attach-event",
      "defaultConfiguration": {"level": "error"},
      "properties": {"category": "events", "severity": "blocker", "confidence": "high",
                     "effort": "small", "precision": "high", "problem.severity": "error",
                     "tags": ["ie-compatibility", "events", "blocker"]}})j"));
  EXPECT_EQ(driver["rules"][1]["defaultConfiguration"]["level"], "note");
  EXPECT_EQ(driver["rules"][1]["properties"]["problem.severity"], "recommendation");
  EXPECT_EQ(driver["rules"][2]["defaultConfiguration"]["level"], "warning");
  EXPECT_FALSE(Sarif(ScanResult{})["runs"][0]["tool"]["driver"].contains("informationUri"));
}

TEST(SarifTest, RuleHelpComesFromTheRuleDocumentation) {
  rules::Rule rule =
      testing::TestRule("events.fire-event", rules::Severity::kBlocker, rules::Effort::kSmall);
  rule.doc =
      "# fireEvent\n\n## What breaks\n\n`fireEvent` exists only in IE;\nelsewhere it throws.\n\n"
      "More.\n\n## Why\n\nHistory.\n";
  testing::ScanBuilder b;
  b.File("a/x.js", scanner::FileKind::kJs, 5).Finding(rule, 2, 3, rules::Guard::kUnguarded);
  const Json rule_json = Sarif(b.scan())["runs"][0]["tool"]["driver"]["rules"][0];
  EXPECT_EQ(rule_json["fullDescription"]["text"],
            "`fireEvent` exists only in IE; elsewhere it throws.");
  EXPECT_EQ(rule_json["help"]["markdown"], rule.doc);
  EXPECT_EQ(rule_json["help"]["text"], rule.doc);
}

TEST(SarifTest, ResultsMapEveryField) {
  const Json log = Sarif(testing::OrgScan(), OrgOptions());
  const Json& run = log["runs"][0];
  EXPECT_EQ(run["columnKind"], "unicodeCodePoints");
  EXPECT_EQ(run["originalUriBaseIds"], Json::parse(R"j({"SRCROOT": {"uri": "intranet/",
      "description": {"text": "the scan root as given on the command line, relative to the directory iescan ran in"}}})j"));
  ASSERT_EQ(run["results"].size(), 16u);
  // Results follow the plan: ten dialogs in keiri/menu.htm, then kintai/a.htm.
  EXPECT_EQ(run["results"][0]["ruleId"], "windows.show-modal-dialog");
  Json first = run["results"][10];
  EXPECT_EQ(first["ruleId"], "css.expression");
  EXPECT_EQ(run["tool"]["driver"]["rules"][first["ruleIndex"].get<size_t>()]["id"],
            "css.expression");
  first.erase("partialFingerprints");
  EXPECT_EQ(first, Json::parse(R"j({
      "ruleId": "css.expression", "ruleIndex": 2, "level": "warning",
      "message": {"text": "message of css.expression"},
      "locations": [{"physicalLocation": {
          "artifactLocation": {"uri": "kintai/a.htm", "uriBaseId": "SRCROOT"},
          "region": {"startLine": 5, "startColumn": 10, "endLine": 5, "endColumn": 20,
                     "snippet": {"text": "width: expression(document.body.clientWidth);"}}}}],
      "rank": 40.0,
      "properties": {"priority": "P3", "priorityScore": 40.0, "guard": "none",
                     "severity": "medium", "app": "kintai", "reach": 1, "ieMode": false}})j"));
  // attachEvent in the shared script: reach 3 pushes the score past 100; rank stays <= 100.
  const Json& attach = run["results"][11];
  EXPECT_EQ(attach["ruleId"], "events.attach-event");
  EXPECT_EQ(attach["level"], "error");
  EXPECT_EQ(attach["rank"], 100.0);
  EXPECT_EQ(attach["properties"]["priorityScore"], 139.6);
  EXPECT_EQ(attach["properties"]["guard"], "unguarded");
  EXPECT_EQ(attach["partialFingerprints"]["iescanFingerprint/v1"], "1033a168312318f0:0");
  EXPECT_EQ(run["results"][12]["ruleId"], "dom.document-all");
  EXPECT_EQ(run["results"][12]["level"], "error");  // high -> error
  EXPECT_EQ(run["results"][12]["properties"]["guard"], "guarded");
  EXPECT_EQ(run["results"][13]["level"], "note");               // the conditional comment in portal
  EXPECT_EQ(run["results"][15]["properties"]["ieMode"], true);  // soumu's control
}

TEST(SarifTest, FingerprintsSurviveEveryLineMovingBy50) {
  ScanResult moved = testing::OrgScan();
  for (FileResult& file : moved.files) {
    for (rules::Finding& f : file.findings) {
      f.begin.line += 50;
      f.end.line += 50;
    }
  }
  const Json a = Sarif(testing::OrgScan());
  const Json b = Sarif(moved);
  const Json& ra = a["runs"][0]["results"];
  const Json& rb = b["runs"][0]["results"];
  ASSERT_EQ(ra.size(), rb.size());
  std::set<std::string> distinct;
  for (size_t i = 0; i < ra.size(); ++i) {
    SCOPED_TRACE(i);
    const auto line = [](const Json& r) {
      return r["locations"][0]["physicalLocation"]["region"]["startLine"].get<int>();
    };
    EXPECT_EQ(line(ra[i]) + 50, line(rb[i]));
    EXPECT_EQ(ra[i]["partialFingerprints"], rb[i]["partialFingerprints"]);
    distinct.insert(ra[i]["partialFingerprints"]["iescanFingerprint/v1"]);
  }
  EXPECT_EQ(distinct.size(), ra.size());  // ten identical-looking dialogs still differ
}

TEST(SarifTest, SkippedFilesBecomeNotifications) {
  ScanResult scan = testing::OrgScan();
  scan.skipped.push_back({"intranet/kintai/写真.bmp", "binary file (NUL byte at offset 7)"});
  scan.complete = false;
  const Json invocation = Sarif(scan)["runs"][0]["invocations"][0];
  EXPECT_EQ(invocation, Json::parse(R"j({"executionSuccessful": false,
      "toolExecutionNotifications": [
        {"level": "warning", "message": {"text": "skipped: binary file (NUL byte at offset 7)"},
         "locations": [{"physicalLocation": {"artifactLocation": {
             "uri": "kintai/%E5%86%99%E7%9C%9F.bmp", "uriBaseId": "SRCROOT"}}}],
         "descriptor": {"id": "iescan.skipped"}},
        {"level": "error", "message": {"text": "the scan is incomplete (interrupted or a budget ran out); results cover only what was scanned"},
         "descriptor": {"id": "iescan.incomplete"}}]})j"));
  EXPECT_EQ(Sarif(testing::OrgScan())["runs"][0]["invocations"][0],
            Json::parse(R"({"executionSuccessful": true, "toolExecutionNotifications": []})"));
}

TEST(SarifTest, AbsoluteAndSeveralRoots) {
  testing::ScanBuilder a("/srv/www/intranet");
  a.File("hr/a b.htm", scanner::FileKind::kHtml, 5)
      .Finding(testing::TestRule("dom.document-all", rules::Severity::kHigh, rules::Effort::kSmall),
               1, 1);
  ScanResult scan = a.scan();
  testing::ScanBuilder b("legacy");
  b.File("勤怠/x.htm", scanner::FileKind::kHtml, 5)
      .Finding(testing::TestRule("dom.document-all", rules::Severity::kHigh, rules::Effort::kSmall),
               1, 1);
  scan.files.push_back(b.scan().files[0]);
  scan.roots.push_back("legacy");
  const Json run = Sarif(scan)["runs"][0];
  EXPECT_EQ(run["originalUriBaseIds"]["SRCROOT"],
            Json::parse(R"({"uri": "file:///srv/www/intranet/"})"));
  EXPECT_EQ(run["originalUriBaseIds"]["SRCROOT2"]["uri"], "legacy/");
  const auto location = [&](size_t i) {
    return run["results"][i]["locations"][0]["physicalLocation"]["artifactLocation"];
  };
  EXPECT_EQ(location(0), Json::parse(R"({"uri": "hr/a%20b.htm", "uriBaseId": "SRCROOT"})"));
  EXPECT_EQ(location(1),
            Json::parse(R"({"uri": "%E5%8B%A4%E6%80%A0/x.htm", "uriBaseId": "SRCROOT2"})"));
}

TEST(SarifTest, PercentEncoding) {
  EXPECT_EQ(PercentEncodePath("hr/index.asp"), "hr/index.asp");
  EXPECT_EQ(PercentEncodePath("a b/c#d?e%f"), "a%20b/c%23d%3Fe%25f");
  EXPECT_EQ(PercentEncodePath("勤"), "%E5%8B%A4");
  EXPECT_EQ(PercentEncodePath("c:x"), "c%3Ax");
}

TEST(SarifTest, FailedStreamIsAnError) {
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  EXPECT_FALSE(WriteSarif(BuildPlan(testing::OrgScan(), PlanOptions{}), {}, out).ok());
}

}  // namespace
}  // namespace iescan::report
