// The VBScript lexer behind LexVbs.
//
// Decisions the public header leaves open, made here:
// - Statement ends: every line end (LF, CR or CRLF; VBScript knows no other) and every ':'
//   outside a string or comment yields a kNewline token whose text is that separator.
//   Runs of separators collapse into the first one, comments between them included, and
//   no kNewline is emitted before the first statement.
// - `Rem` starts a comment when it is a whole word at the start of a statement: at the
//   start of the input, after a separator, or after Then or Else (a single-line If).
//   `<!--` and `-->` at the start of a statement are comments too (they wrap VBScript in
//   HTML script blocks, and the engine skips them).
// - A `_` after a space or tab and followed only by spaces or tabs up to the line end
//   continues the line: no token and no kNewline.
// - newline_before marks the first token of a physical line (a line terminator lies
//   between it and the previous token other than a kNewline).
// - Date literals `#1/1/2000#` are kNumber tokens. `&H1F`, `&O17` and `&17`, with an
//   optional trailing `&`, are kNumber. `[any name]` is one kIdentifier.
// - A string without its closing quote ends before the line end.
#include <algorithm>
#include <array>

#include "scanner/lex/lex_chars.h"
#include "scanner/lex/lexers.h"

namespace iescan::scanner {
namespace {

using lex_internal::CodePoint;
using lex_internal::DecodeUtf8;
using lex_internal::IsAsciiAlpha;
using lex_internal::IsAsciiDigit;
using lex_internal::IsHexDigit;

// Lower-case VBScript keywords, sorted for binary search.
constexpr std::array<std::string_view, 60> kVbsKeywords = {
    "and",      "byref",   "byval",    "call",    "case",      "class",    "const",  "dim",
    "do",       "each",    "else",     "elseif",  "empty",     "end",      "eqv",    "erase",
    "error",    "exit",    "explicit", "false",   "for",       "function", "get",    "goto",
    "if",       "imp",     "in",       "is",      "let",       "loop",     "me",     "mod",
    "new",      "next",    "not",      "nothing", "null",      "on",       "option", "or",
    "preserve", "private", "property", "public",  "randomize", "redim",    "resume", "select",
    "set",      "step",    "stop",     "sub",     "then",      "to",       "true",   "until",
    "wend",     "while",   "with",     "xor"};
static_assert(std::is_sorted(kVbsKeywords.begin(), kVbsKeywords.end()));

bool IsVbsKeyword(std::string_view word) {
  if (word.size() < 2 || word.size() > 9) return false;
  char lower[9];
  for (size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    lower[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  const std::string_view key(lower, word.size());
  const auto* it = std::lower_bound(kVbsKeywords.begin(), kVbsKeywords.end(), key);
  return it != kVbsKeywords.end() && *it == key;
}

bool IsNamePart(char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c) || c == '_'; }

class VbsLexer {
 public:
  explicit VbsLexer(std::string_view text) : text_(text) {}

  Tokens Run() {
    tokens_.reserve(text_.size() / 4 + 16);  // untouched capacity is address space only
    while (true) {
      SkipSpace();
      if (pos_ >= text_.size()) break;
      LexOne();
    }
    return std::move(tokens_);
  }

 private:
  char At(size_t pos) const { return pos < text_.size() ? text_[pos] : '\0'; }

  void SkipSpace() {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == ' ' || c == '\t' || c == '\v' || c == '\f') {
        ++pos_;
      } else if (c == '_' && AtContinuation()) {
        continue;
      } else if (static_cast<unsigned char>(c) >= 0x80 &&
                 lex_internal::IsUnicodeSpace(DecodeUtf8(text_, pos_).value)) {
        pos_ += DecodeUtf8(text_, pos_).size;
      } else {
        return;
      }
    }
  }

