// Link discovery from markup, CSS and script, through the scanner's own
// Document.
#include "scanner/crawl/links.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "scanner/crawl/content_type.h"
#include "scanner/decode/text_file.h"

namespace iescan::scanner {
namespace {

PageLinks LinksOf(const std::string& text, KindInfo kind, LinkOptions options = {}) {
  Blob blob;
  blob.origin.display = "test";
  blob.bytes = text;
  Result<TextFile> file = Decode(blob);
  EXPECT_TRUE(file.ok());
  Result<Document> doc = BuildDocument(*file, kind);
  EXPECT_TRUE(doc.ok()) << doc.status().message();
  if (!doc.ok()) return {};
  return ExtractLinks(*doc, options);
}

KindInfo Html() { return {FileKind::kHtml, ServerDialect::kNone}; }

TEST(Links, HtmlElements) {
  const std::string page =
      "<html><head>\n"
      "<base href=\"http://h/app/\">\n"
      "<meta http-equiv=\"Refresh\" content=\"5; URL='next.asp'\">\n"
      "<link rel=\"stylesheet\" href=\"css/a.css\">\n"
      "<link rel=\"shortcut icon\" href=\"favicon.ico\">\n"
      "<script src=\"js/a.js\"></script>\n"
      "</head>\n"
      "<body><a href=\"list.asp?x=1&amp;y=2\">l</a> <a href=\"#top\">t</a>\n"
      "<a href=\"js/a.js\">again</a> <map><area href=\"map.htm\"></map>\n"
      "<iframe src=\"frame.htm\"></iframe><object "
      "data=\"movie.htm\"></object>\n"
      "<embed src=\"e.svg\"><xml id=\"d\" src=\"data.xml\"></xml>\n"
      "<form action=\"search.asp\"></form><form method=\"post\" "
      "action=\"save.asp\"></form>\n"
      "<img src=\"no.gif\">\n"
      "</body></html>\n";
  PageLinks links = LinksOf(page, Html());
  EXPECT_EQ(links.base, "http://h/app/");
  EXPECT_EQ(links.links,
            (std::vector<std::string>{"next.asp", "css/a.css", "js/a.js", "list.asp?x=1&y=2",
                                      "map.htm", "frame.htm", "movie.htm", "e.svg", "data.xml"}));
  PageLinks with_forms = LinksOf(page, Html(), LinkOptions{true});
  EXPECT_EQ(with_forms.links.back(), "search.asp");
  EXPECT_EQ(with_forms.links.size(), links.links.size() + 1);
}

TEST(Links, FramesAndElementsInsideConditionalComments) {
  const std::string page =
      "<html><head>\n"
      "<!--[if lt IE 8]><script src=\"js/ie7.js\"></script><![endif]-->\n"
      "</head>\n"
      "<frameset cols=\"180,*\"><frame src=\"menu.asp\"><frame "
      "src=\"main.asp\"></frameset>\n"
      "</html>\n";
  std::vector<std::string> links = LinksOf(page, Html()).links;
  std::sort(links.begin(), links.end());
  EXPECT_EQ(links, (std::vector<std::string>{"js/ie7.js", "main.asp", "menu.asp"}));
}

TEST(Links, StringsThatAreCodeCount) {
  const std::string page =
      "<script>\n"
      "document.write('<script src=\"written.js\"></scr' + 'ipt>');\n"
      "document.write('<iframe src=\"frame2.htm\"></iframe>');\n"
      "</script>\n";
  std::vector<std::string> links = LinksOf(page, Html()).links;
  EXPECT_NE(std::find(links.begin(), links.end(), "frame2.htm"), links.end());
}

TEST(Links, CssUrlsImportsAndBehaviors) {
  const std::string sheet =
      "@import \"base.css\";\n"
      "@import url(print.css) print;\n"
      ".cal { behavior: url(../htc/calendar.htc); "
      "background: url('img/bg.gif'); }\n"
      "/* url(commented.css) */\n"
      ".x { behavior:url(\"hover.htc\") }\n";
  PageLinks links = LinksOf(sheet, {FileKind::kCss, ServerDialect::kNone});
  EXPECT_EQ(links.links, (std::vector<std::string>{"base.css", "print.css", "../htc/calendar.htc",
                                                   "img/bg.gif", "hover.htc"}));
  PageLinks inline_style = LinksOf(
      "<div style=\"behavior:url(#default#VML) url(x.htc)\"></div>\n"
      "<style>td { behavior: url(td.htc) }</style>\n",
      Html());
  EXPECT_EQ(inline_style.links, (std::vector<std::string>{"x.htc", "td.htc"}));
}

TEST(Links, ScriptNavigationLiterals) {
  const std::string script =
      "window.open(\"detail.asp\", \"w\");\n"
      "open('popup.htm');\n"
      "xhr.open(\"GET\", \"api/data\");\n"
      "document.open();\n"
      "var r = window.showModalDialog(\"dlg/select.asp\", args, "
      "\"dialogWidth:300px\");\n"
      "showModelessDialog('dlg/help.htm');\n"
      "top.location.href = \"logout.asp\";\n"
      "location = 'home.asp';\n"
      "location.replace(\"moved.asp\");\n"
      "window.navigate(\"nav.asp\");\n"
      "location.href = \"edit.asp?id=\" + id;\n"
      "location.href = \"pages/\" + name + \".asp\";\n"
      "if (location == \"x.asp\") {}\n"
      "// window.open('commented.asp');\n";
  PageLinks links = LinksOf(script, {FileKind::kJs, ServerDialect::kNone});
  EXPECT_EQ(links.links, (std::vector<std::string>{"detail.asp", "popup.htm", "dlg/select.asp",
                                                   "dlg/help.htm", "logout.asp", "home.asp",
                                                   "moved.asp", "nav.asp", "edit.asp"}));
}

TEST(Links, VbscriptNavigationIsCaseInsensitive) {
  const std::string page =
      "<script type=\"text/vbscript\">\n"
      "Sub Go()\n"
      "  Window.Open \"report.asp\", \"r\"\n"
      "  ret = window.showModalDialog(\"pick.asp?k=\" & k)\n"
      "  Top.Location.Href = \"logout.asp\"\n"
      "End Sub\n"
      "</script>\n";
  PageLinks links = LinksOf(page, Html());
  EXPECT_EQ(links.links, (std::vector<std::string>{"report.asp", "pick.asp", "logout.asp"}));
}

TEST(Links, ServerCodeMakesAttributesDynamic) {
  const std::string page =
      "<%@ page contentType=\"text/html\" %>\n"
      "<link rel=\"stylesheet\" href=\"<%= ctx %>/css/a.css\">\n"
      "<a href=\"edit.jsp?no=<%= s.getNo() %>\">e</a>\n"
      "<a href=\"<%= url %>\">u</a>\n"
      "<a href=\"plain.jsp\">p</a>\n";
  PageLinks links = LinksOf(page, {FileKind::kHtml, ServerDialect::kJsp});
  EXPECT_EQ(links.links, (std::vector<std::string>{"edit.jsp", "plain.jsp"}));
}

TEST(Links, SitemapLocations) {
  const std::string xml =
      "<?xml version=\"1.0\"?>\n<urlset>\n"
      "<url><loc>http://h/a.asp?x=1&amp;y=2</loc></url>\n"
      "<url><loc><![CDATA[http://h/b.asp]]></loc></url>\n"
      "<url><loc>http://h/c.asp</loc></url>\n</urlset>\n";
  EXPECT_EQ(
      SitemapLocations(xml, 10),
      (std::vector<std::string>{"http://h/a.asp?x=1&y=2", "http://h/b.asp", "http://h/c.asp"}));
  EXPECT_EQ(SitemapLocations(xml, 1).size(), 1u);
}

TEST(ContentType, MediaTypesCharsetsAndKinds) {
  ContentType t = ParseContentType("Text/HTML; charset=\"Shift_JIS\"");
  EXPECT_EQ(t.media_type, "text/html");
  EXPECT_EQ(t.charset, "Shift_JIS");
  EXPECT_EQ(ParseContentType("text/css;foo=bar; Charset=utf-8").charset, "utf-8");
  EXPECT_EQ(ParseContentType("").media_type, "");
  EXPECT_EQ(KindFromMediaType("text/x-component").kind, FileKind::kHtc);
  EXPECT_EQ(KindFromMediaType("application/x-javascript").kind, FileKind::kJs);
  EXPECT_EQ(KindFromMediaType("text/vbscript").kind, FileKind::kVbs);
  EXPECT_EQ(KindFromMediaType("application/rss+xml").kind, FileKind::kXml);
  EXPECT_EQ(KindFromMediaType("image/png").kind, FileKind::kUnknown);
  // The URL's extension wins, then the media type, then the content.
  KindInfo asp = CrawledKind("/app/list.asp", "text/html", "");
  EXPECT_EQ(asp.kind, FileKind::kHtml);
  EXPECT_EQ(asp.server, ServerDialect::kAsp);
  EXPECT_EQ(CrawledKind("/app/list.do", "text/css", "").kind, FileKind::kCss);
  EXPECT_EQ(CrawledKind("/app/", "", "<!DOCTYPE html><html>").kind, FileKind::kHtml);
  EXPECT_EQ(CrawledKind("/app/x", "text/plain", "hello").kind, FileKind::kUnknown);
  EXPECT_TRUE(IsNonCodeExtension("/img/Logo.GIF"));
  EXPECT_FALSE(IsNonCodeExtension("/app/x.htc"));
  EXPECT_TRUE(IsNonCodeMediaType("image/gif"));
  EXPECT_FALSE(IsNonCodeMediaType("text/html"));
}

}  // namespace
}  // namespace iescan::scanner
