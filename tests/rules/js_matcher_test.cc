// JavaScript matchers on small realistic scripts: exact line:column, nothing from comments
// or plain strings.
#include <gtest/gtest.h>

#include "rules_test_util.h"

namespace iescan::rules {
namespace {

using nlohmann::json;
using scanner::FileKind;
using testing::CatalogOf;
using testing::RuleJson;
using testing::Scan;
using testing::ScanFindings;
using V = std::vector<std::string>;

TEST(JsMatcherTest, MemberWithReceiverReportsTheReceiver) {
  Catalog catalog = CatalogOf(
      {RuleJson("dom.document-all", {"js"},
                json::array({{{"js-member", "all"}, {"object", {"document"}}}}), {"all"})});
  const std::string js =
      "var els = document.all;\n"
      "// document.all is the IE collection\n"
      "alert(\"document.all is not supported\");\n"
      "var first = document[\"all\"][0];\n"
      "var other = mydocument.all;\n"
      "if (window.document.all) { legacy(); }\n";
  EXPECT_EQ(Scan(catalog, js, FileKind::kJs),
            (V{"1:11 dom.document-all", "4:13 dom.document-all", "6:12 dom.document-all"}));
  std::vector<Finding> f = ScanFindings(catalog, js, FileKind::kJs);
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].message, "document.all is IE-only");
  EXPECT_EQ(f[0].end.line, 1u);
  EXPECT_EQ(f[0].end.column, 23u);  // end of "all"
  EXPECT_EQ(f[0].snippet, "var els = document.all;");
  EXPECT_EQ(f[0].language, scanner::Language::kJs);
  EXPECT_EQ(f[0].guard, Guard::kUnguarded);
  EXPECT_EQ(f[1].message, "document.all is IE-only");
}

// `)` and `]` in an object list stand for the result of a call or an index: tokens, so a
// comment between them is skipped and a string, a comment or a regex literal never counts.
TEST(JsMatcherTest, CallOrIndexResultAsReceiver) {
  Catalog catalog = CatalogOf(
      {RuleJson("dom.element-all", {"js"},
                json::array({{{"js-member", "all"}, {"object", {")", "]"}}}}), {"all"}),
       RuleJson("x.fire", {"js"},
                json::array({{{"js-call", "fireEvent"}, {"object", {")"}}}}), {"fireEvent"})});
  const std::string js =
      "var n = document.getElementById(\"grid\").all.length;\n"
      "var f = document.forms[0] /* the order form */ . all[1];\n"
      "var g = rows[i][\"all\"];\n"
      "var p = Promise.all(list), q = (a).allItems, r = \"x[0].all\";\n"
      "var s = /[)].all/.test(t); // f().all\n"
      "$(\"#b\").fireEvent(\"onclick\"); btn.fireEvent(\"onclick\");\n";
  EXPECT_EQ(Scan(catalog, js, FileKind::kJs),
            (V{"1:39 dom.element-all", "2:25 dom.element-all", "3:15 dom.element-all",
               "6:9 x.fire"}));
  std::vector<Finding> f = ScanFindings(catalog, js, FileKind::kJs);
  ASSERT_EQ(f.size(), 4u);
  EXPECT_EQ(std::string_view(f[0].match), ").all");
  EXPECT_EQ(std::string_view(f[1].match), "].all");
}

TEST(JsMatcherTest, MemberCallAndAssign) {
  Catalog catalog = CatalogOf(
      {RuleJson("events.attach-event", {"js"},
                json::array({{{"js-member", "attachEvent"}, {"call", true}}}), {"attachEvent"}),
       RuleJson(
           "events.return-value", {"js"},
           json::array({{{"js-member", "returnValue"}, {"object", {"event"}}, {"assign", true}}}),
           {"returnValue"})});
  const std::string js =
      "el.attachEvent(\"onclick\", onClick);\n"
      "var has = el.attachEvent;\n"
      "  window.attachEvent('onload', init);\n"
      "event.returnValue = false;\n"
      "if (event.returnValue == false) { return; }\n"
      "window.event.returnValue = false;\n";
  EXPECT_EQ(Scan(catalog, js, FileKind::kJs),
            (V{"1:4 events.attach-event", "3:10 events.attach-event", "4:1 events.return-value",
               "6:8 events.return-value"}));
}

