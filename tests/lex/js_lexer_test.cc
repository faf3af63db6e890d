// LexJs: comments versus code, strings, regex versus division, templates, numbers,
// names and punctuators, unterminated input, line terminators.
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

void ExpectCases(const std::vector<Case>& cases, bool with_newlines = false) {
  for (const Case& c : cases) {
    SCOPED_TRACE(c.input);
    const Tokens tokens = LexJs(c.input);
    EXPECT_EQ(Describe(c.input, tokens, with_newlines), c.expected);
    EXPECT_EQ(CheckInvariants(c.input, tokens), "");
  }
}

TEST(LexJsTest, CommentsHideCode) {
  ExpectCases({
      {"// document.all", {"comment:// document.all"}},
      {"/* attachEvent('onload', f) */ x", {"comment:/* attachEvent('onload', f) */", "id:x"}},
      {"a // b\nc", {"id:a", "comment:// b", "id:c"}},
      {"a /* multi\nline */ b", {"id:a", "comment:/* multi\nline */", "id:b"}},
      {"#!/usr/bin/env node\nx", {"comment:#!/usr/bin/env node", "id:x"}},
  });
}

TEST(LexJsTest, HtmlLikeComments) {
  ExpectCases({
      {"<!-- hide from old browsers\nalert(1)\n// -->",
       {"comment:<!-- hide from old browsers", "id:alert", "punct:(", "num:1", "punct:)",
        "comment:// -->"}},
      {"x = 1 <!-- rest of line\ny",
       {"id:x", "punct:=", "num:1", "comment:<!-- rest of line", "id:y"}},
      {"f();\n  --> end", {"id:f", "punct:(", "punct:)", "punct:;", "comment:--> end"}},
      {"/* a\n */ --> after a multi-line comment",
       {"comment:/* a\n */", "comment:--> after a multi-line comment"}},
      // Not at the start of a line: x-- > y.
      {"x --> y", {"id:x", "punct:--", "punct:>", "id:y"}},
  });
}

