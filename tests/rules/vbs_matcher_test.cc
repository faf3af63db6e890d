// VBScript matchers: case-insensitive names, calls as expressions and statements, string
// arguments, and VBScript presence.
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

TEST(VbsMatcherTest, CallAsExpressionOrStatementCaseInsensitive) {
  Catalog catalog = CatalogOf(
      {RuleJson("vbscript.msgbox", {"vbs"}, json::array({{{"vbs-call", "MsgBox"}}}), {"MsgBox"})});
  const std::string vbs =
      "Sub Window_OnLoad\n"
      "  MsgBox \"Hello\"\n"
      "  answer = msgbox(\"Continue?\", 4)\n"
      "  ' MsgBox \"not this one\"\n"
      "  s = \"MsgBox\"\n"
      "  If answer = 6 Then MSGBOX \"yes\"\n"
      "  Call MsgBox(\"bye\")\n"
      "End Sub\n"
      "Function MsgBox(text)\n"
      "End Function\n";
  EXPECT_EQ(Scan(catalog, vbs, FileKind::kVbs), (V{"2:3 vbscript.msgbox", "3:12 vbscript.msgbox",
                                                   "6:22 vbscript.msgbox", "7:8 vbscript.msgbox"}));
  std::vector<Finding> f = ScanFindings(catalog, vbs, FileKind::kVbs);
  ASSERT_EQ(f.size(), 4u);
  EXPECT_EQ(f[2].message, "MSGBOX is IE-only");
  EXPECT_EQ(f[2].language, scanner::Language::kVbs);
  EXPECT_EQ(f[2].guard, Guard::kNone);
}

TEST(VbsMatcherTest, StringArgument) {
  Catalog catalog = CatalogOf({RuleJson(
      "activex.fso", {"vbs"},
      json::array({{{"vbs-string-arg", "CreateObject"}, {"pattern", "(?i)^scripting\\."}}}),
      {"CreateObject"}, {{"message", "{match}(\"{arg}\")"}})});
  const std::string vbs =
      "Set fso = CreateObject(\"Scripting.FileSystemObject\")\n"
      "Set w = CreateObject(\"Word.Application\")\n"
      "Set d = WScript.createobject(\"Scripting.Dictionary\")\n";
  std::vector<Finding> f = ScanFindings(catalog, vbs, FileKind::kVbs);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(testing::Render(f[0]), "1:11 activex.fso");
  EXPECT_EQ(f[0].detail, "Scripting.FileSystemObject");
  EXPECT_EQ(f[0].message, "CreateObject(\"Scripting.FileSystemObject\")");
  EXPECT_EQ(testing::Render(f[1]), "3:17 activex.fso");
  EXPECT_EQ(f[1].detail, "Scripting.Dictionary");
}

TEST(VbsMatcherTest, IdentifierAnywhereInCode) {
  Catalog catalog = CatalogOf({RuleJson(
      "vbscript.vbcrlf", {"vbs"}, json::array({{{"vbs-identifier", "vbCrLf"}}}), {"vbCrLf"})});
  const std::string vbs =
      "text = \"a\" & VBCRLF & \"b\" ' vbCrLf\n"
      "Rem vbCrLf here too\n"
      "x = \"vbCrLf\" & vbcrlf\n";
  EXPECT_EQ(Scan(catalog, vbs, FileKind::kVbs),
            (V{"1:14 vbscript.vbcrlf", "3:16 vbscript.vbcrlf"}));
}

TEST(VbsMatcherTest, PresentInHtmlAndInVbsFilesWithoutPrefilterWord) {
  Catalog catalog =
      CatalogOf({RuleJson("vbscript.present", {"vbs"}, json::array({{{"vbs-present", true}}}),
                          {"vbscript"}, {{"message", "VBScript runs only in IE"}})});
  const std::string html =
      "<html><head>\n"
      "<script language=\"VBScript\">\n"
      "  Sub Btn_OnClick\n"
      "  End Sub\n"
      "</script>\n"
      "<script>var x = 1;</script>\n"
      "</head></html>\n";
  EXPECT_EQ(Scan(catalog, html, FileKind::kHtml), V{"3:3 vbscript.present"});
  // A .vbs file need not contain the word "vbscript": the matcher is structural there.
  EXPECT_EQ(Scan(catalog, "MsgBox 1\n", FileKind::kVbs), V{"1:1 vbscript.present"});
  EXPECT_EQ(Scan(catalog, "var vbscript = 1;\n", FileKind::kJs), V{});
}

TEST(VbsMatcherTest, PresentCountsCodeNotUrlsOrStrings) {
  Catalog catalog = CatalogOf(
      {RuleJson("vbscript.present", {"vbs"}, json::array({{{"vbs-present", true}}}), {"vbs"})});
  const std::string html =
      "<html><body>\n"
      "<a href=\"vbscript:Logout()\">Log out</a>\n"
      "<input type=button language=\"VBScript\" onclick=\"MsgBox 1\" value=Go>\n"
      "<script>window.execScript('MsgBox 2', 'VBScript');</script>\n"
      "</body></html>\n";
  EXPECT_EQ(Scan(catalog, html, FileKind::kHtml), V{"3:49 vbscript.present"});
}

}  // namespace
}  // namespace iescan::rules
