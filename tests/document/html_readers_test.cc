// The two HTML readers (HtmlReader in document.h): the token reader, iescan's default, and
// Gumbo's tree builder. Where the HTML tokenizer decides (script data and its escapes, raw
// text, RCDATA, comment forms, duplicate attributes, a tag cut off at the end) they must
// build the same document; where a tree builder drops tags the author wrote, the token
// reader keeps them.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>

#include "tests/document/document_test_util.h"

namespace iescan::scanner::testing {
namespace {

Built BuildWith(const std::string& text, HtmlReader reader) {
  BuildOptions options;
  options.html_reader = reader;
  return Build(text, FileKind::kHtml, ServerDialect::kNone, options);
}

// Elements with their attributes, comments and regions, one a line, in document order.
std::string Describe(const Built& b) {
  std::ostringstream out;
  for (const Element& e : b.doc.elements) {
    out << "<" << e.tag << "> " << Loc(*b.file, e.offset) << (e.ie_only ? " ie-only" : "");
    for (const Attribute& a : e.attributes) {
      out << " " << a.name << "@" << Loc(*b.file, a.name_offset);
      if (a.has_value) out << "=[" << a.value << "]@" << Loc(*b.file, a.value_offset);
    }
    out << "\n";
  }
  for (const Comment& c : b.doc.comments) {
    out << "comment " << static_cast<int>(c.kind) << " [" << c.text << "] "
        << Loc(*b.file, c.offset) << "\n";
  }
  for (const Region& r : b.doc.regions) {
    out << "region " << LanguageName(r.language) << " " << static_cast<int>(r.context) << " ["
        << r.text << "] " << RegionLoc(b.doc, r) << "\n";
  }
  return out.str();
}

// Builds `text` with both readers, expects the same document and returns it.
std::string Same(const std::string& text) {
  Built tokens = BuildWith(text, HtmlReader::kTokens);
  Built gumbo = BuildWith(text, HtmlReader::kGumbo);
  std::string described = Describe(tokens);
  EXPECT_EQ(described, Describe(gumbo)) << text;
  return described;
}

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

TEST(HtmlReaders, ScriptDataEscapesKeepWrittenScriptTagsInside) {
  // Inside "<!--", a "<script>" double-escapes: its "</script>" does not end the block.
  std::string d = Same(
      "<script><!--\n"
      "document.write(\"<script src='x.js'></script>\"); window.attachEvent('onload', f);\n"
      "--></script>\n"
      "<p onclick=\"g()\">x</p>\n");
  EXPECT_NE(d.find("window.attachEvent('onload', f);\n-->] 1:9"), std::string::npos) << d;
  EXPECT_NE(d.find("<p> 4:1 onclick@4:4=[g()]@4:13"), std::string::npos) << d;
  // The written tag is no element of the page, only of the string's own sub-document.
  EXPECT_NE(d.find("<script> 1:1\n"), std::string::npos) << d;
  EXPECT_NE(d.find("<script> 2:17 src@2:25=[x.js]@2:30"), std::string::npos) << d;
  EXPECT_EQ(Count(d, "<script>"), 2u) << d;
}

TEST(HtmlReaders, ScriptEndsAtAnyCaseEndTagWithSpaceOrSlash) {
  std::string d = Same("<SCRIPT>a()</SCRIPT >\n<script>b()</script/>\n<script>c()</scripts>d()");
  EXPECT_NE(d.find("region js 1 [a()] 1:9"), std::string::npos) << d;
  EXPECT_NE(d.find("region js 1 [b()] 2:9"), std::string::npos) << d;
  // "</scripts>" is not the end tag: the rest of the text is script.
  EXPECT_NE(d.find("region js 1 [c()</scripts>d()] 3:9"), std::string::npos) << d;
}

TEST(HtmlReaders, RawTextAndRcdataHoldNoElements) {
  std::string d = Same(
      "<style>a { behavior: url(h.htc) } </p><div onclick=x()></style>\n"
      "<textarea><img dynsrc=\"a.avi\"></textarea>\n"
      "<title><script>alert(1)</script></title>\n"
      "<xmp><object classid=\"clsid:0\"></xmp><b id=after></b>\n");
  EXPECT_EQ(Count(d, "<div>"), 0u) << d;
  EXPECT_EQ(Count(d, "<img>"), 0u) << d;
  EXPECT_EQ(Count(d, "<script>"), 0u) << d;
  EXPECT_EQ(Count(d, "<object>"), 0u) << d;
  EXPECT_NE(d.find("<b> 4:38 id@4:41=[after]@4:44"), std::string::npos) << d;
  EXPECT_NE(d.find("region css 4 [a { behavior: url(h.htc) } </p><div onclick=x()>] 1:8"),
            std::string::npos)
      << d;
}

TEST(HtmlReaders, CommentForms) {
  std::string d = Same(
      "<!--> <i id=a></i> <!---> <i id=b></i>\n"
      "<!-- x --!> <i id=c></i> <!-- y -- z --> <i id=d></i>\n"
      "<?import namespace=\"t\" implementation=\"t.htc\"?> <! bogus > </ also-bogus>\n"
      "<![if !IE]><i id=e></i><![endif]>\n");
  EXPECT_EQ(Count(d, "<i>"), 5u) << d;
  EXPECT_NE(d.find("<?import> 3:1 namespace@3:10=[t]@3:21"), std::string::npos) << d;
  EXPECT_NE(d.find("comment 0 [ x ] 2:1"), std::string::npos) << d;
  EXPECT_NE(d.find("comment 0 [ y -- z ] 2:26"), std::string::npos) << d;
  EXPECT_NE(d.find("comment 0 [ bogus ] 3:49"), std::string::npos) << d;
  EXPECT_NE(d.find("comment 0 [ also-bogus] 3:60"), std::string::npos) << d;
  EXPECT_NE(d.find("comment 2 [[if !IE]] 4:1"), std::string::npos) << d;
}

TEST(HtmlReaders, AttributesAsTheTokenizerReadsThem) {
  std::string d = Same(
      "<a href=list.asp?a=1&amp;b=2 title='x > y' ONCLICK=\"f()\" onclick=\"g()\"\n"
      "   data-x=\"&lt;b&gt;\"selected/>link</a>\n"
      "<input value=>\n");
  EXPECT_NE(d.find("href@1:4=[list.asp?a=1&b=2]@1:9"), std::string::npos) << d;
  EXPECT_NE(d.find("title@1:30=[x > y]@1:37"), std::string::npos) << d;
  // The first of two same-named attributes wins.
  EXPECT_NE(d.find("onclick@1:44=[f()]@1:53"), std::string::npos) << d;
  EXPECT_EQ(Count(d, "[g()]"), 0u) << d;
  EXPECT_NE(d.find("data-x@2:4=[<b>]@2:12 selected@2:22"), std::string::npos) << d;
  // "value=" with nothing before ">" holds no value.
  EXPECT_NE(d.find("<input> 3:1 value@3:8\n"), std::string::npos) << d;
}

TEST(HtmlReaders, TagCutOffAtTheEndIsDropped) {
  std::string d = Same("<p>ok</p>\n<div onclick=\"x()\"");
  EXPECT_EQ(Count(d, "<div>"), 0u) << d;
  EXPECT_EQ(Count(d, "region"), 0u) << d;
  d = Same("<b>x</b><img src=\"a.gif");
  EXPECT_EQ(Count(d, "<img>"), 0u) << d;
}

TEST(HtmlReaders, ImageIsReadAsImgAndPlaintextEndsMarkup) {
  std::string d = Same("<image src=a.gif><plaintext><div onclick=x()>");
  EXPECT_NE(d.find("<img> 1:1 src@1:8=[a.gif]@1:12"), std::string::npos) << d;
  EXPECT_EQ(Count(d, "<div>"), 0u) << d;
}

TEST(HtmlReaders, ConditionalCommentMarkupIsIeOnlyInBoth) {
  std::string d = Same(
      "<!--[if lt IE 8]><script>document.all.x.style.zoom = 1;</script><![endif]-->\n"
      "<p>x</p>\n");
  EXPECT_NE(d.find("<script> 1:18 ie-only"), std::string::npos) << d;
  EXPECT_NE(d.find("region js 1 [document.all.x.style.zoom = 1;] 1:26"), std::string::npos) << d;
}

// Where the readers differ: a tree builder merges a second <body> into the first (keeping
// the first's onload) and drops every tag after </frameset> but <frame> and <noframes>.
// Internet Explorer ran both handlers and scripts; the token reader reports them.
TEST(HtmlReaders, TagsATreeBuilderDropsAreKeptByTheTokenReader) {
  const std::string text =
      "<html><body onload=\"a()\">\n"
      "<body onload=\"document.all.b.focus()\">\n"
      "</body></html>\n";
  std::string tokens = Describe(BuildWith(text, HtmlReader::kTokens));
  std::string gumbo = Describe(BuildWith(text, HtmlReader::kGumbo));
  EXPECT_NE(tokens.find("region js 2 [document.all.b.focus()] 2:15"), std::string::npos) << tokens;
  EXPECT_EQ(gumbo.find("document.all.b.focus()"), std::string::npos) << gumbo;

  const std::string frames =
      "<html><frameset rows=\"*\"><frame src=\"a.htm\"></frameset>\n"
      "<script>window.showModalDialog('b.htm');</script></html>\n";
  tokens = Describe(BuildWith(frames, HtmlReader::kTokens));
  gumbo = Describe(BuildWith(frames, HtmlReader::kGumbo));
  EXPECT_NE(tokens.find("<frame> 1:26 src@1:33=[a.htm]@1:38"), std::string::npos) << tokens;
  EXPECT_NE(gumbo.find("<frame> 1:26 src@1:33=[a.htm]@1:38"), std::string::npos) << gumbo;
  EXPECT_NE(tokens.find("region js 1 [window.showModalDialog('b.htm');] 2:9"), std::string::npos)
      << tokens;
  EXPECT_EQ(gumbo.find("showModalDialog"), std::string::npos) << gumbo;
}

TEST(HtmlReaders, HandlerLanguageFromTheFirstScriptNamingOneAnywhere) {
  std::string d = Same(
      "<body onload=\"MsgBox 1\">\n"
      "<script>var a;</script>\n"
      "<script language=\"VBScript\">Sub x\nEnd Sub</script>\n");
  EXPECT_NE(d.find("region vbs 2 [MsgBox 1] 1:15"), std::string::npos) << d;
}

// The token reader walks tags as it reads them but holds them back from the first handler
// until the language is known: what it holds keeps its order, parents and comments.
TEST(HtmlReaders, HandlersHeldUntilTheLanguageIsKnownKeepTheirOrder) {
  std::string d = Same(
      "<div id=a><p onclick=\"x = 1\">t<!-- c --></p></div>\n"
      "<script type=\"text/vbscript\">Dim y</script>\n"
      "<span onmouseover=\"MsgBox 2\" language=\"javascript\" onblur=\"y()\"></span>\n");
  EXPECT_NE(d.find("<div> 1:1 id@1:6=[a]@1:9\n<p> 1:11 onclick@1:14=[x = 1]@1:23\n"
                   "<script> 2:1"),
            std::string::npos)
      << d;
  EXPECT_NE(d.find("comment 0 [ c ] 1:31"), std::string::npos) << d;
  EXPECT_NE(d.find("region vbs 2 [x = 1] 1:23"), std::string::npos) << d;
  // An element's own language attribute wins over the page's.
  EXPECT_NE(d.find("region js 2 [MsgBox 2] 3:20"), std::string::npos) << d;
  EXPECT_NE(d.find("region js 2 [y()] 3:60"), std::string::npos) << d;
}

// No <script> names a language: handlers are JavaScript, the held tags walked at the end.
TEST(HtmlReaders, HandlersOfAPageWithNoNamedScriptAreJavaScript) {
  std::string d = Same(
      "<body onload=\"init()\"><script>var a;</script>\n"
      "<a href=\"#\" onclick=\"go()\">x</a><img src=x.gif>");
  EXPECT_NE(d.find("region js 2 [init()] 1:15"), std::string::npos) << d;
  EXPECT_NE(d.find("region js 2 [go()] 2:22"), std::string::npos) << d;
  EXPECT_NE(d.find("<img> 2:33"), std::string::npos) << d;
}

}  // namespace
}  // namespace iescan::scanner::testing

