#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "report/fingerprint.h"
#include "report/writers/json.h"
#include "tests/report/sample_scan.h"
#include "tests/report/scan_builder.h"

namespace iescan::report {
namespace {

using Json = nlohmann::ordered_json;

std::string JsonText(const Plan& plan) {
  std::ostringstream out;
  const Status status = WriteJson(plan, JsonOptions{}, out);
  EXPECT_TRUE(status.ok()) << status.message();
  return out.str();
}

Json SampleJson() {
  return Json::parse(JsonText(BuildPlan(sample::SampleScan(), sample::Options("0.1.0"))));
}

TEST(JsonWriterTest, TopLevelKeysInDocumentedOrder) {
  const Json doc = SampleJson();
  std::vector<std::string> keys;
  for (const auto& item : doc.items()) keys.push_back(item.key());
  EXPECT_EQ(keys,
            (std::vector<std::string>{"schema", "schema_minor", "tool", "roots", "complete", "summary", "apps",
                                      "migration_order", "files", "findings", "skipped", "rules"}));
}

TEST(JsonWriterTest, DocumentStartsWithHeaderBytes) {
  const std::string text = JsonText(BuildPlan(sample::SampleScan(), sample::Options("0.1.0")));
  const std::string head =
      "{\n"
      "  \"schema\": \"iescan-report/1\",\n"
      "  \"schema_minor\": 2,\n"
      "  \"tool\": {\n"
      "    \"name\": \"iescan\",\n"
      "    \"version\": \"0.1.0\"\n"
      "  },\n"
      "  \"roots\": [\n"
      "    \"corpus/apps\"\n"
      "  ],\n"
      "  \"complete\": true,\n"
      "  \"summary\": {\n"
      "    \"files\": 5,\n";
  EXPECT_EQ(text.substr(0, head.size()), head);
  EXPECT_EQ(text.substr(text.size() - 3), "\n}\n");
}

TEST(JsonWriterTest, StreamedBytesEqualAWholeDocumentDump) {
  const std::string text = JsonText(BuildPlan(sample::SampleScan(), sample::Options("0.1.0")));
  EXPECT_EQ(Json::parse(text).dump(2) + "\n", text);
  // Non-ASCII is written as UTF-8, not as \u escapes.
  EXPECT_NE(text.find("\"path\": \"勤怠管理/勤怠入力.htm\""), std::string::npos);
}

// A report large enough for the files and the findings to be formatted in batches by
// several threads: the same bytes whatever the thread count, and still one valid document.
TEST(JsonWriterTest, ThreadsDoNotChangeTheBytes) {
  testing::ScanBuilder builder("intranet");
  const rules::Rule& rule = testing::TestRule("dom.document-all", rules::Severity::kHigh,
                                              rules::Effort::kSmall);
  for (int file = 0; file < 16400; ++file) {
    builder.File("app" + std::to_string(file % 7) + "/static/" + std::to_string(file) + ".htm",
                 scanner::FileKind::kHtml, 100);
  }
  for (int file = 0; file < 40; ++file) {
    builder.File("app" + std::to_string(file % 7) + "/page" + std::to_string(file) + ".htm",
                 scanner::FileKind::kHtml, 1000);
    for (uint32_t line = 1; line <= 600; ++line) {
      builder.Finding(rule, line, 1 + line % 13, rules::Guard::kNone, "",
                      "var x = document.all[\"勤務" + std::to_string(line) + "\"];");
    }
  }
  const Plan plan = BuildPlan(builder.scan(), sample::Options("0.1.0"));
  ASSERT_EQ(plan.findings.size(), 24000u);
  std::ostringstream one;
  ASSERT_TRUE(WriteJson(plan, JsonOptions{1}, one).ok());
  for (unsigned threads : {2u, 3u, 8u}) {
    std::ostringstream many;
    ASSERT_TRUE(WriteJson(plan, JsonOptions{threads}, many).ok());
    EXPECT_EQ(many.str(), one.str()) << threads << " threads";
  }
  const Json doc = Json::parse(one.str());
  EXPECT_EQ(doc["findings"].size(), 24000u);
  EXPECT_EQ(doc["files"].size(), 16440u);
  EXPECT_EQ(doc.dump(2) + "\n", one.str());
}

TEST(JsonWriterTest, EmptyPlanExactDocument) {
  const std::string expected = R"j({
  "schema": "iescan-report/1",
  "schema_minor": 2,
  "tool": {
    "name": "iescan",
    "version": ""
  },
  "roots": [],
  "complete": true,
  "summary": {
    "files": 0,
    "skipped": 0,
    "findings": 0,
    "by_severity": {
      "blocker": 0,
      "high": 0,
      "medium": 0,
      "low": 0
    },
    "by_rule": {},
    "by_category": {},
    "by_priority": {
      "P1": 0,
      "P2": 0,
      "P3": 0,
      "P4": 0
    },
    "by_status": {
      "ready": 0,
      "minor-fixes": 0,
      "migration-needed": 0,
      "blocked": 0
    },
    "effort_hours": 0.0
  },
  "apps": [],
  "migration_order": [],
  "files": [],
  "findings": [],
  "skipped": [],
  "rules": []
}
)j";
  EXPECT_EQ(JsonText(BuildPlan(ScanResult{}, PlanOptions{})), expected);
}

