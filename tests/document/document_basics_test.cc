// OffsetMap, Element::Find, LanguageName, and whole-file regions of script and style files.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/document/document_test_util.h"

namespace iescan::scanner::testing {
namespace {

TEST(OffsetMap, IdentityPlusBase) {
  OffsetMap map(100);
  EXPECT_EQ(map(0), 100u);
  EXPECT_EQ(map(7), 107u);
  OffsetMap sub = map.Sub(5);
  EXPECT_EQ(sub(0), 105u);
  EXPECT_EQ(sub(3), 108u);
  EXPECT_EQ(map.Slice(10, 4)(2), 112u);
  OffsetMap composed = map.Compose({4, 0, 9});
  EXPECT_EQ(composed(0), 104u);
  EXPECT_EQ(composed(1), 100u);
  EXPECT_EQ(composed(2), 109u);
  EXPECT_EQ(composed(3), 109u);  // past the end: the last entry
}

TEST(OffsetMap, TableSubSliceAndCompose) {
  OffsetMap map(std::vector<uint32_t>{10, 11, 17, 18, 30});
  EXPECT_EQ(map(2), 17u);
  EXPECT_EQ(map(4), 30u);
  EXPECT_EQ(map(9), 30u);
  OffsetMap sub = map.Sub(2);
  EXPECT_EQ(sub(0), 17u);
  EXPECT_EQ(sub(2), 30u);
  EXPECT_EQ(map.Sub(9)(0), 30u);
  OffsetMap slice = map.Slice(1, 2);
  EXPECT_EQ(slice(0), 11u);
  EXPECT_EQ(slice(1), 17u);
  EXPECT_EQ(slice(2), 18u);
  EXPECT_EQ(slice(3), 18u);  // a slice holds length + 1 entries
  OffsetMap composed = map.Compose({3, 3, 1});
  EXPECT_EQ(composed(0), 18u);
  EXPECT_EQ(composed(2), 11u);
  OffsetMap empty(std::vector<uint32_t>{});
  EXPECT_EQ(empty(0), 0u);
}

TEST(Element, FindUsesLowerCaseNames) {
  Built b = Build("<OBJECT ClassID=\"clsid:1\" ID=obj></OBJECT>", FileKind::kHtml);
  ASSERT_EQ(b.doc.elements.size(), 1u);
  const Element& object = b.doc.elements[0];
  EXPECT_EQ(object.tag, "object");
  ASSERT_NE(object.Find("classid"), nullptr);
  EXPECT_EQ(object.Find("classid")->value, "clsid:1");
  EXPECT_EQ(object.Find("id")->value, "obj");
  EXPECT_EQ(Loc(*b.file, object.Find("id")->value_offset), "1:30");
  EXPECT_EQ(object.Find("ClassID"), nullptr);
  EXPECT_EQ(object.Find("codebase"), nullptr);
}

TEST(Element, ValuelessAttributeHasNoValue) {
  Built b = Build("<input type=checkbox checked disabled = \"\">", FileKind::kHtml);
  ASSERT_EQ(b.doc.elements.size(), 1u);
  const Attribute* checked = b.doc.elements[0].Find("checked");
  ASSERT_NE(checked, nullptr);
  EXPECT_FALSE(checked->has_value);
  EXPECT_EQ(checked->value_offset, checked->name_offset);
  EXPECT_EQ(Loc(*b.file, checked->name_offset), "1:22");
  const Attribute* disabled = b.doc.elements[0].Find("disabled");
  EXPECT_TRUE(disabled->has_value);
  EXPECT_EQ(disabled->value, "");
  EXPECT_EQ(Loc(*b.file, disabled->value_offset), "1:42");
}

TEST(LanguageName, AllLanguages) {
  EXPECT_EQ(LanguageName(Language::kHtml), "html");
  EXPECT_EQ(LanguageName(Language::kJs), "js");
  EXPECT_EQ(LanguageName(Language::kVbs), "vbs");
  EXPECT_EQ(LanguageName(Language::kCss), "css");
  EXPECT_EQ(LanguageName(Language::kXml), "xml");
}

TEST(WholeFile, ScriptAndStyleFilesAreOneRegion) {
  Built js = Build("// x\nwindow.attachEvent('onload', init);\n", FileKind::kJs);
  ASSERT_EQ(js.doc.regions.size(), 1u);
  EXPECT_EQ(js.doc.regions[0].context, RegionContext::kFile);
  EXPECT_EQ(js.doc.regions[0].language, Language::kJs);
  EXPECT_EQ(js.doc.regions[0].text.data(), js.file->text.data());
  EXPECT_EQ(Loc(*js.file, TokenOffset(js.doc.regions[0], "attachEvent")), "2:8");
  EXPECT_TRUE(js.doc.elements.empty());

  Built vbs = Build("Set fso = CreateObject(\"Scripting.FileSystemObject\")\n", FileKind::kVbs);
  ASSERT_EQ(vbs.doc.regions.size(), 1u);
  EXPECT_EQ(vbs.doc.regions[0].language, Language::kVbs);
  EXPECT_EQ(Loc(*vbs.file, TokenOffset(vbs.doc.regions[0], "CreateObject")), "1:11");

  Built css = Build(".a {\n  filter: alpha(opacity=50);\n}\n", FileKind::kCss);
  ASSERT_EQ(css.doc.regions.size(), 1u);
  EXPECT_EQ(css.doc.regions[0].language, Language::kCss);
  EXPECT_EQ(Loc(*css.file, TokenOffset(css.doc.regions[0], "filter")), "2:3");
}

TEST(WholeFile, JsFileStringsThatAreCodeAreSubDocuments) {
  Built js = Build(
      "document.write('<object classid=\"clsid:CCCC\"></object>');\n"
      "setTimeout(\"poll()\", 500);\n",
      FileKind::kJs);
  auto objects = ElementsNamed(js.doc, "object");
  ASSERT_EQ(objects.size(), 1u);
  EXPECT_EQ(Loc(*js.file, objects[0]->offset), "1:17");
  auto sub = RegionsOf(js.doc, Language::kJs, RegionContext::kStringCode);
  ASSERT_EQ(sub.size(), 1u);
  EXPECT_EQ(sub[0]->parent, 0);
  EXPECT_EQ(RegionLoc(js.doc, *sub[0]), "2:13");
}

}  // namespace
}  // namespace iescan::scanner::testing