namespace iescan::scanner::testing {
namespace {

// Hostile script data: an escape ("<!--") followed by 4 MiB of '<' and no "-->". The token
// reader looks for the escape's end once, not once per '<': searching the rest of the text
// at every '<' would take longer than the test's time limit.
TEST(HtmlReaders, EscapedScriptWithManyLessThanSignsIsLinear) {
  const std::string text = "<script><!--\n" + std::string(1 << 22, '<') + "\n<p onclick=\"f()\">";
  Built b = BuildWith(text, HtmlReader::kTokens);
  // Unclosed: everything after <script> is its content, no <p> element.
  ASSERT_EQ(b.doc.elements.size(), 1u);
  EXPECT_EQ(b.doc.elements[0].tag, "script");
  ASSERT_EQ(b.doc.regions.size(), 1u);
  EXPECT_EQ(b.doc.regions[0].text.size(), text.size() - 8);
}

}  // namespace
}  // namespace iescan::scanner::testing

namespace iescan::scanner::testing {
namespace {

// An end tag closes the innermost open element of its name and those inside it; one that
// closes nothing changes nothing. Parents follow.
TEST(HtmlReaders, EndTagsCloseTheirElementOrNothing) {
  std::string text = "<div id=a><span></b></i></span><p id=x>";
  for (int i = 0; i < 100000; ++i) text += "</nothing>";
  text += "</div><p id=y>";
  Built b = BuildWith(text, HtmlReader::kTokens);
  ASSERT_EQ(b.doc.elements.size(), 4u);
  EXPECT_EQ(b.doc.elements[2].tag, "p");
  EXPECT_EQ(b.doc.elements[2].parent, 0);  // inside the div: </b> and </i> closed nothing
  EXPECT_EQ(b.doc.elements[3].tag, "p");
  EXPECT_EQ(b.doc.elements[3].parent, -1);  // </div> closed the div and the first p
}

}  // namespace
}  // namespace iescan::scanner::testing

