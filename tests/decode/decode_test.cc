// Decode(): byte-order marks, UTF-16, detection, fallbacks from wrong labels, and the
// original line/column of constructs after decoding.

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "scanner/decode/text_file.h"

namespace iescan::scanner {
namespace {

// 社内ポータル title; `var s = "表";` on line 5; attachEvent on line 6. CRLF line ends.
// 表 is 0x95 0x5C and ボ is 0x83 0x7B: both trail bytes are ASCII punctuation.
const std::string kSjisPage =
    "<html>\r\n<head><title>\x8E\xD0\x93\xE0\x83|\x81[\x83^\x83\x8B</title></head>\r\n"
    "<body>\r\n<script>\r\nvar s = \"\x95\\\";\r\n"
    "document.all.item(\"\x83{\x83^\x83\x93\").attachEvent(\"onclick\", f);\r\n"
    "</script>\r\n</body></html>\r\n";

// 日本語のテキスト title; ようこそ、社内システムへ。; showModalDialog on line 5. LF line ends.
const std::string kEucPage =
    "<html>\n<head><title>\xC6\xFC\xCB\xDC\xB8\xEC\xA4\xCE\xA5\xC6\xA5\xAD\xA5\xB9\xA5\xC8"
    "</title></head>\n<body>\n<p>\xA4\xE8\xA4\xA6\xA4\xB3\xA4\xBD\xA1\xA2\xBC\xD2\xC6\xE2"
    "\xA5\xB7\xA5\xB9\xA5\xC6\xA5\xE0\xA4\xD8\xA1\xA3</p>\n<script>document.all.msg.innerText"
    " = \"\xA4\xB3\xA4\xF3\xA4\xCB\xA4\xC1\xA4\xCF\"; window.showModalDialog(\"a.htm\");"
    "</script>\n</body></html>\n";

// A French/English page saved in windows-1252: é = 0xE9, – = 0x96, ’ = 0x92, € = 0x80.
const std::string kFrenchPage =
    "<html>\r\n<head><title>Caf\xE9 de la Gare \x96 Menu</title></head>\r\n<body>\r\n"
    "<p>Bienvenue \xE0 notre caf\xE9. Les \xE9l\xE8ves re\xE7oivent une r\xE9"
    "duction \x97 \x93"
    "c\x92"
    "est g\xE9nial\x94.</p>\r\n"
    "<p>Prices in \x80; today\x92s special: cr\xE8me br\xFBl\xE9"
    "e.</p>\r\n"
    "<script>window.attachEvent(\"onload\", init);</script>\r\n</body></html>\r\n";

// The same Japanese paragraph and script as UTF-8 source text.
const std::string kJapaneseUtf8 =
    "<p>ようこそ、社内システムへ。</p>\n"
    "<script>document.all.msg.innerText = \"こんにちは\";</script>\n";

Blob MakeBlob(std::string bytes, std::string declared_charset = "") {
  Blob blob;
  blob.origin.display = "intranet/index.htm";
  blob.origin.fs_path = "/srv/intranet/index.htm";
  blob.bytes = std::move(bytes);
  blob.declared_charset = std::move(declared_charset);
  return blob;
}

TextFile DecodeOk(std::string bytes, std::string declared_charset = "") {
  auto result = Decode(MakeBlob(std::move(bytes), std::move(declared_charset)));
  if (!result.ok()) {
    ADD_FAILURE() << result.status().message();
    return TextFile{};
  }
  return std::move(result).value();
}

// Line and column of the first occurrence of `needle` in the decoded text.
std::pair<uint32_t, uint32_t> Where(const TextFile& file, std::string_view needle) {
  const size_t offset = file.text.find(needle);
  if (offset == std::string::npos) {
    ADD_FAILURE() << "not found: " << needle;
    return {0, 0};
  }
  Position pos = file.lines.At(file.text, static_cast<uint32_t>(offset));
  return {pos.line, pos.column};
}

std::string Utf16Bytes(std::u16string_view text, bool little_endian) {
  std::string out;
  for (char16_t unit : text) {
    const char lo = static_cast<char>(unit & 0xFF);
    const char hi = static_cast<char>(unit >> 8);
    out += little_endian ? lo : hi;
    out += little_endian ? hi : lo;
  }
  return out;
}

const std::u16string kUtf16Text =
    u"<html>\r\n<body>\r\n  <p>\u65E5\u672C document.all</p>\r\n</body></html>\r\n";

TEST(DecodeTest, ShiftJisStringLiteralKeepsItsKanjiAndLines) {
  TextFile file = DecodeOk("var s = \"\x95\\\";\nalert(s);\n");
  EXPECT_EQ(file.encoding, "Shift_JIS");
  EXPECT_EQ(file.encoding_source, "detected");
  EXPECT_EQ(file.text, "var s = \"表\";\nalert(s);\n");
  EXPECT_EQ(file.text.find('\\'), std::string::npos);
  EXPECT_EQ(Where(file, "alert"), std::make_pair(2u, 1u));
  EXPECT_EQ(Where(file, "\";"), std::make_pair(1u, 11u));
  EXPECT_EQ(file.replaced_bytes, 0u);
}

TEST(DecodeTest, ShiftJisPageDetected) {
  TextFile file = DecodeOk(kSjisPage);
  EXPECT_EQ(file.encoding, "Shift_JIS");
  EXPECT_EQ(file.encoding_source, "detected");
  EXPECT_EQ(file.replaced_bytes, 0u);
  EXPECT_NE(file.text.find("<title>社内ポータル</title>"), std::string::npos);
  EXPECT_NE(file.text.find("var s = \"表\";"), std::string::npos);
  EXPECT_EQ(file.text.find('\\'), std::string::npos);
  EXPECT_EQ(Where(file, "表"), std::make_pair(5u, 10u));
  EXPECT_EQ(Where(file, "attachEvent"), std::make_pair(6u, 26u));
  EXPECT_EQ(file.lines.line_count(), 9u);
}

TEST(DecodeTest, EucJpPageDetected) {
  TextFile file = DecodeOk(kEucPage);
  EXPECT_EQ(file.encoding, "EUC-JP");
  EXPECT_EQ(file.encoding_source, "detected");
  EXPECT_EQ(file.replaced_bytes, 0u);
  EXPECT_NE(file.text.find("<p>ようこそ、社内システムへ。</p>"), std::string::npos);
  EXPECT_EQ(Where(file, "innerText"), std::make_pair(5u, 26u));
  EXPECT_EQ(Where(file, "showModalDialog"), std::make_pair(5u, 54u));
}

TEST(DecodeTest, Windows1252LegacyPageDetected) {
  TextFile file = DecodeOk(kFrenchPage);
  EXPECT_EQ(file.encoding, "windows-1252");
  EXPECT_EQ(file.encoding_source, "detected");
  EXPECT_NE(file.text.find("<title>Café de la Gare – Menu</title>"), std::string::npos);
  EXPECT_NE(file.text.find("today’s special: crème brûlée."), std::string::npos);
  EXPECT_EQ(Where(file, "special"), std::make_pair(5u, 25u));
  EXPECT_EQ(Where(file, "attachEvent"), std::make_pair(6u, 16u));
}

TEST(DecodeTest, Utf16LittleEndianBom) {
  TextFile file = DecodeOk("\xFF\xFE" + Utf16Bytes(kUtf16Text, true));
  EXPECT_EQ(file.encoding, "UTF-16LE");
  EXPECT_EQ(file.encoding_source, "bom");
  EXPECT_EQ(file.text, "<html>\r\n<body>\r\n  <p>日本 document.all</p>\r\n</body></html>\r\n");
  EXPECT_EQ(Where(file, "document"), std::make_pair(3u, 9u));
  EXPECT_EQ(Where(file, "</body>"), std::make_pair(4u, 1u));
}

TEST(DecodeTest, Utf16BigEndianBom) {
  TextFile file = DecodeOk("\xFE\xFF" + Utf16Bytes(kUtf16Text, false));
  EXPECT_EQ(file.encoding, "UTF-16BE");
  EXPECT_EQ(file.encoding_source, "bom");
  EXPECT_EQ(Where(file, "document"), std::make_pair(3u, 9u));
  EXPECT_EQ(Where(file, "all</p>"), std::make_pair(3u, 18u));
}

TEST(DecodeTest, Utf16WithoutBomDetectedFromNulBytes) {
  TextFile le = DecodeOk(Utf16Bytes(kUtf16Text, true));
  EXPECT_EQ(le.encoding, "UTF-16LE");
  EXPECT_EQ(le.encoding_source, "detected");
  EXPECT_EQ(Where(le, "document"), std::make_pair(3u, 9u));
  TextFile be = DecodeOk(Utf16Bytes(kUtf16Text, false));
  EXPECT_EQ(be.encoding, "UTF-16BE");
  EXPECT_EQ(be.encoding_source, "detected");
  EXPECT_EQ(Where(be, "document"), std::make_pair(3u, 9u));
}

TEST(DecodeTest, Utf8BomIsStripped) {
  TextFile file = DecodeOk("\xEF\xBB\xBFvar x = document.all;\n");
  EXPECT_EQ(file.encoding, "UTF-8");
  EXPECT_EQ(file.encoding_source, "bom");
  EXPECT_EQ(file.text, "var x = document.all;\n");
  EXPECT_EQ(Where(file, "document"), std::make_pair(1u, 9u));
}

TEST(DecodeTest, LineEndingsCrLfLoneCrAndMixed) {
  TextFile crlf = DecodeOk("<html>\r\n<body>\r\n<object classid=x>\r\n");
  EXPECT_EQ(Where(crlf, "<object"), std::make_pair(3u, 1u));
  TextFile cr = DecodeOk("<html>\r<body>\r  <object classid=x>\r");
  EXPECT_EQ(Where(cr, "<object"), std::make_pair(3u, 3u));
  EXPECT_EQ(cr.lines.line_count(), 4u);
  TextFile mixed = DecodeOk("a\nb\r\nc\rd\n\re <object>");
  EXPECT_EQ(Where(mixed, "<object>"), std::make_pair(6u, 3u));
}

TEST(DecodeTest, SeparatorsThatAreNotLineEnds) {
  // U+2028, U+0085 (UTF-8) and form feed stay inside line 1.
  TextFile file = DecodeOk(
      "a\xE2\x80\xA8"
      "b\xC2\x85"
      "c\f document.all\nx");
  EXPECT_EQ(file.encoding, "UTF-8");
  EXPECT_EQ(Where(file, "document"), std::make_pair(1u, 8u));
  EXPECT_EQ(Where(file, "x"), std::make_pair(2u, 1u));
  // In windows-1252, 0x85 is an ellipsis and does not end a line either.
  TextFile legacy = DecodeOk("caf\xE9\x85 document.all\nx");
  EXPECT_EQ(legacy.encoding, "windows-1252");
  EXPECT_EQ(Where(legacy, "document"), std::make_pair(1u, 7u));
}

TEST(DecodeTest, ColumnsAfterMultibyteCharacters) {
  TextFile file =
      DecodeOk("// \xE6\xB3\xA8\xE6\x84\x8F: \xF0\x9F\x98\x80 x.attachEvent('onclick', f);\n");
  EXPECT_EQ(Where(file, "x.attachEvent"), std::make_pair(1u, 10u));
}

TEST(DecodeTest, InvalidUtf8UnderAUtf8LabelIsReplacedAndCounted) {
  TextFile file = DecodeOk("<meta charset=\"utf-8\">\n<p>" + kJapaneseUtf8.substr(3, 39) +
                           " \xFF\xFE ok</p>\n");
  EXPECT_EQ(file.encoding, "UTF-8");
  EXPECT_EQ(file.encoding_source, "meta");
  EXPECT_EQ(file.replaced_bytes, 2u);
  EXPECT_NE(file.text.find("ようこそ、社内システムへ。 \xEF\xBF\xBD\xEF\xBF\xBD ok"),
            std::string::npos);
  EXPECT_EQ(Where(file, "ok</p>"), std::make_pair(2u, 21u));
}

TEST(DecodeTest, MostlyUtf8WithoutLabelStaysUtf8) {
  TextFile file = DecodeOk(kJapaneseUtf8 + "<p>\x81</p>\n");
  EXPECT_EQ(file.encoding, "UTF-8");
  EXPECT_EQ(file.encoding_source, "detected");
  EXPECT_EQ(file.replaced_bytes, 1u);
  EXPECT_EQ(Where(file, "innerText"), std::make_pair(2u, 26u));
}

TEST(DecodeTest, EmptyFile) {
  TextFile file = DecodeOk("");
  EXPECT_EQ(file.text, "");
  EXPECT_EQ(file.encoding, "UTF-8");
  EXPECT_EQ(file.encoding_source, "default");
  EXPECT_EQ(file.lines.line_count(), 1u);
  EXPECT_EQ(file.lines.At(file.text, 0).line, 1u);
}

TEST(DecodeTest, PureAsciiIsUtf8AndNulBytesAreKept) {
  TextFile file = DecodeOk(std::string("ab\0cd\nef", 8));
  EXPECT_EQ(file.encoding, "UTF-8");
  EXPECT_EQ(file.encoding_source, "detected");
  EXPECT_EQ(file.text, std::string("ab\0cd\nef", 8));
  EXPECT_EQ(file.lines.line_count(), 2u);
}

TEST(DecodeTest, OriginAndHeadersAreCopied) {
  Blob blob = MakeBlob("<p>x</p>");
  blob.headers = {{"x-ua-compatible", "IE=5"}, {"content-type", "text/html"}};
  auto result = Decode(blob);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->origin.display, "intranet/index.htm");
  EXPECT_EQ(result->origin.fs_path, "/srv/intranet/index.htm");
  ASSERT_EQ(result->headers.size(), 2u);
  EXPECT_EQ(result->headers[0].first, "x-ua-compatible");
  EXPECT_EQ(result->headers[0].second, "IE=5");
}

TEST(DecodeFallbackTest, Utf8LabelOnShiftJisBytes) {
  TextFile file = DecodeOk("<meta charset=\"utf-8\">\n" + kSjisPage);
  EXPECT_EQ(file.encoding, "Shift_JIS");
  EXPECT_EQ(file.encoding_source, "detected (declared UTF-8 did not fit)");
  EXPECT_EQ(file.replaced_bytes, 0u);
  EXPECT_EQ(Where(file, "attachEvent"), std::make_pair(7u, 26u));
}

TEST(DecodeFallbackTest, ShiftJisLabelOnAFileResavedAsUtf8) {
  TextFile file = DecodeOk(
      "<meta http-equiv=\"Content-Type\" content=\"text/html; "
      "charset=Shift_JIS\">\n" +
      kJapaneseUtf8);
  EXPECT_EQ(file.encoding, "UTF-8");
  EXPECT_EQ(file.encoding_source, "detected (declared Shift_JIS did not fit)");
  EXPECT_EQ(Where(file, "innerText"), std::make_pair(3u, 26u));
}

TEST(DecodeFallbackTest, Latin1HeaderOnUtf8Bytes) {
  TextFile file = DecodeOk(kJapaneseUtf8, "ISO-8859-1");
  EXPECT_EQ(file.encoding, "UTF-8");
  EXPECT_EQ(file.encoding_source, "detected (declared windows-1252 did not fit)");
}

TEST(DecodeFallbackTest, Utf8LabelOnLatin1Bytes) {
  TextFile file = DecodeOk("<meta charset=utf-8>\n" + kFrenchPage);
  EXPECT_EQ(file.encoding, "windows-1252");
  EXPECT_EQ(file.encoding_source, "detected (declared UTF-8 did not fit)");
  EXPECT_NE(file.text.find("crème brûlée"), std::string::npos);
}

TEST(DecodeFallbackTest, Utf16HeaderOnAsciiBytes) {
  TextFile file = DecodeOk("<script>document.all.x.style.display='none';</script>\n", "utf-16");
  EXPECT_EQ(file.encoding, "UTF-8");
  EXPECT_EQ(file.encoding_source, "detected (declared UTF-16LE did not fit)");
  EXPECT_EQ(Where(file, "document"), std::make_pair(1u, 9u));
}

TEST(DecodeFallbackTest, AsciiHeaderOnUtf16Bytes) {
  TextFile file = DecodeOk(Utf16Bytes(kUtf16Text, true), "windows-1252");
  EXPECT_EQ(file.encoding, "UTF-16LE");
  EXPECT_EQ(file.encoding_source, "detected (declared windows-1252 did not fit)");
}

TEST(DecodeFallbackTest, LabelKeptWhenNothingDecodesBetter) {
  // A genuine Shift_JIS page with one corrupt byte (0xFD) keeps its label.
  TextFile file = DecodeOk("<meta charset=\"Shift_JIS\">\n" + kSjisPage + "\xFD\n");
  EXPECT_EQ(file.encoding, "Shift_JIS");
  EXPECT_EQ(file.encoding_source, "meta");
  EXPECT_EQ(file.replaced_bytes, 1u);
}

TEST(DecodeTest, MovedAndCopiedBlobsDecodeAlike) {
  const std::vector<std::pair<std::string, std::string>> inputs = {
      {"\xEF\xBB\xBFvar a = 1;\r\nvar b = '\xC3\xA9';\n", ""},
      {kJapaneseUtf8, ""},
      {kJapaneseUtf8, "ISO-8859-1"},
      {"<meta charset=utf-8>\n" + kSjisPage, ""},
      {Utf16Bytes(kUtf16Text, true), "utf-8"},
      {Utf16Bytes(u"<p>document.all</p>\r\n", true), "utf-8"},  // valid UTF-8 too
      {kFrenchPage, ""},
      {"", ""},
  };
  for (const auto& [bytes, declared] : inputs) {
    SCOPED_TRACE(bytes.substr(0, 24));
    Blob blob = MakeBlob(bytes, declared);
    blob.headers = {{"x-ua-compatible", "IE=EmulateIE7"}};
    auto copied = Decode(static_cast<const Blob&>(blob));
    auto moved = Decode(std::move(blob));
    ASSERT_TRUE(copied.ok());
    ASSERT_TRUE(moved.ok());
    EXPECT_EQ(moved->text, copied->text);
    EXPECT_EQ(moved->encoding, copied->encoding);
    EXPECT_EQ(moved->encoding_source, copied->encoding_source);
    EXPECT_EQ(moved->replaced_bytes, copied->replaced_bytes);
    EXPECT_EQ(moved->lines.line_count(), copied->lines.line_count());
    EXPECT_EQ(moved->origin.display, "intranet/index.htm");
    ASSERT_EQ(moved->headers.size(), 1u);
    EXPECT_EQ(moved->headers[0].second, "IE=EmulateIE7");
  }
  // The BOM case: the moved text starts after the mark.
  auto bom = Decode(MakeBlob("\xEF\xBB\xBFvar a = 1;\r\nvar b = 2;\n"));
  ASSERT_TRUE(bom.ok());
  EXPECT_EQ(bom->text, "var a = 1;\r\nvar b = 2;\n");
  EXPECT_EQ(bom->lines.LineStart(2), 12u);
}

TEST(DecodeTest, DocumentationWorkedExample) {
  const std::string bytes =
      "<%@ Language=VBScript CodePage=932 %>\r\n<html><head><title>\x8E\xD0\x93\xE0\x83|\x81["
      "\x83^\x83\x8B</title></head>\r\n<script>var s = \"\x95\\\"; "
      "document.all.x.attachEvent(\"onclick\", f);</script>\r\n";
  TextFile file = DecodeOk(bytes);
  EXPECT_EQ(file.encoding, "Shift_JIS");
  EXPECT_EQ(file.encoding_source, "asp-codepage");
  EXPECT_EQ(bytes.find("attachEvent"), 124u);
  EXPECT_EQ(file.text.find("attachEvent"), 131u);
  EXPECT_EQ(Where(file, "attachEvent"), std::make_pair(3u, 37u));
}

TEST(DecodeTest, ConcurrentDecodingGivesTheSameResults) {
  // Each thread has its own iconv descriptors and uchardet state.
  const std::vector<std::string> inputs = {kSjisPage, kEucPage, kFrenchPage,
                                           "<meta charset=gbk>\n\xB1\xED\n"};
  std::vector<std::string> expected;
  for (const std::string& input : inputs) expected.push_back(DecodeOk(input).text);
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 50; ++round) {
        const size_t i = static_cast<size_t>(t + round) % inputs.size();
        auto result = Decode(MakeBlob(inputs[i]));
        if (!result.ok() || result->text != expected[i]) ++mismatches[t];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(mismatches, std::vector<int>(4, 0));
  EXPECT_EQ(expected[3], "<meta charset=gbk>\n表\n");
}

}  // namespace
}  // namespace iescan::scanner
