// In-document charset declarations and their precedence over the HTTP header.

#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "scanner/decode/text_file.h"

namespace iescan::scanner {
namespace {

// "<p>ようこそ、社内システムへ。</p>" and a script line, in Shift_JIS and in EUC-JP.
const std::string kSjisBody =
    "<p>\x82\xE6\x82\xA4\x82\xB1\x82\xBB\x81"
    "A\x8E\xD0\x93\xE0\x83V\x83X\x83"
    "e\x83\x80"
    "\x82\xD6\x81"
    "B</p>\n<script>document.all.msg.innerText = \"\x82\xB1\x82\xF1\x82\xC9"
    "\x82\xBF\x82\xCD\";</script>\n";
const std::string kEucBody =
    "<p>\xA4\xE8\xA4\xA6\xA4\xB3\xA4\xBD\xA1\xA2\xBC\xD2\xC6\xE2\xA5\xB7\xA5\xB9\xA5\xC6\xA5"
    "\xE0\xA4\xD8\xA1\xA3</p>\n<script>document.all.msg.innerText = \"\xA4\xB3\xA4\xF3\xA4"
    "\xCB\xA4\xC1\xA4\xCF\";</script>\n";
const std::string kBodyUtf8 =
    "<p>ようこそ、社内システムへ。</p>\n"
    "<script>document.all.msg.innerText = \"こんにちは\";</script>\n";

TextFile DecodeOk(std::string bytes, std::string declared_charset = "") {
  Blob blob;
  blob.origin.display = "app/page.asp";
  blob.bytes = std::move(bytes);
  blob.declared_charset = std::move(declared_charset);
  auto result = Decode(blob);
  if (!result.ok()) {
    ADD_FAILURE() << result.status().message();
    return TextFile{};
  }
  return std::move(result).value();
}

std::pair<uint32_t, uint32_t> Where(const TextFile& file, std::string_view needle) {
  const size_t offset = file.text.find(needle);
  if (offset == std::string::npos) {
    ADD_FAILURE() << "not found: " << needle;
    return {0, 0};
  }
  Position pos = file.lines.At(file.text, static_cast<uint32_t>(offset));
  return {pos.line, pos.column};
}

struct Case {
  const char* name;
  std::string prefix;  // ASCII text before the body, with the declaration
  bool euc_body;       // body in EUC-JP (else Shift_JIS)
  const char* encoding;
  const char* source;
};

TEST(DeclarationTest, EachFormIsHonoured) {
  const Case cases[] = {
      {"meta charset", "<!DOCTYPE html>\n<html><head><meta charset=\"shift_jis\">\n", false,
       "Shift_JIS", "meta"},
      {"meta http-equiv",
       "<HTML><HEAD>\n<META HTTP-EQUIV=\"Content-Type\" "
       "CONTENT=\"text/html; charset=x-sjis\">\n",
       false, "Shift_JIS", "meta"},
      {"meta http-equiv reordered",
       "<head>\n<meta content='text/html;charset=EUC-JP' "
       "http-equiv='content-type' />\n",
       true, "EUC-JP", "meta"},
      {"meta unquoted", "<head>\n<meta charset=euc-jp>\n", true, "EUC-JP", "meta"},
      {"xml declaration", "<?xml version=\"1.0\" encoding=\"EUC-JP\"?>\n<root>\n", true, "EUC-JP",
       "xml-declaration"},
      {"css charset", "@charset \"Shift_JIS\";\n.x { behavior: url(a.htc); }\n", false, "Shift_JIS",
       "css-charset"},
      {"jsp pageEncoding beats contentType",
       "<%@ page language=\"java\" contentType=\"text/html; charset=EUC-JP\"\n"
       "    pageEncoding=\"Windows-31J\" %>\n",
       false, "Shift_JIS", "jsp-page-encoding"},
      {"jsp contentType", "<%@ page contentType=\"text/html;charset=EUC-JP\" %>\n<html>\n", true,
       "EUC-JP", "jsp-page-encoding"},
      {"jsp xml syntax", "<jsp:directive.page pageEncoding=\"MS932\"/>\n<html>\n", false,
       "Shift_JIS", "jsp-page-encoding"},
      {"asp codepage 932", "<%@ LANGUAGE=\"VBSCRIPT\" CODEPAGE=\"932\" %>\n<html>\n", false,
       "Shift_JIS", "asp-codepage"},
      {"asp codepage 20932", "<%@Language=VBScript CodePage=20932%>\n<html>\n", true, "EUC-JP",
       "asp-codepage"},
      {"asp codepage 51932", "<%@ CodePage = 51932 %>\n<html>\n", true, "EUC-JP", "asp-codepage"},
      {"asp.net page directive", "<%@ Page Language=\"C#\" CodePage=\"932\" %>\n", false,
       "Shift_JIS", "asp-codepage"},
      {"asp directive beats meta", "<%@ CodePage=932 %>\n<meta charset=\"euc-jp\">\n", false,
       "Shift_JIS", "asp-codepage"},
      {"asp Response.Charset", "<%\nOption Explicit\nResponse.Charset = \"euc-jp\"\n%>\n", true,
       "EUC-JP", "asp-codepage"},
      {"asp Response.CodePage", "<%\nResponse.CodePage = 932\n%>\n<html>\n", false, "Shift_JIS",
       "asp-codepage"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    TextFile file = DecodeOk(c.prefix + (c.euc_body ? kEucBody : kSjisBody));
    EXPECT_EQ(file.encoding, c.encoding);
    EXPECT_EQ(file.encoding_source, c.source);
    EXPECT_EQ(file.replaced_bytes, 0u);
    EXPECT_EQ(file.text, c.prefix + kBodyUtf8);
    const uint32_t prefix_lines = LineIndex(c.prefix).line_count() - 1;
    EXPECT_EQ(Where(file, "innerText"), std::make_pair(prefix_lines + 2, 26u));
  }
}

TEST(DeclarationTest, AspCodePagesForOtherEncodings) {
  TextFile utf8 = DecodeOk("<%@ CodePage=65001 %>\n" + kBodyUtf8);
  EXPECT_EQ(utf8.encoding, "UTF-8");
  EXPECT_EQ(utf8.encoding_source, "asp-codepage");
  TextFile latin = DecodeOk("<%@ Language=VBScript CodePage=1252 %>\n<p>Caf\xE9</p>\n");
  EXPECT_EQ(latin.encoding, "windows-1252");
  EXPECT_EQ(latin.encoding_source, "asp-codepage");
  EXPECT_EQ(latin.text, "<%@ Language=VBScript CodePage=1252 %>\n<p>Café</p>\n");
}

TEST(DeclarationTest, CssCharsetCountsOnlyAtTheVeryStart) {
  TextFile file = DecodeOk("/* site */\n@charset \"EUC-JP\";\n/* " + kSjisBody + " */\n");
  EXPECT_EQ(file.encoding, "Shift_JIS");
  EXPECT_EQ(file.encoding_source, "detected");
}

TEST(DeclarationTest, CommentedOutMetaIsIgnored) {
  TextFile file = DecodeOk("<!-- <meta charset=\"euc-jp\"> -->\n" + kSjisBody);
  EXPECT_EQ(file.encoding, "Shift_JIS");
  EXPECT_EQ(file.encoding_source, "detected");
}

TEST(DeclarationTest, MetaPastTheFirst4KiBIsIgnored) {
  const std::string padding = "<p>" + std::string(4100, 'x') + "</p>\n";
  TextFile file = DecodeOk(padding + "<meta charset=\"euc-jp\">\n" + kSjisBody);
  EXPECT_EQ(file.encoding, "Shift_JIS");
  EXPECT_EQ(file.encoding_source, "detected");
}

TEST(DeclarationTest, MetaBeatsHttpHeader) {
  TextFile file = DecodeOk("<meta charset=\"Shift_JIS\">\n" + kSjisBody, "ISO-8859-1");
  EXPECT_EQ(file.encoding, "Shift_JIS");
  EXPECT_EQ(file.encoding_source, "meta");
}

TEST(DeclarationTest, HttpHeaderUsedWithoutInDocumentDeclaration) {
  TextFile sjis = DecodeOk("<html>\n" + kSjisBody, "Shift_JIS");
  EXPECT_EQ(sjis.encoding, "Shift_JIS");
  EXPECT_EQ(sjis.encoding_source, "http-header");
  TextFile euc = DecodeOk("<html>\n" + kEucBody, "x-euc-jp");
  EXPECT_EQ(euc.encoding, "EUC-JP");
  EXPECT_EQ(euc.encoding_source, "http-header");
  EXPECT_EQ(Where(euc, "innerText"), std::make_pair(3u, 26u));
}

TEST(DeclarationTest, UnusableLabelsFallThrough) {
  // A label computed by server code is not a charset; the HTTP header decides.
  TextFile file = DecodeOk("<meta charset=\"<%= enc %>\">\n" + kSjisBody, "Shift_JIS");
  EXPECT_EQ(file.encoding, "Shift_JIS");
  EXPECT_EQ(file.encoding_source, "http-header");
  // An unknown label, then a real one in a second <meta>.
  TextFile second =
      DecodeOk("<meta charset=\"x-klingon\">\n<meta charset=\"EUC-JP\">\n" + kEucBody);
  EXPECT_EQ(second.encoding, "EUC-JP");
  EXPECT_EQ(second.encoding_source, "meta");
  // A UTF-16 label in a file readable as ASCII cannot be right.
  TextFile xml = DecodeOk("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<a/>\n");
  EXPECT_EQ(xml.encoding, "UTF-8");
  EXPECT_EQ(xml.encoding_source, "detected");
}

}  // namespace
}  // namespace iescan::scanner