namespace iescan::scanner::testing {
namespace {

// The element array is reserved once from the page's count of '<', but never past one
// element per 16 bytes: a megabyte of '<' (no element at all) must not reserve 70 bytes
// of address space per byte, and a real page gets its elements without regrowth.
TEST(HtmlReaders, ElementReservationIsBoundedByTheTextSize) {
  const std::string flood(1 << 20, '<');
  Built b = BuildWith(flood, HtmlReader::kTokens);
  EXPECT_TRUE(b.doc.elements.empty());
  EXPECT_LE(b.doc.elements.capacity(), flood.size() / 16 + 16);
  std::string page = "<html><body>";
  for (int i = 0; i < 5000; ++i) page += "<p id=x>t</p>";
  Built p = BuildWith(page, HtmlReader::kTokens);
  ASSERT_EQ(p.doc.elements.size(), 5002u);
  EXPECT_LE(p.doc.elements.capacity(), static_cast<size_t>(std::count(page.begin(), page.end(), '<')));
}

}  // namespace
}  // namespace iescan::scanner::testing

namespace iescan::scanner::testing {
namespace {

// The reader numbers a page's tag names as it meets them (its table grows past the first
// few dozen) and matches end tags by number: case does not matter, <image> is <img> and
// void, a comment between tags carries no name, and tokens held back until the handler
// language is known (here by a later VBScript <script>) keep their names and parents.
TEST(HtmlReaders, EndTagsFindTheirElementAmongManyNames) {
  std::string text = "<DIV id=root onclick=\"go\">";
  for (int i = 0; i < 200; ++i) text += "<x-tag" + std::to_string(i) + ">";
  for (int i = 199; i >= 100; --i) text += "</X-TAG" + std::to_string(i) + "><!-- c -->";
  text += "<Image src=a.gif><p id=inner></P></x-tag0></dIV><p id=outer>";
  text += "<script language=vbscript>MsgBox 1</script>";
  Built b = BuildWith(text, HtmlReader::kTokens);
  ASSERT_EQ(b.doc.elements.size(), 205u);
  EXPECT_EQ(b.doc.elements[0].tag, "div");
  EXPECT_EQ(b.doc.elements[200].tag, "x-tag199");
  EXPECT_EQ(b.doc.elements[200].parent, 199);
  // After </x-tag199> ... </x-tag100>, x-tag99 (element 100) is the innermost open one.
  const Element& image = b.doc.elements[201];
  EXPECT_EQ(image.tag, "img");
  EXPECT_EQ(image.parent, 100);
  const Element& inner = b.doc.elements[202];
  EXPECT_EQ(inner.tag, "p");
  EXPECT_EQ(inner.parent, 100);  // the img is void: it holds nothing
  const Element& outer = b.doc.elements[203];
  ASSERT_NE(outer.Find("id"), nullptr);
  EXPECT_EQ(outer.Find("id")->value, "outer");
  EXPECT_EQ(outer.parent, -1);  // </dIV> closed the div and everything in it
  EXPECT_EQ(b.doc.elements[204].tag, "script");
  EXPECT_EQ(b.doc.elements[204].parent, 203);  // inside the open <p id=outer>
  // The handler ran in the language of the VBScript <script> that came after it.
  bool vbs_handler = false;
  for (const Region& r : b.doc.regions) {
    if (r.text == "go" && r.language == Language::kVbs) vbs_handler = true;
  }
  EXPECT_TRUE(vbs_handler);
}

}  // namespace
}  // namespace iescan::scanner::testing
