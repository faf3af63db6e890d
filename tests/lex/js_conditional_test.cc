// LexJs and JScript conditional compilation: /*@ ... @*/ and //@ sections are code.
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

TEST(LexJsConditionalTest, Sections) {
  const std::vector<Case> cases = {
      {"/*@cc_on @if (@_jscript_version >= 5) x = 1; @end @*/",
       {"?cc:@cc_on", "?cc:@if", "?punct:(", "?cc:@_jscript_version", "?punct:>=", "?num:5",
        "?punct:)", "?id:x", "?punct:=", "?num:1", "?punct:;", "?cc:@end"}},
      {"var isIE = /*@cc_on!@*/false;",
       {"kw:var", "id:isIE", "punct:=", "?cc:@cc_on", "?punct:!", "kw:false", "punct:;"}},
      // The else branch between @*/ and /*@ is ordinary code.
      {"/*@if (@_win32) a(); @else @*/ b(); /*@end @*/ c",
       {"?cc:@if", "?punct:(", "?cc:@_win32", "?punct:)", "?id:a", "?punct:(", "?punct:)",
        "?punct:;", "?cc:@else", "id:b", "punct:(", "punct:)", "punct:;", "?cc:@end", "id:c"}},
      {"//@cc_on @set @v = 1\nw",
       {"?cc:@cc_on", "?cc:@set", "?cc:@v", "?punct:=", "?num:1", "id:w"}},
      {"/*@cc_on /*@ x @*/ y", {"?cc:@cc_on", "?id:x", "id:y"}},
      {"/*@ @if (@_mac || @_PowerPC || @_x86 || @_alpha || @_mc680x0) @end */ z",
       {"?cc:@if", "?punct:(", "?cc:@_mac", "?punct:||", "?cc:@_PowerPC", "?punct:||", "?cc:@_x86",
        "?punct:||", "?cc:@_alpha", "?punct:||", "?cc:@_mc680x0", "?punct:)", "?cc:@end", "id:z"}},
      // Inside a section a @-word is a directive whatever it is.
      {"/*@cc_on @_jscript_build @myvar @*/", {"?cc:@cc_on", "?cc:@_jscript_build", "?cc:@myvar"}},
      // Outside a section JScript still knows its own words once compilation is on.
      {"@if (@_win32) x(); @end",
       {"cc:@if", "punct:(", "cc:@_win32", "punct:)", "id:x", "punct:(", "punct:)", "punct:;",
        "cc:@end"}},
      // Comments inside a section are comments.
      {"/*@cc_on // note\n x @*/", {"?cc:@cc_on", "?comment:// note", "?id:x"}},
      // A regex after @if (...) inside a section.
      {"/*@if (@_jscript) /a/.test(s) @end @*/",
       {"?cc:@if", "?punct:(", "?cc:@_jscript", "?punct:)", "?re:/a/", "?punct:.", "?id:test",
        "?punct:(", "?id:s", "?punct:)", "?cc:@end"}},
      // Unterminated: the section runs to the end.
      {"/*@cc_on x", {"?cc:@cc_on", "?id:x"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.input);
    const Tokens tokens = LexJs(c.input);
    EXPECT_EQ(Describe(c.input, tokens), c.expected);
    EXPECT_EQ(CheckInvariants(c.input, tokens), "");
  }
}

TEST(LexJsConditionalTest, ToolAnnotationsStayComments) {
  const std::vector<Case> cases = {
      {"//@ sourceMappingURL=app.js.map", {"comment://@ sourceMappingURL=app.js.map"}},
      {"//@sourceURL=x.js", {"comment://@sourceURL=x.js"}},
      {"var a = /*@__PURE__*/f();",
       {"kw:var", "id:a", "punct:=", "comment:/*@__PURE__*/", "id:f", "punct:(", "punct:)",
        "punct:;"}},
      {"/*@ngInject*/ function C($scope) {}",
       {"comment:/*@ngInject*/", "kw:function", "id:C", "punct:(", "id:$scope", "punct:)",
        "punct:{", "punct:}"}},
      {"/*@preserve keep me*/", {"comment:/*@preserve keep me*/"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.input);
    EXPECT_EQ(Describe(c.input, LexJs(c.input)), c.expected);
  }
}

TEST(LexJsConditionalTest, OffsetsSkipTheDelimiters) {
  const std::string text = "a;/*@cc_on\n@if (@_win32)\nb = 1;\n@end @*/";
  const Tokens tokens = LexJs(text);
  ASSERT_EQ(tokens.size(), 12u);
  EXPECT_EQ(tokens[2].kind, TokenKind::kCcDirective);  // @cc_on
  EXPECT_EQ(tokens[2].begin, 4u);
  EXPECT_EQ(tokens[2].end, 10u);
  EXPECT_FALSE(tokens[2].newline_before);
  EXPECT_TRUE(tokens[3].newline_before);  // @if
  EXPECT_EQ(tokens[3].begin, 11u);
  EXPECT_EQ(tokens[7].Text(text), "b");
  EXPECT_EQ(tokens[7].begin, 25u);
  EXPECT_TRUE(tokens[7].conditional);
  EXPECT_EQ(tokens[11].Text(text), "@end");
  EXPECT_EQ(tokens[11].begin, 32u);
}

}  // namespace
}  // namespace iescan::scanner
