// ConvertToUtf8 and charset names: replacement policy, native codecs, iconv codecs.

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>

#include "scanner/decode/charset.h"
#include "scanner/decode/convert.h"
#include "scanner/decode/text_file.h"

namespace iescan::scanner {
namespace {

using decode_internal::CharsetForCodePage;
using decode_internal::LookupCharset;

constexpr char kFffd[] = "\xEF\xBF\xBD";

std::string Convert(std::string_view bytes, std::string_view encoding, uint32_t* replaced) {
  auto result = ConvertToUtf8(bytes, encoding, replaced);
  EXPECT_TRUE(result.ok()) << result.status().message();
  return result.ok() ? result.value() : std::string();
}

TEST(ConvertTest, InvalidUtf8IsReplacedBytewise) {
  uint32_t replaced = 99;
  // 0xFF is never valid; E3 81 is a truncated three-byte sequence cut by a LF.
  EXPECT_EQ(Convert("a\xFF"
                    "b\xE3\x81\nc",
                    "UTF-8", &replaced),
            std::string("a") + kFffd + "b" + kFffd + kFffd + "\nc");
  EXPECT_EQ(replaced, 3u);
}

TEST(ConvertTest, Utf8RejectsOverlongSurrogatesAndOutOfRange) {
  uint32_t replaced = 0;
  // C0 AF: overlong '/'; ED A0 80: a surrogate; F4 90 80 80: past U+10FFFF.
  std::string out =
      Convert("\xC0\xAF|\xED\xA0\x80|\xF4\x90\x80\x80|\xF0\x9F\x98\x80", "utf8", &replaced);
  EXPECT_EQ(replaced, 9u);
  EXPECT_EQ(out, std::string(kFffd) + kFffd + "|" + kFffd + kFffd + kFffd + "|" + kFffd + kFffd +
                     kFffd + kFffd + "|\xF0\x9F\x98\x80");
}

TEST(ConvertTest, ValidUtf8IsCopied) {
  uint32_t replaced = 5;
  const std::string text = "caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80\r\n";
  EXPECT_EQ(Convert(text, "UTF-8", &replaced), text);
  EXPECT_EQ(replaced, 0u);
}

TEST(ConvertTest, ShiftJisKeepsTheTrailByteThatLooksLikeABackslash) {
  uint32_t replaced = 0;
  // 表 is 0x95 0x5C, ソ is 0x83 0x5C.
  EXPECT_EQ(Convert("\"\x95\x5C\x83\x5C\"", "Shift_JIS", &replaced),
            "\"\xE8\xA1\xA8\xE3\x82\xBD\"");
  EXPECT_EQ(replaced, 0u);
}

TEST(ConvertTest, ShiftJisBadBytesKeepLineEnds) {
  uint32_t replaced = 0;
  // 0x85 0x0A: a lead byte whose trail is a LF; 0x82 at the very end: truncated.
  EXPECT_EQ(Convert("a\x85\nb\x82", "sjis", &replaced), std::string("a") + kFffd + "\nb" + kFffd);
  EXPECT_EQ(replaced, 2u);
}

TEST(ConvertTest, EucJp) {
  uint32_t replaced = 0;
  // 日本 in EUC-JP, then half-width katakana ｱ (SS2 0x8E 0xB1).
  EXPECT_EQ(Convert("\xC6\xFC\xCB\xDC\x8E\xB1", "EUC-JP", &replaced),
            "\xE6\x97\xA5\xE6\x9C\xAC\xEF\xBD\xB1");
  EXPECT_EQ(replaced, 0u);
}

TEST(ConvertTest, Iso2022Jp) {
  uint32_t replaced = 0;
  // ESC $ B 0x24 0x22 ESC ( B = あ
  EXPECT_EQ(Convert("x\x1B$B$\"\x1B(By", "iso-2022-jp", &replaced), "x\xE3\x81\x82y");
  EXPECT_EQ(replaced, 0u);
}

TEST(ConvertTest, Latin1MeansWindows1252) {
  uint32_t replaced = 0;
  // 0x80 is the euro sign in windows-1252; 0x81 is undefined and stays a C1 control.
  EXPECT_EQ(Convert("\x80\xE9\x81", "ISO-8859-1", &replaced), "\xE2\x82\xAC\xC3\xA9\xC2\x81");
  EXPECT_EQ(replaced, 0u);
}

TEST(ConvertTest, Utf16SurrogatesAndStrayUnits) {
  uint32_t replaced = 0;
  // 'a', U+1F600 as D83D DE00, a lone high surrogate before 'b', then an odd byte.
  const std::string le(
      "a\0\x3D\xD8\x00\xDE\x00\xD8"
      "b\0"
      "c",
      11);
  EXPECT_EQ(Convert(le, "UTF-16LE", &replaced),
            std::string("a\xF0\x9F\x98\x80") + kFffd + "b" + kFffd);
  EXPECT_EQ(replaced, 3u);
  const std::string be("\0a\xD8\x3D\xDE\x00", 6);
  EXPECT_EQ(Convert(be, "UTF-16BE", &replaced), "a\xF0\x9F\x98\x80");
  EXPECT_EQ(replaced, 0u);
}

// The count of non-ASCII bytes weighs a declared encoding against the bytes (more than
// one in ten undecodable and the label is not trusted). It is taken eight bytes at a time:
// every length and position of the high bytes must count the same as byte by byte.
TEST(ConvertTest, CountNonAsciiAtEveryLengthAndPosition) {
  for (size_t size = 0; size <= 40; ++size) {
    for (size_t at = 0; at < size; ++at) {
      std::string s(size, 'a');
      s[at] = '\x82';  // a Shift_JIS trail byte
      EXPECT_EQ(decode_internal::CountNonAscii(s), 1u) << size << " " << at;
      for (size_t k = at; k < size; k += 3) s[k] = static_cast<char>(0x80 + k);
      size_t expected = 0;
      for (char c : s) expected += static_cast<unsigned char>(c) >= 0x80 ? 1 : 0;
      EXPECT_EQ(decode_internal::CountNonAscii(s), expected) << size << " " << at;
    }
  }
  EXPECT_EQ(decode_internal::CountNonAscii(std::string(64, '\xff')), 64u);
  EXPECT_EQ(decode_internal::CountNonAscii("\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f"), 0u);
  // Japanese in UTF-8: every byte of each character.
  EXPECT_EQ(decode_internal::CountNonAscii("ID: \xe4\xbd\x8f\xe6\xb0\x91 ok"), 6u);
}

TEST(ConvertTest, UnknownEncodingIsAnError) {
  uint32_t replaced = 0;
  EXPECT_FALSE(ConvertToUtf8("abc", "no-such-charset-xyz", &replaced).ok());
  EXPECT_FALSE(ConvertToUtf8("abc", "utf-8//TRANSLIT", &replaced).ok());
  EXPECT_FALSE(ConvertToUtf8("abc", "", &replaced).ok());
}

TEST(CharsetNamesTest, ShiftJisAliases) {
  for (const char* label : {"shift_jis", "Shift-JIS", "SJIS", "x-sjis", "MS_Kanji", "Windows-31J",
                            "cp932", " \"Shift_JIS\" "}) {
    auto charset = LookupCharset(label);
    ASSERT_TRUE(charset.has_value()) << label;
    EXPECT_EQ(charset->name, "Shift_JIS") << label;
    EXPECT_EQ(charset->iconv_name, "CP932") << label;
  }
}

TEST(CharsetNamesTest, BrowserStyleNames) {
  EXPECT_EQ(LookupCharset("iso-8859-1")->name, "windows-1252");
  EXPECT_EQ(LookupCharset("US-ASCII")->name, "windows-1252");
  EXPECT_EQ(LookupCharset("latin1")->name, "windows-1252");
  EXPECT_EQ(LookupCharset("x-euc-jp")->name, "EUC-JP");
  EXPECT_EQ(LookupCharset("ISO-2022-JP")->name, "ISO-2022-JP");
  EXPECT_EQ(LookupCharset("gb2312")->name, "GBK");
  EXPECT_EQ(LookupCharset("big5")->name, "Big5");
  EXPECT_EQ(LookupCharset("ks_c_5601-1987")->name, "EUC-KR");
  EXPECT_EQ(LookupCharset("iso-8859-9")->name, "windows-1254");
  EXPECT_EQ(LookupCharset("ISO_8859-2")->name, "ISO-8859-2");
  EXPECT_EQ(LookupCharset("utf-16")->name, "UTF-16LE");
  EXPECT_EQ(LookupCharset("UTF8")->name, "UTF-8");
  EXPECT_FALSE(LookupCharset("<%= charset %>").has_value());
  EXPECT_FALSE(LookupCharset("").has_value());
}

TEST(CharsetNamesTest, WindowsCodePages) {
  EXPECT_EQ(CharsetForCodePage(932)->name, "Shift_JIS");
  EXPECT_EQ(CharsetForCodePage(65001)->name, "UTF-8");
  EXPECT_EQ(CharsetForCodePage(1252)->name, "windows-1252");
  EXPECT_EQ(CharsetForCodePage(20932)->name, "EUC-JP");
  EXPECT_EQ(CharsetForCodePage(51932)->name, "EUC-JP");
  EXPECT_EQ(CharsetForCodePage(936)->name, "GBK");
  EXPECT_EQ(CharsetForCodePage(949)->name, "EUC-KR");
  EXPECT_EQ(CharsetForCodePage(950)->name, "Big5");
  EXPECT_EQ(CharsetForCodePage(1250)->name, "windows-1250");
  EXPECT_EQ(CharsetForCodePage(1258)->name, "windows-1258");
  EXPECT_EQ(CharsetForCodePage(874)->name, "windows-874");
  EXPECT_EQ(CharsetForCodePage(28592)->name, "ISO-8859-2");
  EXPECT_FALSE(CharsetForCodePage(12345).has_value());
}

}  // namespace
}  // namespace iescan::scanner
