// Gitignore pattern semantics, one rule set at a time.

#include "scanner/source/ignore_rules.h"

#include <gtest/gtest.h>

#include <string>

namespace iescan::scanner {
namespace {

constexpr RuleVerdict kNone = RuleVerdict::kNone;
constexpr RuleVerdict kMatched = RuleVerdict::kMatched;
constexpr RuleVerdict kNegated = RuleVerdict::kNegated;

struct MatchCase {
  const char* rules;  // rule-file text
  const char* path;
  bool is_dir;
  RuleVerdict expected;
};

TEST(IgnoreRulesTest, PatternTable) {
  const MatchCase cases[] = {
      // Names without a slash match at any depth, files and directories alike.
      {"debug.htm", "debug.htm", false, kMatched},
      {"debug.htm", "a/b/debug.htm", false, kMatched},
      {"debug.htm", "a/debug.htm/x", false, kNone},
      {"logs", "app/logs", true, kMatched},
      // A trailing slash: directories only.
      {"logs/", "app/logs", true, kMatched},
      {"logs/", "app/logs", false, kNone},
      // A leading or inner slash anchors to the rule file's directory.
      {"/top.html", "top.html", false, kMatched},
      {"/top.html", "sub/top.html", false, kNone},
      {"doc/*.txt", "doc/a.txt", false, kMatched},
      {"doc/*.txt", "doc/sub/a.txt", false, kNone},
      {"doc/*.txt", "x/doc/a.txt", false, kNone},
      // '*' and '?' stop at '/'.
      {"*.js", "lib/jquery.min.js", false, kMatched},
      {"a*z", "a/z", false, kNone},
      {"/a*z", "a/z", false, kNone},
      {"/a*z", "abcz", false, kMatched},
      {"a?c", "abc", false, kMatched},
      {"a?c", "ac", false, kNone},
      {"/a?c", "a/c", false, kNone},
      // "**" in every position.
      {"**/draft.htm", "draft.htm", false, kMatched},
      {"**/draft.htm", "a/b/draft.htm", false, kMatched},
      {"**/cache", "x/cache", true, kMatched},
      {"docs/**", "docs/a/b.htm", false, kMatched},
      {"docs/**", "docs", true, kNone},
      {"docs/**/old.htm", "docs/old.htm", false, kMatched},
      {"docs/**/old.htm", "docs/x/y/old.htm", false, kMatched},
      {"docs/**/old.htm", "docs/xold.htm", false, kNone},
      {"docs/**/old.htm", "other/docs/old.htm", false, kNone},
      {"**", "any/thing", false, kMatched},
      {"a**b", "axxb", false, kMatched},
      {"a**b", "ax/xb", false, kNone},
      {"/**/*.min.js", "lib/a.min.js", false, kMatched},
      {"a/**/**/b", "a/b", false, kMatched},
      {"a/**/**/b", "a/x/y/z/b", false, kMatched},
      // Bracket expressions.
      {"page[0-9].htm", "page7.htm", false, kMatched},
      {"page[0-9].htm", "pagex.htm", false, kNone},
      {"page[!0-9].htm", "pagex.htm", false, kMatched},
      {"page[^0-9].htm", "page7.htm", false, kNone},
      {"[[:upper:]]*.asp", "Default.asp", false, kMatched},
      {"[[:upper:]]*.asp", "default.asp", false, kNone},
      {"[]x]y", "]y", false, kMatched},
      {"a[!x]b", "a/b", false, kNone},
      {"[a-", "[a-", false, kMatched},  // unterminated: literal
      // Escapes, comments, trailing spaces, CRLF.
      {"\\#notes.htm", "#notes.htm", false, kMatched},
      {"#notes.htm", "#notes.htm", false, kNone},
      {"\\!bang.htm", "!bang.htm", false, kMatched},
      {"star\\*.htm", "star*.htm", false, kMatched},
      {"star\\*.htm", "starx.htm", false, kNone},
      {"spaced.htm   ", "spaced.htm", false, kMatched},
      {"space\\ ", "space ", false, kMatched},
      {"space\\ ", "space", false, kNone},
      {"crlf.htm\r\nother.htm\r\n", "crlf.htm", false, kMatched},
      {"\xEF\xBB\xBF" "bom.htm", "bom.htm", false, kMatched},
      {"\n\n   \n", "x.htm", false, kNone},
      // Negation; the last matching line wins.
      {"*.htm\n!keep.htm", "keep.htm", false, kNegated},
      {"*.htm\n!keep.htm", "drop.htm", false, kMatched},
      {"!keep.htm\n*.htm", "keep.htm", false, kMatched},
      {"*.htm\n!keep.htm\nkeep.htm", "keep.htm", false, kMatched},
  };
  for (const MatchCase& c : cases) {
    IgnoreRules rules = IgnoreRules::Parse(c.rules);
    EXPECT_EQ(rules.Match(c.path, c.is_dir), c.expected)
        << "rules \"" << c.rules << "\" path \"" << c.path << "\"";
  }
}

TEST(IgnoreRulesTest, BlankAndCommentLinesMakeNoRules) {
  IgnoreRules rules = IgnoreRules::Parse("# generated\n\n/\n!\n  \nbuild/\n");
  EXPECT_EQ(rules.size(), 1u);
}

TEST(IgnoreRulesTest, HostilePatternStaysLinear) {
  // A pattern that makes a backtracking matcher explode finishes at once here.
  std::string pattern;
  for (int i = 0; i < 40; ++i) pattern += "*a";
  pattern += "*b";
  std::string path(4000, 'a');
  IgnoreRules rules = IgnoreRules::Parse(pattern);
  EXPECT_EQ(rules.Match(path, false), kNone);
  EXPECT_EQ(rules.Match(path + "b", false), kMatched);
}

TEST(GlobTest, LongPatternUsesHeapStates) {
  std::string pattern(300, 'x');
  pattern += "*";
  Glob glob(pattern + "?y");
  EXPECT_TRUE(glob.Matches(std::string(300, 'x') + "abcy"));
  EXPECT_FALSE(glob.Matches(std::string(299, 'x') + "abcy"));
}

}  // namespace
}  // namespace iescan::scanner
