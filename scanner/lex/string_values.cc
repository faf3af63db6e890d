// String-literal values: JsStringValue, VbsStringValue and CssStringValue.
//
// Map contract (JS and VBS): map[i] is the offset in the literal of the byte that produced
// output byte i. Bytes copied verbatim map to themselves; every byte an escape sequence
// produces maps to its backslash (VBS: a doubled quote maps to its first quote); the
// final entry is the offset of the closing quote, or the literal's size when the literal
// is unterminated. A template's ${...} parts are copied verbatim, and its CR and CRLF line
// ends become LF (mapped to the CR), as JavaScript cooks them.
#include <algorithm>
#include <vector>

#include "scanner/lex/lex_chars.h"
#include "scanner/lex/lexers.h"

namespace iescan::scanner {
namespace {

using lex_internal::AppendUtf8;
using lex_internal::DecodeUtf8;
using lex_internal::HexValue;
using lex_internal::IsHexDigit;

// Output with an optional offset map.
class Sink {
 public:
  explicit Sink(std::vector<uint32_t>* map) : map_(map) {
    if (map_ != nullptr) map_->clear();
  }
  void Byte(char c, size_t from) {
    out_.push_back(c);
    if (map_ != nullptr) map_->push_back(static_cast<uint32_t>(from));
  }
  void CodePoint(char32_t cp, size_t from) {
    const size_t before = out_.size();
    AppendUtf8(cp, out_);
    if (map_ != nullptr)
      map_->resize(map_->size() + out_.size() - before, static_cast<uint32_t>(from));
  }
  std::string Finish(size_t close) {
    if (map_ != nullptr) map_->push_back(static_cast<uint32_t>(close));
    return std::move(out_);
  }

 private:
  std::string out_;
  std::vector<uint32_t>* map_;
};

// Parses `count` hex digits at `pos` (count 0: until a non-hex digit, at most 8). Returns
// -1 when fewer digits are there.
int64_t ParseHex(std::string_view s, size_t pos, int count, size_t* end) {
  int64_t value = 0;
  int digits = 0;
  const int limit = count == 0 ? 8 : count;
  while (digits < limit && pos + digits < s.size() && IsHexDigit(s[pos + digits])) {
    value = value * 16 + HexValue(s[pos + digits]);
    ++digits;
  }
  if (digits == 0 || (count != 0 && digits != count)) return -1;
  *end = pos + digits;
  return value;
}

// Decodes \uXXXX or \u{X...} with the 'u' at `pos`; joins a surrogate pair. Returns the
// code point (or -1 when malformed) and sets *end past the sequence.
int64_t JsUnicodeEscape(std::string_view s, size_t pos, size_t* end) {
  if (pos + 1 < s.size() && s[pos + 1] == '{') {
    size_t digits_end = 0;
    const int64_t value = ParseHex(s, pos + 2, 0, &digits_end);
    if (value < 0 || value > 0x10FFFF || digits_end >= s.size() || s[digits_end] != '}') {
      return -1;
    }
    *end = digits_end + 1;
    return value;
  }
  const int64_t value = ParseHex(s, pos + 1, 4, end);
  if (value >= 0xD800 && value <= 0xDBFF && *end + 1 < s.size() && s[*end] == '\\' &&
      s[*end + 1] == 'u') {
    size_t low_end = 0;
    const int64_t low = ParseHex(s, *end + 2, 4, &low_end);
    if (low >= 0xDC00 && low <= 0xDFFF) {
      *end = low_end;
      return 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00);
    }
  }
  return value;
}

// Decodes the JS escape whose backslash is at `p`; returns the offset after it.
size_t JsEscape(std::string_view s, size_t p, Sink& sink) {
  if (p + 1 >= s.size()) return s.size();  // a lone backslash at the end: nothing
  const char e = s[p + 1];
  switch (e) {
    case 'n':
      sink.Byte('\n', p);
      return p + 2;
    case 't':
      sink.Byte('\t', p);
      return p + 2;
    case 'r':
      sink.Byte('\r', p);
      return p + 2;
    case 'b':
      sink.Byte('\b', p);
      return p + 2;
    case 'f':
      sink.Byte('\f', p);
      return p + 2;
    case 'v':
      sink.Byte('\v', p);
      return p + 2;
    default:
      break;
  }
  if (e >= '0' && e <= '7') {  // \0 and legacy octal, value at most 0377
    size_t q = p + 2;
    int value = e - '0';
    const size_t max_digits = e <= '3' ? 3 : 2;
    while (q - (p + 1) < max_digits && q < s.size() && s[q] >= '0' && s[q] <= '7') {
      value = value * 8 + (s[q] - '0');
      ++q;
    }
    sink.CodePoint(static_cast<char32_t>(value), p);
    return q;
  }
  size_t end = 0;
  if (e == 'x') {
    const int64_t value = ParseHex(s, p + 2, 2, &end);
    if (value >= 0) {
      sink.CodePoint(static_cast<char32_t>(value), p);
      return end;
    }
  } else if (e == 'u') {
    const int64_t value = JsUnicodeEscape(s, p + 1, &end);
    if (value >= 0) {
      sink.CodePoint(static_cast<char32_t>(value), p);
      return end;
    }
  }
  const size_t terminator = lex_internal::LineTerminatorAt(s, p + 1);
  if (terminator > 0) return p + 1 + terminator;  // line continuation
  const size_t size = DecodeUtf8(s, p + 1).size;
  for (size_t i = 0; i < size; ++i) sink.Byte(s[p + 1 + i], p);
  return p + 1 + size;
}

// Past the `}` matching the `${` whose content starts at `from`, skipping strings,
// comments and nested templates with an explicit stack; s.size() when unmatched.
size_t SkipTemplateExpression(std::string_view s, size_t from) {
  enum Frame : uint8_t { kCode, kTemplate };
  std::vector<Frame> stack = {kCode};
  size_t q = from;
  while (q < s.size()) {
    const char c = s[q];
    if (stack.back() == kTemplate) {
      if (c == '\\') {
        q += 2;
      } else if (c == '`') {
        stack.pop_back();
        ++q;
      } else if (c == '$' && q + 1 < s.size() && s[q + 1] == '{') {
        stack.push_back(kCode);
        q += 2;
      } else {
        ++q;
      }
      continue;
    }
    if (c == '{') {
      stack.push_back(kCode);
    } else if (c == '}') {
      stack.pop_back();
      if (stack.empty()) return q + 1;
    } else if (c == '`') {
      stack.push_back(kTemplate);
    } else if (c == '\'' || c == '"') {
      ++q;
      while (q < s.size() && s[q] != c && s[q] != '\n') q += s[q] == '\\' ? 2 : 1;
    } else if (c == '/' && q + 1 < s.size() && s[q + 1] == '/') {
      while (q < s.size() && s[q] != '\n') ++q;
      continue;
    } else if (c == '/' && q + 1 < s.size() && s[q + 1] == '*') {
      const size_t close = s.find("*/", q + 2);
      q = close == std::string_view::npos ? s.size() : close + 2;
      continue;
    }
    ++q;
  }
  return s.size();
}

}  // namespace

