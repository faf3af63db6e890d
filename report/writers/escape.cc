#include "report/writers/escape.h"

#include <algorithm>
#include <cstdint>

namespace iescan::report {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Length of the valid UTF-8 sequence at `pos`, or 0 when the byte there starts none.
size_t SequenceLength(std::string_view s, size_t pos, char32_t* cp) {
  const auto b0 = static_cast<unsigned char>(s[pos]);
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  size_t length = 0;
  char32_t value = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    length = 2, value = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    length = 3, value = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    length = 4, value = b0 & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (pos + length > s.size()) return 0;
  for (size_t i = 1; i < length; ++i) {
    const auto b = static_cast<unsigned char>(s[pos + i]);
    if ((b & 0xC0) != 0x80) return 0;
    value = (value << 6) | (b & 0x3F);
  }
  if (value < min || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0;
  *cp = value;
  return length;
}

// Calls `fn(code point, bytes)` for each character of `text`; invalid bytes come as
// U+FFFD with the replacement's bytes.
template <typename Fn>
void ForEachChar(std::string_view text, Fn fn) {
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = 0;
    const size_t length = SequenceLength(text, pos, &cp);
    if (length == 0) {
      fn(char32_t{0xFFFD}, kReplacement);
      ++pos;
    } else {
      fn(cp, text.substr(pos, length));
      pos += length;
    }
  }
}

bool IsControl(char32_t cp) { return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0); }

}  // namespace

std::string ValidUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  ForEachChar(text, [&](char32_t, std::string_view bytes) { out += bytes; });
  return out;
}

std::string XmlSafe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  ForEachChar(text, [&](char32_t cp, std::string_view bytes) {
    const bool allowed =
        cp == '\t' || cp == '\n' || cp == '\r' || (cp >= 0x20 && cp != 0xFFFE && cp != 0xFFFF);
    out += allowed ? bytes : kReplacement;
  });
  return out;
}

std::string XmlCommentSafe(std::string_view text) {
  const std::string safe = XmlSafe(text);
  std::string out;
  out.reserve(safe.size());
  for (char c : safe) {
    if (c == '-' && !out.empty() && out.back() == '-') out += ' ';
    out += c;
  }
  if (!out.empty() && out.back() == '-') out += ' ';
  return out;
}

std::string CsvCell(std::string_view text) {
  std::string cell = ValidUtf8(text);
  if (!cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos) {
    cell.insert(cell.begin(), '\'');
  }
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (char c : cell) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string MarkdownText(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  ForEachChar(text, [&](char32_t cp, std::string_view bytes) {
    if (IsControl(cp)) {
      out += ' ';
    } else if (cp == '&') {
      out += "&amp;";
    } else if (cp == '<') {
      out += "&lt;";
    } else if (cp == '>') {
      out += "&gt;";
    } else if (cp < 0x80 && std::string_view("\\`*_[]|~!@#").find(static_cast<char>(cp)) !=
                                std::string_view::npos) {
      out += '\\';
      out += static_cast<char>(cp);
    } else {
      out += bytes;
    }
  });
  return out;
}

std::string MarkdownCode(std::string_view text) {
  std::string body;
  body.reserve(text.size());
  size_t run = 0;
  size_t longest = 0;
  ForEachChar(text, [&](char32_t cp, std::string_view bytes) {
    run = cp == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
    if (IsControl(cp)) {
      body += ' ';
    } else if (cp == '|') {
      body += "\\|";
    } else {
      body += bytes;
    }
  });
  if (body.empty()) return "";
  const std::string fence(longest + 1, '`');
  const bool pad = body.front() == '`' || body.back() == '`' ||
                   (body.front() == ' ' && body.back() == ' ' &&
                    body.find_first_not_of(' ') != std::string::npos);
  return fence + (pad ? " " : "") + body + (pad ? " " : "") + fence;
}

}  // namespace iescan::report