  // At a `_`: if it continues the line, skips through the line end and returns true.
  bool AtContinuation() {
    if (pos_ == 0 || (text_[pos_ - 1] != ' ' && text_[pos_ - 1] != '\t')) return false;
    size_t p = pos_ + 1;
    while (p < text_.size() && (text_[p] == ' ' || text_[p] == '\t')) ++p;
    if (p >= text_.size() || (text_[p] != '\n' && text_[p] != '\r')) return false;
    pos_ = p + ((text_[p] == '\r' && At(p + 1) == '\n') ? 2 : 1);
    newline_pending_ = true;
    return true;
  }

  void LexOne() {
    const char c = text_[pos_];
    if (c == '\n' || c == '\r') {
      const size_t length = (c == '\r' && At(pos_ + 1) == '\n') ? 2 : 1;
      Separator(length);
      newline_pending_ = true;
    } else if (c == ':') {
      Separator(1);
    } else if (c == '\'' || (rem_allowed_ && (IsRem() || text_.substr(pos_, 4) == "<!--" ||
                                              text_.substr(pos_, 3) == "-->"))) {
      LineComment();
    } else if (c == '"') {
      String();
    } else if (IsAsciiAlpha(c)) {
      Word();
    } else if (IsAsciiDigit(c) || (c == '.' && IsAsciiDigit(At(pos_ + 1)) && !after_value_)) {
      Number();
    } else if ((c == '&' && AmpersandNumber()) || (c == '#' && DateLiteral()) ||
               (c == '[' && BracketedName())) {
      return;  // lexed by the call
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      NonAscii();
    } else {
      Punct();
    }
  }