std::string JsStringValue(std::string_view literal, std::vector<uint32_t>* map) {
  Sink sink(map);
  if (literal.empty()) return sink.Finish(0);
  const char quote = literal[0];
  const bool is_template = quote == '`';
  const bool quoted = quote == '"' || quote == '\'' || is_template;
  size_t p = quoted ? 1 : 0;
  while (p < literal.size()) {
    const char c = literal[p];
    if (quoted && c == quote) return sink.Finish(p);
    if (c == '\\') {
      p = JsEscape(literal, p, sink);
    } else if (is_template && c == '$' && p + 1 < literal.size() && literal[p + 1] == '{') {
      const size_t end = std::min(SkipTemplateExpression(literal, p + 2), literal.size());
      for (; p < end; ++p) sink.Byte(literal[p], p);
    } else if (is_template && c == '\r') {
      sink.Byte('\n', p);
      p += (p + 1 < literal.size() && literal[p + 1] == '\n') ? 2 : 1;
    } else {
      sink.Byte(c, p);
      ++p;
    }
  }
  return sink.Finish(literal.size());
}

std::string VbsStringValue(std::string_view literal, std::vector<uint32_t>* map) {
  Sink sink(map);
  const bool quoted = !literal.empty() && literal[0] == '"';
  size_t p = quoted ? 1 : 0;
  while (p < literal.size()) {
    if (quoted && literal[p] == '"') {
      if (p + 1 >= literal.size() || literal[p + 1] != '"') return sink.Finish(p);
      sink.Byte('"', p);
      p += 2;
      continue;
    }
    sink.Byte(literal[p], p);
    ++p;
  }
  return sink.Finish(literal.size());
}

namespace {

// Resolves CSS escapes in `s`, stopping at an unescaped `stop` character (0: none).
std::string CssUnescape(std::string_view s, char stop) {
  std::string out;
  size_t p = 0;
  while (p < s.size() && s[p] != stop) {
    if (s[p] != '\\') {
      out.push_back(s[p++]);
      continue;
    }
    ++p;
    if (p >= s.size()) break;
    if (s[p] == '\r' || s[p] == '\n' || s[p] == '\f') {  // continuation inside a string
      p += (s[p] == '\r' && p + 1 < s.size() && s[p + 1] == '\n') ? 2 : 1;
      continue;
    }
    size_t end = 0;
    const int64_t value = ParseHex(s, p, 0, &end);
    if (value >= 0 && end - p <= 6) {
      AppendUtf8(value == 0 ? lex_internal::kBadCodePoint : static_cast<char32_t>(value), out);
      p = end;
      if (p < s.size() && s[p] == '\r' && p + 1 < s.size() && s[p + 1] == '\n') {
        p += 2;
      } else if (p < s.size() &&
                 (s[p] == ' ' || s[p] == '\t' || s[p] == '\n' || s[p] == '\r' || s[p] == '\f')) {
        ++p;
      }
      continue;
    }
    const size_t size = DecodeUtf8(s, p).size;
    out.append(s.substr(p, size));
    p += size;
  }
  return out;
}

std::string_view TrimCssSpace(std::string_view s) {
  constexpr std::string_view kSpace = " \t\r\n\f";
  const size_t first = s.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(kSpace) - first + 1);
}

}  // namespace

std::string CssStringValue(std::string_view literal) {
  if (literal.size() >= 4 && lex_internal::MatchesAsciiNoCase(literal, 0, "url(")) {
    std::string_view inner = literal.substr(4);
    if (!inner.empty() && inner.back() == ')') inner.remove_suffix(1);
    literal = TrimCssSpace(inner);
  }
  if (!literal.empty() && (literal[0] == '"' || literal[0] == '\'')) {
    return CssUnescape(literal.substr(1), literal[0]);
  }
  return CssUnescape(literal, '\0');
}

}  // namespace iescan::scanner
