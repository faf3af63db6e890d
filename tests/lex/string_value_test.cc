// JsStringValue and VbsStringValue: resolved values and their offset maps.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "scanner/lex/lexers.h"

namespace iescan::scanner {
namespace {

using Map = std::vector<uint32_t>;

struct Case {
  std::string literal;
  std::string value;
};

TEST(JsStringValueTest, Escapes) {
  const std::vector<Case> cases = {
      {R"("plain")", "plain"},
      {R"('it\'s')", "it's"},
      {R"("a\"b\\c")", "a\"b\\c"},
      {R"("\n\t\r\b\f\v")", "\n\t\r\b\f\v"},
      {R"("\0")", std::string(1, '\0')},
      {R"("\x41\x4a\x4A")", "AJJ"},
      {R"("\u0041\u00e9")", "A\xC3\xA9"},
      {R"("\u{1F600}")", "\xF0\x9F\x98\x80"},
      {R"("\uD83D\uDE00")", "\xF0\x9F\x98\x80"},
      {R"("\uD83D")", "\xEF\xBF\xBD"},
      {R"("\101\60\7")", "A0\x07"},
      {R"("\377\400")",
       "\xC3\xBF"
       " 0"},
      {R"("\8\9\q\%")", "89q%"},
      {R"("\xZZ\u12")", "xZZu12"},
      {"'a\\\nb\\\r\nc\\\rd\\\xE2\x80\xA8"
       "e'",
       "abcde"},
      {"'\\\xC3\xA9'", "\xC3\xA9"},
      {R"("unterminated)", "unterminated"},
      {R"("abc\)", "abc"},
      {"``", ""},
      {"`a${ `b${c}` }d\\n`", "a${ `b${c}` }d\n"},
      {"`x${ '}' }y`", "x${ '}' }y"},
      {"`a\r\nb\rc`", "a\nb\nc"},
      {"`open ${", "open ${"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.literal);
    EXPECT_EQ(JsStringValue(c.literal, nullptr), c.value);
  }
}

TEST(JsStringValueTest, MapPointsIntoTheLiteral) {
  Map map;
  // 'Shell.\x41pp' -> Shell.App : each output byte maps to its source, the escape to
  // its backslash, and the last entry to the closing quote.
  EXPECT_EQ(JsStringValue(R"('Shell.\x41pp')", &map), "Shell.App");
  EXPECT_EQ(map, (Map{1, 2, 3, 4, 5, 6, 7, 11, 12, 13}));

  EXPECT_EQ(JsStringValue(R"("\u00e9!")", &map), "\xC3\xA9!");
  EXPECT_EQ(map, (Map{1, 1, 7, 8}));

  EXPECT_EQ(JsStringValue("'a\\\nb'", &map), "ab");
  EXPECT_EQ(map, (Map{1, 4, 5}));

  // Unterminated: the final entry is the literal's size.
  EXPECT_EQ(JsStringValue("\"ab", &map), "ab");
  EXPECT_EQ(map, (Map{1, 2, 3}));

  EXPECT_EQ(JsStringValue("`${x}\\t`", &map), "${x}\t");
  EXPECT_EQ(map, (Map{1, 2, 3, 4, 5, 7}));

  EXPECT_EQ(JsStringValue("''", &map), "");
  EXPECT_EQ(map, (Map{1}));
}

TEST(VbsStringValueTest, DoubledQuotes) {
  Map map;
  EXPECT_EQ(VbsStringValue(R"("say ""hi""")", &map), "say \"hi\"");
  EXPECT_EQ(map, (Map{1, 2, 3, 4, 5, 7, 8, 9, 11}));
  EXPECT_EQ(VbsStringValue(R"("C:\temp\")", &map), "C:\\temp\\");
  EXPECT_EQ(map.back(), 9u);
  EXPECT_EQ(VbsStringValue(R"("""")", nullptr), "\"");
  EXPECT_EQ(VbsStringValue(R"("")", &map), "");
  EXPECT_EQ(map, (Map{1}));
  EXPECT_EQ(VbsStringValue("\"open", &map), "open");
  EXPECT_EQ(map, (Map{1, 2, 3, 4, 5}));
}

}  // namespace
}  // namespace iescan::scanner
