// Strings that are code: document.write markup, setTimeout code and the like become
// sub-documents whose every byte maps back to the file, through escapes and concatenation.
#include <gtest/gtest.h>

#include <string>

#include "tests/document/document_test_util.h"

namespace iescan::scanner::testing {
namespace {

int IndexOf(const Document& doc, const Region* region) {
  return static_cast<int>(region - doc.regions.data());
}

TEST(StringCode, DocumentWriteObjectIsAnElementInsideTheString) {
  Built b = Build(
      "<script>\n"
      "document.write('<object id=\"player\" "
      "classid=\"clsid:6BF52A52-394A-11D3-B153-00C04F79FAA6\"></object>');\n"
      "</script>\n",
      FileKind::kHtml);
  auto objects = ElementsNamed(b.doc, "object");
  ASSERT_EQ(objects.size(), 1u);
  EXPECT_EQ(Loc(*b.file, objects[0]->offset), "2:17");
  const Attribute* classid = objects[0]->Find("classid");
  ASSERT_NE(classid, nullptr);
  EXPECT_EQ(classid->value, "clsid:6BF52A52-394A-11D3-B153-00C04F79FAA6");
  EXPECT_EQ(Loc(*b.file, classid->name_offset), "2:37");
  EXPECT_EQ(Loc(*b.file, classid->value_offset), "2:46");
  EXPECT_FALSE(objects[0]->ie_only);
}

TEST(StringCode, ConcatenatedMarkupMapsEachPieceToItsLiteral) {
  Built b = Build(
      "<script>\n"
      "var html = \"<div>\" + name + \"</div>\";\n"
      "document.write(\"<table><tr><td onclick=\\\"pick('\" + id + \"')\\\">\" +\n"
      "    \"<object classid='clsid:AAAA'></object></td></tr></table>\");\n"
      "</script>\n",
      FileKind::kHtml);
  auto td = ElementsNamed(b.doc, "td");
  ASSERT_EQ(td.size(), 1u);
  EXPECT_EQ(Loc(*b.file, td[0]->offset), "3:28");
  auto objects = ElementsNamed(b.doc, "object");
  ASSERT_EQ(objects.size(), 1u);
  EXPECT_EQ(Loc(*b.file, objects[0]->offset), "4:6");
  EXPECT_EQ(Loc(*b.file, objects[0]->Find("classid")->value_offset), "4:23");
  EXPECT_TRUE(ElementsNamed(b.doc, "div").empty());  // a plain assignment is not markup

  auto scripts = RegionsOf(b.doc, Language::kJs, RegionContext::kScriptBlock);
  ASSERT_EQ(scripts.size(), 1u);
  auto handlers = RegionsOf(b.doc, Language::kJs, RegionContext::kEventHandler);
  ASSERT_EQ(handlers.size(), 1u);
  const Region& handler = *handlers[0];
  EXPECT_EQ(handler.text, "pick(' ')");  // the non-literal operand `id` is one space
  EXPECT_EQ(handler.parent, IndexOf(b.doc, scripts[0]));
  EXPECT_EQ(RegionLoc(b.doc, handler), "3:42");
  EXPECT_EQ(RegionLoc(b.doc, handler, 6), "3:52");  // the space stands at `id`
  EXPECT_EQ(RegionLoc(b.doc, handler, 7), "3:58");  // the next literal's first byte
  EXPECT_EQ(Loc(*b.file, TokenOffset(handler, "' '")), "3:47");
  EXPECT_EQ(Loc(*b.file, TokenOffset(handler, ")")), "3:59");
}

TEST(StringCode, TimerStringsAreJavaScriptSubDocuments) {
  Built b = Build(
      "<body onload=\"setTimeout('refresh()', 5000)\">\n"
      "<script>window.setTimeout(\"document.all.status.innerText = 'x'\", 100); "
      "setInterval(tick, 50);</script>\n",
      FileKind::kHtml);
  auto handlers = RegionsOf(b.doc, Language::kJs, RegionContext::kEventHandler);
  ASSERT_EQ(handlers.size(), 1u);
  auto sub = RegionsOf(b.doc, Language::kJs, RegionContext::kStringCode);
  ASSERT_EQ(sub.size(), 2u);
  const Region* from_handler = sub[0]->text == "refresh()" ? sub[0] : sub[1];
  const Region* from_script = from_handler == sub[0] ? sub[1] : sub[0];
  EXPECT_EQ(from_handler->text, "refresh()");
  EXPECT_EQ(from_handler->parent, IndexOf(b.doc, handlers[0]));
  EXPECT_EQ(RegionLoc(b.doc, *from_handler), "1:27");
  EXPECT_EQ(Loc(*b.file, TokenOffset(*from_handler, "(")), "1:34");
  EXPECT_EQ(from_script->text, "document.all.status.innerText = 'x'");
  EXPECT_EQ(RegionLoc(b.doc, *from_script), "2:28");
  EXPECT_EQ(Loc(*b.file, TokenOffset(*from_script, "all")), "2:37");
  EXPECT_EQ(Loc(*b.file, TokenOffset(*from_script, "'x'")), "2:60");
}

TEST(StringCode, FunctionBodiesExecScriptAndMarkupSinks) {
  Built b = Build(
      "<script>\n"
      "var f = new Function(\"a\", \"b\", \"return a.attachEvent(b)\");\n"
      "execScript(\"MsgBox 1\", \"VBScript\");\n"
      "el.innerHTML = '<img src=\"x.gif\" style=\"filter:alpha(opacity=50)\">';\n"
      "el.insertAdjacentHTML(\"beforeEnd\", \"<bgsound src='a.wav'>\");\n"
      "var i = document.createElement(\"<input name='q' onclick='go()'>\");\n"
      "var plain = document.createElement(\"div\");\n"
      "</script>\n",
      FileKind::kHtml);
  auto js = RegionsOf(b.doc, Language::kJs, RegionContext::kStringCode);
  ASSERT_EQ(js.size(), 1u);
  EXPECT_EQ(js[0]->text, "return a.attachEvent(b)");
  EXPECT_EQ(RegionLoc(b.doc, *js[0]), "2:33");
  auto vbs = RegionsOf(b.doc, Language::kVbs, RegionContext::kStringCode);
  ASSERT_EQ(vbs.size(), 1u);
  EXPECT_EQ(vbs[0]->text, "MsgBox 1");
  EXPECT_EQ(RegionLoc(b.doc, *vbs[0]), "3:13");
  auto style = RegionsOf(b.doc, Language::kCss, RegionContext::kStyleAttr);
  ASSERT_EQ(style.size(), 1u);
  EXPECT_EQ(Loc(*b.file, TokenOffset(*style[0], "alpha(")), "4:48");
  auto bgsound = ElementsNamed(b.doc, "bgsound");
  ASSERT_EQ(bgsound.size(), 1u);
  EXPECT_EQ(Loc(*b.file, bgsound[0]->offset), "5:37");
  auto input = ElementsNamed(b.doc, "input");
  ASSERT_EQ(input.size(), 1u);
  EXPECT_EQ(Loc(*b.file, input[0]->offset), "6:33");
  auto handlers = RegionsOf(b.doc, Language::kJs, RegionContext::kEventHandler);
  ASSERT_EQ(handlers.size(), 1u);
  EXPECT_EQ(RegionLoc(b.doc, *handlers[0]), "6:58");
  EXPECT_TRUE(ElementsNamed(b.doc, "div").empty());
}

TEST(StringCode, VbscriptDocumentWriteWithDoubledQuotes) {
  Built b = Build(
      "<script language=\"VBScript\">\n"
      "document.write \"<object classid=\"\"clsid:BBBB\"\"></object>\"\n"
      "Document.Write(\"<p id=x>\" & strName & \"</p>\")\n"
      "</script>\n",
      FileKind::kHtml);
  auto objects = ElementsNamed(b.doc, "object");
  ASSERT_EQ(objects.size(), 1u);
  EXPECT_EQ(Loc(*b.file, objects[0]->offset), "2:17");
  EXPECT_EQ(objects[0]->Find("classid")->value, "clsid:BBBB");
  EXPECT_EQ(Loc(*b.file, objects[0]->Find("classid")->value_offset), "2:35");
  auto p = ElementsNamed(b.doc, "p");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(Loc(*b.file, p[0]->offset), "3:17");
}

TEST(StringCode, WrittenMarkupInheritsIeOnlyFromAConditionalComment) {
  Built b = Build(
      "<!--[if IE]><script>document.write('<embed src=\"a.swf\">')</script><![endif]-->\n",
      FileKind::kHtml);
  auto embed = ElementsNamed(b.doc, "embed");
  ASSERT_EQ(embed.size(), 1u);
  EXPECT_TRUE(embed[0]->ie_only);
  EXPECT_EQ(Loc(*b.file, embed[0]->offset), "1:37");
}

TEST(StringCode, SubDocumentDepthIsBounded) {
  const std::string page =
      "<script>document.write(\"<scr\" + \"ipt>setTimeout('x()', 1)</scr\" + \"ipt>\");"
      "</script>";
  Built deep = Build(page, FileKind::kHtml);
  auto scripts = ElementsNamed(deep.doc, "script");
  ASSERT_EQ(scripts.size(), 2u);
  EXPECT_EQ(Loc(*deep.file, scripts[1]->offset), "1:25");
  auto sub = RegionsOf(deep.doc, Language::kJs, RegionContext::kStringCode);
  ASSERT_EQ(sub.size(), 1u);
  EXPECT_EQ(sub[0]->text, "x()");
  EXPECT_EQ(RegionLoc(deep.doc, *sub[0]), "1:50");
  EXPECT_TRUE(deep.doc.warnings.empty());

  BuildOptions shallow;
  shallow.max_subdocument_depth = 1;
  Built limited = Build(page, FileKind::kHtml, ServerDialect::kNone, shallow);
  EXPECT_EQ(ElementsNamed(limited.doc, "script").size(), 2u);
  EXPECT_TRUE(RegionsOf(limited.doc, Language::kJs, RegionContext::kStringCode).empty());
  ASSERT_EQ(limited.doc.warnings.size(), 1u);
  EXPECT_EQ(limited.doc.warnings[0],
            "strings that are code nest more than 1 deep; the deeper ones were not scanned");
}

TEST(StringCode, RegionBudgetStopsWithAWarning) {
  std::string page;
  for (int i = 0; i < 50; ++i) page += "<b onclick=\"f()\" style=\"color:red\">x</b>\n";
  BuildOptions options;
  options.max_regions = 30;
  Built b = Build(page, FileKind::kHtml, ServerDialect::kNone, options);
  EXPECT_EQ(b.doc.regions.size(), 30u);
  ASSERT_EQ(b.doc.warnings.size(), 1u);
  EXPECT_EQ(b.doc.warnings[0], "more than 30 code regions; the rest were not scanned");
  EXPECT_EQ(ElementsNamed(b.doc, "b").size(), 50u);
}

}  // namespace
}  // namespace iescan::scanner::testing

