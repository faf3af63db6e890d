// JsLexer literals and names: strings, template literals, regular expressions, numbers,
// identifiers, private names and keywords.
#include <algorithm>
#include <array>

#include "scanner/lex/js_lexer.h"
#include "scanner/lex/lex_chars.h"

namespace iescan::scanner::lex_internal {
namespace {

// Reserved words (ES2022 and strict mode) and the contextual words lexed as keywords.
// Sorted: kKeywordStarts below indexes it by first letter.
constexpr std::array<std::string_view, 48> kKeywords = {
    "async",      "await",     "break",  "case",     "catch", "class",      "const",   "continue",
    "debugger",   "default",   "delete", "do",       "else",  "enum",       "export",  "extends",
    "false",      "finally",   "for",    "function", "if",    "implements", "import",  "in",
    "instanceof", "interface", "let",    "new",      "null",  "of",         "package", "private",
    "protected",  "public",    "return", "static",   "super", "switch",     "this",    "throw",
    "true",       "try",       "typeof", "var",      "void",  "while",      "with",    "yield"};
static_assert(std::is_sorted(kKeywords.begin(), kKeywords.end()));

// kKeywords index of the first keyword starting with each letter (27 entries: 'a'..'z'
// and the end), so a lookup compares only words sharing the first letter.
constexpr std::array<uint8_t, 27> kKeywordStarts = [] {
  std::array<uint8_t, 27> starts{};
  size_t k = 0;
  for (int letter = 0; letter < 26; ++letter) {
    while (k < kKeywords.size() && kKeywords[k][0] < 'a' + letter) ++k;
    starts[letter] = static_cast<uint8_t>(k);
  }
  starts[26] = static_cast<uint8_t>(kKeywords.size());
  return starts;
}();

bool IsKeyword(std::string_view word) {
  if (word.size() < 2 || word.size() > 10 || word[0] < 'a' || word[0] > 'z') return false;
  const int letter = word[0] - 'a';
  for (size_t k = kKeywordStarts[letter]; k < kKeywordStarts[letter + 1]; ++k) {
    const std::string_view keyword = kKeywords[k];
    if (keyword.size() == word.size() &&
        std::equal(keyword.begin() + 1, keyword.end(), word.begin() + 1)) {
      return true;
    }
  }
  return false;
}

// Keywords that end an expression: a `/` after them divides.
bool IsValueKeyword(std::string_view word) {
  return word == "this" || word == "super" || word == "null" || word == "true" || word == "false";
}

// ASCII identifier characters by byte value: the loop over a name reads one table entry a
// byte (names are most of a script's tokens).
constexpr std::array<bool, 256> kIdentAsciiPart = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 256; ++c) {
    table[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_' || c == '$';
  }
  return table;
}();

bool IsIdentAsciiPart(char c) { return kIdentAsciiPart[static_cast<unsigned char>(c)]; }

}  // namespace

void JsLexer::LexString() {
  const char quote = text_[pos_];
  const size_t size = text_.size();
  size_t p = pos_ + 1;
  while (p < size) {
    const char c = text_[p];
    if (c == quote) {
      ++p;
      break;
    }
    if (c == '\\') {
      if (p + 1 >= size) {
        p = size;
        break;
      }
      const size_t terminator = LineTerminatorAt(text_, p + 1);
      p += 1 + (terminator > 0 ? terminator : 1);
      continue;
    }
    if (c == '\n' || c == '\r') break;  // unterminated: ends before the line terminator
    ++p;
  }
  Emit(TokenKind::kString, pos_, p);
  pos_ = p;
  SetState(false, true);
}

void JsLexer::StartTemplate() {
  if (template_frames_ == 0) {
    template_start_ = pos_;
    template_newline_ = newline_pending_;
    template_conditional_ = cc_mode_ != CcMode::kNone;
  }
  at_line_start_ = false;
  ScanTemplate(pos_ + 1);
}

// Scans template characters from `from` up to the closing backtick or the next `${`.
void JsLexer::ScanTemplate(size_t from) {
  const size_t size = text_.size();
  size_t p = from;
  while (p < size) {
    const char c = text_[p];
    if (c == '\\') {
      p += 2;
      continue;
    }
    if (c == '`') {
      pos_ = p + 1;
      if (template_frames_ == 0) {
        tokens_.push_back(Token{TokenKind::kTemplate, template_newline_, template_conditional_,
                                static_cast<uint32_t>(template_start_),
                                static_cast<uint32_t>(pos_)});
        newline_pending_ = false;
      }
      SetState(false, true);
      return;
    }
    if (c == '$' && p + 1 < size && text_[p + 1] == '{') {
      braces_.push_back(Brace::kTemplateExpr);
      ++template_frames_;
      pos_ = p + 2;
      SetState(true, false);
      return;
    }
    ++p;
  }
  // Unterminated: Run() emits the literal to the end of the text.
  pos_ = size;
  ++template_frames_;
}

