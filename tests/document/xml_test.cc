// XML and XSL files: elements and attributes at exact offsets, msxsl:script regions,
// literal result elements of XSL, and hostile XML handled without crash, hang or output.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "tests/document/document_test_util.h"

namespace iescan::scanner::testing {
namespace {

TEST(Xml, XslWithMsxslScriptAndLiteralHtml) {
  Built b = Build(
      "<?xml version=\"1.0\"?>\n"
      "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\"\n"
      "    xmlns:msxsl=\"urn:schemas-microsoft-com:xslt\" xmlns:user=\"urn:user\">\n"
      "<msxsl:script language=\"JScript\" implements-prefix=\"user\">\n"
      "<![CDATA[\n"
      "function today() { return new ActiveXObject(\"Scripting.FileSystemObject\"); }\n"
      "]]>\n"
      "</msxsl:script>\n"
      "<msxsl:script language=\"VBScript\" implements-prefix=\"vb\">Function Twice(x) : "
      "Twice = x &amp; x : End Function</msxsl:script>\n"
      "<xsl:template match=\"/\">\n"
      "<html><body onload=\"init()\"><script language=\"javascript\">if (a &lt; b) "
      "go();</script>\n"
      "<a href=\"javascript:void(0)\">x</a>\n"
      "</body></html>\n"
      "</xsl:template>\n"
      "</xsl:stylesheet>\n",
      FileKind::kXsl);
  EXPECT_TRUE(b.doc.warnings.empty()) << b.doc.warnings[0];
  auto sheet = ElementsNamed(b.doc, "xsl:stylesheet");
  ASSERT_EQ(sheet.size(), 1u);
  EXPECT_EQ(Loc(*b.file, sheet[0]->offset), "2:1");
  const Attribute* msxsl = sheet[0]->Find("xmlns:msxsl");
  ASSERT_NE(msxsl, nullptr);
  EXPECT_EQ(Loc(*b.file, msxsl->name_offset), "3:5");
  EXPECT_EQ(Loc(*b.file, msxsl->value_offset), "3:18");
  auto scripts = ElementsNamed(b.doc, "msxsl:script");
  ASSERT_EQ(scripts.size(), 2u);
  EXPECT_EQ(Loc(*b.file, scripts[1]->offset), "9:1");
  EXPECT_EQ(b.doc.elements[scripts[0]->parent].tag, "xsl:stylesheet");

  auto js = RegionsOf(b.doc, Language::kJs, RegionContext::kScriptBlock);
  ASSERT_EQ(js.size(), 2u);
  EXPECT_EQ(js[0]->element, static_cast<int>(scripts[0] - b.doc.elements.data()));
  EXPECT_EQ(Loc(*b.file, TokenOffset(*js[0], "ActiveXObject")), "6:31");
  EXPECT_EQ(Loc(*b.file, TokenOffset(*js[0], "\"Scripting.FileSystemObject\"")), "6:45");
  EXPECT_EQ(js[1]->text, "if (a < b) go();");
  EXPECT_EQ(Loc(*b.file, TokenOffset(*js[1], "<")), "11:65");
  EXPECT_EQ(Loc(*b.file, TokenOffset(*js[1], "go")), "11:73");
  auto vbs = RegionsOf(b.doc, Language::kVbs, RegionContext::kScriptBlock);
  ASSERT_EQ(vbs.size(), 1u);
  EXPECT_EQ(vbs[0]->text, "Function Twice(x) : Twice = x & x : End Function");
  EXPECT_EQ(RegionLoc(b.doc, *vbs[0]), "9:58");
  EXPECT_EQ(Loc(*b.file, TokenOffset(*vbs[0], "&")), "9:88");
  auto handlers = RegionsOf(b.doc, Language::kJs, RegionContext::kEventHandler);
  ASSERT_EQ(handlers.size(), 1u);
  EXPECT_EQ(RegionLoc(b.doc, *handlers[0]), "11:21");
  auto urls = RegionsOf(b.doc, Language::kJs, RegionContext::kScriptUrl);
  ASSERT_EQ(urls.size(), 1u);
  EXPECT_EQ(RegionLoc(b.doc, *urls[0]), "12:21");
}

TEST(Xml, MalformedXmlFallsBackToTheTagScanSilently) {
  ::testing::internal::CaptureStderr();
  Built b = Build(
      "<root>\n"
      "  <item id=\"1\" onclick=\"x()\">a & b</item>\n"
      "  <msxsl:script xmlns:msxsl=\"urn:schemas-microsoft-com:xslt\">var x = 1;"
      "</msxsl:script>\n"
      "</root\n",
      FileKind::kXml);
  std::string printed = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(printed, "");
  ASSERT_EQ(b.doc.warnings.size(), 1u);
  EXPECT_TRUE(b.doc.warnings[0].starts_with("not well-formed XML (line 2: "))
      << b.doc.warnings[0];
  EXPECT_TRUE(b.doc.warnings[0].ends_with("); elements come from a tolerant scan"));
  auto items = ElementsNamed(b.doc, "item");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(Loc(*b.file, items[0]->Find("onclick")->value_offset), "2:25");
  ASSERT_EQ(b.doc.regions.size(), 1u);  // handlers of plain XML are data, not code
  EXPECT_EQ(b.doc.regions[0].text, "var x = 1;");
  EXPECT_EQ(RegionLoc(b.doc, b.doc.regions[0]), "3:62");
}

// The well-formedness check builds no tree, but it still knows the internal subset: an
// entity declared there is fine, an undeclared one or a mismatched end tag is not.
TEST(Xml, WellFormednessKnowsTheInternalSubset) {
  Built declared = Build(
      "<?xml version=\"1.0\"?>\n<!DOCTYPE menu [\n <!ENTITY corp \"Shiyakusho\">\n]>\n"
      "<menu title=\"&corp; &amp; co\"><item>&corp;</item><![CDATA[a < b]]><!-- x --></menu>\n",
      FileKind::kXml);
  EXPECT_TRUE(declared.doc.warnings.empty()) << declared.doc.warnings[0];
  EXPECT_EQ(ElementsNamed(declared.doc, "item").size(), 1u);
  Built undeclared = Build("<menu>\n<item>&corp;</item>\n</menu>\n", FileKind::kXml);
  ASSERT_EQ(undeclared.doc.warnings.size(), 1u);
  EXPECT_TRUE(undeclared.doc.warnings[0].starts_with("not well-formed XML (line 2: "))
      << undeclared.doc.warnings[0];
  Built mismatched = Build("<menu>\n<item></itme>\n</menu>\n", FileKind::kXml);
  ASSERT_EQ(mismatched.doc.warnings.size(), 1u);
  EXPECT_TRUE(mismatched.doc.warnings[0].starts_with("not well-formed XML (line 2: "))
      << mismatched.doc.warnings[0];
}

TEST(Xml, EntityExpansionAttackDoesNotExpand) {
  std::string text = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n";
  std::string previous = "lol";
  for (int i = 2; i <= 9; ++i) {
    std::string name = "lol" + std::to_string(i);
    text += " <!ENTITY " + name + " \"";
    for (int k = 0; k < 10; ++k) text += "&" + previous + ";";
    text += "\">\n";
    previous = name;
  }
  text += "]>\n<lolz>&lol9;</lolz>\n";
  auto start = std::chrono::steady_clock::now();
  Built b = Build(text, FileKind::kXml);
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count(), 1000);
  auto lolz = ElementsNamed(b.doc, "lolz");
  ASSERT_EQ(lolz.size(), 1u);
  EXPECT_EQ(Loc(*b.file, lolz[0]->offset), "13:1");
  EXPECT_EQ(b.doc.elements.size(), 1u);
  EXPECT_TRUE(b.doc.has_doctype);
  EXPECT_TRUE(b.doc.doctype.starts_with("<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">"));
  EXPECT_TRUE(b.doc.doctype.ends_with("]>"));
  // libxml2 refuses the amplification; the tag scan still reports the element.
  ASSERT_EQ(b.doc.warnings.size(), 1u);
  EXPECT_TRUE(b.doc.warnings[0].starts_with("not well-formed XML (line ")) << b.doc.warnings[0];
}

TEST(Xml, VeryDeepXmlIsScannedIteratively) {
  std::string text;
  for (int i = 0; i < 100000; ++i) text += "<a>";
  text += "<!-- bottom -->";
  for (int i = 0; i < 100000; ++i) text += "</a>";
  Built b = Build(text, FileKind::kXml);
  EXPECT_EQ(b.doc.elements.size(), 100000u);
  EXPECT_EQ(b.doc.elements.back().parent, 99998);
  ASSERT_EQ(b.doc.comments.size(), 1u);
  EXPECT_EQ(b.doc.comments[0].text, " bottom ");
  EXPECT_EQ(b.doc.comments[0].offset, 300000u);
}

}  // namespace
}  // namespace iescan::scanner::testing