TEST(JsonWriterTest, Summary) {
  const Json expected = Json::parse(R"j({
    "files": 5, "skipped": 2, "findings": 8,
    "by_severity": {"blocker": 3, "high": 3, "medium": 1, "low": 1},
    "by_rule": {"activex.activex-object": 1, "css.expression": 1, "dom.document-all": 3,
                "events.attach-event": 2, "markup.conditional-comment": 1},
    "by_category": {"activex": 1, "css": 1, "dom": 3, "events": 2, "markup": 1},
    "by_priority": {"P1": 3, "P2": 1, "P3": 3, "P4": 1},
    "by_status": {"ready": 1, "minor-fixes": 1, "migration-needed": 0, "blocked": 1},
    "effort_hours": 26.4})j");
  EXPECT_EQ(SampleJson()["summary"], expected);
}

TEST(JsonWriterTest, Apps) {
  const Json expected = Json::parse(R"j([
    {"name": "apps", "files": 1, "skipped": 0, "findings": 0,
     "by_severity": {"blocker": 0, "high": 0, "medium": 0, "low": 0},
     "owner": "", "users": null, "urls": [], "pages": 1, "lines": 10, "status": "ready",
     "status_label": "Ready", "readiness_score": 100, "effort_hours": 0.0,
     "complexity": 1.01, "by_priority": {"P1": 0, "P2": 0, "P3": 0, "P4": 0},
     "top_blockers": [], "ie_mode_reasons": [], "site_url": "", "compat_mode": "Default",
     "compat_modes": [], "migration_rank": 1},
    {"name": "hr", "files": 2, "skipped": 1, "findings": 5,
     "by_severity": {"blocker": 2, "high": 2, "medium": 0, "low": 1},
     "owner": "", "users": null, "urls": [], "pages": 1, "lines": 80, "status": "blocked",
     "status_label": "Blocked: needs IE mode", "readiness_score": 20, "effort_hours": 19.7,
     "complexity": 1.12, "by_priority": {"P1": 2, "P2": 0, "P3": 2, "P4": 1},
     "top_blockers": [
       {"rule_id": "activex.activex-object", "title": "new ActiveXObject(...)", "count": 1,
        "priority": "P1", "score": 100.0},
       {"rule_id": "events.attach-event", "title": "attachEvent / detachEvent", "count": 1,
        "priority": "P1", "score": 100.0},
       {"rule_id": "dom.document-all", "title": "document.all", "count": 2,
        "priority": "P3", "score": 42.0},
       {"rule_id": "markup.conditional-comment", "title": "Conditional comments", "count": 1,
        "priority": "P4", "score": 15.0}],
     "ie_mode_reasons": [
       "activex.activex-object x1 (first: hr/index.asp:14:15, Scripting.FileSystemObject)"],
     "site_url": "", "compat_mode": "Default", "compat_modes": [], "migration_rank": 3},
    {"name": "勤怠管理", "files": 2, "skipped": 1, "findings": 3,
     "by_severity": {"blocker": 1, "high": 1, "medium": 1, "low": 0},
     "owner": "", "users": null, "urls": [], "pages": 1, "lines": 135,
     "status": "minor-fixes", "status_label": "Minor fixes", "readiness_score": 68,
     "effort_hours": 6.7, "complexity": 1.11,
     "by_priority": {"P1": 1, "P2": 1, "P3": 1, "P4": 0},
     "top_blockers": [
       {"rule_id": "events.attach-event", "title": "attachEvent / detachEvent", "count": 1,
        "priority": "P1", "score": 100.0},
       {"rule_id": "dom.document-all", "title": "document.all", "count": 1,
        "priority": "P2", "score": 56.0},
       {"rule_id": "css.expression", "title": "CSS expression()", "count": 1,
        "priority": "P3", "score": 40.0}],
     "ie_mode_reasons": [], "site_url": "", "compat_mode": "Default", "compat_modes": [],
     "migration_rank": 2}])j");
  EXPECT_EQ(SampleJson()["apps"], expected);
}

