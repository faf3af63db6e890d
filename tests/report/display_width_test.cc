#include "report/writers/display_width.h"

#include <gtest/gtest.h>

namespace iescan::report {
namespace {

TEST(DisplayWidthTest, CountsEastAsianWideAsTwoColumns) {
  EXPECT_EQ(DisplayWidth("hr"), 2u);
  EXPECT_EQ(DisplayWidth("勤怠管理"), 8u);
  EXPECT_EQ(DisplayWidth("かなカナ"), 8u);
  EXPECT_EQ(DisplayWidth("ｶﾅ"), 2u);      // halfwidth katakana
  EXPECT_EQ(DisplayWidth("ＡＢ１"), 6u);  // fullwidth forms
  EXPECT_EQ(DisplayWidth("　"), 2u);      // ideographic space
  EXPECT_EQ(DisplayWidth("人事/勤怠.htm"), 13u);
  EXPECT_EQ(DisplayWidth("인사"), 4u);              // hangul
  EXPECT_EQ(DisplayWidth("\xF0\xA0\x80\x8B"), 2u);  // U+2000B, CJK extension B
}

TEST(DisplayWidthTest, CombiningAndInvalidBytes) {
  EXPECT_EQ(DisplayWidth("e\xCC\x81"), 1u);                 // e + combining acute
  EXPECT_EQ(DisplayWidth("\xE3\x81\x8B\xE3\x82\x99"), 2u);  // か + combining voiced mark
  EXPECT_EQ(DisplayWidth("\xFF"), 1u);
  EXPECT_EQ(DisplayWidth("\x82\xA0"), 2u);      // Shift_JIS bytes: two invalid bytes
  EXPECT_EQ(DisplayWidth("\xE5\x8B"), 2u);      // truncated sequence
  EXPECT_EQ(DisplayWidth("\xED\xA0\x80"), 3u);  // encoded surrogate is invalid
}

TEST(DisplayWidthTest, CodePointWidth) {
  EXPECT_EQ(CodePointWidth(U'a'), 1);
  EXPECT_EQ(CodePointWidth(U'\t'), 0);
  EXPECT_EQ(CodePointWidth(0x9B), 0);
  EXPECT_EQ(CodePointWidth(U'勤'), 2);
  EXPECT_EQ(CodePointWidth(0x303F), 1);  // ideographic half fill space is narrow
  EXPECT_EQ(CodePointWidth(0xFF61), 1);  // halfwidth ideographic full stop
  EXPECT_EQ(CodePointWidth(0x200B), 0);  // zero width space
}

TEST(DisplayWidthTest, SanitizeNeutralisesControlsAndBidi) {
  EXPECT_EQ(SanitizeForTerminal("勤怠管理/index.htm"), "勤怠管理/index.htm");
  EXPECT_EQ(SanitizeForTerminal("a\x1b[31mb"), "a\\x1B[31mb");
  EXPECT_EQ(SanitizeForTerminal("tab\there\r\n"), "tab\\x09here\\x0D\\x0A");
  EXPECT_EQ(SanitizeForTerminal("del\x7f"), "del\\x7F");
  EXPECT_EQ(SanitizeForTerminal("csi\xC2\x9B"), "csi\\u009B");
  EXPECT_EQ(SanitizeForTerminal("abc\xE2\x80\xAE"
                                "cba"),
            "abc\\u202Ecba");
  EXPECT_EQ(SanitizeForTerminal("\x82\xA0"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(SanitizeForTerminal("x\xE5\x8B"), "x\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(SanitizeForTerminal("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '/'
}

TEST(DisplayWidthTest, PaddingUsesDisplayWidth) {
  EXPECT_EQ(PadRight("勤怠", 6), "勤怠  ");
  EXPECT_EQ(PadRight("hr", 6), "hr    ");
  EXPECT_EQ(PadRight("勤怠管理", 6), "勤怠管理");
  EXPECT_EQ(PadLeft("12", 5), "   12");
  EXPECT_EQ(PadLeft("勤", 3), " 勤");
}

}  // namespace
}  // namespace iescan::report
