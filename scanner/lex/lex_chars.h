// Character classification shared by the lexers (private to scanner/lex).
//
// All functions look at UTF-8 text through a string_view and a byte position; none of
// them reads past the end of the view. Malformed UTF-8 decodes as one byte with code point
// kBadCodePoint so a caller always advances. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace iescan::scanner::lex_internal {

inline constexpr char32_t kBadCodePoint = 0xFFFD;

struct CodePoint {
  char32_t value;  // kBadCodePoint for malformed input
  uint32_t size;   // bytes consumed, at least 1 when pos < text.size()
};

// Decodes the code point starting at `pos` (which must be < text.size()).
inline CodePoint DecodeUtf8(std::string_view text, size_t pos) {
  const auto b0 = static_cast<unsigned char>(text[pos]);
  if (b0 < 0x80) return {b0, 1};
  uint32_t len = 0;
  char32_t value = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
    value = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    value = b0 & 0x0F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    value = b0 & 0x07;
  } else {
    return {kBadCodePoint, 1};
  }
  if (pos + len > text.size()) return {kBadCodePoint, 1};
  for (uint32_t i = 1; i < len; ++i) {
    const auto b = static_cast<unsigned char>(text[pos + i]);
    if ((b & 0xC0) != 0x80) return {kBadCodePoint, 1};
    value = (value << 6) | (b & 0x3F);
  }
  // Reject overlong forms, surrogates and values past U+10FFFF.
  if ((len == 3 && value < 0x800) || (len == 4 && (value < 0x10000 || value > 0x10FFFF)) ||
      (value >= 0xD800 && value <= 0xDFFF)) {
    return {kBadCodePoint, 1};
  }
  return {value, len};
}

// Appends `cp` as UTF-8; surrogates and out-of-range values become U+FFFD.
inline void AppendUtf8(char32_t cp, std::string& out) {
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = kBadCodePoint;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiAlpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline bool IsHexDigit(char c) {
  return IsAsciiDigit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}
inline int HexValue(char c) {
  if (IsAsciiDigit(c)) return c - '0';
  return (c | 0x20) - 'a' + 10;
}

// Non-ASCII white space in JavaScript (also accepted by the other lexers): NBSP, U+1680,
// U+2000..U+200A, U+202F, U+205F, U+3000 and the BOM U+FEFF.
inline bool IsUnicodeSpace(char32_t cp) {
  return cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

// U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR.
inline bool IsUnicodeLineTerminator(char32_t cp) { return cp == 0x2028 || cp == 0x2029; }

// Length of the line terminator at `pos` (LF, CR, CRLF, U+2028, U+2029), or 0.
inline size_t LineTerminatorAt(std::string_view text, size_t pos) {
  const char c = text[pos];
  if (c == '\n') return 1;
  if (c == '\r') return (pos + 1 < text.size() && text[pos + 1] == '\n') ? 2 : 1;
  if (c == '\xE2' && pos + 2 < text.size() && text[pos + 1] == '\x80' &&
      (text[pos + 2] == '\xA8' || text[pos + 2] == '\xA9')) {
    return 3;
  }
  return 0;
}

// Whether a non-ASCII code point may appear in an identifier. This approximates the
// Unicode ID_Start/ID_Continue properties without tables: every valid non-ASCII code point
// counts except white space, line terminators and the General Punctuation and CJK
// punctuation blocks (ZWNJ and ZWJ stay allowed as identifier parts).
inline bool IsUnicodeIdentifierChar(char32_t cp) {
  if (cp == kBadCodePoint || IsUnicodeSpace(cp) || IsUnicodeLineTerminator(cp)) return false;
  if (cp == 0x200C || cp == 0x200D) return true;
  if (cp >= 0x2010 && cp <= 0x205E) return false;
  if (cp >= 0x3001 && cp <= 0x3003) return false;
  return cp >= 0x80;
}

// Case-insensitive ASCII comparison of `text` at `pos` with lowercase `word`.
inline bool MatchesAsciiNoCase(std::string_view text, size_t pos, std::string_view word) {
  if (pos + word.size() > text.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = text[pos + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != word[i]) return false;
  }
  return true;
}

}  // namespace iescan::scanner::lex_internal
