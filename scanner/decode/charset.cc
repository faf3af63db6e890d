// Charset label tables. The label lists follow what browsers and the Windows/Java servers
// of the legacy intranet era accepted; ISO-8859-1 and US-ASCII mean windows-1252, as they
// do in every browser.

#include "scanner/decode/charset.h"

#include <iconv.h>

#include <array>
#include <cctype>
#include <initializer_list>

namespace iescan::scanner::decode_internal {
namespace {

struct Row {
  const char* name;
  const char* iconv_name;
  Codec codec;
  bool single_byte;
};

// clang-format off
// Row indexes into kRows, referenced by the label table below.
enum RowId : uint8_t {
  kUtf8Row, kUtf16LeRow, kUtf16BeRow, kWin1252Row, kShiftJisRow, kEucJpRow, kIso2022JpRow,
  kGbkRow, kGb18030Row, kBig5Row, kEucKrRow, kWin1250Row, kWin1251Row, kWin1253Row,
  kWin1254Row, kWin1255Row, kWin1256Row, kWin1257Row, kWin1258Row, kWin874Row, kKoi8RRow,
  kKoi8URow, kIbm866Row, kMacintoshRow,
};

constexpr std::array<Row, 24> kRows = {{
    {"UTF-8", "", Codec::kUtf8, false},
    {"UTF-16LE", "", Codec::kUtf16Le, false},
    {"UTF-16BE", "", Codec::kUtf16Be, false},
    {"windows-1252", "", Codec::kWindows1252, true},
    {"Shift_JIS", "CP932", Codec::kIconv, false},
    {"EUC-JP", "EUC-JP-MS", Codec::kIconv, false},  // plain EUC-JP if -MS is missing
    {"ISO-2022-JP", "ISO-2022-JP-2", Codec::kIconv, false},
    {"GBK", "GB18030", Codec::kIconv, false},  // GB18030 decodes every GBK byte sequence
    {"GB18030", "GB18030", Codec::kIconv, false},
    {"Big5", "BIG5-HKSCS", Codec::kIconv, false},
    {"EUC-KR", "CP949", Codec::kIconv, false},  // the Windows superset, as browsers use
    {"windows-1250", "CP1250", Codec::kIconv, true},
    {"windows-1251", "CP1251", Codec::kIconv, true},
    {"windows-1253", "CP1253", Codec::kIconv, true},
    {"windows-1254", "CP1254", Codec::kIconv, true},
    {"windows-1255", "CP1255", Codec::kIconv, true},
    {"windows-1256", "CP1256", Codec::kIconv, true},
    {"windows-1257", "CP1257", Codec::kIconv, true},
    {"windows-1258", "CP1258", Codec::kIconv, true},
    {"windows-874", "CP874", Codec::kIconv, true},
    {"KOI8-R", "KOI8-R", Codec::kIconv, true},
    {"KOI8-U", "KOI8-U", Codec::kIconv, true},
    {"IBM866", "IBM866", Codec::kIconv, true},
    {"macintosh", "MACINTOSH", Codec::kIconv, true},
}};

struct Label {
  const char* label;  // lower case
  RowId row;
};

constexpr Label kLabels[] = {
    {"utf-8", kUtf8Row}, {"utf8", kUtf8Row}, {"unicode-1-1-utf-8", kUtf8Row},
    {"unicode11utf8", kUtf8Row}, {"unicode20utf8", kUtf8Row}, {"x-unicode20utf8", kUtf8Row},
    {"cp65001", kUtf8Row},
    {"utf-16", kUtf16LeRow}, {"utf-16le", kUtf16LeRow}, {"unicode", kUtf16LeRow},
    {"ucs-2", kUtf16LeRow}, {"csunicode", kUtf16LeRow}, {"iso-10646-ucs-2", kUtf16LeRow},
    {"unicodefeff", kUtf16LeRow}, {"utf-16be", kUtf16BeRow}, {"unicodefffe", kUtf16BeRow},
    {"windows-1252", kWin1252Row}, {"cp1252", kWin1252Row}, {"x-cp1252", kWin1252Row},
    {"iso-8859-1", kWin1252Row}, {"iso8859-1", kWin1252Row}, {"iso88591", kWin1252Row},
    {"iso_8859-1", kWin1252Row}, {"iso_8859-1:1987", kWin1252Row}, {"latin1", kWin1252Row},
    {"l1", kWin1252Row}, {"iso-ir-100", kWin1252Row}, {"ibm819", kWin1252Row},
    {"cp819", kWin1252Row}, {"csisolatin1", kWin1252Row}, {"us-ascii", kWin1252Row},
    {"ascii", kWin1252Row}, {"ansi_x3.4-1968", kWin1252Row}, {"iso-ir-6", kWin1252Row},
    {"shift_jis", kShiftJisRow}, {"shift-jis", kShiftJisRow}, {"shiftjis", kShiftJisRow},
    {"sjis", kShiftJisRow}, {"x-sjis", kShiftJisRow}, {"ms_kanji", kShiftJisRow},
    {"csshiftjis", kShiftJisRow}, {"windows-31j", kShiftJisRow}, {"cp932", kShiftJisRow},
    {"ms932", kShiftJisRow}, {"x-ms-cp932", kShiftJisRow}, {"x-shift_jis", kShiftJisRow},
    {"euc-jp", kEucJpRow}, {"eucjp", kEucJpRow}, {"x-euc-jp", kEucJpRow},
    {"cseucpkdfmtjapanese", kEucJpRow}, {"ujis", kEucJpRow}, {"x-euc", kEucJpRow},
    {"euc-jp-ms", kEucJpRow}, {"eucjp-ms", kEucJpRow}, {"eucjp-win", kEucJpRow},
    {"iso-2022-jp", kIso2022JpRow}, {"csiso2022jp", kIso2022JpRow}, {"jis", kIso2022JpRow},
    {"iso2022jp", kIso2022JpRow},
    {"gbk", kGbkRow}, {"gb2312", kGbkRow}, {"chinese", kGbkRow}, {"csgb2312", kGbkRow},
    {"csiso58gb231280", kGbkRow}, {"gb_2312", kGbkRow}, {"gb_2312-80", kGbkRow},
    {"iso-ir-58", kGbkRow}, {"x-gbk", kGbkRow}, {"cp936", kGbkRow}, {"ms936", kGbkRow},
    {"windows-936", kGbkRow}, {"euc-cn", kGbkRow}, {"gb18030", kGb18030Row},
    {"big5", kBig5Row}, {"big5-hkscs", kBig5Row}, {"cn-big5", kBig5Row}, {"csbig5", kBig5Row},
    {"x-x-big5", kBig5Row}, {"cp950", kBig5Row}, {"windows-950", kBig5Row},
    {"ms950", kBig5Row},
    {"euc-kr", kEucKrRow}, {"ks_c_5601-1987", kEucKrRow}, {"ks_c_5601-1989", kEucKrRow},
    {"ksc5601", kEucKrRow}, {"ksc_5601", kEucKrRow}, {"korean", kEucKrRow},
    {"csksc56011987", kEucKrRow}, {"iso-ir-149", kEucKrRow}, {"windows-949", kEucKrRow},
    {"cp949", kEucKrRow}, {"uhc", kEucKrRow}, {"cseuckr", kEucKrRow},
    {"windows-1250", kWin1250Row}, {"cp1250", kWin1250Row}, {"x-cp1250", kWin1250Row},
    {"windows-1251", kWin1251Row}, {"cp1251", kWin1251Row}, {"x-cp1251", kWin1251Row},
    {"windows-1253", kWin1253Row}, {"cp1253", kWin1253Row}, {"x-cp1253", kWin1253Row},
    {"windows-1254", kWin1254Row}, {"cp1254", kWin1254Row}, {"x-cp1254", kWin1254Row},
    {"iso-8859-9", kWin1254Row}, {"iso8859-9", kWin1254Row}, {"latin5", kWin1254Row},
    {"windows-1255", kWin1255Row}, {"cp1255", kWin1255Row}, {"x-cp1255", kWin1255Row},
    {"windows-1256", kWin1256Row}, {"cp1256", kWin1256Row}, {"x-cp1256", kWin1256Row},
    {"windows-1257", kWin1257Row}, {"cp1257", kWin1257Row}, {"x-cp1257", kWin1257Row},
    {"windows-1258", kWin1258Row}, {"cp1258", kWin1258Row}, {"x-cp1258", kWin1258Row},
    {"windows-874", kWin874Row}, {"cp874", kWin874Row}, {"dos-874", kWin874Row},
    {"tis-620", kWin874Row}, {"iso-8859-11", kWin874Row},
    {"koi8-r", kKoi8RRow}, {"koi8r", kKoi8RRow}, {"koi8", kKoi8RRow}, {"cskoi8r", kKoi8RRow},
    {"koi8-u", kKoi8URow}, {"koi8-ru", kKoi8URow},
    {"ibm866", kIbm866Row}, {"cp866", kIbm866Row}, {"866", kIbm866Row},
    {"macintosh", kMacintoshRow}, {"mac", kMacintoshRow}, {"x-mac-roman", kMacintoshRow},
    {"csmacintosh", kMacintoshRow},
};

struct CodePage {
  uint32_t number;
  RowId row;
};

constexpr CodePage kCodePages[] = {
    {932, kShiftJisRow}, {65001, kUtf8Row}, {1252, kWin1252Row}, {28591, kWin1252Row},
    {20127, kWin1252Row}, {20932, kEucJpRow}, {51932, kEucJpRow}, {50220, kIso2022JpRow},
    {50221, kIso2022JpRow}, {50222, kIso2022JpRow}, {936, kGbkRow}, {51936, kGbkRow},
    {54936, kGb18030Row}, {949, kEucKrRow}, {51949, kEucKrRow}, {950, kBig5Row},
    {1250, kWin1250Row}, {1251, kWin1251Row}, {1253, kWin1253Row}, {1254, kWin1254Row},
    {28599, kWin1254Row}, {1255, kWin1255Row}, {1256, kWin1256Row}, {1257, kWin1257Row},
    {1258, kWin1258Row}, {874, kWin874Row}, {1200, kUtf16LeRow}, {1201, kUtf16BeRow},
    {20866, kKoi8RRow}, {21866, kKoi8URow}, {866, kIbm866Row}, {10000, kMacintoshRow},
};

// clang-format on

bool IconvHas(const char* name) {
  iconv_t cd = iconv_open("UTF-8", name);
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;  // NOLINT: iconv's failure value
  iconv_close(cd);
  return true;
}

Charset FromRow(RowId id) {
  const Row& row = kRows[id];
  Charset charset{row.name, row.iconv_name, row.codec, row.single_byte};
  if (id == kEucJpRow) {
    static const bool has_ms = IconvHas("EUC-JP-MS");  // thread-safe one-time probe
    if (!has_ms) charset.iconv_name = "EUC-JP";
  }
  return charset;
}

std::string Normalize(std::string_view label) {
  auto is_trim = [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '"' || c == '\'';
  };
  while (!label.empty() && is_trim(label.front())) label.remove_prefix(1);
  while (!label.empty() && is_trim(label.back())) label.remove_suffix(1);
  std::string out;
  out.reserve(label.size());
  for (char c : label)
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return out;
}

// ISO-8859-N labels in any spelling; 1, 9 and 11 mean windows-1252, -1254 and -874.
std::optional<Charset> IsoLabel(const std::string& label) {
  for (std::string_view prefix : {"iso-8859-", "iso8859-", "iso_8859-", "iso8859_"}) {
    if (label.size() <= prefix.size() || label.compare(0, prefix.size(), prefix) != 0) continue;
    std::string_view digits = std::string_view(label).substr(prefix.size());
    if (digits.size() > 2) return std::nullopt;
    int n = 0;
    for (char c : digits) {
      if (c < '0' || c > '9') return std::nullopt;
      n = n * 10 + (c - '0');
    }
    if (n == 1) return FromRow(kWin1252Row);
    if (n == 9) return FromRow(kWin1254Row);
    if (n == 11) return FromRow(kWin874Row);
    if (n < 2 || n > 16 || n == 12) return std::nullopt;
    std::string name = "ISO-8859-" + std::to_string(n);
    return Charset{name, name, Codec::kIconv, true};
  }
  return std::nullopt;
}

bool PlainName(const std::string& label) {
  if (label.empty() || label.size() > 40) return false;
  for (char c : label) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
              c == '.' || c == ':';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

std::optional<Charset> LookupCharset(std::string_view raw) {
  std::string label = Normalize(raw);
  if (label.empty()) return std::nullopt;
  for (const Label& entry : kLabels) {
    if (label == entry.label) return FromRow(entry.row);
  }
  if (auto iso = IsoLabel(label)) return iso;
  if (!PlainName(label)) return std::nullopt;
  std::string upper;
  for (char c : label)
    upper.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  return Charset{upper, upper, Codec::kIconv, false};
}

std::optional<Charset> CharsetForCodePage(uint32_t code_page) {
  for (const CodePage& entry : kCodePages) {
    if (entry.number == code_page) return FromRow(entry.row);
  }
  if (code_page >= 28592 && code_page <= 28605) {  // ISO-8859-2 .. ISO-8859-15
    return LookupCharset("iso-8859-" + std::to_string(code_page - 28590));
  }
  return std::nullopt;
}

Charset Utf8Charset() { return FromRow(kUtf8Row); }
Charset Windows1252Charset() { return FromRow(kWin1252Row); }
Charset ShiftJisCharset() { return FromRow(kShiftJisRow); }
Charset EucJpCharset() { return FromRow(kEucJpRow); }
Charset Utf16Charset(bool little_endian) {
  return FromRow(little_endian ? kUtf16LeRow : kUtf16BeRow);
}

}  // namespace iescan::scanner::decode_internal
