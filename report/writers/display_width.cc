#include "report/writers/display_width.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>

namespace iescan::report {
namespace {

struct Range {
  char32_t first;
  char32_t last;
};

// East Asian Wide (W) and Fullwidth (F) blocks, condensed to the ranges that matter for
// text in paths, app names and messages. Sorted, non-overlapping.
constexpr std::array<Range, 20> kWide = {{
    {0x1100, 0x115F},    // Hangul Jamo initial consonants
    {0x231A, 0x231B},    // watch, hourglass
    {0x2329, 0x232A},    // angle brackets
    {0x2E80, 0x303E},    // CJK radicals, Kangxi, ideographic description, CJK punctuation
    {0x3041, 0x33FF},    // hiragana, katakana, bopomofo, compatibility jamo, kanbun, CJK compat
    {0x3400, 0x4DBF},    // CJK extension A
    {0x4E00, 0x9FFF},    // CJK unified ideographs
    {0xA000, 0xA4CF},    // Yi
    {0xA960, 0xA97F},    // Hangul Jamo extended A
    {0xAC00, 0xD7A3},    // Hangul syllables
    {0xF900, 0xFAFF},    // CJK compatibility ideographs
    {0xFE10, 0xFE19},    // vertical forms
    {0xFE30, 0xFE6F},    // CJK compatibility forms, small form variants
    {0xFF00, 0xFF60},    // fullwidth ASCII variants
    {0xFFE0, 0xFFE6},    // fullwidth signs
    {0x1B000, 0x1B2FF},  // kana supplement and extensions
    {0x1F300, 0x1F64F},  // pictographs, emoticons
    {0x1F900, 0x1F9FF},  // supplemental symbols and pictographs
    {0x20000, 0x2FFFD},  // CJK extensions B..F, compatibility supplement
    {0x30000, 0x3FFFD},  // CJK extension G and later
}};

// Combining marks and zero-width characters.
constexpr std::array<Range, 12> kZero = {{
    {0x0300, 0x036F},
    {0x0483, 0x0489},
    {0x1AB0, 0x1AFF},
    {0x1DC0, 0x1DFF},
    {0x200B, 0x200F},
    {0x202A, 0x202E},
    {0x2060, 0x2069},
    {0x20D0, 0x20FF},
    {0x3099, 0x309A},
    {0xFE00, 0xFE0F},
    {0xFE20, 0xFE2F},
    {0xFEFF, 0xFEFF},
}};

template <size_t N>
bool InRanges(const std::array<Range, N>& ranges, char32_t cp) {
  auto it = std::upper_bound(ranges.begin(), ranges.end(), cp,
                             [](char32_t c, const Range& r) { return c < r.first; });
  if (it == ranges.begin()) return false;
  --it;
  return cp <= it->last;
}

constexpr char32_t kInvalid = 0xFFFFFFFF;

// Decodes the code point at `*pos` and advances past it. Strict UTF-8: overlong forms,
// surrogates and values past U+10FFFF are invalid; an invalid sequence consumes one byte
// and yields kInvalid.
char32_t NextCodePoint(std::string_view s, size_t* pos) {
  const auto b0 = static_cast<unsigned char>(s[*pos]);
  if (b0 < 0x80) {
    ++*pos;
    return b0;
  }
  int extra = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    extra = 1, cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    extra = 2, cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    extra = 3, cp = b0 & 0x07, min = 0x10000;
  } else {
    ++*pos;
    return kInvalid;
  }
  if (*pos + extra >= s.size()) {
    ++*pos;
    return kInvalid;
  }
  for (int i = 1; i <= extra; ++i) {
    const auto b = static_cast<unsigned char>(s[*pos + i]);
    if ((b & 0xC0) != 0x80) {
      ++*pos;
      return kInvalid;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++*pos;
    return kInvalid;
  }
  *pos += extra + 1;
  return cp;
}

bool IsBidiControl(char32_t cp) {
  return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

}  // namespace

int CodePointWidth(char32_t cp) {
  if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return 0;
  if (cp < 0x0300) return 1;
  if (InRanges(kZero, cp)) return 0;
  if (cp >= 0x1100 && InRanges(kWide, cp)) return 2;
  return 1;
}

size_t DisplayWidth(std::string_view utf8) {
  size_t width = 0;
  size_t pos = 0;
  while (pos < utf8.size()) {
    const char32_t cp = NextCodePoint(utf8, &pos);
    width += cp == kInvalid ? 1 : static_cast<size_t>(CodePointWidth(cp));
  }
  return width;
}

std::string SanitizeForTerminal(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t start = pos;
    const char32_t cp = NextCodePoint(text, &pos);
    char buf[16];
    if (cp == kInvalid) {
      out += "\xEF\xBF\xBD";
    } else if (cp < 0x20 || cp == 0x7F) {
      std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned>(cp));
      out += buf;
    } else if ((cp >= 0x80 && cp < 0xA0) || IsBidiControl(cp)) {
      std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(cp));
      out += buf;
    } else {
      out.append(text.substr(start, pos - start));
    }
  }
  return out;
}

std::string PadRight(std::string_view text, size_t width) {
  std::string out(text);
  const size_t have = DisplayWidth(text);
  if (have < width) out.append(width - have, ' ');
  return out;
}

std::string PadLeft(std::string_view text, size_t width) {
  const size_t have = DisplayWidth(text);
  std::string out;
  if (have < width) out.assign(width - have, ' ');
  out.append(text);
  return out;
}

}  // namespace iescan::report
