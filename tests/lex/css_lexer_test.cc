// LexCss and CssDeclarations: IE hacks, filters, behaviours, expressions, at-rules.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "scanner/lex/lexers.h"
#include "tests/lex/lex_test_util.h"

namespace iescan::scanner {
namespace {

using testing::CheckInvariants;
using testing::Describe;
using Strings = std::vector<std::string>;

struct Case {
  std::string input;
  Strings expected;
};

TEST(LexCssTest, IeHacksStayVisible) {
  const std::vector<Case> cases = {
      {".a{*zoom:1;_height:1px}",
       {"delim:.", "id:a", "punct:{", "delim:*", "id:zoom", "punct::", "num:1", "punct:;",
        "delim:_", "id:height", "punct::", "num:1px", "punct:}"}},
      {"color:red\\9;", {"id:color", "punct::", "id:red", "delim:\\9", "punct:;"}},
      {"width:100px \\9", {"id:width", "punct::", "num:100px", "delim:\\9"}},
      {"color:#fff\\9", {"id:color", "punct::", "hash:#fff", "delim:\\9"}},
      {"margin:0 auto\\0/", {"id:margin", "punct::", "num:0", "id:auto", "delim:\\0", "delim:/"}},
      {"@media \\0screen {}", {"at:@media", "delim:\\0", "id:screen", "punct:{", "punct:}"}},
      {"color:red !ie", {"id:color", "punct::", "id:red", "delim:!", "id:ie"}},
      {"color:red!important", {"id:color", "punct::", "id:red", "delim:!", "id:important"}},
      // A real escape stays inside the identifier; an underscore inside a value does not
      // split.
      {"\\31 0:x_y", {"id:\\31 0", "punct::", "id:x_y"}},
      {"*html .b{}", {"delim:*", "id:html", "delim:.", "id:b", "punct:{", "punct:}"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.input);
    const Tokens tokens = LexCss(c.input);
    EXPECT_EQ(Describe(c.input, tokens), c.expected);
    EXPECT_EQ(CheckInvariants(c.input, tokens), "");
  }
}

TEST(LexCssTest, FiltersBehavioursExpressions) {
  const std::vector<Case> cases = {
      {"filter: progid:DXImageTransform.Microsoft.Alpha(Opacity=50);",
       {"id:filter", "punct::", "id:progid", "punct::", "id:DXImageTransform", "delim:.",
        "id:Microsoft", "delim:.", "fn:Alpha(", "id:Opacity", "delim:=", "num:50", "punct:)",
        "punct:;"}},
      {"filter:alpha(opacity=50)",
       {"id:filter", "punct::", "fn:alpha(", "id:opacity", "delim:=", "num:50", "punct:)"}},
      {"-ms-filter: \"progid:x\"", {"id:-ms-filter", "punct::", "str:\"progid:x\""}},
      {"behavior: url(#default#userData);",
       {"id:behavior", "punct::", "url:url(#default#userData)", "punct:;"}},
      {"behavior:url( 'hover.htc' )",
       {"id:behavior", "punct::", "fn:url(", "str:'hover.htc'", "punct:)"}},
      {R"(width: expression(document.body.clientWidth > 800 ? "800px" : "auto");)",
       {"id:width", "punct::", "fn:expression(", "id:document", "delim:.", "id:body", "delim:.",
        "id:clientWidth", "delim:>", "num:800", "delim:?", "str:\"800px\"",
        "punct::", "str:\"auto\"", "punct:)", "punct:;"}},
      {"/* behavior: url(x.htc) */ a", {"comment:/* behavior: url(x.htc) */", "id:a"}},
      {"<!-- p{} -->", {"comment:<!--", "id:p", "punct:{", "punct:}", "comment:-->"}},
      {"@import url(a.css); @charset \"x\";",
       {"at:@import", "url:url(a.css)", "punct:;", "at:@charset", "str:\"x\"", "punct:;"}},
      {"margin:-1.5em 50% +2px 1e3",
       {"id:margin", "punct::", "num:-1.5em", "num:50%", "num:+2px", "num:1e3"}},
      {"--main-color: #06c", {"id:--main-color", "punct::", "hash:#06c"}},
      // Unterminated constructs.
      {"a{b:'open\n}", {"id:a", "punct:{", "id:b", "punct::", "str:'open", "punct:}"}},
      {"x /* open", {"id:x", "comment:/* open"}},
      {"background:url(a.png", {"id:background", "punct::", "url:url(a.png"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.input);
    const Tokens tokens = LexCss(c.input);
    EXPECT_EQ(Describe(c.input, tokens), c.expected);
    EXPECT_EQ(CheckInvariants(c.input, tokens), "");
  }
}

TEST(LexCssTest, OffsetsAndNewlines) {
  const std::string text = "p {\n  zoom: 1\\9;\n}";
  const Tokens tokens = LexCss(text);
  ASSERT_EQ(tokens.size(), 8u);
  EXPECT_EQ(tokens[2].Text(text), "zoom");
  EXPECT_EQ(tokens[2].begin, 6u);
  EXPECT_TRUE(tokens[2].newline_before);
  EXPECT_EQ(tokens[5].kind, TokenKind::kDelim);
  EXPECT_EQ(tokens[5].begin, 13u);
  EXPECT_EQ(tokens[5].end, 15u);
  EXPECT_TRUE(tokens[7].newline_before);
}

// Renders each declaration as "[hack]property: value tokens" joined by spaces.
Strings DescribeDeclarations(const std::string& text, bool inline_style) {
  const Tokens tokens = LexCss(text);
  Strings out;
  for (const CssDeclaration& d : CssDeclarations(text, tokens, inline_style)) {
    std::string s;
    if (d.hack != 0) s += d.hack;
    s += tokens[d.property_token].Text(text);
    s += ":";
    for (uint32_t i = d.value_begin; i < d.value_end; ++i) {
      s += ' ';
      s += tokens[i].Text(text);
    }
    out.push_back(std::move(s));
  }
  return out;
}

TEST(CssDeclarationsTest, SheetsAndNesting) {
  const std::string sheet =
      "@charset \"utf-8\";\n"
      "a:hover, .x > b { color: red\\9; *zoom: 1; _height: 1px }\n"
      "@media \\0screen { .c { width: expression(a ? '1;}' : 2) !important; } }\n"
      "@font-face { font-family: F; src: url(f.eot) }\n"
      "@-webkit-keyframes k { from { opacity: 0 } 50% { opacity: .5 } }\n"
      ".d { filter: progid:DXImageTransform.Microsoft.Alpha(Opacity=50) /* c */ ; }\n"
      ".e { behavior: url(#default#userData) }";
  EXPECT_EQ(DescribeDeclarations(sheet, false),
            (Strings{"color: red \\9", "*zoom: 1", "_height: 1px",
                     "width: expression( a ? '1;}' : 2 ) ! important", "font-family: F",
                     "src: url(f.eot)", "opacity: 0", "opacity: .5",
                     "filter: progid : DXImageTransform . Microsoft . Alpha( Opacity = 50 )",
                     "behavior: url(#default#userData)"}));
}

TEST(CssDeclarationsTest, InlineStyleAndMalformedInput) {
  EXPECT_EQ(DescribeDeclarations("*zoom:1; color : blue ;; _top:0", true),
            (Strings{"*zoom: 1", "color: blue", "_top: 0"}));
  // A style sheet's top level holds selectors, not declarations.
  EXPECT_EQ(DescribeDeclarations("color: red; p { margin: 0 }", false), (Strings{"margin: 0"}));
  EXPECT_EQ(DescribeDeclarations("p { color: }", false), (Strings{"color:"}));
  EXPECT_EQ(DescribeDeclarations("} } p { a: b", false), (Strings{"a: b"}));
  EXPECT_EQ(DescribeDeclarations("p { 1: x; a b: c; d: e }", false), (Strings{"d: e"}));
  // Nested rules inside a declaration block.
  EXPECT_EQ(DescribeDeclarations("p { a: 1; &:hover { b: 2 } c: 3 }", false),
            (Strings{"a: 1", "b: 2", "c: 3"}));
  const std::string deep(100000, '{');
  EXPECT_TRUE(CssDeclarations(deep, LexCss(deep), false).empty());
}

TEST(CssDeclarationsTest, TokenIndices) {
  const std::string text = "p{_width:2px}";
  const Tokens tokens = LexCss(text);
  const std::vector<CssDeclaration> found = CssDeclarations(text, tokens, false);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].property_token, 3u);
  EXPECT_EQ(found[0].value_begin, 5u);
  EXPECT_EQ(found[0].value_end, 6u);
  EXPECT_EQ(found[0].hack, '_');
}

TEST(CssStringValueTest, StringsAndUrls) {
  EXPECT_EQ(CssStringValue("\"a\\\"b\""), "a\"b");
  EXPECT_EQ(CssStringValue("'hover.htc'"), "hover.htc");
  EXPECT_EQ(CssStringValue("\"\\41 x\""), "Ax");
  EXPECT_EQ(CssStringValue("\"\\e9\""), "\xC3\xA9");
  EXPECT_EQ(CssStringValue("\"line\\\ncontinued\""), "linecontinued");
  EXPECT_EQ(CssStringValue("url(#default#userData)"), "#default#userData");
  EXPECT_EQ(CssStringValue("url( a\\(b\\).htc )"), "a(b).htc");
  EXPECT_EQ(CssStringValue("url(\"q.htc\")"), "q.htc");
  EXPECT_EQ(CssStringValue("'open"), "open");
}

}  // namespace
}  // namespace iescan::scanner