TEST(LexJsTest, StringsHoldCodeLikeText) {
  ExpectCases({
      {R"(s = "document.all['x'] // not a comment";)",
       {"id:s", "punct:=", R"(str:"document.all['x'] // not a comment")", "punct:;"}},
      {R"('it\'s /* here */' + "\"q\"")",
       {R"(str:'it\'s /* here */')", "punct:+", R"(str:"\"q\"")"}},
      {"'line \\\ncontinued' x", {"str:'line \\\ncontinued'", "id:x"}},
      {"'a\\\r\nb'", {"str:'a\\\r\nb'"}},
      {R"('\\' / 2)", {R"(str:'\\')", "punct:/", "num:2"}},
  });
}

// The token at each `/` of these inputs decides between a regex and a division.
TEST(LexJsTest, RegexOrDivision) {
  ExpectCases({
      {"a / b / c", {"id:a", "punct:/", "id:b", "punct:/", "id:c"}},
      {"x = /re/g", {"id:x", "punct:=", "re:/re/g"}},
      {"return /x/.test(s)",
       {"kw:return", "re:/x/", "punct:.", "id:test", "punct:(", "id:s", "punct:)"}},
      {"f(a) / 2", {"id:f", "punct:(", "id:a", "punct:)", "punct:/", "num:2"}},
      {"[1] / 2", {"punct:[", "num:1", "punct:]", "punct:/", "num:2"}},
      {"if (x) /re/.test(y)",
       {"kw:if", "punct:(", "id:x", "punct:)", "re:/re/", "punct:.", "id:test", "punct:(", "id:y",
        "punct:)"}},
      {"while (i--) /a/.exec(s)",
       {"kw:while", "punct:(", "id:i", "punct:--", "punct:)", "re:/a/", "punct:.", "id:exec",
        "punct:(", "id:s", "punct:)"}},
      {"typeof /x/", {"kw:typeof", "re:/x/"}},
      {"x instanceof /a/.constructor",
       {"id:x", "kw:instanceof", "re:/a/", "punct:.", "id:constructor"}},
      {"case /a/:", {"kw:case", "re:/a/", "punct::"}},
      {"(a, /b/)", {"punct:(", "id:a", "punct:,", "re:/b/", "punct:)"}},
      {"f = s => /x/.test(s)",
       {"id:f", "punct:=", "id:s", "punct:=>", "re:/x/", "punct:.", "id:test", "punct:(", "id:s",
        "punct:)"}},
      {"this / 2", {"kw:this", "punct:/", "num:2"}},
      {"a++ / 2", {"id:a", "punct:++", "punct:/", "num:2"}},
      {"'s' / 2", {"str:'s'", "punct:/", "num:2"}},
      {"1.5 / x", {"num:1.5", "punct:/", "id:x"}},
      {"a /= 2", {"id:a", "punct:/=", "num:2"}},
      {"x = /=/", {"id:x", "punct:=", "re:/=/"}},
      {"o.return / 2", {"id:o", "punct:.", "id:return", "punct:/", "num:2"}},
      {"x\n/re/g", {"id:x", "punct:/", "id:re", "punct:/", "id:g"}},
      // `}` of a block allows a regex; `}` of an object literal divides.
      {"function f() {}\n/re/.test(s)",
       {"kw:function", "id:f", "punct:(", "punct:)", "punct:{", "punct:}", "re:/re/", "punct:.",
        "id:test", "punct:(", "id:s", "punct:)"}},
      {"x = {a: 1} / 2",
       {"id:x", "punct:=", "punct:{", "id:a", "punct::", "num:1", "punct:}", "punct:/", "num:2"}},
      {"x = {a: {b: 1} / 2}",
       {"id:x", "punct:=", "punct:{", "id:a", "punct::", "punct:{", "id:b", "punct::", "num:1",
        "punct:}", "punct:/", "num:2", "punct:}"}},
      // A slash inside a class does not end the regex.
      {"s.split(/[/]+/)", {"id:s", "punct:.", "id:split", "punct:(", "re:/[/]+/", "punct:)"}},
      {R"(/a\/b/i)", {R"(re:/a\/b/i)"}},
  });
}

TEST(LexJsTest, RegexTokenOffsets) {
  const std::string text = "x = /re/g;";
  const Tokens tokens = LexJs(text);
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[2].kind, TokenKind::kRegex);
  EXPECT_EQ(tokens[2].begin, 4u);
  EXPECT_EQ(tokens[2].end, 9u);
  EXPECT_EQ(tokens[3].begin, 9u);
  EXPECT_EQ(tokens[3].end, 10u);
}

TEST(LexJsTest, TemplatesAreOneToken) {
  ExpectCases({
      {"x = `a${ `b${c}` }d`;", {"id:x", "punct:=", "tpl:`a${ `b${c}` }d`", "punct:;"}},
      {"`${ {a: '}'}.a }` + 1", {"tpl:`${ {a: '}'}.a }`", "punct:+", "num:1"}},
      {"`${ /`/.source }`", {"tpl:`${ /`/.source }`"}},
      {"`a\\`b` / 2", {"tpl:`a\\`b`", "punct:/", "num:2"}},
      {"`line\nbreak` x", {"tpl:`line\nbreak`", "id:x"}},
  });
  const std::string text = "f(`a${b}`)";
  const Tokens tokens = LexJs(text);
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[2].kind, TokenKind::kTemplate);
  EXPECT_EQ(tokens[2].begin, 2u);
  EXPECT_EQ(tokens[2].end, 9u);
}

TEST(LexJsTest, UnterminatedAtEndOfInput) {
  ExpectCases({
      {"x = 'abc", {"id:x", "punct:=", "str:'abc"}},
      {"x = \"abc\ny", {"id:x", "punct:=", "str:\"abc", "id:y"}},
      {"a /* open", {"id:a", "comment:/* open"}},
      {"t = `abc ${ x", {"id:t", "punct:=", "tpl:`abc ${ x"}},
      {"t = `a${ `b", {"id:t", "punct:=", "tpl:`a${ `b"}},
      {"r = /abc", {"id:r", "punct:=", "re:/abc"}},
      {"r = /a[/]\nx", {"id:r", "punct:=", "re:/a[/]", "id:x"}},
      {"s = '\\", {"id:s", "punct:=", "str:'\\"}},
      {"//", {"comment://"}},
  });
}