TEST(JsonWriterTest, MigrationOrder) {
  EXPECT_EQ(SampleJson()["migration_order"], Json::parse(R"j([
    {"rank": 1, "app": "apps", "status": "ready", "action": "switch", "value": 1.0,
     "value_basis": "pages", "effort_hours": 0.0},
    {"rank": 2, "app": "勤怠管理", "status": "minor-fixes", "action": "fix", "value": 1.0,
     "value_basis": "pages", "effort_hours": 6.7},
    {"rank": 3, "app": "hr", "status": "blocked", "action": "ie-mode-now", "value": 1.0,
     "value_basis": "pages", "effort_hours": 19.7}])j"));
}

TEST(JsonWriterTest, Files) {
  const Json doc = SampleJson();
  ASSERT_EQ(doc["files"].size(), 5u);
  EXPECT_EQ(doc["files"][0], Json::parse(R"j({"path": "hr/index.asp", "app": "hr",
      "kind": "html", "server": "asp", "encoding": "Shift_JIS", "encoding_source": "meta",
      "bytes": 2048, "lines": 60, "findings": 2, "page": true, "reach": 1, "loads": [],
      "doc_mode": {"built_for": "", "compat_mode": "", "evidence": []},
      "root": "corpus/apps", "is_url": false, "references": [], "context_only": false,
      "library": null, "folded_findings": 0, "warnings": []})j"));
  EXPECT_EQ(doc["files"][1]["page"], false);
  EXPECT_EQ(doc["files"][1]["reach"], 0);
  EXPECT_EQ(doc["files"][4], Json::parse(R"j({"path": "勤怠管理/勤怠入力.htm",
      "app": "勤怠管理", "kind": "html", "server": "none", "encoding": "Shift_JIS",
      "encoding_source": "meta", "bytes": 4096, "lines": 120, "findings": 2, "page": true,
      "reach": 1, "loads": [],
      "doc_mode": {"built_for": "", "compat_mode": "", "evidence": []},
      "root": "corpus/apps", "is_url": false, "references": [], "context_only": false,
      "library": null, "folded_findings": 0, "warnings": []})j"));
}

