// Reading a JSON report back (report/json_read.h): a plan rebuilt from the report gives the
// same bytes in every format as the plan of the scan itself, every raw field survives, and
// foreign, future or inconsistent reports are refused with the report's name.
#include "report/json_read.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "report/plan.h"
#include "report/writers/writers.h"
#include "rules/engine/catalog.h"

namespace iescan::report {
namespace {

using Json = nlohmann::json;

const rules::Catalog& Builtin() {
  static const Result<rules::Catalog> catalog = rules::Catalog::Builtin();
  return *catalog;
}

rules::Finding MakeFinding(const char* rule_id, uint32_t line, uint32_t column,
                           std::string snippet) {
  rules::Finding f;
  f.rule = Builtin().Find(rule_id);
  f.message = SharedText(std::string(rule_id) + " here");
  f.begin = {line, column};
  f.end = {line, column + 12};
  f.offset = line * 40 + column;
  f.end_offset = f.offset + 12;
  f.snippet = std::move(snippet);
  f.language = scanner::Language::kJs;
  return f;
}

FileResult MakeFile(std::string display, std::string root, scanner::FileKind kind) {
  FileResult file;
  file.origin = {std::move(display), "", std::move(root), false};
  file.kind.kind = kind;
  file.encoding = "Shift_JIS";
  file.encoding_source = "meta";
  file.bytes = 2048;
  file.lines = 51;
  return file;
}

// An intranet tree, a crawled site and a single-file root, with every raw field set.
ScanResult RichScan() {
  ScanResult scan;
  scan.catalog = &Builtin();
  scan.roots = {"intranet", "http://portal.example/", "tools/print.hta"};
  FileResult page = MakeFile("intranet/jinji/index.asp", "intranet", scanner::FileKind::kHtml);
  page.kind.server = scanner::ServerDialect::kAsp;
  page.references = {"js/menu.js", "/jinji/css/base.css"};
  page.doc_mode = {"quirks", "IE5", {"line 1: no doctype (quirks mode)"}};
  rules::Finding attach =
      MakeFinding("events.attach-event", 14, 5, "el.attachEvent('onclick', go);");
  attach.match = "attachEvent";
  attach.guard = rules::Guard::kUnguarded;
  attach.effort = rules::Effort::kLarge;
  attach.baseline = rules::BaselineState::kNew;
  rules::Finding all = MakeFinding("dom.document-all", 20, 9, "var f = document.all[\"勤務\"];");
  all.suppressed = true;
  all.suppression_reason = "replaced in the next release";
  all.guard = rules::Guard::kIeOnlyBranch;
  page.findings = {attach, all};
  FileResult script = MakeFile("intranet/jinji/js/menu.js", "intranet", scanner::FileKind::kJs);
  script.context_only = true;
  script.library = std::make_shared<const rules::VendoredLibrary>(rules::VendoredLibrary{
      "jQuery", "1.4.2", true, "jQuery 3.7", "jQuery.browser", "banner", 0, 31});
  script.folded_findings = 3;
  script.warnings = {"4 byte(s) could not be decoded as Shift_JIS and were replaced"};
  script.findings = {MakeFinding("dom.document-all", 3, 1, "document.all.menu")};
  FileResult crawled = MakeFile("http://portal.example/app/list.htm", "http://portal.example/",
                                scanner::FileKind::kHtml);
  crawled.origin.is_url = true;
  FileResult hta = MakeFile("tools/print.hta", "tools/print.hta", scanner::FileKind::kHta);
  hta.origin.fs_path = "tools/print.hta";
  scan.files = {hta, script, crawled, page};
  scan.skipped = {{"intranet/jinji/logo.gif", "binary file (NUL byte at offset 6)"},
                  {"http://portal.example/app/x.cgi", "HTTP 500"}};
  scan.complete = false;
  return scan;
}

std::string Written(const Plan& plan, Format format) {
  std::ostringstream out;
  EXPECT_TRUE(Write(plan, format, WriteOptions{}, out).ok());
  return out.str();
}

PlanOptions Options() {
  PlanOptions options;
  options.tool_version = "0.1.0";
  options.created = 1700000000;
  return options;
}

TEST(JsonReadTest, RebuiltPlanWritesTheSameBytesInEveryFormat) {
  const Plan plan = BuildPlan(RichScan(), Options());
  const std::string json = Written(plan, Format::kJson);
  Result<ScanResult> read = ReadJsonReport(json, "shard-1.json", Builtin());
  ASSERT_TRUE(read.ok()) << read.status().message();
  const Plan again = BuildPlan(*read, Options());
  for (Format format :
       {Format::kText, Format::kJson, Format::kSarif, Format::kJunit, Format::kCsv,
        Format::kMarkdown, Format::kSiteList, Format::kHtml, Format::kCodeQuality}) {
    EXPECT_TRUE(Written(again, format) == Written(plan, format)) << FormatName(format);
  }
}

TEST(JsonReadTest, EveryRawFieldSurvives) {
  const std::string json = Written(BuildPlan(RichScan(), Options()), Format::kJson);
  Result<ScanResult> read = ReadJsonReport(json, "r.json", Builtin());
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_EQ(read->roots,
            (std::vector<std::string>{"intranet", "http://portal.example/", "tools/print.hta"}));
  EXPECT_FALSE(read->complete);
  ASSERT_EQ(read->files.size(), 4u);  // in report order: by path
  const FileResult& crawled = read->files[0];
  EXPECT_EQ(crawled.origin.display, "http://portal.example/app/list.htm");
  EXPECT_TRUE(crawled.origin.is_url);
  const FileResult& page = read->files[1];
  EXPECT_EQ(page.origin.display, "intranet/jinji/index.asp");
  EXPECT_EQ(page.origin.fs_path, "");
  EXPECT_EQ(page.kind.server, scanner::ServerDialect::kAsp);
  EXPECT_EQ(page.references, (std::vector<std::string>{"/jinji/css/base.css", "js/menu.js"}));
  EXPECT_EQ(page.doc_mode.evidence, std::vector<std::string>{"line 1: no doctype (quirks mode)"});
  ASSERT_EQ(page.findings.size(), 2u);
  const rules::Finding& attach = page.findings[0];
  EXPECT_EQ(attach.rule, Builtin().Find("events.attach-event"));
  EXPECT_EQ(attach.match, "attachEvent");
  EXPECT_EQ(attach.offset, 14u * 40 + 5);
  EXPECT_EQ(attach.end_offset, 14u * 40 + 17);
  EXPECT_EQ(attach.begin.line, 14u);
  EXPECT_EQ(attach.begin.column, 5u);
  EXPECT_EQ(attach.end.column, 17u);
  EXPECT_EQ(attach.guard, rules::Guard::kUnguarded);
  EXPECT_EQ(attach.effort, rules::Effort::kLarge);
  EXPECT_EQ(attach.baseline, rules::BaselineState::kNew);
  EXPECT_EQ(attach.fingerprint.size(), 18u);
  const rules::Finding& all = page.findings[1];
  EXPECT_TRUE(all.suppressed);
  EXPECT_EQ(all.suppression_reason, "replaced in the next release");
  EXPECT_EQ(all.snippet, "var f = document.all[\"勤務\"];");
  EXPECT_EQ(all.effort, std::nullopt);
  const FileResult& script = read->files[2];
  EXPECT_TRUE(script.context_only);
  ASSERT_NE(script.library, nullptr);
  EXPECT_EQ(script.library->Label(), "jQuery 1.4.2");
  EXPECT_EQ(script.library->end_offset, 31u);
  EXPECT_EQ(script.folded_findings, 3u);
  EXPECT_EQ(script.warnings.size(), 1u);
  const FileResult& hta = read->files[3];
  EXPECT_EQ(hta.origin.fs_path, "tools/print.hta");  // a root that is a file
  EXPECT_EQ(hta.kind.kind, scanner::FileKind::kHta);
  ASSERT_EQ(read->skipped.size(), 2u);
  EXPECT_EQ(read->skipped[0].origin, "http://portal.example/app/x.cgi");
  EXPECT_EQ(read->skipped[0].reason, "HTTP 500");
}

TEST(JsonReadTest, RefusesWhatItCannotMergeNamingTheReport) {
  const std::string json = Written(BuildPlan(RichScan(), Options()), Format::kJson);
  const auto error = [](const std::string& text) {
    Result<ScanResult> r = ReadJsonReport(text, "in/s2.json", Builtin());
    return r.ok() ? std::string("ok") : r.status().message();
  };
  EXPECT_EQ(error("[1, 2]"), "in/s2.json: not an iescan JSON report (no \"schema\" key)");
  EXPECT_EQ(error("{\"schema\": \"other/1\"}"),
            "in/s2.json: not an iescan JSON report (schema 'other/1')");
  EXPECT_EQ(error("<html>"), "in/s2.json: not an iescan JSON report (not JSON)");
  Json doc = Json::parse(json);
  doc["schema"] = "iescan-report/2";
  EXPECT_EQ(error(doc.dump()),
            "in/s2.json: schema 'iescan-report/2' is not supported (this iescan reads "
            "iescan-report/1)");
  doc = Json::parse(json);
  doc["schema_minor"] = 0;
  EXPECT_EQ(error(doc.dump()),
            "in/s2.json: written by an older iescan without the data a merge needs "
            "(schema_minor 1 or later); scan again with this version");
  doc = Json::parse(json);
  doc["findings"][1]["rule_id"] = "acme.grid-control";
  EXPECT_EQ(error(doc.dump()),
            "in/s2.json: unknown rule id 'acme.grid-control' (give merge the --rules "
            "directories and configuration of the scan)");
  doc = Json::parse(json);
  doc["findings"][0]["guard"] = "maybe";
  EXPECT_EQ(error(doc.dump()), "in/s2.json: malformed iescan report: unknown guard 'maybe'");
  doc = Json::parse(json);
  doc["files"][1]["findings"] = 1;
  EXPECT_EQ(error(doc.dump()),
            "in/s2.json: malformed iescan report: finding 1 is not in file "
            "'intranet/jinji/js/menu.js'");
  doc = Json::parse(json);
  doc["files"][1].erase("references");
  EXPECT_EQ(error(doc.dump()).rfind("in/s2.json: malformed iescan report: ", 0), 0u);
  EXPECT_EQ(error(json), "ok");
}

TEST(JsonReadTest, HostileDocumentsAreErrorsNotCrashes) {
  const std::string json = Written(BuildPlan(RichScan(), Options()), Format::kJson);
  const auto error = [](const std::string& text) {
    Result<ScanResult> r = ReadJsonReport(text, "x.json", Builtin());
    return r.ok() ? std::string("ok") : r.status().message();
  };
  EXPECT_EQ(error(std::string(200000, '[') + std::string(200000, ']')),
            "x.json: not an iescan JSON report (no \"schema\" key)");
  EXPECT_EQ(error(json.substr(0, json.size() / 2)),
            "x.json: not an iescan JSON report (not JSON)");
  EXPECT_EQ(error(""), "x.json: not an iescan JSON report (not JSON)");
  Json doc = Json::parse(json);
  doc["files"] = 5;
  EXPECT_EQ(error(doc.dump()).rfind("x.json: malformed iescan report: ", 0), 0u);
  doc = Json::parse(json);
  doc["files"][1]["findings"] = 1000000;
  EXPECT_EQ(error(doc.dump()),
            "x.json: malformed iescan report: fewer findings than its files count");
  doc = Json::parse(json);
  doc["findings"][0]["line"] = "fourteen";
  EXPECT_EQ(error(doc.dump()).rfind("x.json: malformed iescan report: ", 0), 0u);
  doc = Json::parse(json);
  doc["files"][0]["findings"] = 1;  // the crawled page claims a finding of another file
  EXPECT_EQ(error(doc.dump()),
            "x.json: malformed iescan report: finding 0 is not in file "
            "'http://portal.example/app/list.htm'");
}

}  // namespace
}  // namespace iescan::report
