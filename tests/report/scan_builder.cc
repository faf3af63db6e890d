#include "tests/report/scan_builder.h"

#include <deque>
#include <utility>

namespace iescan::report::testing {

const rules::Rule& TestRule(const std::string& id, rules::Severity severity, rules::Effort effort,
                            rules::Confidence confidence) {
  static std::deque<rules::Rule> rules;
  rules::Rule rule;
  rule.id = id;
  rule.category = id.substr(0, id.find('.'));
  rule.title = "title of " + id;
  rule.severity = severity;
  rule.confidence = confidence;
  rule.effort = effort;
  rule.replacement = "the standard way";
  rule.references = {"https://developer.mozilla.org/docs/Web/API/" + id};
  rule.message = "message of " + id;
  rules.push_back(std::move(rule));
  return rules.back();
}

ScanBuilder::ScanBuilder(std::string root) : root_(std::move(root)) { scan_.roots = {root_}; }

ScanBuilder& ScanBuilder::File(const std::string& path, scanner::FileKind kind, uint32_t lines,
                               std::vector<std::string> references) {
  FileResult file;
  file.origin.display = root_ + "/" + path;
  file.origin.fs_path = file.origin.display;
  file.origin.root = root_;
  file.kind = {kind, scanner::ServerDialect::kNone};
  file.encoding = "UTF-8";
  file.encoding_source = "detected";
  file.bytes = lines * 40ull;
  file.lines = lines;
  file.references = std::move(references);
  scan_.files.push_back(std::move(file));
  return *this;
}

ScanBuilder& ScanBuilder::Finding(const rules::Rule& rule, uint32_t line, uint32_t column,
                                  rules::Guard guard, std::string detail, std::string snippet) {
  rules::Finding f;
  f.rule = &rule;
  f.message = SharedText(rule.message);
  f.begin = {line, column};
  f.end = {line, column + 10};
  f.snippet = snippet.empty() ? rule.id + " at line " + std::to_string(line) : std::move(snippet);
  f.language = guard == rules::Guard::kNone ? scanner::Language::kHtml : scanner::Language::kJs;
  f.guard = guard;
  f.detail = std::move(detail);
  scan_.files.back().findings.push_back(std::move(f));
  return *this;
}

ScanBuilder& ScanBuilder::DocMode(std::string built_for, std::string compat_mode,
                                  std::vector<std::string> evidence) {
  scan_.files.back().doc_mode = {std::move(built_for), std::move(compat_mode), std::move(evidence)};
  return *this;
}

ScanBuilder& ScanBuilder::Skipped(const std::string& path, std::string reason) {
  scan_.skipped.push_back({root_ + "/" + path, std::move(reason)});
  return *this;
}

ScanResult OrgScan() {
  using rules::Effort;
  using rules::Guard;
  using rules::Severity;
  using scanner::FileKind;
  const rules::Rule& attach = TestRule("events.attach-event", Severity::kBlocker, Effort::kSmall);
  const rules::Rule& all = TestRule("dom.document-all", Severity::kHigh, Effort::kSmall);
  const rules::Rule& expression = TestRule("css.expression", Severity::kMedium, Effort::kMedium);
  const rules::Rule& modal =
      TestRule("windows.show-modal-dialog", Severity::kBlocker, Effort::kMedium);
  const rules::Rule& classid =
      TestRule("activex.object-classid", Severity::kBlocker, Effort::kLarge);
  const rules::Rule& comment = TestRule("conditional.comment", Severity::kLow, Effort::kTrivial);
  ScanBuilder b("intranet");
  b.File("soumu/print.htm", FileKind::kHtml, 80)
      .Finding(classid, 12, 3, Guard::kNone, "clsid:1234ABCD-0000-0000-0000-000000000001",
               "<object id=\"printer\" classid=\"clsid:1234ABCD-0000-0000-0000-000000000001\">")
      .DocMode("IE8", "IE8", {"line 3: X-UA-Compatible IE=EmulateIE8"});
  b.File("kintai/js/common.js", FileKind::kJs, 150)
      .Finding(attach, 10, 5, Guard::kUnguarded, "", "el.attachEvent(\"onclick\", go);")
      .Finding(all, 20, 3, Guard::kGuarded, "", "var x = document.all ? document.all[id] : null;");
  b.File("kintai/sub/c.asp", FileKind::kHtml, 50, {"../js/common.js", "/kintai/js/common.js"});
  b.File("portal/index.htm", FileKind::kHtml, 20)
      .Finding(comment, 3, 1, Guard::kNone, "", "<!--[if IE]>")
      .Finding(all, 9, 7, Guard::kGuarded, "", "if (document.all) { menu = document.all.menu; }");
  b.File("kintai/a.htm", FileKind::kHtml, 50, {"js/common.js"})
      .Finding(expression, 5, 10, Guard::kNone, "",
               "width: expression(document.body.clientWidth);");
  b.File("keiri/menu.htm", FileKind::kHtml, 400);
  for (uint32_t line = 10; line <= 100; line += 10) {
    b.Finding(modal, line, 7, Guard::kUnguarded, "",
              "window.showModalDialog(\"dlg" + std::to_string(line) + ".htm\");");
  }
  b.File("kintai/b.htm", FileKind::kHtml, 50, {"./js/common.js"});
  return b.scan();
}

}  // namespace iescan::report::testing
