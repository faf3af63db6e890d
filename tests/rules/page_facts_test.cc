// Per-file facts of a scan: the document mode a page was built for, and the resources a
// file loads.
#include <gtest/gtest.h>

#include "rules_test_util.h"

namespace iescan::rules {
namespace {

using scanner::FileKind;
using testing::MakeFile;
using V = std::vector<std::string>;

FileScan ScanWith(const std::string& text, scanner::KindInfo kind,
                  std::vector<std::pair<std::string, std::string>> headers = {}) {
  Catalog catalog;  // no rules: the facts do not depend on the catalogue
  Engine engine(catalog, EngineOptions{});
  scanner::TextFile file = MakeFile(text);
  file.headers = std::move(headers);
  Result<FileScan> scan = engine.ScanFile(file, kind);
  EXPECT_TRUE(scan.ok()) << scan.status().message();
  return scan.ok() ? std::move(scan).value() : FileScan{};
}

FileScan ScanAs(const std::string& text, FileKind kind) {
  return ScanWith(text, testing::Kind(kind));
}

TEST(DocumentModeTest, MetaEmulateModeWithStandardsDoctype) {
  FileScan scan = ScanAs(
      "<!DOCTYPE html>\n"
      "<html><head>\n"
      "<meta http-equiv=\"X-UA-Compatible\" content=\"IE=EmulateIE8\">\n"
      "</head><body></body></html>\n",
      FileKind::kHtml);
  EXPECT_TRUE(scan.built);
  EXPECT_EQ(scan.doc_mode.built_for, "IE8");
  EXPECT_EQ(scan.doc_mode.compat_mode, "IE8");
  EXPECT_EQ(scan.doc_mode.evidence,
            (V{"line 1: <!DOCTYPE html> (standards mode)",
               "line 3: <meta http-equiv=\"X-UA-Compatible\" content=\"IE=EmulateIE8\">"}));
}

TEST(DocumentModeTest, NoDoctypeIsQuirks) {
  FileScan scan =
      ScanAs("<html><body><table><tr><td>x</td></tr></table></body></html>\n", FileKind::kHtml);
  EXPECT_EQ(scan.doc_mode.built_for, "quirks");
  EXPECT_EQ(scan.doc_mode.compat_mode, "IE5");
  EXPECT_EQ(scan.doc_mode.evidence, V{"line 1: no doctype (quirks mode)"});
  // EmulateIE7 without a doctype emulates IE7's quirks mode, IE5.
  scan = ScanAs("<meta http-equiv=X-UA-Compatible content=\"IE=EmulateIE7\">\n<p>x</p>\n",
                FileKind::kHtml);
  EXPECT_EQ(scan.doc_mode.built_for, "IE5");
}

TEST(DocumentModeTest, HeaderModesHighestWinsAndEdge) {
  const std::string page = "<!DOCTYPE html>\n<html><body>x</body></html>\n";
  FileScan scan =
      ScanWith(page, testing::Kind(FileKind::kHtml), {{"x-ua-compatible", "IE=8; IE=9"}});
  EXPECT_EQ(scan.doc_mode.built_for, "IE9");
  EXPECT_EQ(scan.doc_mode.compat_mode, "IE9");
  EXPECT_EQ(scan.doc_mode.evidence.back(), "HTTP header X-UA-Compatible: IE=8; IE=9");
  scan = ScanAs("<!DOCTYPE html>\n<meta http-equiv=\"x-ua-compatible\" content=\"IE=edge\">\n",
                FileKind::kHtml);
  EXPECT_EQ(scan.doc_mode.built_for, "edge");
  EXPECT_EQ(scan.doc_mode.compat_mode, "Default");
}

TEST(DocumentModeTest, StandardsWithConditionalCommentsAndHta) {
  FileScan scan = ScanAs(
      "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\" "
      "\"http://www.w3.org/TR/html4/strict.dtd\">\n"
      "<html><head>\n"
      "<link rel=\"stylesheet\" href=\"site.css\">\n"
      "<!--[if lt IE 9]><script src=\"html5shiv.js\"></script><![endif]-->\n"
      "</head></html>\n",
      FileKind::kHtml);
  EXPECT_EQ(scan.doc_mode.built_for, "standards");
  EXPECT_EQ(scan.doc_mode.compat_mode, "Default");
  ASSERT_EQ(scan.doc_mode.evidence.size(), 2u);
  EXPECT_EQ(scan.doc_mode.evidence[1], "line 4: conditional comment [if lt IE 9]");
  scan = ScanAs("<!DOCTYPE html>\n<html><head><hta:application id=app></head></html>\n",
                FileKind::kHta);
  EXPECT_EQ(scan.doc_mode.built_for, "IE7");
  EXPECT_EQ(scan.doc_mode.compat_mode, "IE7");
}

TEST(DocumentModeTest, OnlyForPages) {
  FileScan scan = ScanAs("var x = 1;\n", FileKind::kJs);
  EXPECT_FALSE(scan.built);
  EXPECT_EQ(scan.doc_mode.built_for, "");
  EXPECT_TRUE(scan.doc_mode.evidence.empty());
}

TEST(ReferencesTest, PageReferencesInOrderOnce) {
  FileScan scan = ScanAs(
      "<html><head>\n"
      "<link rel=\"shortcut icon\" href=\"favicon.ico\">\n"
      "<link rel=\"Stylesheet\" href=\"css/main.css\">\n"
      "<script src=\"js/app.js\"></script><script src=\"javascript:void(0)\"></script>\n"
      "<style>@import url(\"css/print.css\"); .m { behavior: url(#default#VML) }</style>\n"
      "</head><body>\n"
      "<div style=\"behavior: url(menu.htc)\"></div>\n"
      "<iframe src=\"frames/nav.htm\"></iframe><script src=\"js/app.js\"></script>\n"
      "<!--#include virtual=\"/inc/footer.inc\"-->\n"
      "</body></html>\n",
      FileKind::kHtml);
  EXPECT_EQ(scan.references, (V{"css/main.css", "js/app.js", "css/print.css", "menu.htc",
                                "frames/nav.htm", "/inc/footer.inc"}));
}

TEST(ReferencesTest, StyleSheetAndServerPages) {
  FileScan css = ScanAs(
      "@import url(\"base.css\");\n@import 'theme.css';\n"
      ".x { behavior: url(#default#VML); behavior: url(hover.htc) }\n",
      FileKind::kCss);
  EXPECT_TRUE(css.built);
  EXPECT_EQ(css.references, (V{"base.css", "theme.css", "hover.htc"}));
  scanner::KindInfo jsp{FileKind::kHtml, scanner::ServerDialect::kJsp};
  FileScan page = ScanWith(
      "<%@ include file=\"header.jspf\" %>\n"
      "<jsp:include page=\"/WEB-INF/menu.jsp\" flush=\"true\"/>\n"
      "<p>body</p>\n",
      jsp);
  EXPECT_EQ(page.references, (V{"header.jspf", "/WEB-INF/menu.jsp"}));
  FileScan plain = ScanAs("p { color: red }\n", FileKind::kCss);
  EXPECT_FALSE(plain.built);
  EXPECT_TRUE(plain.references.empty());
}

// Each server-side include form is searched for only where its own word occurs: each one
// alone in a page, in upper case too, is found; "include" elsewhere does not make one.
TEST(ReferencesTest, EachIncludeFormAloneAndInAnyCase) {
  const std::vector<std::pair<std::string, V>> pages = {
      {"<html><body>\n<!--#INCLUDE FILE=\"menu.inc\"-->\n</body></html>\n", V{"menu.inc"}},
      {"<html><body>\n<%@ Include File=\"head.jspf\" %>\n</body></html>\n", V{"head.jspf"}},
      {"<html><body>\n<JSP:INCLUDE page=\"/nav.jsp\"/>\n</body></html>\n", V{"/nav.jsp"}},
      {"<html><body>\n<p>Lists include <a href=\"a.htm\">this</a>.</p>\n</body></html>\n",
       V{}},
  };
  for (const auto& [text, want] : pages) {
    scanner::KindInfo jsp{FileKind::kHtml, scanner::ServerDialect::kJsp};
    EXPECT_EQ(ScanWith(text, jsp).references, want) << text;
  }
}

}  // namespace
}  // namespace iescan::rules
