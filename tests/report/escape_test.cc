// Escaping of scanned text for XML, CSV and Markdown.
#include "report/writers/escape.h"

#include <gtest/gtest.h>

namespace iescan::report {
namespace {

TEST(EscapeTest, ValidUtf8ReplacesEachInvalidByte) {
  EXPECT_EQ(ValidUtf8("勤怠 ok"), "勤怠 ok");
  EXPECT_EQ(ValidUtf8("a\x82\xa0z"), "a\xEF\xBF\xBD\xEF\xBF\xBDz");              // Shift_JIS bytes
  EXPECT_EQ(ValidUtf8("\xc0\xaf"), "\xEF\xBF\xBD\xEF\xBF\xBD");                  // overlong '/'
  EXPECT_EQ(ValidUtf8("\xed\xa0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
  EXPECT_EQ(ValidUtf8("\xe5\x8b"), "\xEF\xBF\xBD\xEF\xBF\xBD");  // truncated at the end
}

TEST(EscapeTest, XmlSafeDropsCharactersXmlForbids) {
  EXPECT_EQ(XmlSafe("a\tb\nc\rd"), "a\tb\nc\rd");
  EXPECT_EQ(XmlSafe(std::string("x\0y\x1b", 4)), "x\xEF\xBF\xBDy\xEF\xBF\xBD");
  EXPECT_EQ(XmlSafe("\xEF\xBF\xBE"), "\xEF\xBF\xBD");  // U+FFFE
  EXPECT_EQ(XmlSafe("<&>\""), "<&>\"");                // markup is the writer's job
}

TEST(EscapeTest, XmlCommentsNeverHoldDoubleDash) {
  EXPECT_EQ(XmlCommentSafe("a -- b"), "a - - b");
  EXPECT_EQ(XmlCommentSafe("--->"), "- - ->");
  EXPECT_EQ(XmlCommentSafe("ends-"), "ends- ");
  EXPECT_EQ(XmlCommentSafe("<!--[if IE]><![endif]-->"), "<!- -[if IE]><![endif]- ->");
}

TEST(EscapeTest, CsvCellsQuoteAndNeutraliseFormulas) {
  EXPECT_EQ(CsvCell("plain"), "plain");
  EXPECT_EQ(CsvCell("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvCell("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvCell("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvCell("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  EXPECT_EQ(CsvCell("+1"), "'+1");
  EXPECT_EQ(CsvCell("-2"), "'-2");
  EXPECT_EQ(CsvCell("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(CsvCell("\tx"), "'\tx");
  EXPECT_EQ(CsvCell("\rx"), "\"'\rx\"");
  EXPECT_EQ(CsvCell("a=b"), "a=b");
  EXPECT_EQ(CsvCell(""), "");
  EXPECT_EQ(CsvCell("\xff"), "\xEF\xBF\xBD");
}

TEST(EscapeTest, MarkdownTextCannotInjectHtmlOrMarkup) {
  EXPECT_EQ(MarkdownText("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
  EXPECT_EQ(MarkdownText("a | b"), "a \\| b");
  EXPECT_EQ(MarkdownText("*x* _y_ `z` [l](u) ~s~ !i @team #12 \\"),
            "\\*x\\* \\_y\\_ \\`z\\` \\[l\\](u) \\~s\\~ \\!i \\@team \\#12 \\\\");
  EXPECT_EQ(MarkdownText("R&D\nline\ttab"), "R&amp;D line tab");
  EXPECT_EQ(MarkdownText("勤怠管理/勤怠入力.htm"), "勤怠管理/勤怠入力.htm");
}

TEST(EscapeTest, MarkdownCodeSpansHandleBackticksAndPipes) {
  EXPECT_EQ(MarkdownCode("document.all"), "`document.all`");
  EXPECT_EQ(MarkdownCode("a `b` c"), "``a `b` c``");
  EXPECT_EQ(MarkdownCode("``x"), "``` ``x ```");
  EXPECT_EQ(MarkdownCode("x`"), "`` x` ``");
  EXPECT_EQ(MarkdownCode("a | b"), "`a \\| b`");
  EXPECT_EQ(MarkdownCode(" x "), "`  x  `");
  EXPECT_EQ(MarkdownCode("line\nbreak"), "`line break`");
  EXPECT_EQ(MarkdownCode(""), "");
}

}  // namespace
}  // namespace iescan::report
