// Conditional comments (downlevel-hidden markup is IE's alone and parsed as its own
// sub-document; downlevel-revealed markup is ordinary markup) and the nesting cap taken
// before any HTML parsing.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "tests/document/document_test_util.h"

namespace iescan::scanner::testing {
namespace {

TEST(ConditionalComments, DownlevelHiddenMarkupIsIeOnlyAtExactOffsets) {
  Built b = Build(
      "<html><head>\n"
      "<!--[if lt IE 7]>\n"
      "<script src=\"ie6.js\"></script>\n"
      "<script>document.execCommand('BackgroundImageCache', false, true);</script>\n"
      "<object id=\"x\" classid=\"clsid:D27CDB6E-AE6D-11cf-96B8-444553540000\"></object>\n"
      "<![endif]-->\n"
      "<script>normal()</script>\n"
      "</head>\n",
      FileKind::kHtml);
  ASSERT_EQ(b.doc.comments.size(), 2u);
  EXPECT_EQ(b.doc.comments[0].kind, CommentKind::kDownlevelHidden);
  EXPECT_EQ(b.doc.comments[0].condition, "lt IE 7");
  EXPECT_EQ(Loc(*b.file, b.doc.comments[0].offset), "2:1");
  EXPECT_TRUE(b.doc.comments[0].text.starts_with("[if lt IE 7]>\n<script src="));
  EXPECT_EQ(b.doc.comments[1].kind, CommentKind::kEndif);
  EXPECT_EQ(Loc(*b.file, b.doc.comments[1].offset), "6:1");

  auto scripts = ElementsNamed(b.doc, "script");
  ASSERT_EQ(scripts.size(), 3u);
  int ie_only_scripts = 0;
  for (const Element* script : scripts) ie_only_scripts += script->ie_only ? 1 : 0;
  EXPECT_EQ(ie_only_scripts, 2);
  auto objects = ElementsNamed(b.doc, "object");
  ASSERT_EQ(objects.size(), 1u);
  EXPECT_TRUE(objects[0]->ie_only);
  EXPECT_EQ(Loc(*b.file, objects[0]->offset), "5:1");
  EXPECT_EQ(Loc(*b.file, objects[0]->Find("classid")->value_offset), "5:25");
  EXPECT_EQ(b.doc.elements[objects[0]->parent].tag, "head");

  auto js = RegionsOf(b.doc, Language::kJs, RegionContext::kScriptBlock);
  ASSERT_EQ(js.size(), 2u);
  const Region* ie = js[0]->ie_only ? js[0] : js[1];
  const Region* normal = js[0]->ie_only ? js[1] : js[0];
  EXPECT_TRUE(ie->ie_only);
  EXPECT_EQ(Loc(*b.file, TokenOffset(*ie, "execCommand")), "4:18");
  EXPECT_EQ(RegionLoc(b.doc, *ie), "4:9");
  EXPECT_FALSE(normal->ie_only);
  EXPECT_EQ(RegionLoc(b.doc, *normal), "7:9");
}

TEST(ConditionalComments, DownlevelRevealedMarkupIsOrdinary) {
  Built b = Build(
      "<![if !IE]><p id=\"a\">not ie</p><![endif]>\n"
      "<!--[if !IE]><!--><script>modern()</script><!--<![endif]-->\n",
      FileKind::kHtml);
  ASSERT_EQ(b.doc.comments.size(), 4u);
  EXPECT_EQ(b.doc.comments[0].kind, CommentKind::kDownlevelRevealed);
  EXPECT_EQ(b.doc.comments[0].condition, "!IE");
  EXPECT_EQ(b.doc.comments[0].text, "[if !IE]");
  EXPECT_EQ(Loc(*b.file, b.doc.comments[0].offset), "1:1");
  EXPECT_EQ(b.doc.comments[1].kind, CommentKind::kEndif);
  EXPECT_EQ(Loc(*b.file, b.doc.comments[1].offset), "1:32");
  EXPECT_EQ(b.doc.comments[2].kind, CommentKind::kDownlevelRevealed);
  EXPECT_EQ(b.doc.comments[2].condition, "!IE");
  EXPECT_EQ(Loc(*b.file, b.doc.comments[2].offset), "2:1");
  EXPECT_EQ(b.doc.comments[3].kind, CommentKind::kEndif);
  EXPECT_EQ(Loc(*b.file, b.doc.comments[3].offset), "2:44");
  auto p = ElementsNamed(b.doc, "p");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_FALSE(p[0]->ie_only);
  EXPECT_EQ(Loc(*b.file, p[0]->offset), "1:12");
  auto js = RegionsOf(b.doc, Language::kJs, RegionContext::kScriptBlock);
  ASSERT_EQ(js.size(), 1u);
  EXPECT_FALSE(js[0]->ie_only);
  EXPECT_EQ(RegionLoc(b.doc, *js[0]), "2:27");
}

TEST(ConditionalComments, ValidHtmlRevealedFormAndNotIeHiddenMarkup) {
  Built b = Build(
      "<!--[if !IE]>--><link rel=\"stylesheet\" href=\"modern.css\"><!--<![endif]-->\n"
      "<!--[if !IE]><object id=\"never\"></object><![endif]-->\n",
      FileKind::kHtml);
  ASSERT_EQ(b.doc.comments.size(), 4u);
  EXPECT_EQ(b.doc.comments[0].kind, CommentKind::kDownlevelRevealed);
  EXPECT_EQ(b.doc.comments[1].kind, CommentKind::kEndif);
  EXPECT_EQ(Loc(*b.file, b.doc.comments[1].offset), "1:58");
  EXPECT_EQ(b.doc.comments[2].kind, CommentKind::kDownlevelHidden);
  EXPECT_EQ(b.doc.comments[2].condition, "!IE");
  auto link = ElementsNamed(b.doc, "link");
  ASSERT_EQ(link.size(), 1u);
  EXPECT_FALSE(link[0]->ie_only);
  EXPECT_EQ(Loc(*b.file, link[0]->offset), "1:17");
  EXPECT_TRUE(ElementsNamed(b.doc, "object").empty());  // neither IE nor others see it
}

TEST(ConditionalComments, HiddenMarkupHoldingItsOwnCommentIsReadToEndif) {
  // The inner "-->" ends the comment for other browsers, but IE reads on to <![endif]:
  // the <p> is IE's alone and is reported once, as ie_only.
  Built b = Build(
      "<body>\n"
      "<!--[if IE]><!-- ie block --><p id=\"q\" onclick=\"ieOnly()\">x</p><![endif]-->\n"
      "<p id=\"r\">y</p>\n",
      FileKind::kHtml);
  auto p = ElementsNamed(b.doc, "p");
  ASSERT_EQ(p.size(), 2u);
  const Element* q = p[0]->Find("id")->value == "q" ? p[0] : p[1];
  const Element* r = q == p[0] ? p[1] : p[0];
  EXPECT_TRUE(q->ie_only);
  EXPECT_EQ(Loc(*b.file, q->offset), "2:30");
  EXPECT_FALSE(r->ie_only);
  EXPECT_EQ(Loc(*b.file, r->offset), "3:1");
  auto handlers = RegionsOf(b.doc, Language::kJs, RegionContext::kEventHandler);
  ASSERT_EQ(handlers.size(), 1u);
  EXPECT_TRUE(handlers[0]->ie_only);
  EXPECT_EQ(RegionLoc(b.doc, *handlers[0]), "2:49");
  ASSERT_EQ(b.doc.comments.size(), 3u);
  EXPECT_EQ(b.doc.comments[0].kind, CommentKind::kDownlevelHidden);
  EXPECT_EQ(b.doc.comments[0].condition, "IE");
  EXPECT_EQ(b.doc.comments[1].kind, CommentKind::kEndif);
  EXPECT_EQ(Loc(*b.file, b.doc.comments[1].offset), "2:64");
  EXPECT_EQ(b.doc.comments[2].kind, CommentKind::kPlain);
  EXPECT_EQ(b.doc.comments[2].text, " ie block ");
  EXPECT_EQ(Loc(*b.file, b.doc.comments[2].offset), "2:13");
}

TEST(ConditionalComments, PlainCommentsAreNeverCode) {
  Built b = Build(
      "<!-- <script>alert(1)</script> <object classid=\"clsid:1\"> -->\n"
      "<p onclick=\"x()\">a</p>\n",
      FileKind::kHtml);
  ASSERT_EQ(b.doc.comments.size(), 1u);
  EXPECT_EQ(b.doc.comments[0].kind, CommentKind::kPlain);
  EXPECT_TRUE(ElementsNamed(b.doc, "object").empty());
  EXPECT_TRUE(ElementsNamed(b.doc, "script").empty());
  ASSERT_EQ(b.doc.regions.size(), 1u);
  EXPECT_EQ(b.doc.regions[0].text, "x()");
}

TEST(Nesting, TwoHundredThousandNestedDivsFailFast) {
  std::string text;
  for (int i = 0; i < 200000; ++i) text += "<div>";
  auto file = MakeFile(std::move(text));
  auto start = std::chrono::steady_clock::now();
  Result<Document> result = BuildDocument(*file, KindInfo{FileKind::kHtml});
  auto elapsed = std::chrono::steady_clock::now() - start;
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().message(),
            "markup nests deeper than 4000 elements (about 200000); not parsed");
  EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count(), 1000);
}