TEST(JsonWriterTest, FilesCarryReachLoadsAndDocumentMode) {
  ScanResult scan = sample::SampleScan();
  scan.files[2].references = {"scripts/menu.js?v=3", "http://cdn.example.com/x.js"};
  scan.files[2].doc_mode = {"quirks", "IE5", {"line 1: no doctype (quirks mode)"}};
  const Json doc = Json::parse(JsonText(BuildPlan(scan, sample::Options())));
  EXPECT_EQ(doc["files"][0]["path"], "hr/index.asp");
  EXPECT_EQ(doc["files"][0]["loads"], Json::parse(R"(["hr/scripts/menu.js"])"));
  EXPECT_EQ(doc["files"][0]["doc_mode"], Json::parse(R"j({"built_for": "quirks",
      "compat_mode": "IE5", "evidence": ["line 1: no doctype (quirks mode)"]})j"));
  EXPECT_EQ(doc["files"][1]["reach"], 1);
  EXPECT_EQ(doc["findings"][2]["reach"], 1);
  EXPECT_EQ(doc["apps"][1]["compat_modes"], Json::parse(R"([{"mode": "IE5", "pages": 1}])"));
  EXPECT_EQ(doc["apps"][1]["compat_mode"], "IE5");
}

TEST(JsonWriterTest, FindingsCarryEveryField) {
  const Json doc = SampleJson();
  ASSERT_EQ(doc["findings"].size(), 8u);
  Json first = doc["findings"][0];
  EXPECT_EQ(first["fingerprint"],
            Fingerprint("markup.conditional-comment", "hr/index.asp", "<!--[if IE]>", 0));
  first["fingerprint"] = "";
  EXPECT_EQ(first, Json::parse(R"j({"path": "hr/index.asp",
      "line": 3, "column": 1, "end_line": 5, "end_column": 13,
      "rule_id": "markup.conditional-comment", "category": "markup",
      "title": "Conditional comments", "severity": "low", "confidence": "high",
      "effort": "trivial",
      "message": "conditional comment <!--[if IE]> is ignored outside Internet Explorer",
      "snippet": "<!--[if IE]>", "language": "html", "guard": "none", "detail": "",
      "priority": "P4", "priority_score": 15.0, "reach": 1, "ie_mode": false,
      "fingerprint": "", "suppressed": false, "suppression_reason": "", "baseline": "",
      "match": "", "offset": 0, "end_offset": 0, "effort_override": null})j"));
  Json second = doc["findings"][1];
  second["fingerprint"] = "";
  EXPECT_EQ(second, Json::parse(R"j({"path": "hr/index.asp",
      "line": 14, "column": 15, "end_line": 14, "end_column": 63,
      "rule_id": "activex.activex-object", "category": "activex",
      "title": "new ActiveXObject(...)", "severity": "blocker", "confidence": "high",
      "effort": "large",
      "message": "new ActiveXObject(\"Scripting.FileSystemObject\") works only in Internet Explorer",
      "snippet": "var fso = new ActiveXObject(\"Scripting.FileSystemObject\");",
      "language": "js", "guard": "unguarded", "detail": "Scripting.FileSystemObject",
      "priority": "P1", "priority_score": 100.0, "reach": 1, "ie_mode": true,
      "fingerprint": "", "suppressed": false, "suppression_reason": "", "baseline": "",
      "match": "", "offset": 0, "end_offset": 0, "effort_override": null})j"));
  Json seventh = doc["findings"][6];
  seventh["fingerprint"] = "";
  EXPECT_EQ(seventh, Json::parse(R"j({"path": "勤怠管理/勤怠入力.htm",
      "line": 33, "column": 9, "end_line": 33, "end_column": 21,
      "rule_id": "dom.document-all", "category": "dom", "title": "document.all",
      "severity": "high", "confidence": "high", "effort": "small",
      "message": "document.all is not supported outside Internet Explorer",
      "snippet": "var f = document.all[\"勤務時間\"];", "language": "js",
      "guard": "ie-only-branch", "detail": "", "priority": "P2", "priority_score": 56.0,
      "reach": 1, "ie_mode": false, "fingerprint": "", "suppressed": false, "suppression_reason": "", "baseline": "",
      "match": "", "offset": 0, "end_offset": 0, "effort_override": null})j"));
  EXPECT_EQ(doc["findings"][3]["guard"], "guarded");
  EXPECT_EQ(doc["findings"][3]["priority_score"], 21.0);
  // The two document.all findings on line 12 share rule and snippet: occurrences 0 and 1.
  EXPECT_EQ(doc["findings"][3]["fingerprint"],
            Fingerprint("dom.document-all", "hr/scripts/menu.js",
                        "if (document.all) { x = document.all.menu; }", 0));
  EXPECT_EQ(doc["findings"][4]["fingerprint"],
            Fingerprint("dom.document-all", "hr/scripts/menu.js",
                        "if (document.all) { x = document.all.menu; }", 1));
  EXPECT_EQ(doc["findings"][5]["language"], "css");
}