TEST(JsMatcherTest, CallBareOrWithAllowedReceiver) {
  Catalog catalog =
      CatalogOf({RuleJson("dialogs.show-modal-dialog", {"js"},
                          json::array({{{"js-call", "showModalDialog"}, {"object", {"window"}}}}),
                          {"showModalDialog"})});
  const std::string js =
      "var r = showModalDialog(\"dlg.htm\");\n"
      "var s = window.showModalDialog(\"a.htm\", args, \"dialogWidth:300px\");\n"
      "top.showModalDialog(\"b.htm\");\n"
      "function showModalDialog(url) { return open(url); }\n"
      "var t = showModalDialog;\n";
  EXPECT_EQ(Scan(catalog, js, FileKind::kJs),
            (V{"1:9 dialogs.show-modal-dialog", "2:16 dialogs.show-modal-dialog"}));
}

TEST(JsMatcherTest, NewReportsAtNew) {
  Catalog catalog = CatalogOf({RuleJson(
      "activex.new", {"js"}, json::array({{{"js-new", "ActiveXObject"}}}), {"ActiveXObject"})});
  const std::string js =
      "var x = new ActiveXObject(\"Msxml2.XMLHTTP\");\n"
      "var y = new window.ActiveXObject(\"Microsoft.XMLDOM\");\n"
      "if (window.ActiveXObject) { /* new ActiveXObject */ }\n"
      "var z = ActiveXObject;\n";
  EXPECT_EQ(Scan(catalog, js, FileKind::kJs), (V{"1:9 activex.new", "2:9 activex.new"}));
  std::vector<Finding> f = ScanFindings(catalog, js, FileKind::kJs);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[1].end.column, 33u);  // end of "ActiveXObject"
  EXPECT_EQ(f[1].message, "ActiveXObject is IE-only");
}

TEST(JsMatcherTest, IdentifierNotAsPropertyExceptOfWindowOrSelf) {
  Catalog catalog = CatalogOf(
      {RuleJson("xhr.xdomain", {"js"}, json::array({{{"js-identifier", "XDomainRequest"}}}),
                {"XDomainRequest"})});
  const std::string js =
      "var xdr = new XDomainRequest();\n"
      "if (window.XDomainRequest) { use(self.XDomainRequest); }\n"
      "var z = api.XDomainRequest;\n"
      "log('XDomainRequest'); // XDomainRequest\n";
  EXPECT_EQ(Scan(catalog, js, FileKind::kJs),
            (V{"1:15 xhr.xdomain", "2:12 xhr.xdomain", "2:39 xhr.xdomain"}));
}

TEST(JsMatcherTest, StringArgumentWithPattern) {
  Catalog catalog = CatalogOf({RuleJson(
      "activex.msxml-http", {"js"},
      json::array({{{"js-string-arg", "ActiveXObject"}, {"pattern", "(?i)^msxml2\\.xmlhttp"}}}),
      {"ActiveXObject"}, {{"message", "{match} creates {arg}"}})});
  const std::string js =
      "var a = new ActiveXObject(\"Msxml2.XMLHTTP.6.0\");\n"
      "var b = new ActiveXObject('Scripting.FileSystemObject');\n"
      "  var c = new ActiveXObject(\"MSXML2.XMLHTTP\"), d = 1;\n"
      "var e = new ActiveXObject(progId);\n";
  std::vector<Finding> f = ScanFindings(catalog, js, FileKind::kJs);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(testing::Render(f[0]), "1:13 activex.msxml-http");
  EXPECT_EQ(f[0].detail, "Msxml2.XMLHTTP.6.0");
  EXPECT_EQ(f[0].message, "ActiveXObject creates Msxml2.XMLHTTP.6.0");
  EXPECT_EQ(testing::Render(f[1]), "3:15 activex.msxml-http");
  EXPECT_EQ(f[1].detail, "MSXML2.XMLHTTP");
}

TEST(JsMatcherTest, NothingFromCommentsOrPlainStrings) {
  Catalog catalog =
      CatalogOf({RuleJson("dom.document-all", {"js"},
                          json::array({{{"js-member", "all"}, {"object", {"document"}}}}), {"all"}),
                 RuleJson("events.attach-event", {"js"},
                          json::array({{{"js-call", "attachEvent"}}}), {"attachEvent"})});
  const std::string js =
      "// document.all\n"
      "/* el.attachEvent('onclick', f); document.all */\n"
      "var msg = \"document.all and attachEvent() are gone\";\n"
      "var tpl = `document.all`;\n"
      "var re = /document.all/;\n";
  EXPECT_EQ(Scan(catalog, js, FileKind::kJs), V{});
}

