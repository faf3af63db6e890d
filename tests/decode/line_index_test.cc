// LineIndex: physical lines (LF, CRLF, lone CR) and code-point columns.

#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "scanner/decode/text_file.h"

namespace iescan::scanner {
namespace {

std::pair<uint32_t, uint32_t> At(const LineIndex& index, std::string_view text, uint32_t offset) {
  Position pos = index.At(text, offset);
  return {pos.line, pos.column};
}

TEST(LineIndexTest, LfOnly) {
  const std::string text = "ab\ncd\n";
  LineIndex index(text);
  EXPECT_EQ(index.line_count(), 3u);
  EXPECT_EQ(At(index, text, 0), std::make_pair(1u, 1u));
  EXPECT_EQ(At(index, text, 2), std::make_pair(1u, 3u));  // the LF itself
  EXPECT_EQ(At(index, text, 3), std::make_pair(2u, 1u));
  EXPECT_EQ(At(index, text, 4), std::make_pair(2u, 2u));
  EXPECT_EQ(At(index, text, 6), std::make_pair(3u, 1u));
  EXPECT_EQ(At(index, text, 999), std::make_pair(3u, 1u));  // past the end
  EXPECT_EQ(index.LineOf(5), 2u);
  EXPECT_EQ(index.LineStart(2), 3u);
  EXPECT_EQ(index.LineEnd(text, 1), 2u);
  EXPECT_EQ(index.LineEnd(text, 2), 5u);
  EXPECT_EQ(index.LineStart(3), 6u);
  EXPECT_EQ(index.LineEnd(text, 3), 6u);
  EXPECT_EQ(index.LineStart(4), 6u);  // past the last line: the text size
}

TEST(LineIndexTest, CrLfIsOneTerminator) {
  const std::string text = "a\r\nb\r\n\r\nc";
  LineIndex index(text);
  ASSERT_EQ(index.line_count(), 4u);
  EXPECT_EQ(index.LineStart(2), 3u);
  EXPECT_EQ(index.LineStart(3), 6u);
  EXPECT_EQ(index.LineStart(4), 8u);
  EXPECT_EQ(index.LineEnd(text, 1), 1u);
  EXPECT_EQ(index.LineEnd(text, 3), 6u);  // empty line
  EXPECT_EQ(index.LineEnd(text, 4), 9u);
  EXPECT_EQ(At(index, text, 2), std::make_pair(1u, 3u));  // the LF of the CRLF
  EXPECT_EQ(At(index, text, 8), std::make_pair(4u, 1u));
}

TEST(LineIndexTest, LoneCrEndsALine) {
  const std::string text = "a\rbb\rc";
  LineIndex index(text);
  ASSERT_EQ(index.line_count(), 3u);
  EXPECT_EQ(index.LineStart(2), 2u);
  EXPECT_EQ(index.LineStart(3), 5u);
  EXPECT_EQ(index.LineEnd(text, 2), 4u);
  EXPECT_EQ(At(index, text, 3), std::make_pair(2u, 2u));
}

TEST(LineIndexTest, MixedTerminators) {
  // LF followed by CR is two terminators, not one.
  const std::string text = "one\rtwo\r\nthree\nfour\n\rfive";
  LineIndex index(text);
  ASSERT_EQ(index.line_count(), 6u);
  EXPECT_EQ(index.LineStart(2), 4u);
  EXPECT_EQ(index.LineStart(3), 9u);
  EXPECT_EQ(index.LineStart(4), 15u);
  EXPECT_EQ(index.LineStart(5), 20u);
  EXPECT_EQ(index.LineStart(6), 21u);
  EXPECT_EQ(index.LineEnd(text, 2), 7u);
  EXPECT_EQ(index.LineEnd(text, 5), 20u);
  EXPECT_EQ(At(index, text, text.find("five") + 2), std::make_pair(6u, 3u));
  EXPECT_EQ(At(index, text, text.find("three")), std::make_pair(3u, 1u));
}

TEST(LineIndexTest, UnicodeSeparatorsAndFormFeedDoNotEndLines) {
  // a U+2028 b U+0085 c FF d LF e
  const std::string text =
      "a\xE2\x80\xA8"
      "b\xC2\x85"
      "c\fd\ne";
  LineIndex index(text);
  ASSERT_EQ(index.line_count(), 2u);
  EXPECT_EQ(At(index, text, text.find('d')), std::make_pair(1u, 7u));
  EXPECT_EQ(At(index, text, text.find('e')), std::make_pair(2u, 1u));
  EXPECT_EQ(index.LineEnd(text, 1), 10u);
}

TEST(LineIndexTest, ColumnsCountCodePoints) {
  // "日本語" is 9 bytes, U+1F600 is 4 bytes, "é" is 2 bytes.
  const std::string text =
      "x = 1;\n\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E alert(\xF0\x9F\x98\x80, 'caf\xC3\xA9', 2)";
  LineIndex index(text);
  EXPECT_EQ(At(index, text, text.find("alert")), std::make_pair(2u, 5u));
  EXPECT_EQ(At(index, text, text.find(", 'caf")), std::make_pair(2u, 12u));
  EXPECT_EQ(At(index, text, text.find(", 2)")), std::make_pair(2u, 20u));
}

TEST(LineIndexTest, LongLineColumnsPastWordBoundaries) {
  // Exercises the eight-bytes-at-a-time counter with multi-byte characters straddling
  // word boundaries.
  std::string text;
  for (int i = 0; i < 100; ++i) text += "ab\xC3\xA9";  // "abé" = 3 code points, 4 bytes
  text += "X";
  LineIndex index(text);
  EXPECT_EQ(At(index, text, static_cast<uint32_t>(text.size() - 1)), std::make_pair(1u, 301u));
  EXPECT_EQ(At(index, text, 6), std::make_pair(1u, 6u));  // the second 'é' starts at byte 6
}

// Eight bytes at a time and byte by byte agree, for every length and start, on text that
// mixes one- to four-byte characters and stray continuation bytes.
TEST(LineIndexTest, CountCodePointsAtEveryLengthAndStart) {
  const std::string text =
      "a\xC3\xA9" "b\xE6\x97\xA5" "cd\xF0\x9F\x98\x80" "e\x80\xBF" "fghij\xE2\x84\xAA" "k";
  for (size_t from = 0; from <= text.size(); ++from) {
    for (size_t to = from; to <= text.size(); ++to) {
      size_t want = 0;
      for (size_t i = from; i < to; ++i) want += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
      ASSERT_EQ(CountCodePoints(std::string_view(text).substr(from, to - from)), want)
          << from << ".." << to;
    }
  }
}

TEST(LineIndexTest, EmptyText) {
  LineIndex index("");
  EXPECT_EQ(index.line_count(), 1u);
  EXPECT_EQ(At(index, "", 0), std::make_pair(1u, 1u));
  EXPECT_EQ(At(index, "", 7), std::make_pair(1u, 1u));
  EXPECT_EQ(index.LineStart(1), 0u);
  EXPECT_EQ(index.LineEnd("", 1), 0u);
}

TEST(LineIndexTest, ManyLinesBinarySearch) {
  std::string text;
  for (int i = 0; i < 10000; ++i) {
    text += (i % 3 == 0) ? "line\r\n" : (i % 3 == 1) ? "l\r" : "x\n";
  }
  LineIndex index(text);
  EXPECT_EQ(index.line_count(), 10001u);
  // Line 5001 is preceded by 1667 CRLF lines of 6 bytes, 1667 CR lines of 2 bytes and
  // 1666 LF lines of 2 bytes.
  EXPECT_EQ(index.LineStart(5001), 1667u * 6 + 1667u * 2 + 1666u * 2);
  EXPECT_EQ(index.LineOf(index.LineStart(5001)), 5001u);
}

}  // namespace
}  // namespace iescan::scanner