TEST(JsonWriterTest, SkippedAndRules) {
  const Json doc = SampleJson();
  EXPECT_EQ(doc["skipped"], Json::parse(R"j([
      {"path": "hr/setup.exe", "reason": "binary file (NUL byte at offset 2)", "app": "hr"},
      {"path": "勤怠管理/archive/old.htm", "reason": "larger than --max-file-size (32 MiB)",
       "app": "勤怠管理"}])j"));
  ASSERT_EQ(doc["rules"].size(), 5u);
  std::vector<std::string> ids;
  for (const Json& rule : doc["rules"]) ids.push_back(rule["id"]);
  EXPECT_EQ(
      ids, (std::vector<std::string>{"activex.activex-object", "css.expression", "dom.document-all",
                                     "events.attach-event", "markup.conditional-comment"}));
  EXPECT_EQ(doc["rules"][3], Json::parse(R"j({"id": "events.attach-event",
      "category": "events", "title": "attachEvent / detachEvent", "severity": "blocker",
      "confidence": "high", "effort": "small", "replacement": "EventTarget.addEventListener()",
      "references": ["https://developer.mozilla.org/docs/Web/API/events.attach-event"],
      "findings": 2})j"));
}

TEST(JsonWriterTest, IncompleteScanSaysSo) {
  ScanResult scan = sample::SampleScan();
  scan.complete = false;
  EXPECT_EQ(Json::parse(JsonText(BuildPlan(scan, PlanOptions{})))["complete"], false);
}

TEST(JsonWriterTest, InvalidUtf8IsReplacedNotThrown) {
  ScanResult scan = sample::SampleScan();
  scan.files.resize(1);
  scan.files[0].findings.resize(1);
  rules::Finding& f = scan.files[0].findings[0];
  // Shift_JIS bytes that were never decoded, a lone continuation byte, a truncated
  // sequence at the very end.
  f.snippet = "<object id=\"\x83\x65\x83\x58\x83\x67\" classid=\"clsid:\x80\">\xe5\x8b";
  f.message = SharedText("bad \xff byte");
  f.detail = "\xc0\xaf";  // overlong '/'
  scan.files[0].origin.display = "勤怠管理/\x90\x56.htm";
  std::ostringstream out;
  Status status;
  ASSERT_NO_THROW(status = WriteJson(BuildPlan(scan, PlanOptions{}), JsonOptions{}, out));
  ASSERT_TRUE(status.ok()) << status.message();
  const Json doc = Json::parse(out.str());
  const Json& finding = doc["findings"][0];
  EXPECT_EQ(finding["snippet"],
            "<object id=\"\xEF\xBF\xBD"
            "e\xEF\xBF\xBDX\xEF\xBF\xBDg\" classid=\"clsid:\xEF\xBF\xBD\">"
            "\xEF\xBF\xBD");
  EXPECT_EQ(finding["message"], "bad \xEF\xBF\xBD byte");
  EXPECT_EQ(finding["path"], "勤怠管理/\xEF\xBF\xBDV.htm");
  EXPECT_EQ(doc["files"][0]["path"], "勤怠管理/\xEF\xBF\xBDV.htm");
}

TEST(JsonWriterTest, FailedStreamIsAnError) {
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  EXPECT_FALSE(WriteJson(BuildPlan(sample::SampleScan(), PlanOptions{}), JsonOptions{}, out).ok());
}

}  // namespace
}  // namespace iescan::report
