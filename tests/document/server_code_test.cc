// Server code masking: ASP, ASP.NET, JSP, PHP and Razor code is blanked out of the markup
// view (same length, line breaks kept) before HTML parsing, and recorded as ServerBlocks.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "tests/document/document_test_util.h"

namespace iescan::scanner::testing {
namespace {

std::string BlockLoc(const Built& b, size_t i) {
  return Loc(*b.file, b.doc.server_blocks[i].begin);
}

size_t LineCount(std::string_view text) { return std::count(text.begin(), text.end(), '\n'); }

TEST(ServerCode, AspBlocksAreBlankedAndLinesAfterThemKeepTheirNumbers) {
  Built b = Build(
      "<%@ Language=VBScript %>\n"
      "<%\n"
      "  Dim id\n"
      "  id = Request(\"id\")\n"
      "%>\n"
      "<html><body>\n"
      "<script>var id = '<%= id %>'; attachEvent('onload', f);</script>\n"
      "<!--#include file=\"footer.inc\" -->\n"
      "<p onclick=\"go(<%= id %>)\">x</p>\n"
      "<script language=\"VBScript\" runat=\"server\">Function Secret()\nEnd "
      "Function</script>\n",
      FileKind::kHtml, ServerDialect::kAsp);
  ASSERT_EQ(b.doc.server_blocks.size(), 6u);
  EXPECT_EQ(b.doc.server_blocks[0].kind, ServerBlock::kDirective);
  EXPECT_EQ(BlockLoc(b, 0), "1:1");
  EXPECT_EQ(b.doc.server_blocks[1].kind, ServerBlock::kCode);
  EXPECT_EQ(BlockLoc(b, 1), "2:1");
  EXPECT_EQ(Loc(*b.file, b.doc.server_blocks[1].end), "5:3");
  EXPECT_EQ(b.doc.server_blocks[2].kind, ServerBlock::kExpression);
  EXPECT_EQ(BlockLoc(b, 2), "7:19");
  EXPECT_EQ(b.doc.server_blocks[3].kind, ServerBlock::kDirective);
  EXPECT_EQ(BlockLoc(b, 3), "8:1");
  EXPECT_EQ(b.doc.server_blocks[4].kind, ServerBlock::kExpression);
  EXPECT_EQ(BlockLoc(b, 4), "9:16");
  EXPECT_EQ(b.doc.server_blocks[5].kind, ServerBlock::kCode);
  EXPECT_EQ(BlockLoc(b, 5), "10:1");

  EXPECT_NE(b.doc.masked.data(), b.file->text.data());
  EXPECT_EQ(b.doc.masked.size(), b.file->text.size());
  EXPECT_EQ(LineCount(b.doc.masked), LineCount(b.file->text));
  EXPECT_EQ(b.doc.masked.find("Request"), std::string_view::npos);
  EXPECT_EQ(b.doc.masked.find("Secret"), std::string_view::npos);

  auto js = RegionsOf(b.doc, Language::kJs, RegionContext::kScriptBlock);
  ASSERT_EQ(js.size(), 1u);
  EXPECT_EQ(Loc(*b.file, TokenOffset(*js[0], "var")), "7:9");
  EXPECT_EQ(Loc(*b.file, TokenOffset(*js[0], "'         '")), "7:18");
  EXPECT_EQ(Loc(*b.file, TokenOffset(*js[0], "attachEvent")), "7:31");
  auto handlers = RegionsOf(b.doc, Language::kJs, RegionContext::kEventHandler);
  ASSERT_EQ(handlers.size(), 1u);
  EXPECT_EQ(handlers[0]->text, "go(         )");
  EXPECT_EQ(RegionLoc(b.doc, *handlers[0]), "9:13");
  EXPECT_EQ(Loc(*b.file, TokenOffset(*handlers[0], ")")), "9:25");
  EXPECT_TRUE(RegionsOf(b.doc, Language::kVbs, RegionContext::kScriptBlock).empty());
  EXPECT_EQ(b.doc.comments.size(), 0u);  // the SSI include is server code, not a comment
}

TEST(ServerCode, AspNetServerControlsKeepOnlyClientHandlers) {
  Built b = Build(
      "<%@ Page Language=\"C#\" %>\n"
      "<%-- <object classid=\"clsid:1\"></object> --%>\n"
      "<asp:Button runat=\"server\" OnClick=\"Save_Click\" "
      "OnClientClick=\"return confirm('Save?');\" />\n"
      "<p><%# Eval(\"Name\") %> <%: Model.Title %></p>\n",
      FileKind::kHtml, ServerDialect::kAspNet);
  ASSERT_EQ(b.doc.server_blocks.size(), 4u);
  EXPECT_EQ(b.doc.server_blocks[1].kind, ServerBlock::kComment);
  EXPECT_EQ(b.doc.server_blocks[2].kind, ServerBlock::kExpression);
  EXPECT_EQ(BlockLoc(b, 2), "4:4");
  EXPECT_EQ(b.doc.server_blocks[3].kind, ServerBlock::kExpression);
  EXPECT_EQ(BlockLoc(b, 3), "4:24");
  EXPECT_TRUE(ElementsNamed(b.doc, "object").empty());
  ASSERT_EQ(ElementsNamed(b.doc, "asp:button").size(), 1u);
  ASSERT_EQ(b.doc.regions.size(), 1u);
  EXPECT_EQ(b.doc.regions[0].attribute, "onclientclick");
  EXPECT_EQ(RegionLoc(b.doc, b.doc.regions[0]), "3:64");
}

TEST(ServerCode, JspDirectivesTagsAndExpressionLanguage) {
  Built b = Build(
      "<%@ page contentType=\"text/html; charset=UTF-8\" %>\n"
      "<%@ taglib prefix=\"c\" uri=\"http://java.sun.com/jsp/jstl/core\" %>\n"
      "<jsp:include page=\"header.jsp\" flush=\"true\"/>\n"
      "<html><body>\n"
      "<%! int count = 0; %>\n"
      "<c:if test=\"${user.admin}\"><a href=\"admin.jsp?id=${user.id}\" "
      "onclick=\"return check('${user.name}')\">admin</a></c:if>\n"
      "<jsp:useBean id=\"b\" class=\"x.B\"><jsp:setProperty name=\"b\" property=\"*\"/>"
      "</jsp:useBean>\n"
      "<script>var n = ${count}; document.all.x.style.display = 'none';</script>\n"
      "<%-- <script>alert(1)</script> --%>\n",
      FileKind::kHtml, ServerDialect::kJsp);
  ASSERT_EQ(b.doc.server_blocks.size(), 12u);
  const std::vector<std::pair<ServerBlock::Kind, std::string>> expected = {
      {ServerBlock::kDirective, "1:1"},   {ServerBlock::kDirective, "2:1"},
      {ServerBlock::kTag, "3:1"},         {ServerBlock::kCode, "5:1"},
      {ServerBlock::kExpression, "6:13"}, {ServerBlock::kExpression, "6:50"},
      {ServerBlock::kExpression, "6:85"}, {ServerBlock::kTag, "7:1"},
      {ServerBlock::kTag, "7:33"},        {ServerBlock::kTag, "7:73"},
      {ServerBlock::kExpression, "8:17"}, {ServerBlock::kComment, "9:1"}};
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(b.doc.server_blocks[i].kind, expected[i].first) << i;
    EXPECT_EQ(BlockLoc(b, i), expected[i].second) << i;
  }
  EXPECT_TRUE(ElementsNamed(b.doc, "jsp:include").empty());
  EXPECT_TRUE(ElementsNamed(b.doc, "jsp:usebean").empty());
  EXPECT_EQ(ElementsNamed(b.doc, "c:if").size(), 1u);
  auto handlers = RegionsOf(b.doc, Language::kJs, RegionContext::kEventHandler);
  ASSERT_EQ(handlers.size(), 1u);
  EXPECT_EQ(handlers[0]->text, "return check('            ')");
  EXPECT_EQ(RegionLoc(b.doc, *handlers[0]), "6:71");
  EXPECT_EQ(Loc(*b.file, TokenOffset(*handlers[0], "'            '")), "6:84");
  auto js = RegionsOf(b.doc, Language::kJs, RegionContext::kScriptBlock);
  ASSERT_EQ(js.size(), 1u);  // the script inside <%-- --%> is gone
  EXPECT_EQ(Loc(*b.file, TokenOffset(*js[0], "document")), "8:27");
  EXPECT_EQ(Loc(*b.file, TokenOffset(*js[0], ";")), "8:25");
}

TEST(ServerCode, PhpBlocksHonourStringsAndRunToTheEndWhenUnterminated) {
  Built b = Build(
      "<?xml version=\"1.0\"?>\n"
      "<?php\n"
      "  $title = \"Report ?> still php\";\n"
      "  if ($x) { echo '<object classid=\"clsid:1\">'; }\n"
      "?>\n"
      "<html><body onload=\"init('<?= $id ?>')\">\n"
      "<p><? echo $y; ?></p>\n"
      "<?php echo \"unterminated\n"
      "<object classid=\"clsid:2\"></object>\n",
      FileKind::kHtml, ServerDialect::kPhp);
  ASSERT_EQ(b.doc.server_blocks.size(), 4u);
  EXPECT_EQ(BlockLoc(b, 0), "2:1");
  EXPECT_EQ(Loc(*b.file, b.doc.server_blocks[0].end), "5:3");
  EXPECT_EQ(b.doc.server_blocks[1].kind, ServerBlock::kExpression);
  EXPECT_EQ(BlockLoc(b, 1), "6:27");
  EXPECT_EQ(b.doc.server_blocks[2].kind, ServerBlock::kCode);
  EXPECT_EQ(BlockLoc(b, 2), "7:4");
  EXPECT_EQ(BlockLoc(b, 3), "8:1");
  EXPECT_EQ(b.doc.server_blocks[3].end, b.file->text.size());
  EXPECT_TRUE(b.doc.masked.starts_with("<?xml version=\"1.0\"?>\n     \n"));
  EXPECT_TRUE(ElementsNamed(b.doc, "object").empty());
  auto handlers = RegionsOf(b.doc, Language::kJs, RegionContext::kEventHandler);
  ASSERT_EQ(handlers.size(), 1u);
  EXPECT_EQ(handlers[0]->text, "init('          ')");
  EXPECT_EQ(RegionLoc(b.doc, *handlers[0]), "6:21");
}

TEST(ServerCode, RazorIsMaskedConservatively) {
  Built b = Build(
      "@model Intranet.Models.Employee\n"
      "@{\n"
      "    ViewBag.Title = \"Staff\";\n"
      "    var css = \"a { }\";\n"
      "}\n"
      "@* <object classid=\"clsid:3\"></object> *@\n"
      "<style>@@media print { .x { color: red } }</style>\n"
      "<p>Mail admin@example.com about @Model.Name.</p>\n"
      "<input onclick=\"save(@Model.Id, '@Html.Raw(Model.Key)')\" />\n"
      "<script>var url = '@Url.Action(\"Save\", \"Staff\")'; "
      "window.showModalDialog(url);</script>\n",
      FileKind::kHtml, ServerDialect::kRazor);
  const std::vector<std::pair<ServerBlock::Kind, std::string>> expected = {
      {ServerBlock::kDirective, "1:1"},   {ServerBlock::kCode, "2:1"},
      {ServerBlock::kComment, "6:1"},     {ServerBlock::kCode, "7:8"},
      {ServerBlock::kExpression, "8:33"}, {ServerBlock::kExpression, "9:22"},
      {ServerBlock::kExpression, "9:34"}, {ServerBlock::kExpression, "10:20"}};
  ASSERT_EQ(b.doc.server_blocks.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(b.doc.server_blocks[i].kind, expected[i].first) << i;
    EXPECT_EQ(BlockLoc(b, i), expected[i].second) << i;
  }
  EXPECT_EQ(Loc(*b.file, b.doc.server_blocks[1].end), "5:2");
  EXPECT_EQ(Loc(*b.file, b.doc.server_blocks[4].end), "8:44");
  std::string masked_line = "admin@example.com about " + std::string(11, ' ') + ".</p>";
  EXPECT_NE(b.doc.masked.find(masked_line), std::string_view::npos);
  EXPECT_TRUE(ElementsNamed(b.doc, "object").empty());
  auto css = RegionsOf(b.doc, Language::kCss, RegionContext::kStyleBlock);
  ASSERT_EQ(css.size(), 1u);
  EXPECT_EQ(Loc(*b.file, TokenOffset(*css[0], "@media")), "7:9");
  auto handlers = RegionsOf(b.doc, Language::kJs, RegionContext::kEventHandler);
  ASSERT_EQ(handlers.size(), 1u);
  EXPECT_EQ(Loc(*b.file, TokenOffset(*handlers[0], ",")), "9:31");
  auto js = RegionsOf(b.doc, Language::kJs, RegionContext::kScriptBlock);
  ASSERT_EQ(js.size(), 1u);
  EXPECT_EQ(Loc(*b.file, TokenOffset(*js[0], "window")), "10:51");
  auto tokens = TokenTexts(*js[0]);
  EXPECT_EQ(std::count(tokens.begin(), tokens.end(), "\"Save\""), 0);
}

}  // namespace
}  // namespace iescan::scanner::testing
