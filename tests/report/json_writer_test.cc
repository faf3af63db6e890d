#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "report/writers/json.h"

namespace iescan::report {
namespace sample {
ScanResult SampleScan();
}  // namespace sample
namespace {

using Json = nlohmann::ordered_json;

std::string JsonText(const Plan& plan) {
  std::ostringstream out;
  const Status status = WriteJson(plan, JsonOptions{}, out);
  EXPECT_TRUE(status.ok()) << status.message();
  return out.str();
}

Json SampleJson() {
  return Json::parse(JsonText(BuildPlan(sample::SampleScan(), PlanOptions{"0.1.0"})));
}

TEST(JsonWriterTest, TopLevelKeysInDocumentedOrder) {
  const Json doc = SampleJson();
  std::vector<std::string> keys;
  for (const auto& item : doc.items()) keys.push_back(item.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"schema", "tool", "roots", "complete", "summary",
                                            "apps", "files", "findings", "skipped", "rules"}));
}

TEST(JsonWriterTest, DocumentStartsWithHeaderBytes) {
  const std::string text = JsonText(BuildPlan(sample::SampleScan(), PlanOptions{"0.1.0"}));
  const std::string head =
      "{\n"
      "  \"schema\": \"iescan-report/1\",\n"
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
  const std::string text = JsonText(BuildPlan(sample::SampleScan(), PlanOptions{"0.1.0"}));
  EXPECT_EQ(Json::parse(text).dump(2) + "\n", text);
  // Non-ASCII is written as UTF-8, not as \u escapes.
  EXPECT_NE(text.find("\"path\": \"勤怠管理/勤怠入力.htm\""), std::string::npos);
}

TEST(JsonWriterTest, EmptyPlanExactDocument) {
  const std::string expected = R"j({
  "schema": "iescan-report/1",
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
    "by_category": {}
  },
  "apps": [],
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
    "by_category": {"activex": 1, "css": 1, "dom": 3, "events": 2, "markup": 1}})j");
  EXPECT_EQ(SampleJson()["summary"], expected);
}

TEST(JsonWriterTest, Apps) {
  const Json expected = Json::parse(R"j([
    {"name": "apps", "files": 1, "skipped": 0, "findings": 0,
     "by_severity": {"blocker": 0, "high": 0, "medium": 0, "low": 0}},
    {"name": "hr", "files": 2, "skipped": 1, "findings": 5,
     "by_severity": {"blocker": 2, "high": 2, "medium": 0, "low": 1}},
    {"name": "勤怠管理", "files": 2, "skipped": 1, "findings": 3,
     "by_severity": {"blocker": 1, "high": 1, "medium": 1, "low": 0}}])j");
  EXPECT_EQ(SampleJson()["apps"], expected);
}

TEST(JsonWriterTest, Files) {
  const Json doc = SampleJson();
  ASSERT_EQ(doc["files"].size(), 5u);
  EXPECT_EQ(doc["files"][0], Json::parse(R"j({"path": "hr/index.asp", "app": "hr",
      "kind": "html", "server": "asp", "encoding": "Shift_JIS", "encoding_source": "meta",
      "bytes": 2048, "lines": 60, "findings": 2})j"));
  EXPECT_EQ(doc["files"][4], Json::parse(R"j({"path": "勤怠管理/勤怠入力.htm",
      "app": "勤怠管理", "kind": "html", "server": "none", "encoding": "Shift_JIS",
      "encoding_source": "meta", "bytes": 4096, "lines": 120, "findings": 2})j"));
}

TEST(JsonWriterTest, FindingsCarryEveryField) {
  const Json doc = SampleJson();
  ASSERT_EQ(doc["findings"].size(), 8u);
  EXPECT_EQ(doc["findings"][0], Json::parse(R"j({"path": "hr/index.asp",
      "line": 3, "column": 1, "end_line": 5, "end_column": 13,
      "rule_id": "markup.conditional-comment", "category": "markup",
      "title": "Conditional comments", "severity": "low", "confidence": "high",
      "effort": "trivial",
      "message": "conditional comment <!--[if IE]> is ignored outside Internet Explorer",
      "snippet": "<!--[if IE]>", "language": "html", "guard": "none", "detail": ""})j"));
  EXPECT_EQ(doc["findings"][1], Json::parse(R"j({"path": "hr/index.asp",
      "line": 14, "column": 15, "end_line": 14, "end_column": 63,
      "rule_id": "activex.activex-object", "category": "activex",
      "title": "new ActiveXObject(...)", "severity": "blocker", "confidence": "high",
      "effort": "large",
      "message": "new ActiveXObject(\"Scripting.FileSystemObject\") works only in Internet Explorer",
      "snippet": "var fso = new ActiveXObject(\"Scripting.FileSystemObject\");",
      "language": "js", "guard": "unguarded", "detail": "Scripting.FileSystemObject"})j"));
  EXPECT_EQ(doc["findings"][6], Json::parse(R"j({"path": "勤怠管理/勤怠入力.htm",
      "line": 33, "column": 9, "end_line": 33, "end_column": 21,
      "rule_id": "dom.document-all", "category": "dom", "title": "document.all",
      "severity": "high", "confidence": "high", "effort": "small",
      "message": "document.all is not supported outside Internet Explorer",
      "snippet": "var f = document.all[\"勤務時間\"];", "language": "js",
      "guard": "ie-only-branch", "detail": ""})j"));
  EXPECT_EQ(doc["findings"][3]["guard"], "guarded");
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
  f.message = "bad \xff byte";
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