  void Emit(TokenKind kind, size_t begin, size_t end) {
    const bool newline = kind != TokenKind::kNewline && newline_pending_;
    tokens_.push_back(
        Token{kind, newline, false, static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
    if (kind != TokenKind::kNewline) newline_pending_ = false;
    if (kind == TokenKind::kComment) return;
    statement_start_ = kind == TokenKind::kNewline;
    rem_allowed_ =
        statement_start_ || (kind == TokenKind::kKeyword &&
                             (MatchesWord(begin, end, "then") || MatchesWord(begin, end, "else")));
    after_value_ = kind == TokenKind::kIdentifier || kind == TokenKind::kNumber ||
                   kind == TokenKind::kString || (kind == TokenKind::kPunct && text_[begin] == ')');
  }

  bool MatchesWord(size_t begin, size_t end, std::string_view word) const {
    return end - begin == word.size() && lex_internal::MatchesAsciiNoCase(text_, begin, word);
  }

  void Separator(size_t length) {
    if (!statement_start_) Emit(TokenKind::kNewline, pos_, pos_ + length);
    pos_ += length;
  }

  bool IsRem() const {
    return lex_internal::MatchesAsciiNoCase(text_, pos_, "rem") && !IsNamePart(At(pos_ + 3));
  }

  void LineComment() {
    size_t p = pos_;
    while (p < text_.size() && text_[p] != '\n' && text_[p] != '\r') ++p;
    Emit(TokenKind::kComment, pos_, p);
    pos_ = p;
  }

  void String() {
    size_t p = pos_ + 1;
    while (p < text_.size()) {
      const char c = text_[p];
      if (c == '"') {
        if (At(p + 1) != '"') {
          ++p;
          break;
        }
        p += 2;
        continue;
      }
      if (c == '\n' || c == '\r') break;
      ++p;
    }
    Emit(TokenKind::kString, pos_, p);
    pos_ = p;
  }

  void Word() {
    size_t p = pos_ + 1;
    while (p < text_.size()) {
      const char c = text_[p];
      if (IsNamePart(c)) {
        ++p;
      } else if (static_cast<unsigned char>(c) >= 0x80 &&
                 lex_internal::IsUnicodeIdentifierChar(DecodeUtf8(text_, p).value)) {
        p += DecodeUtf8(text_, p).size;
      } else {
        break;
      }
    }
    const bool keyword = IsVbsKeyword(text_.substr(pos_, p - pos_));
    Emit(keyword ? TokenKind::kKeyword : TokenKind::kIdentifier, pos_, p);
    pos_ = p;
  }

  void Number() {
    size_t p = pos_;
    while (p < text_.size() && IsAsciiDigit(text_[p])) ++p;
    if (At(p) == '.') {
      ++p;
      while (p < text_.size() && IsAsciiDigit(text_[p])) ++p;
    }
    if ((At(p) | 0x20) == 'e') {
      size_t q = p + 1;
      if (At(q) == '+' || At(q) == '-') ++q;
      if (IsAsciiDigit(At(q))) {
        p = q;
        while (p < text_.size() && IsAsciiDigit(text_[p])) ++p;
      }
    }
    Emit(TokenKind::kNumber, pos_, p);
    pos_ = p;
  }

  // &H1F, &O17 and &17 (octal), each with an optional trailing '&'.
  bool AmpersandNumber() {
    const char kind = static_cast<char>(At(pos_ + 1) | 0x20);
    size_t p = pos_ + 1;
    if (kind == 'h' && IsHexDigit(At(pos_ + 2))) {
      p = pos_ + 2;
      while (p < text_.size() && IsHexDigit(text_[p])) ++p;
    } else if ((kind == 'o' && At(pos_ + 2) >= '0' && At(pos_ + 2) <= '7') ||
               (At(pos_ + 1) >= '0' && At(pos_ + 1) <= '7')) {
      p = kind == 'o' ? pos_ + 2 : pos_ + 1;
      while (p < text_.size() && text_[p] >= '0' && text_[p] <= '7') ++p;
    } else {
      return false;
    }
    if (At(p) == '&') ++p;
    Emit(TokenKind::kNumber, pos_, p);
    pos_ = p;
    return true;
  }

  // #...# on one line, holding something other than white space.
  bool DateLiteral() {
    size_t p = pos_ + 1;
    bool content = false;
    while (p < text_.size() && text_[p] != '#' && text_[p] != '\n' && text_[p] != '\r' &&
           text_[p] != '"') {
      if (text_[p] != ' ' && text_[p] != '\t') content = true;
      ++p;
    }
    if (At(p) != '#' || !content) return false;
    Emit(TokenKind::kNumber, pos_, p + 1);
    pos_ = p + 1;
    return true;
  }

  bool BracketedName() {
    if (pos_ < no_bracket_before_) return false;
    size_t p = pos_ + 1;
    while (p < text_.size() && text_[p] != ']' && text_[p] != '\n' && text_[p] != '\r') ++p;
    if (At(p) != ']') {
      no_bracket_before_ = p;  // keeps a line of many '[' linear
      return false;
    }
    Emit(TokenKind::kIdentifier, pos_, p + 1);
    pos_ = p + 1;
    return true;
  }

  void NonAscii() {
    const CodePoint cp = DecodeUtf8(text_, pos_);
    if (lex_internal::IsUnicodeIdentifierChar(cp.value)) {
      Word();
      return;
    }
    Emit(TokenKind::kOther, pos_, pos_ + cp.size);
    pos_ += cp.size;
  }

  void Punct() {
    const char c = text_[pos_];
    const char next = At(pos_ + 1);
    size_t length = 1;
    TokenKind kind = TokenKind::kPunct;
    if ((c == '<' && (next == '>' || next == '=')) || (c == '>' && next == '=')) {
      length = 2;
    } else if (std::string_view("(),.=<>+-*/\\^&").find(c) == std::string_view::npos) {
      kind = TokenKind::kOther;
    }
    Emit(kind, pos_, pos_ + length);
    pos_ += length;
  }

  std::string_view text_;
  size_t pos_ = 0;
  Tokens tokens_;
  bool newline_pending_ = false;
  bool statement_start_ = true;   // no token since the last separator (or the start)
  bool rem_allowed_ = true;       // the next token may be a Rem comment
  bool after_value_ = false;      // the previous token ends an operand
  size_t no_bracket_before_ = 0;  // no ']' closes a '[' before this line end
};

}  // namespace

Tokens LexVbs(std::string_view text) { return VbsLexer(text).Run(); }

}  // namespace iescan::scanner
