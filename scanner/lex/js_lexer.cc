// JsLexer main loop: white space, comments, JScript conditional compilation, punctuators
// and the brace/paren bookkeeping behind the regex-or-division decision.
#include "scanner/lex/js_lexer.h"

#include <array>
#include <cstring>

#include "scanner/lex/lex_chars.h"
#include "scanner/lex/lexers.h"

namespace iescan::scanner {

Tokens LexJs(std::string_view text) { return lex_internal::JsLexer(text).Run(); }

namespace lex_internal {
namespace {

// Words after `/*@` or `//@` that mark a tool annotation rather than JScript code.
constexpr std::array<std::string_view, 10> kAnnotationWords = {
    "sourceMappingURL", "sourceURL", "ngInject", "ngNoInject", "flow",
    "noflow",           "preserve",  "license",  "jsx",        "jsxFrag"};

bool IsIdentAscii(char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c) || c == '_' || c == '$'; }

// @-words JScript accepts as directives or variables outside a comment section.
bool IsCcWord(std::string_view word) {
  return word == "cc_on" || word == "if" || word == "elif" || word == "else" || word == "end" ||
         word == "set" || (!word.empty() && word[0] == '_');
}

}  // namespace

JsLexer::JsLexer(std::string_view text) : text_(text) {}

Tokens JsLexer::Run() {
  // Dense minified code averages about three bytes per token. Reserving for that density
  // up front avoids copying a large vector as it grows; capacity never written costs
  // address space only, as large blocks are mapped lazily.
  tokens_.reserve(text_.size() / 3 + 16);
  if (text_.size() >= 2 && text_[0] == '#' && text_[1] == '!') LexLineComment(0);
  while (true) {
    // Minified code rarely has white space between tokens: look before calling.
    if (pos_ < text_.size() && static_cast<unsigned char>(text_[pos_] - 0x21) >= 0x5E) {
      SkipSpace();
    }
    if (pos_ >= text_.size()) break;
    const char c = text_[pos_];
    if (IsAsciiAlpha(c) || c == '_' || c == '$' || (c == '\\' && At(pos_ + 1) == 'u') ||
        (c == '#' && AtIdentifierStart(pos_ + 1))) {
      LexIdentifier(pos_);  // a name, or a private name #x
    } else if (IsAsciiDigit(c) || (c == '.' && IsAsciiDigit(At(pos_ + 1)))) {
      LexNumber();
    } else if (c == '"' || c == '\'') {
      LexString();
    } else if (c == '`') {
      StartTemplate();
    } else if (c == '/') {
      LexSlash();
    } else if (c == '@') {
      LexAt();
    } else if ((c == '<' && text_.substr(pos_, 4) == "<!--") ||
               (c == '-' && at_line_start_ && text_.substr(pos_, 3) == "-->")) {
      LexLineComment(pos_);  // Annex B HTML-like comments
    } else if (c == '*' && At(pos_ + 1) == '/' && cc_mode_ == CcMode::kBlock &&
               template_frames_ == 0) {
      cc_mode_ = CcMode::kNone;  // a bare */ ends the section for every other browser
      pos_ += 2;
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      LexNonAscii();
    } else {
      LexPunct();
    }
  }
  if (template_frames_ > 0) {
    template_frames_ = 0;
    tokens_.push_back(Token{TokenKind::kTemplate, template_newline_, template_conditional_,
                            static_cast<uint32_t>(template_start_),
                            static_cast<uint32_t>(text_.size())});
  }
  return std::move(tokens_);
}

void JsLexer::SkipSpace() {
  const size_t size = text_.size();
  while (pos_ < size) {
    const char c = text_[pos_];
    if (c == ' ' || c == '\t' || c == '\v' || c == '\f') {
      ++pos_;
      continue;
    }
    size_t terminator = 0;
    if (c == '\n' || c == '\r' || c == '\xE2') terminator = LineTerminatorAt(text_, pos_);
    if (terminator > 0) {
      pos_ += terminator;
      newline_pending_ = true;
      at_line_start_ = true;
      if (cc_mode_ == CcMode::kLine && template_frames_ == 0) cc_mode_ = CcMode::kNone;
      continue;
    }
    if (static_cast<unsigned char>(c) < 0x80) return;
    const CodePoint cp = DecodeUtf8(text_, pos_);
    if (!IsUnicodeSpace(cp.value)) return;
    pos_ += cp.size;
  }
}

void JsLexer::LexNonAscii() {
  const CodePoint cp = DecodeUtf8(text_, pos_);
  if (IsUnicodeIdentifierChar(cp.value)) {
    LexIdentifier(pos_);
    return;
  }
  Emit(TokenKind::kOther, pos_, pos_ + cp.size);
  pos_ += cp.size;
  SetState(true, false);
}

void JsLexer::LexSlash() {
  const char next = At(pos_ + 1);
  const bool cc_allowed =
      template_frames_ == 0 && At(pos_ + 2) == '@' && !StartsAnnotation(pos_ + 3);
  // The delimiter produces nothing; a lone `@` after it (`/*@ code @*/`) neither.
  const size_t skip = IsIdentAscii(At(pos_ + 3)) ? 2 : 3;
  if (next == '/') {
    if (cc_allowed) {
      if (cc_mode_ == CcMode::kNone) cc_mode_ = CcMode::kLine;
      pos_ += skip;
    } else {
      LexLineComment(pos_);
    }
  } else if (next == '*') {
    if (cc_allowed) {
      cc_mode_ = CcMode::kBlock;
      pos_ += skip;
    } else {
      LexBlockComment(pos_);
    }
  } else if (regex_ok_) {
    LexRegex();
  } else {
    LexPunct();
  }
}

bool JsLexer::StartsAnnotation(size_t pos) const {
  while (pos < text_.size() && (text_[pos] == ' ' || text_[pos] == '\t')) ++pos;
  const std::string_view rest = text_.substr(pos);
  if (rest.starts_with("__")) return true;
  for (std::string_view word : kAnnotationWords) {
    if (rest.starts_with(word) &&
        (rest.size() == word.size() || !IsIdentAscii(rest[word.size()]))) {
      return true;
    }
  }
  return false;
}

void JsLexer::LexAt() {
  if (cc_mode_ != CcMode::kNone && template_frames_ == 0 && At(pos_ + 1) == '*' &&
      At(pos_ + 2) == '/') {
    cc_mode_ = CcMode::kNone;
    pos_ += 3;
    return;
  }
  size_t end = pos_ + 1;
  while (end < text_.size() && IsIdentAscii(text_[end])) ++end;
  const std::string_view word = text_.substr(pos_ + 1, end - pos_ - 1);
  if (word.empty() || IsAsciiDigit(word[0]) || (cc_mode_ == CcMode::kNone && !IsCcWord(word))) {
    Emit(TokenKind::kPunct, pos_, pos_ + 1);  // a decorator or a stray @
    pos_ += 1;
    SetState(true, false);
    return;
  }
  Emit(TokenKind::kCcDirective, pos_, end);
  pos_ = end;
  if (word == "if" || word == "elif") {
    SetState(true, false);
    paren_is_control_ = true;
  } else if (word == "cc_on" || word == "else" || word == "end" || word == "set") {
    SetState(true, true);
  } else {
    SetState(false, true);  // a conditional-compilation variable is a value
  }
}

void JsLexer::LexLineComment(size_t begin) {
  size_t p = begin;
  const size_t size = text_.size();
  while (p < size) {
    const char c = text_[p];
    if (c == '\n' || c == '\r') break;
    if (c == '\xE2' && LineTerminatorAt(text_, p) > 0) break;
    ++p;
  }
  Emit(TokenKind::kComment, begin, p);
  pos_ = p;
}

void JsLexer::LexBlockComment(size_t begin) {
  const size_t close = text_.find("*/", begin + 2);
  const size_t end = close == std::string_view::npos ? text_.size() : close + 2;
  const char* body = text_.data() + begin;
  const size_t length = end - begin;
  // Annex B: a comment spanning lines puts a following `-->` at the start of a line.
  if (std::memchr(body, '\n', length) != nullptr || std::memchr(body, '\r', length) != nullptr) {
    at_line_start_ = true;
  }
  Emit(TokenKind::kComment, begin, end);
  pos_ = end;
}

namespace {

// Length of the punctuator at the start of `s` (longest match), or 0.
size_t PunctLength(std::string_view s) {
  auto at = [&s](size_t i) { return i < s.size() ? s[i] : '\0'; };
  const char c = s[0];
  const char c1 = at(1);
  const char c2 = at(2);
  switch (c) {
    case '{':
    case '}':
    case '(':
    case ')':
    case '[':
    case ']':
    case ';':
    case ',':
    case '~':
    case ':':
    case '#':
    case '@':
      return 1;
    case '.':
      return (c1 == '.' && c2 == '.') ? 3 : 1;
    case '?':
      if (c1 == '?') return c2 == '=' ? 3 : 2;
      return (c1 == '.' && !IsAsciiDigit(c2)) ? 2 : 1;
    case '=':
      if (c1 == '=') return c2 == '=' ? 3 : 2;
      return c1 == '>' ? 2 : 1;
    case '!':
      if (c1 == '=') return c2 == '=' ? 3 : 2;
      return 1;
    case '<':
      if (c1 == '<') return c2 == '=' ? 3 : 2;
      return c1 == '=' ? 2 : 1;
    case '>':
      if (c1 == '>') {
        if (c2 == '>') return at(3) == '=' ? 4 : 3;
        return c2 == '=' ? 3 : 2;
      }
      return c1 == '=' ? 2 : 1;
    case '*':
      if (c1 == '*') return c2 == '=' ? 3 : 2;
      return c1 == '=' ? 2 : 1;
    case '&':
    case '|':
      if (c1 == c) return c2 == '=' ? 3 : 2;
      return c1 == '=' ? 2 : 1;
    case '+':
    case '-':
      return (c1 == c || c1 == '=') ? 2 : 1;
    case '/':
    case '%':
    case '^':
      return c1 == '=' ? 2 : 1;
    default:
      return 0;
  }
}

}  // namespace

void JsLexer::LexPunct() {
  const char c = text_[pos_];
  switch (c) {
    case '{':
      OpenBrace();
      return;
    case '}':
      CloseBrace();
      return;
    case '(':
      OpenParen();
      return;
    case ')':
      CloseParen();
      return;
    default:
      break;
  }
  const size_t length = PunctLength(text_.substr(pos_));
  if (length == 0) {
    Emit(TokenKind::kOther, pos_, pos_ + 1);
    ++pos_;
    SetState(true, false);
    return;
  }
  Emit(TokenKind::kPunct, pos_, pos_ + length);
  const char c1 = length > 1 ? text_[pos_ + 1] : '\0';
  pos_ += length;
  if (c == ']' || (length == 2 && (c == '+' || c == '-') && c1 == c)) {
    SetState(false, true);  // `]`, and `++`/`--` read as postfix
  } else if (c == ';' || (c == '=' && c1 == '>')) {
    SetState(true, true);
  } else if (c == ':') {
    SetState(true, braces_.empty() || braces_.back() == Brace::kBlock);
  } else {
    SetState(true, false);
    after_dot_ = c == '.' ? length == 1 : (c == '?' && c1 == '.');
  }
}

void JsLexer::OpenBrace() {
  const Brace kind = brace_is_block_ ? Brace::kBlock : Brace::kObject;
  braces_.push_back(kind);
  Emit(TokenKind::kPunct, pos_, pos_ + 1);
  ++pos_;
  SetState(true, kind == Brace::kBlock);
}

void JsLexer::CloseBrace() {
  Brace kind = Brace::kBlock;
  if (!braces_.empty()) {
    kind = braces_.back();
    braces_.pop_back();
  }
  if (kind == Brace::kTemplateExpr) {
    --template_frames_;
    ScanTemplate(pos_ + 1);
    return;
  }
  Emit(TokenKind::kPunct, pos_, pos_ + 1);
  ++pos_;
  SetState(kind == Brace::kBlock, true);
}

void JsLexer::OpenParen() {
  parens_.push_back(paren_is_control_ ? 1 : 0);
  Emit(TokenKind::kPunct, pos_, pos_ + 1);
  ++pos_;
  SetState(true, false);
}

void JsLexer::CloseParen() {
  uint8_t control = 0;
  if (!parens_.empty()) {
    control = parens_.back();
    parens_.pop_back();
  }
  Emit(TokenKind::kPunct, pos_, pos_ + 1);
  ++pos_;
  SetState(control != 0, true);
}

}  // namespace lex_internal
}  // namespace iescan::scanner
