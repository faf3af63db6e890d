// LexVbs: comments, doubled-quote strings, numbers and dates, keywords in any case,
// statement separators and line continuations.
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
    const Tokens tokens = LexVbs(c.input);
    EXPECT_EQ(Describe(c.input, tokens, with_newlines), c.expected);
    EXPECT_EQ(CheckInvariants(c.input, tokens), "");
  }
}

TEST(LexVbsTest, Comments) {
  ExpectCases({
      {"' CreateObject(\"Shell\")", {"comment:' CreateObject(\"Shell\")"}},
      {"Rem CreateObject here\nx = 1",
       {"comment:Rem CreateObject here", "id:x", "punct:=", "num:1"}},
      {"REM upper case", {"comment:REM upper case"}},
      {"x = 1: rem after a colon", {"id:x", "punct:=", "num:1", "nl", "comment:rem after a colon"}},
      {"If a Then Rem single-line If", {"kw:If", "id:a", "kw:Then", "comment:Rem single-line If"}},
      // Rem is not a comment inside a statement or as part of a longer name.
      {"Remark = x Rem", {"id:Remark", "punct:=", "id:x", "id:Rem"}},
      {"x = 1 ' trailing\ny", {"id:x", "punct:=", "num:1", "comment:' trailing", "nl", "id:y"}},
      {"<!--\nSub f\n-->", {"comment:<!--", "kw:Sub", "id:f", "nl", "comment:-->"}},
  });
}

TEST(LexVbsTest, Strings) {
  ExpectCases({
      {R"(s = "say ""hi"" ' not a comment")",
       {"id:s", "punct:=", R"(str:"say ""hi"" ' not a comment")"}},
      {R"(p = "C:\temp\" & x)", {"id:p", "punct:=", R"(str:"C:\temp\")", "punct:&", "id:x"}},
      {R"("""")", {R"(str:"""")"}},
      {"s = \"open\nx", {"id:s", "punct:=", "str:\"open", "nl", "id:x"}},
      {"s = \"open at end", {"id:s", "punct:=", "str:\"open at end"}},
  });
}

TEST(LexVbsTest, NumbersDatesAndNames) {
  ExpectCases({
      {"x = &H1F + &O17 + &h7fffffff& + &17",
       {"id:x", "punct:=", "num:&H1F", "punct:+", "num:&O17", "punct:+", "num:&h7fffffff&",
        "punct:+", "num:&17"}},
      {"d = #1/1/2000#", {"id:d", "punct:=", "num:#1/1/2000#"}},
      {"t = #12:30:00 PM#", {"id:t", "punct:=", "num:#12:30:00 PM#"}},
      {"n = 3.14E-2 + .5", {"id:n", "punct:=", "num:3.14E-2", "punct:+", "num:.5"}},
      {"[my var] = obj.Item(1)",
       {"id:[my var]", "punct:=", "id:obj", "punct:.", "id:Item", "punct:(", "num:1", "punct:)"}},
      {"a <> b And c <= d", {"id:a", "punct:<>", "id:b", "kw:And", "id:c", "punct:<=", "id:d"}},
      {"s = a & b", {"id:s", "punct:=", "id:a", "punct:&", "id:b"}},
      {"x = 7 \\ 2 Mod 3", {"id:x", "punct:=", "num:7", "punct:\\", "num:2", "kw:Mod", "num:3"}},
  });
}

TEST(LexVbsTest, KeywordsAnyCase) {
  ExpectCases({
      {"SET o = NOTHING", {"kw:SET", "id:o", "punct:=", "kw:NOTHING"}},
      {"set o = createobject(\"X\")",
       {"kw:set", "id:o", "punct:=", "id:createobject", "punct:(", "str:\"X\"", "punct:)"}},
      {"On Error Resume Next", {"kw:On", "kw:Error", "kw:Resume", "kw:Next"}},
      {"Private Sub Window_OnLoad()",
       {"kw:Private", "kw:Sub", "id:Window_OnLoad", "punct:(", "punct:)"}},
      {"eLsEiF x tHeN", {"kw:eLsEiF", "id:x", "kw:tHeN"}},
      {"ReDim Preserve a(5)", {"kw:ReDim", "kw:Preserve", "id:a", "punct:(", "num:5", "punct:)"}},
      {"Option Explicit", {"kw:Option", "kw:Explicit"}},
      {"Dim ByValue", {"kw:Dim", "id:ByValue"}},
  });
}

TEST(LexVbsTest, SeparatorsAndContinuations) {
  ExpectCases(
      {
          {"a = 1: b = 2", {"id:a", "punct:=", "num:1", "nl", "id:b", "punct:=", "num:2"}},
          // Runs of separators collapse; none before the first statement.
          {"\n\n::a\r\n\r\n: :\nb\n", {"^id:a", "nl", "^id:b", "nl"}},
          {"x = a & _\n    b", {"id:x", "punct:=", "id:a", "punct:&", "^id:b"}},
          {"x = a & _  \r\n b", {"id:x", "punct:=", "id:a", "punct:&", "^id:b"}},
          // Not a continuation: the underscore is followed by more text.
          {"x = a _ b", {"id:x", "punct:=", "id:a", "other:_", "id:b"}},
          {"a\n' comment\nb", {"id:a", "nl", "^comment:' comment", "^id:b"}},
      },
      /*with_newlines=*/true);
  const std::string text = "a\r\nb";
  const Tokens tokens = LexVbs(text);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[1].kind, TokenKind::kNewline);
  EXPECT_EQ(tokens[1].begin, 1u);
  EXPECT_EQ(tokens[1].end, 3u);
  EXPECT_EQ(tokens[2].begin, 3u);
}

TEST(LexVbsTest, RealisticProcedure) {
  const std::string text =
      "Sub btnGo_OnClick()\r\n"
      "  Dim fso : Set fso = CreateObject(\"Scripting.FileSystemObject\")\r\n"
      "  If Not fso.FileExists(\"c:\\a.txt\") Then MsgBox \"missing\"\r\n"
      "End Sub\r\n";
  const Tokens tokens = LexVbs(text);
  EXPECT_EQ(Describe(text, tokens), (Strings{"kw:Sub",
                                             "id:btnGo_OnClick",
                                             "punct:(",
                                             "punct:)",
                                             "nl",
                                             "kw:Dim",
                                             "id:fso",
                                             "nl",
                                             "kw:Set",
                                             "id:fso",
                                             "punct:=",
                                             "id:CreateObject",
                                             "punct:(",
                                             "str:\"Scripting.FileSystemObject\"",
                                             "punct:)",
                                             "nl",
                                             "kw:If",
                                             "kw:Not",
                                             "id:fso",
                                             "punct:.",
                                             "id:FileExists",
                                             "punct:(",
                                             "str:\"c:\\a.txt\"",
                                             "punct:)",
                                             "kw:Then",
                                             "id:MsgBox",
                                             "str:\"missing\"",
                                             "nl",
                                             "kw:End",
                                             "kw:Sub",
                                             "nl"}));
  EXPECT_EQ(tokens[11].begin, 43u);  // CreateObject
}

}  // namespace
}  // namespace iescan::scanner