TEST(Nesting, ImpliedEndTagsDoNotCountAsNesting) {
  std::string text = "<table>";
  for (int i = 0; i < 5000; ++i) text += "<tr><td><p>cell<li>item<option>o";
  text += "</table>";
  Built b = Build(std::move(text), FileKind::kHtml);
  EXPECT_EQ(ElementsNamed(b.doc, "td").size(), 5000u);
}

TEST(Nesting, DeepButAllowedMarkupParses) {
  std::string text;
  for (int i = 0; i < 3000; ++i) text += "<div>";
  text += "<span onclick=\"deep()\">x</span>";
  Built b = Build(std::move(text), FileKind::kHtml);
  EXPECT_EQ(ElementsNamed(b.doc, "div").size(), 3000u);
  ASSERT_EQ(b.doc.regions.size(), 1u);
  EXPECT_EQ(RegionLoc(b.doc, b.doc.regions[0]), "1:15016");
}

TEST(Nesting, DeepSubDocumentIsSkippedWithAWarningNotAFailure) {
  std::string written;
  for (int i = 0; i < 30; ++i) written += "<div>";
  BuildOptions options;
  options.max_nesting = 20;
  Built b = Build("<script>document.write('" + written + "<object>');</script>",
                  FileKind::kHtml, ServerDialect::kNone, options);
  EXPECT_TRUE(ElementsNamed(b.doc, "object").empty());
  ASSERT_EQ(b.doc.warnings.size(), 1u);
  EXPECT_EQ(b.doc.warnings[0],
            "sub-document markup nests deeper than 20 elements (about 31); not parsed");
}

}  // namespace
}  // namespace iescan::scanner::testing