TEST(LexJsTest, ModernSyntax) {
  ExpectCases({
      {"a?.b ?? c", {"id:a", "punct:?.", "id:b", "punct:??", "id:c"}},
      {R"(x ??= y?.[0])",
       {"id:x", R"(punct:??=)", "id:y", "punct:?.", "punct:[", "num:0", "punct:]"}},
      {"a?.5:1", {"id:a", "punct:?", "num:.5", "punct::", "num:1"}},
      {"class A { #x = 1; m() { return this.#x; } }",
       {"kw:class", "id:A", "punct:{", "id:#x", "punct:=", "num:1", "punct:;", "id:m", "punct:(",
        "punct:)", "punct:{", "kw:return", "kw:this", "punct:.", "id:#x", "punct:;", "punct:}",
        "punct:}"}},
      {"1_000n 0xFF_FFn 0o17 0b1010 017 1e-5 .5 1.5E+3 10n",
       {"num:1_000n", "num:0xFF_FFn", "num:0o17", "num:0b1010", "num:017", "num:1e-5", "num:.5",
        "num:1.5E+3", "num:10n"}},
      {"x >>>= 2 ** 3; y **= 2",
       {"id:x", "punct:>>>=", "num:2", "punct:**", "num:3", "punct:;", "id:y",
        "punct:**=", "num:2"}},
      {"f(...a) => a === b !== c",
       {"id:f", "punct:(", "punct:...", "id:a", "punct:)", "punct:=>", "id:a", "punct:===", "id:b",
        "punct:!==", "id:c"}},
      {"a &&= b ||= c", {"id:a", "punct:&&=", "id:b", "punct:||=", "id:c"}},
      {"async function f() { await g(); yield x; }",
       {"kw:async", "kw:function", "id:f", "punct:(", "punct:)", "punct:{", "kw:await", "id:g",
        "punct:(", "punct:)", "punct:;", "kw:yield", "id:x", "punct:;", "punct:}"}},
      {"p.catch(e).finally(g)",
       {"id:p", "punct:.", "id:catch", "punct:(", "id:e", "punct:)", "punct:.", "id:finally",
        "punct:(", "id:g", "punct:)"}},
      {"@decorator class", {"punct:@", "id:decorator", "kw:class"}},
  });
}

TEST(LexJsTest, UnicodeNames) {
  ExpectCases({
      {"var caf\xC3\xA9 = \xE5\x90\x8D\xE5\x89\x8D;",
       {"kw:var", "id:caf\xC3\xA9", "punct:=", "id:\xE5\x90\x8D\xE5\x89\x8D", "punct:;"}},
      {"\\u0061bc + a\\u{62}c", {"id:\\u0061bc", "punct:+", "id:a\\u{62}c"}},
      // An escaped keyword is not a keyword.
      {"\\u0069f", {"id:\\u0069f"}},
      // NBSP and U+3000 are white space.
      {"a\xC2\xA0"
       "b\xE3\x80\x80"
       "c",
       {"id:a", "id:b", "id:c"}},
      // A stray byte that is not UTF-8.
      {"a \xFF b", {"id:a", "other:\xFF", "id:b"}},
      // ASCII runs, escapes and non-ASCII letters alternate inside one name; every ASCII
      // byte that cannot continue a name ends it.
      {"$a_1\\u0062\xC3\xA9z9$\\u{63}_ x",
       {"id:$a_1\\u0062\xC3\xA9z9$\\u{63}_", "id:x"}},
      // (#d is a private name)
      {"a0Z_$.b@c#d`e'f\"g-h~i^j|k",
       {"id:a0Z_$", "punct:.", "id:b", "punct:@", "id:c", "id:#d", "tpl:`e'f\"g-h~i^j|k"}},
      {"x\x7Fy", {"id:x", "other:\x7F", "id:y"}},
  });
}

TEST(LexJsTest, NewlineBefore) {
  ExpectCases(
      {
          {"a\nb", {"id:a", "^id:b"}},
          {"a\r\nb\rc", {"id:a", "^id:b", "^id:c"}},
          {"a\xE2\x80\xA8"
           "b\xE2\x80\xA9"
           "c",
           {"id:a", "^id:b", "^id:c"}},
          {"a // c\nb", {"id:a", "comment:// c", "^id:b"}},
          {"a\n/* c */ b", {"id:a", "^comment:/* c */", "id:b"}},
          {"a /* x\ny */ b", {"id:a", "comment:/* x\ny */", "id:b"}},
          {"return\n`t\n` x", {"kw:return", "^tpl:`t\n`", "id:x"}},
      },
      /*with_newlines=*/true);
}

TEST(LexJsTest, HostileNestingDoesNotRecurse) {
  const std::string parens(200000, '(');
  EXPECT_EQ(LexJs(parens).size(), 200000u);
  std::string templates;
  for (int i = 0; i < 50000; ++i) templates += "`${";
  const Tokens tokens = LexJs(templates);
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].kind, TokenKind::kTemplate);
  EXPECT_EQ(tokens[0].end, templates.size());
  const std::string closers(100000, '}');
  EXPECT_EQ(LexJs(closers).size(), 100000u);
}

}  // namespace
}  // namespace iescan::scanner