void JsLexer::LexRegex() {
  const size_t size = text_.size();
  size_t p = pos_ + 1;
  bool in_class = false;
  bool closed = false;
  while (p < size) {
    const char c = text_[p];
    if (c == '\\') {
      if (p + 1 >= size || LineTerminatorAt(text_, p + 1) > 0) {
        ++p;
        break;
      }
      p += 2;
      continue;
    }
    if (c == '\n' || c == '\r' || (c == '\xE2' && LineTerminatorAt(text_, p) > 0)) break;
    if (in_class) {
      if (c == ']') in_class = false;
    } else if (c == '[') {
      in_class = true;
    } else if (c == '/') {
      ++p;
      closed = true;
      break;
    }
    ++p;
  }
  if (closed) {
    while (p < size && IsIdentAsciiPart(text_[p])) ++p;  // flags
  }
  Emit(TokenKind::kRegex, pos_, p);
  pos_ = p;
  SetState(false, true);
}

void JsLexer::LexNumber() {
  const size_t size = text_.size();
  size_t p = pos_;
  const char radix = static_cast<char>(At(p + 1) | 0x20);
  if (text_[p] == '0' && (radix == 'x' || radix == 'o' || radix == 'b') && IsHexDigit(At(p + 2))) {
    p += 2;
    while (p < size && (IsHexDigit(text_[p]) || text_[p] == '_')) ++p;
  } else {
    while (p < size && (IsAsciiDigit(text_[p]) || text_[p] == '_')) ++p;
    if (p < size && text_[p] == '.') {
      ++p;
      while (p < size && (IsAsciiDigit(text_[p]) || text_[p] == '_')) ++p;
    }
    if (p < size && (text_[p] | 0x20) == 'e') {
      size_t q = p + 1;
      if (q < size && (text_[q] == '+' || text_[q] == '-')) ++q;
      if (q < size && IsAsciiDigit(text_[q])) {
        p = q;
        while (p < size && (IsAsciiDigit(text_[p]) || text_[p] == '_')) ++p;
      }
    }
  }
  if (p < size && text_[p] == 'n') ++p;  // BigInt
  Emit(TokenKind::kNumber, pos_, p);
  pos_ = p;
  SetState(false, true);
}

bool JsLexer::AtIdentifierStart(size_t pos) const {
  if (pos >= text_.size()) return false;
  const char c = text_[pos];
  if (IsAsciiAlpha(c) || c == '_' || c == '$') return true;
  if (c == '\\') return At(pos + 1) == 'u';
  if (static_cast<unsigned char>(c) < 0x80) return false;
  return IsUnicodeIdentifierChar(DecodeUtf8(text_, pos).value);
}

size_t JsLexer::ScanIdentifierRest(size_t pos, bool* has_escape) const {
  const size_t size = text_.size();
  size_t p = pos;
  while (p < size) {
    while (p < size && IsIdentAsciiPart(text_[p])) ++p;
    if (p >= size) break;
    const char c = text_[p];
    if (c == '\\' && At(p + 1) == 'u') {
      *has_escape = true;
      p += 2;
      if (At(p) == '{') {
        ++p;
        while (p < size && IsHexDigit(text_[p])) ++p;
        if (At(p) == '}') ++p;
      } else {
        for (int i = 0; i < 4 && p < size && IsHexDigit(text_[p]); ++i) ++p;
      }
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      const CodePoint cp = DecodeUtf8(text_, p);
      if (!IsUnicodeIdentifierChar(cp.value)) break;
      p += cp.size;
    } else {
      break;
    }
  }
  return p;
}

// Lexes an identifier, keyword or (when text_[begin] is '#') private name.
void JsLexer::LexIdentifier(size_t begin) {
  bool has_escape = false;
  const size_t end = ScanIdentifierRest(text_[begin] == '#' ? begin + 1 : begin, &has_escape);
  const std::string_view word = text_.substr(begin, end - begin);
  pos_ = end;
  if (after_dot_ || has_escape || !IsKeyword(word)) {
    Emit(TokenKind::kIdentifier, begin, end);
    SetState(false, true);
    return;
  }
  Emit(TokenKind::kKeyword, begin, end);
  if (IsValueKeyword(word)) {
    SetState(false, true);
  } else if (word == "if" || word == "while" || word == "for" || word == "with") {
    SetState(true, false);
    paren_is_control_ = true;
  } else {
    const bool block =
        word == "else" || word == "do" || word == "try" || word == "finally" || word == "class";
    SetState(true, block);
  }
}

}  // namespace iescan::scanner::lex_internal