namespace iescan::scanner::testing {
namespace {

// Every name that makes a string code, each once, and lookalikes of the same length that
// must not (the finder passes over any other identifier at once).
TEST(StringCode, EachNameAndItsLookalikes) {
  Built b = Build(
      "<script>\n"
      "document.writeln('<b id=\"w1\"></b>');\n"
      "el.outerHTML = '<i id=\"o1\"></i>';\n"
      "el.innerHTML += '<u id=\"i1\"></u>';\n"
      "x.insertAdjacentHTML('beforeEnd', '<s id=\"a1\"></s>');\n"
      "document.createElement('<em id=\"c1\">');\n"
      "document.Writeln('<b id=\"w2\"></b>');\n"
      "el.outerHTMl = '<i id=\"o2\"></i>';\n"
      "x.insertAdjacentHtml('beforeEnd', '<s id=\"a2\"></s>');\n"
      "document.createElemenT('<em id=\"c2\">');\n"
      "setTimeOut('alert(1)', 10);\n"
      "setInterval('tick()', 10);\n"
      "</script>\n",
      FileKind::kHtml);
  for (const char* tag : {"b", "i", "u", "s", "em"}) {
    auto found = ElementsNamed(b.doc, tag);
    ASSERT_EQ(found.size(), 1u) << tag;
    const Attribute* id = found[0]->Find("id");
    ASSERT_NE(id, nullptr) << tag;
    EXPECT_EQ(id->value.back(), '1') << tag;
  }
  auto code = RegionsOf(b.doc, Language::kJs, RegionContext::kStringCode);
  ASSERT_EQ(code.size(), 1u);
  EXPECT_EQ(code[0]->text, "tick()");
}

}  // namespace
}  // namespace iescan::scanner::testing
