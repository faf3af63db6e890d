// A hand-built scan of two intranet apps under "corpus/apps" (an English "hr" app and a
// Japanese 勤怠管理 attendance app) plus one page at the root, shared by the report tests.
#include "tests/report/sample_scan.h"

#include <string>
#include <utility>
#include <vector>

#include "report/scan_result.h"
#include "rules/engine/finding.h"
#include "rules/engine/rule.h"

namespace iescan::report::sample {
namespace {

rules::Rule MakeRule(std::string id, std::string title, rules::Severity severity,
                     rules::Effort effort, std::string replacement) {
  rules::Rule rule;
  rule.id = std::move(id);
  rule.category = rule.id.substr(0, rule.id.find('.'));
  rule.title = std::move(title);
  rule.severity = severity;
  rule.confidence = rules::Confidence::kHigh;
  rule.effort = effort;
  rule.replacement = std::move(replacement);
  rule.references = {"https://developer.mozilla.org/docs/Web/API/" + rule.id};
  return rule;
}

// The rules live for the whole test program, as the Catalog does in the binary.
const rules::Rule& ActiveX() {
  static const rules::Rule rule =
      MakeRule("activex.activex-object", "new ActiveXObject(...)", rules::Severity::kBlocker,
               rules::Effort::kLarge, "a server-side or standard web API");
  return rule;
}
const rules::Rule& AttachEvent() {
  static const rules::Rule rule =
      MakeRule("events.attach-event", "attachEvent / detachEvent", rules::Severity::kBlocker,
               rules::Effort::kSmall, "EventTarget.addEventListener()");
  return rule;
}
const rules::Rule& DocumentAll() {
  static const rules::Rule rule =
      MakeRule("dom.document-all", "document.all", rules::Severity::kHigh, rules::Effort::kSmall,
               "document.getElementById() / querySelectorAll()");
  return rule;
}
const rules::Rule& CssExpression() {
  static const rules::Rule rule =
      MakeRule("css.expression", "CSS expression()", rules::Severity::kMedium,
               rules::Effort::kMedium, "calc() or a media query");
  return rule;
}
const rules::Rule& ConditionalComment() {
  static const rules::Rule rule =
      MakeRule("markup.conditional-comment", "Conditional comments", rules::Severity::kLow,
               rules::Effort::kTrivial, "feature detection");
  return rule;
}

rules::Finding MakeFinding(const rules::Rule& rule, std::string message, uint32_t line,
                           uint32_t column, uint32_t end_line, uint32_t end_column,
                           std::string snippet, scanner::Language language,
                           rules::Guard guard = rules::Guard::kNone, std::string detail = "") {
  rules::Finding f;
  f.rule = &rule;
  f.message = SharedText(message);
  f.begin = {line, column};
  f.end = {end_line, end_column};
  f.snippet = std::move(snippet);
  f.language = language;
  f.guard = guard;
  f.detail = std::move(detail);
  return f;
}

FileResult MakeFile(std::string display, scanner::FileKind kind, scanner::ServerDialect server,
                    std::string encoding, std::string encoding_source, uint64_t bytes,
                    uint32_t lines) {
  FileResult file;
  file.origin.display = display;
  file.origin.fs_path = "corpus/apps/" + display;
  file.origin.root = "corpus/apps";
  file.kind = {kind, server};
  file.encoding = std::move(encoding);
  file.encoding_source = std::move(encoding_source);
  file.bytes = bytes;
  file.lines = lines;
  return file;
}

constexpr auto kJs = scanner::Language::kJs;

}  // namespace

// Files, findings and skipped items are deliberately out of order: the plan sorts them.
ScanResult SampleScan() {
  using scanner::FileKind;
  using scanner::ServerDialect;
  ScanResult scan;
  scan.roots = {"corpus/apps"};

  FileResult kintai = MakeFile("勤怠管理/勤怠入力.htm", FileKind::kHtml, ServerDialect::kNone,
                               "Shift_JIS", "meta", 4096, 120);
  kintai.findings.push_back(MakeFinding(
      AttachEvent(), "attachEvent() exists only in old Internet Explorer; use addEventListener()",
      40, 1, 40, 19, "window.attachEvent(\"onload\", 初期化);", kJs, rules::Guard::kUnguarded));
  kintai.findings.push_back(
      MakeFinding(DocumentAll(), "document.all is not supported outside Internet Explorer", 33, 9,
                  33, 21, "var f = document.all[\"勤務時間\"];", kJs, rules::Guard::kIeOnlyBranch));
  scan.files.push_back(std::move(kintai));

  FileResult root_page =
      MakeFile("index.html", FileKind::kHtml, ServerDialect::kNone, "UTF-8", "default", 200, 10);
  scan.files.push_back(std::move(root_page));

  FileResult hr_index =
      MakeFile("hr/index.asp", FileKind::kHtml, ServerDialect::kAsp, "Shift_JIS", "meta", 2048, 60);
  hr_index.findings.push_back(MakeFinding(
      ActiveX(),
      "new ActiveXObject(\"Scripting.FileSystemObject\") works only in Internet Explorer", 14, 15,
      14, 63, "var fso = new ActiveXObject(\"Scripting.FileSystemObject\");", kJs,
      rules::Guard::kUnguarded, "Scripting.FileSystemObject"));
  hr_index.findings.push_back(MakeFinding(
      ConditionalComment(), "conditional comment <!--[if IE]> is ignored outside Internet Explorer",
      3, 1, 5, 13, "<!--[if IE]>", scanner::Language::kHtml));
  scan.files.push_back(std::move(hr_index));

  FileResult style =
      MakeFile("勤怠管理/style.css", FileKind::kCss, ServerDialect::kNone, "UTF-8", "bom", 300, 15);
  style.findings.push_back(
      MakeFinding(CssExpression(), "expression() is ignored outside Internet Explorer", 8, 10, 8,
                  71, "width: expression(document.body.clientWidth > 800 ? \"800px\" : \"auto\");",
                  scanner::Language::kCss));
  scan.files.push_back(std::move(style));

  FileResult menu = MakeFile("hr/scripts/menu.js", FileKind::kJs, ServerDialect::kNone, "UTF-8",
                             "detected", 512, 20);
  menu.findings.push_back(MakeFinding(
      DocumentAll(), "document.all is not supported outside Internet Explorer", 12, 30, 12, 42,
      "if (document.all) { x = document.all.menu; }", kJs, rules::Guard::kGuarded));
  menu.findings.push_back(MakeFinding(
      AttachEvent(), "attachEvent() exists only in old Internet Explorer; use addEventListener()",
      7, 3, 7, 21, "menu.attachEvent(\"onclick\", toggle);", kJs, rules::Guard::kUnguarded));
  menu.findings.push_back(MakeFinding(
      DocumentAll(), "document.all is not supported outside Internet Explorer", 12, 5, 12, 17,
      "if (document.all) { x = document.all.menu; }", kJs, rules::Guard::kGuarded));
  scan.files.push_back(std::move(menu));

  scan.skipped.push_back({"勤怠管理/archive/old.htm", "larger than --max-file-size (32 MiB)"});
  scan.skipped.push_back({"hr/setup.exe", "binary file (NUL byte at offset 2)"});
  return scan;
}

// The rule used by the sample's document.all findings, for tests that add findings.
const rules::Rule& SampleDocumentAllRule() { return DocumentAll(); }

PlanOptions Options(std::string version) {
  PlanOptions options;
  options.tool_version = std::move(version);
  return options;
}

}  // namespace iescan::report::sample
