// HTML documents: elements, attributes and the code regions they carry, at exact
// line:column positions of the original file.
#include <gtest/gtest.h>

#include <string>

#include "tests/document/document_test_util.h"

namespace iescan::scanner::testing {
namespace {

TEST(HtmlRegions, HandlerAttributeIsJsRegionAtValue) {
  Built b = Build(
      "<html>\n"
      "<body>\n"
      "  <input type=\"button\" onclick=\"doIt(1)\">\n"
      "</body>\n",
      FileKind::kHtml);
  auto handlers = RegionsOf(b.doc, Language::kJs, RegionContext::kEventHandler);
  ASSERT_EQ(handlers.size(), 1u);
  const Region& handler = *handlers[0];
  EXPECT_EQ(handler.text, "doIt(1)");
  EXPECT_EQ(handler.attribute, "onclick");
  EXPECT_EQ(RegionLoc(b.doc, handler), "3:33");
  EXPECT_EQ(Loc(*b.file, TokenOffset(handler, "1")), "3:38");
  ASSERT_GE(handler.element, 0);
  const Element& input = b.doc.elements[handler.element];
  EXPECT_EQ(input.tag, "input");
  EXPECT_EQ(Loc(*b.file, input.offset), "3:3");
  const Attribute* onclick = input.Find("onclick");
  ASSERT_NE(onclick, nullptr);
  EXPECT_EQ(Loc(*b.file, onclick->name_offset), "3:24");
  EXPECT_EQ(Loc(*b.file, onclick->value_offset), "3:33");
  EXPECT_EQ(input.Find("type")->value, "button");
  EXPECT_EQ(TokenTexts(handler), (std::vector<std::string>{"doIt", "(", "1", ")"}));
}

TEST(HtmlRegions, EscapedHandlerMapsEveryByteToTheOriginal) {
  Built b = Build(
      "<p>\n"
      "<a href=\"#\" onclick=\"show(&quot;x&quot;, 'y&amp;z')\">go</a>\n",
      FileKind::kHtml);
  auto handlers = RegionsOf(b.doc, Language::kJs, RegionContext::kEventHandler);
  ASSERT_EQ(handlers.size(), 1u);
  const Region& handler = *handlers[0];
  EXPECT_EQ(handler.text, "show(\"x\", 'y&z')");
  EXPECT_EQ(RegionLoc(b.doc, handler), "2:22");
  EXPECT_EQ(Loc(*b.file, TokenOffset(handler, "\"x\"")), "2:27");
  EXPECT_EQ(Loc(*b.file, TokenOffset(handler, ",")), "2:40");
  EXPECT_EQ(Loc(*b.file, TokenOffset(handler, "'y&z'")), "2:42");
  EXPECT_EQ(Loc(*b.file, TokenOffset(handler, ")")), "2:51");
  // The decoded '&' maps to the "&amp;" it came from, the 'z' to the 'z' after it.
  EXPECT_EQ(RegionLoc(b.doc, handler, handler.text.find('&')), "2:44");
  EXPECT_EQ(RegionLoc(b.doc, handler, handler.text.find('z')), "2:49");
  const Attribute* onclick = b.doc.elements[handler.element].Find("onclick");
  EXPECT_EQ(onclick->value, "show(\"x\", 'y&z')");
}

TEST(HtmlRegions, ScriptUrlsBecomeRegionsOfTheCodeAfterTheScheme) {
  Built b = Build(
      "<a href=\"javascript:openWin('a.htm')\">x</a>\n"
      "<form action=\" JavaScript:void(0)\"></form>\n"
      "<a href='vbscript:MsgBox(\"hi\")'>v</a>\n"
      "<a href=\"http://example.com/javascript:no\">h</a>\n",
      FileKind::kHtml);
  auto js = RegionsOf(b.doc, Language::kJs, RegionContext::kScriptUrl);
  ASSERT_EQ(js.size(), 2u);
  EXPECT_EQ(js[0]->text, "openWin('a.htm')");
  EXPECT_EQ(js[0]->attribute, "href");
  EXPECT_EQ(RegionLoc(b.doc, *js[0]), "1:21");
  EXPECT_EQ(js[1]->text, "void(0)");
  EXPECT_EQ(RegionLoc(b.doc, *js[1]), "2:27");
  auto vbs = RegionsOf(b.doc, Language::kVbs, RegionContext::kScriptUrl);
  ASSERT_EQ(vbs.size(), 1u);
  EXPECT_EQ(vbs[0]->text, "MsgBox(\"hi\")");
  EXPECT_EQ(RegionLoc(b.doc, *vbs[0]), "3:19");
}

TEST(HtmlRegions, ScriptLanguageDecidesTheRegionLanguage) {
  Built b = Build(
      "<script language=\"VBScript\">\n"
      "Sub window_onload\n"
      "  MsgBox \"hi\"\n"
      "End Sub\n"
      "</script>\n"
      "<script language=\"JScript\">var a = 1;</script>\n"
      "<script type=\"text/javascript; charset=utf-8\">b();</script>\n"
      "<script runat=\"server\">Response.Write(1)</script>\n"
      "<script type=\"application/json\">{\"a\": \"<b>\"}</script>\n"
      "<script language=\"JScript.Encode\">#@~^CAAAAA==</script>\n"
      "<script>c();</script>\n",
      FileKind::kHtml);
  auto vbs = RegionsOf(b.doc, Language::kVbs, RegionContext::kScriptBlock);
  ASSERT_EQ(vbs.size(), 1u);
  EXPECT_EQ(RegionLoc(b.doc, *vbs[0]), "1:29");
  EXPECT_EQ(Loc(*b.file, TokenOffset(*vbs[0], "MsgBox")), "3:3");
  auto js = RegionsOf(b.doc, Language::kJs, RegionContext::kScriptBlock);
  ASSERT_EQ(js.size(), 3u);
  EXPECT_EQ(js[0]->text, "var a = 1;");
  EXPECT_EQ(RegionLoc(b.doc, *js[0]), "6:28");
  EXPECT_EQ(js[1]->text, "b();");
  EXPECT_EQ(RegionLoc(b.doc, *js[1]), "7:47");
  EXPECT_EQ(js[2]->text, "c();");
  EXPECT_EQ(RegionLoc(b.doc, *js[2]), "11:9");
  EXPECT_EQ(b.doc.regions.size(), 4u);  // no region for server, JSON or encoded script
  EXPECT_EQ(ElementsNamed(b.doc, "script").size(), 7u);
  EXPECT_TRUE(ElementsNamed(b.doc, "b").empty());
}

TEST(HtmlRegions, HandlersFollowThePageScriptLanguageUnlessTheElementSaysOtherwise) {
  Built b = Build(
      "<head><script language=\"vbscript\">Dim x</script>\n"
      "<script language=\"javascript\">var y;</script></head>\n"
      "<body onload=\"Init\">\n"
      "<button language=\"javascript\" onclick=\"go()\">go</button>\n",
      FileKind::kHtml);
  auto vbs = RegionsOf(b.doc, Language::kVbs, RegionContext::kEventHandler);
  ASSERT_EQ(vbs.size(), 1u);
  EXPECT_EQ(vbs[0]->text, "Init");
  EXPECT_EQ(RegionLoc(b.doc, *vbs[0]), "3:15");
  auto js = RegionsOf(b.doc, Language::kJs, RegionContext::kEventHandler);
  ASSERT_EQ(js.size(), 1u);
  EXPECT_EQ(js[0]->text, "go()");
  EXPECT_EQ(RegionLoc(b.doc, *js[0]), "4:40");
}

TEST(HtmlRegions, ScriptForEventIsAScriptBlock) {
  Built b = Build(
      "<object id=\"player\" classid=\"clsid:6BF52A52-394A-11D3-B153-00C04F79FAA6\"></object>\n"
      "<script for=\"player\" event=\"PlayStateChange(state)\" language=\"JScript\">\n"
      "if (state == 8) next();\n"
      "</script>\n",
      FileKind::kHtml);
  auto js = RegionsOf(b.doc, Language::kJs, RegionContext::kScriptBlock);
  ASSERT_EQ(js.size(), 1u);
  EXPECT_EQ(RegionLoc(b.doc, *js[0]), "2:72");
  EXPECT_EQ(Loc(*b.file, TokenOffset(*js[0], "next")), "3:17");
  EXPECT_EQ(b.doc.elements[js[0]->element].Find("event")->value, "PlayStateChange(state)");
}

TEST(HtmlRegions, TemplateScriptIsScannedAsMarkup) {
  Built b = Build(
      "<div id=\"list\"></div>\n"
      "<script type=\"text/x-handlebars\"><object classid=\"clsid:ABC\"></object>\n"
      "<span onclick=\"pick()\">{{name}}</span></script>\n",
      FileKind::kHtml);
  auto objects = ElementsNamed(b.doc, "object");
  ASSERT_EQ(objects.size(), 1u);
  EXPECT_EQ(Loc(*b.file, objects[0]->offset), "2:34");
  EXPECT_EQ(Loc(*b.file, objects[0]->Find("classid")->value_offset), "2:51");
  auto handlers = RegionsOf(b.doc, Language::kJs, RegionContext::kEventHandler);
  ASSERT_EQ(handlers.size(), 1u);
  EXPECT_EQ(RegionLoc(b.doc, *handlers[0]), "3:16");
  ASSERT_GE(objects[0]->parent, 0);
  EXPECT_EQ(b.doc.elements[objects[0]->parent].tag, "script");
}

TEST(HtmlRegions, StyleBlocksAndAttributesAreCss) {
  Built b = Build(
      "<style type=\"text/css\">\n"
      "body { behavior: url(#default#homepage); }\n"
      "</style>\n"
      "<div style=\"width: expression(document.body.clientWidth &gt; 800 ? '800px' : "
      "'auto')\">w</div>\n",
      FileKind::kHtml);
  auto sheets = RegionsOf(b.doc, Language::kCss, RegionContext::kStyleBlock);
  ASSERT_EQ(sheets.size(), 1u);
  EXPECT_EQ(Loc(*b.file, TokenOffset(*sheets[0], "behavior")), "2:8");
  auto attrs = RegionsOf(b.doc, Language::kCss, RegionContext::kStyleAttr);
  ASSERT_EQ(attrs.size(), 1u);
  EXPECT_EQ(RegionLoc(b.doc, *attrs[0]), "4:13");
  EXPECT_NE(attrs[0]->text.find("clientWidth > 800"), std::string_view::npos);
  EXPECT_EQ(RegionLoc(b.doc, *attrs[0], attrs[0]->text.find("800")), "4:62");
  EXPECT_EQ(attrs[0]->attribute, "style");
}

TEST(HtmlRegions, UnknownAndIeOnlyTagsKeepTheirNames) {
  Built b = Build(
      "<html xmlns:v=\"urn:schemas-microsoft-com:vml\">\n"
      "<head><HTA:APPLICATION ID=\"app\" APPLICATIONNAME=\"x\"/>"
      "<?import namespace=\"t\" implementation=\"t.htc\"?></head>\n"
      "<body><v:shape style=\"behavior:url(#default#VML)\"></v:shape>"
      "<comment>old</comment><bgsound src=\"a.wav\"><marquee>m</marquee></body>\n",
      FileKind::kHta);
  auto hta = ElementsNamed(b.doc, "hta:application");
  ASSERT_EQ(hta.size(), 1u);
  EXPECT_EQ(Loc(*b.file, hta[0]->offset), "2:7");
  const Attribute* id = hta[0]->Find("id");
  ASSERT_NE(id, nullptr);
  EXPECT_EQ(id->value, "app");
  EXPECT_EQ(Loc(*b.file, id->name_offset), "2:24");
  EXPECT_EQ(Loc(*b.file, id->value_offset), "2:28");
  auto import = ElementsNamed(b.doc, "?import");
  ASSERT_EQ(import.size(), 1u);
  EXPECT_EQ(Loc(*b.file, import[0]->offset), "2:54");
  EXPECT_EQ(import[0]->Find("implementation")->value, "t.htc");
  EXPECT_EQ(Loc(*b.file, import[0]->Find("implementation")->value_offset), "2:93");
  EXPECT_EQ(ElementsNamed(b.doc, "v:shape").size(), 1u);
  EXPECT_EQ(ElementsNamed(b.doc, "comment").size(), 1u);
  EXPECT_EQ(ElementsNamed(b.doc, "marquee").size(), 1u);
  auto bgsound = ElementsNamed(b.doc, "bgsound");
  ASSERT_EQ(bgsound.size(), 1u);
  EXPECT_EQ(Loc(*b.file, bgsound[0]->offset), "3:83");
  EXPECT_EQ(ElementsNamed(b.doc, "html")[0]->Find("xmlns:v")->value,
            "urn:schemas-microsoft-com:vml");
  EXPECT_TRUE(b.doc.comments.empty());
}

TEST(HtmlRegions, XmlDataIslandIsAnElement) {
  Built b = Build(
      "<body>\n"
      "  <xml id=\"x\" src=\"a.xml\"></xml>\n"
      "  <table datasrc=\"#x\"><tr><td><span datafld=\"name\"></span></td></tr></table>\n",
      FileKind::kHtml);
  auto xml = ElementsNamed(b.doc, "xml");
  ASSERT_EQ(xml.size(), 1u);
  EXPECT_EQ(Loc(*b.file, xml[0]->offset), "2:3");
  const Attribute* src = xml[0]->Find("src");
  ASSERT_NE(src, nullptr);
  EXPECT_EQ(src->value, "a.xml");
  EXPECT_EQ(Loc(*b.file, src->name_offset), "2:15");
  EXPECT_EQ(Loc(*b.file, src->value_offset), "2:20");
  auto span = ElementsNamed(b.doc, "span");
  ASSERT_EQ(span.size(), 1u);
  EXPECT_EQ(Loc(*b.file, span[0]->Find("datafld")->name_offset), "3:37");
  // Elements the parser made up (<html>, <head>, <tbody>) have no source and are not
  // recorded; the <tr> hangs under the <table> written in the file.
  EXPECT_TRUE(ElementsNamed(b.doc, "tbody").empty());
  EXPECT_TRUE(ElementsNamed(b.doc, "html").empty());
  auto tr = ElementsNamed(b.doc, "tr");
  ASSERT_EQ(tr.size(), 1u);
  EXPECT_EQ(b.doc.elements[tr[0]->parent].tag, "table");
}

TEST(HtmlRegions, HtcComponentWithAttachAndScript) {
  Built b = Build(
      "<PUBLIC:COMPONENT tagName=\"ticker\">\n"
      "<PUBLIC:ATTACH event=\"onclick\" onevent=\"f()\"/>\n"
      "<PUBLIC:PROPERTY name=\"speed\" />\n"
      "<SCRIPT LANGUAGE=\"JScript\">\n"
      "function f() { element.style.color = \"red\"; }\n"
      "</SCRIPT>\n"
      "</PUBLIC:COMPONENT>\n",
      FileKind::kHtc);
  auto component = ElementsNamed(b.doc, "public:component");
  ASSERT_EQ(component.size(), 1u);
  EXPECT_EQ(Loc(*b.file, component[0]->offset), "1:1");
  auto attach = ElementsNamed(b.doc, "public:attach");
  ASSERT_EQ(attach.size(), 1u);
  EXPECT_EQ(Loc(*b.file, attach[0]->offset), "2:1");
  EXPECT_EQ(attach[0]->Find("event")->value, "onclick");
  auto handlers = RegionsOf(b.doc, Language::kJs, RegionContext::kEventHandler);
  ASSERT_EQ(handlers.size(), 1u);
  EXPECT_EQ(handlers[0]->text, "f()");
  EXPECT_EQ(handlers[0]->attribute, "onevent");
  EXPECT_EQ(RegionLoc(b.doc, *handlers[0]), "2:41");
  auto scripts = RegionsOf(b.doc, Language::kJs, RegionContext::kScriptBlock);
  ASSERT_EQ(scripts.size(), 1u);
  EXPECT_EQ(RegionLoc(b.doc, *scripts[0]), "4:28");
  EXPECT_EQ(Loc(*b.file, TokenOffset(*scripts[0], "function")), "5:1");
  EXPECT_EQ(Loc(*b.file, TokenOffset(*scripts[0], "color")), "5:30");
  EXPECT_EQ(ElementsNamed(b.doc, "public:property").size(), 1u);
}

TEST(HtmlRegions, LoneCarriageReturnsAndCrlfEndLines) {
  Built b = Build("<script>\ra();\r\nb();</script>\r<p\r\n onclick=\"c()\">x</p>",
                  FileKind::kHtml);
  auto js = RegionsOf(b.doc, Language::kJs, RegionContext::kScriptBlock);
  ASSERT_EQ(js.size(), 1u);
  EXPECT_EQ(Loc(*b.file, TokenOffset(*js[0], "a")), "2:1");
  EXPECT_EQ(Loc(*b.file, TokenOffset(*js[0], "b")), "3:1");
  auto handlers = RegionsOf(b.doc, Language::kJs, RegionContext::kEventHandler);
  ASSERT_EQ(handlers.size(), 1u);
  EXPECT_EQ(RegionLoc(b.doc, *handlers[0]), "5:11");
  EXPECT_EQ(Loc(*b.file, ElementsNamed(b.doc, "p")[0]->offset), "4:1");
}

TEST(HtmlRegions, DoctypeIsRecordedRaw) {
  Built b = Build(
      "\n<!-- generated -->\n"
      "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\">\n<html></html>",
      FileKind::kHtml);
  EXPECT_TRUE(b.doc.has_doctype);
  EXPECT_EQ(b.doc.doctype, "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\">");
  Built none = Build("<html><body>x</body></html>", FileKind::kHtml);
  EXPECT_FALSE(none.doc.has_doctype);
  EXPECT_TRUE(none.doc.doctype.empty());
}

TEST(HtmlRegions, EmptyFileHasNothing) {
  Built b = Build("", FileKind::kHtml);
  EXPECT_TRUE(b.doc.regions.empty());
  EXPECT_TRUE(b.doc.elements.empty());
  EXPECT_TRUE(b.doc.comments.empty());
  EXPECT_TRUE(b.doc.masked.empty());
  EXPECT_FALSE(b.doc.has_doctype);
  EXPECT_TRUE(b.doc.warnings.empty());
  Built js = Build("", FileKind::kJs);
  EXPECT_TRUE(js.doc.regions.empty());
}

TEST(HtmlRegions, MaskedViewsTheFileTextWhenThereIsNoServerCode) {
  Built b = Build("<p onclick=\"a()\">x</p>", FileKind::kHtml, ServerDialect::kAsp);
  EXPECT_EQ(b.doc.masked.data(), b.file->text.data());
  EXPECT_TRUE(b.doc.server_blocks.empty());
  EXPECT_EQ(b.doc.regions[0].text.data(), b.file->text.data() + 12);
}

TEST(HtmlRegions, DecodedJapanesePageCountsColumnsInCharacters) {
  // A Shift_JIS page after decoding: UTF-8 text, three bytes per kanji or kana.
  auto file = MakeFile(
      "<p>日本語のページ</p>\r\n"
      "<p>社員</p><a onclick=\"開く('社員')\">開く</a>\r\n");
  file->encoding = "Shift_JIS";
  Result<Document> result = BuildDocument(*file, KindInfo{FileKind::kHtml});
  ASSERT_TRUE(result.ok());
  const Document& doc = *result;
  auto handlers = RegionsOf(doc, Language::kJs, RegionContext::kEventHandler);
  ASSERT_EQ(handlers.size(), 1u);
  EXPECT_EQ(handlers[0]->text, "開く('社員')");
  EXPECT_EQ(RegionLoc(doc, *handlers[0]), "2:22");
  EXPECT_EQ(Loc(*file, TokenOffset(*handlers[0], "'社員'")), "2:25");
  auto anchors = ElementsNamed(doc, "a");
  ASSERT_EQ(anchors.size(), 1u);
  EXPECT_EQ(Loc(*file, anchors[0]->offset), "2:10");
}

}  // namespace
}  // namespace iescan::scanner::testing