TEST(JsMatcherTest, ScriptInHtmlUsesFilePositions) {
  Catalog catalog =
      CatalogOf({RuleJson("events.attach-event", {"js"},
                          json::array({{{"js-member", "attachEvent"}}}), {"attachEvent"})});
  const std::string html =
      "<html>\n"
      "<head><script type=\"text/javascript\">\n"
      "  window.attachEvent(\"onload\", init);\n"
      "</script></head>\n"
      "<body onload=\"document.body.attachEvent('onclick', go)\">\n"
      "</body></html>\n";
  EXPECT_EQ(Scan(catalog, html, FileKind::kHtml),
            (V{"3:10 events.attach-event", "5:29 events.attach-event"}));
}

TEST(JsMatcherTest, ConditionalCompilationIsIeOnly) {
  Catalog catalog = CatalogOf({RuleJson(
      "dom.exec-command", {"js"}, json::array({{{"js-member", "execCommand"}}}), {"execCommand"})});
  const std::string js =
      "/*@cc_on\n"
      "  document.execCommand(\"BackgroundImageCache\", false, true);\n"
      "@*/\n"
      "document.execCommand(\"bold\");\n";
  std::vector<Finding> f = ScanFindings(catalog, js, FileKind::kJs);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(testing::Render(f[0]), "2:12 dom.exec-command");
  EXPECT_EQ(f[0].guard, Guard::kIeOnlyBranch);
  EXPECT_EQ(testing::Render(f[1]), "4:10 dom.exec-command");
  EXPECT_EQ(f[1].guard, Guard::kUnguarded);
}

TEST(JsMatcherTest, ScriptInDownlevelHiddenCommentIsIeOnly) {
  Catalog catalog =
      CatalogOf({RuleJson("events.attach-event", {"js"},
                          json::array({{{"js-member", "attachEvent"}}}), {"attachEvent"})});
  const std::string html =
      "<html><head>\n"
      "<!--[if IE]><script>window.attachEvent('onload', fixPng);</script><![endif]-->\n"
      "<script>document.attachEvent('onclick', go);</script>\n"
      "</head></html>\n";
  std::vector<Finding> f = ScanFindings(catalog, html, FileKind::kHtml);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(testing::Render(f[0]), "2:28 events.attach-event");
  EXPECT_EQ(f[0].guard, Guard::kIeOnlyBranch);
  EXPECT_EQ(testing::Render(f[1]), "3:18 events.attach-event");
  EXPECT_EQ(f[1].guard, Guard::kUnguarded);
}

TEST(JsMatcherTest, ElementsWrittenByScriptAreHtmlFindings) {
  Catalog catalog = CatalogOf({RuleJson(
      "activex.object-classid", {"html"},
      json::array({{{"html-element", "object"}, {"attribute", "classid"}}}), {"classid"})});
  const std::string js =
      "function embed() {\n"
      "  document.write('<object id=\"pdf\" "
      "classid=\"clsid:CA8A9780-280D-11CF-A24D-444553540000\"></object>');\n"
      "}\n";
  std::vector<Finding> f = ScanFindings(catalog, js, FileKind::kJs);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(testing::Render(f[0]), "2:19 activex.object-classid");
  EXPECT_EQ(f[0].language, scanner::Language::kHtml);
  EXPECT_EQ(f[0].detail, "clsid:CA8A9780-280D-11CF-A24D-444553540000");
}

TEST(JsMatcherTest, ManyFindingsOnOneLongLineHaveExactColumns) {
  Catalog catalog = CatalogOf(
      {RuleJson("dom.document-all", {"js"},
                json::array({{{"js-member", "all"}, {"object", {"document"}}}}), {"all"})});
  std::string js = "var s='\xE6\x97\xA5';";  // one 3-byte character in a string
  for (int i = 0; i < 3000; ++i) js += "x=document.all;y='\xC3\xA9\xC3\xA9';";
  js += "\nz=document.all;\n";
  std::vector<Finding> f = ScanFindings(catalog, js, FileKind::kJs);
  ASSERT_EQ(f.size(), 3001u);
  // Line 1: "var s='日';" is 10 characters; each repetition is 22 characters.
  for (size_t i = 0; i < 3000; ++i) {
    ASSERT_EQ(f[i].begin.line, 1u);
    ASSERT_EQ(f[i].begin.column, 10 + 22 * i + 3) << i;
    ASSERT_EQ(f[i].end.column, 10 + 22 * i + 15) << i;
  }
  EXPECT_EQ(testing::Render(f[3000]), "2:3 dom.document-all");
  // The last one's snippet: the 60 characters before the match, then the line's end.
  const std::string rep = "x=document.all;y='\xC3\xA9\xC3\xA9';";
  EXPECT_EQ(f[2999].snippet, "nt.all;y='\xC3\xA9\xC3\xA9';" + rep + rep + rep);
}

}  // namespace
}  // namespace iescan::rules
