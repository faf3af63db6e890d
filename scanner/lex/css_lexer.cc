// The CSS lexer behind LexCss: CSS Syntax Level 3 tokenisation, simplified where IE
// hacks need to stay visible.
//
// Decisions the public header leaves open, made here:
// - kPunct: { } ( ) [ ] ; : ,   Every other single character is a kDelim (. > + ~ = * !
//   / \ and so on), so `!important` is kDelim "!" then kIdentifier "important".
// - IE hack escapes: a backslash followed by 0 or 9 and then by no further hex digit is
//   one kDelim token ("\9", "\0"), never part of an identifier, number or hash:
//   `red\9` is kIdentifier "red" + kDelim "\9"; `\0screen` is kDelim "\0" + kIdentifier
//   "screen"; `10px\0/` is kNumber "10px", kDelim "\0", kDelim "/".
// - The underscore hack: an identifier starting with a single `_` right after `{`, `;` or
//   at the start of the text lexes as kDelim "_" then the identifier after it.
// - `url(` followed by optional white space and a quote is kFunction "url(" (then the
//   string); otherwise the whole `url(...)` up to `)` is one kUrl token. `<!--` and `-->`
//   (CDO/CDC) are kComment tokens.
// - Numbers include a leading sign and their unit or `%`: "-1.5em", "50%".
// - A string without its closing quote ends before the line end; an unterminated comment
//   or url runs to the end of the text.
// - newline_before marks a token preceded by a line break since the previous token.
#include "scanner/lex/lex_chars.h"
#include "scanner/lex/lexers.h"

namespace iescan::scanner {
namespace {

using lex_internal::DecodeUtf8;
using lex_internal::IsAsciiAlpha;
using lex_internal::IsAsciiDigit;
using lex_internal::IsHexDigit;

class CssLexer {
 public:
  explicit CssLexer(std::string_view text) : text_(text) {}

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
      if (c == '\n' || c == '\r' || c == '\f') {
        newline_pending_ = true;
        ++pos_;
      } else if (c == ' ' || c == '\t') {
        ++pos_;
      } else if (static_cast<unsigned char>(c) >= 0x80 &&
                 lex_internal::IsUnicodeSpace(DecodeUtf8(text_, pos_).value)) {
        pos_ += DecodeUtf8(text_, pos_).size;
      } else {
        return;
      }
    }
  }

  // A backslash at `pos` that is the \9 or \0 hack rather than an escape.
  bool IsHackEscape(size_t pos) const {
    return At(pos) == '\\' && (At(pos + 1) == '9' || At(pos + 1) == '0') &&
           !IsHexDigit(At(pos + 2));
  }

  // A backslash at `pos` that starts an escape (not a hack, not before a line break).
  bool IsEscape(size_t pos) const {
    if (At(pos) != '\\' || pos + 1 >= text_.size() || IsHackEscape(pos)) return false;
    const char next = text_[pos + 1];
    return next != '\n' && next != '\r' && next != '\f';
  }

  bool IsNameStart(size_t pos) const {
    if (pos >= text_.size()) return false;
    const char c = text_[pos];
    if (IsAsciiAlpha(c) || c == '_') return true;
    if (static_cast<unsigned char>(c) >= 0x80) {
      return lex_internal::IsUnicodeIdentifierChar(DecodeUtf8(text_, pos).value);
    }
    return IsEscape(pos);
  }

  // Whether an identifier starts at `pos` (CSS "would start an identifier").
  bool StartsIdent(size_t pos) const {
    if (At(pos) == '-') return At(pos + 1) == '-' || IsNameStart(pos + 1);
    return IsNameStart(pos);
  }

  // Past the escape at `pos`: up to six hex digits and one white space, or one character.
  size_t SkipEscape(size_t pos) const {
    size_t p = pos + 1;
    if (!IsHexDigit(At(p))) return p + DecodeUtf8(text_, p).size;
    for (int i = 0; i < 6 && IsHexDigit(At(p)); ++i) ++p;
    if (At(p) == '\r' && At(p + 1) == '\n') return p + 2;
    if (At(p) == ' ' || At(p) == '\t' || At(p) == '\n' || At(p) == '\r' || At(p) == '\f') ++p;
    return p;
  }

  size_t ScanName(size_t pos) const {
    while (pos < text_.size()) {
      const char c = text_[pos];
      if (IsAsciiAlpha(c) || IsAsciiDigit(c) || c == '_' || c == '-') {
        ++pos;
      } else if (c == '\\') {
        if (!IsEscape(pos)) break;
        pos = SkipEscape(pos);
      } else if (static_cast<unsigned char>(c) >= 0x80 &&
                 lex_internal::IsUnicodeIdentifierChar(DecodeUtf8(text_, pos).value)) {
        pos += DecodeUtf8(text_, pos).size;
      } else {
        break;
      }
    }
    return pos;
  }

  void LexOne() {
    const char c = text_[pos_];
    const char next = At(pos_ + 1);
    if (c == '/' && next == '*') {
      const size_t close = text_.find("*/", pos_ + 2);
      Emit(TokenKind::kComment, close == std::string_view::npos ? text_.size() : close + 2);
    } else if (c == '<' && text_.substr(pos_, 4) == "<!--") {
      Emit(TokenKind::kComment, pos_ + 4);
    } else if (c == '-' && text_.substr(pos_, 3) == "-->") {
      Emit(TokenKind::kComment, pos_ + 3);
    } else if (c == '"' || c == '\'') {
      String();
    } else if (StartsNumber()) {
      Number();
    } else if (c == '_' && hack_position_ && next != '_' && StartsIdent(pos_ + 1)) {
      Emit(TokenKind::kDelim, pos_ + 1);  // the underscore property hack
    } else if (StartsIdent(pos_)) {
      IdentLike();
    } else if (IsHackEscape(pos_)) {
      Emit(TokenKind::kDelim, pos_ + 2);
    } else if (c == '@' && StartsIdent(pos_ + 1)) {
      Emit(TokenKind::kAtKeyword, ScanName(pos_ + 1));
    } else if (c == '#' && ScanName(pos_ + 1) > pos_ + 1) {
      Emit(TokenKind::kHash, ScanName(pos_ + 1));
    } else if (std::string_view("{}()[];:,").find(c) != std::string_view::npos) {
      Emit(TokenKind::kPunct, pos_ + 1);
    } else {
      Emit(TokenKind::kDelim, pos_ + DecodeUtf8(text_, pos_).size);
    }
  }

  void Emit(TokenKind kind, size_t end) {
    tokens_.push_back(Token{kind, newline_pending_, false, static_cast<uint32_t>(pos_),
                            static_cast<uint32_t>(end)});
    newline_pending_ = false;
    if (kind != TokenKind::kComment) {
      hack_position_ = kind == TokenKind::kPunct && (text_[pos_] == '{' || text_[pos_] == ';');
    }
    pos_ = end;
  }

  void String() {
    const char quote = text_[pos_];
    size_t p = pos_ + 1;
    while (p < text_.size()) {
      const char c = text_[p];
      if (c == quote) {
        ++p;
        break;
      }
      if (c == '\\') {
        p += (At(p + 1) == '\r' && At(p + 2) == '\n') ? 3 : 2;
        continue;
      }
      if (c == '\n' || c == '\r' || c == '\f') break;
      ++p;
    }
    Emit(TokenKind::kString, std::min(p, text_.size()));
  }

  bool StartsNumber() const {
    size_t p = pos_;
    if (At(p) == '+' || At(p) == '-') ++p;
    if (IsAsciiDigit(At(p))) return true;
    return At(p) == '.' && IsAsciiDigit(At(p + 1));
  }

  void Number() {
    size_t p = pos_;
    if (At(p) == '+' || At(p) == '-') ++p;
    while (IsAsciiDigit(At(p))) ++p;
    if (At(p) == '.' && IsAsciiDigit(At(p + 1))) {
      p += 2;
      while (IsAsciiDigit(At(p))) ++p;
    }
    if ((At(p) | 0x20) == 'e') {
      size_t q = p + 1;
      if (At(q) == '+' || At(q) == '-') ++q;
      if (IsAsciiDigit(At(q))) {
        p = q;
        while (IsAsciiDigit(At(p))) ++p;
      }
    }
    if (At(p) == '%') {
      ++p;
    } else if (StartsIdent(p)) {
      p = ScanName(p);
    }
    Emit(TokenKind::kNumber, p);
  }

  // An identifier, a function name with its "(", or a whole unquoted url(...).
  void IdentLike() {
    const size_t end = ScanName(pos_);
    if (At(end) != '(') {
      Emit(TokenKind::kIdentifier, end);
      return;
    }
    const bool is_url = end - pos_ == 3 && lex_internal::MatchesAsciiNoCase(text_, pos_, "url");
    size_t p = end + 1;
    while (p < text_.size() && (text_[p] == ' ' || text_[p] == '\t' || text_[p] == '\n' ||
                                text_[p] == '\r' || text_[p] == '\f')) {
      ++p;
    }
    if (!is_url || At(p) == '"' || At(p) == '\'') {
      Emit(TokenKind::kFunction, end + 1);
      return;
    }
    while (p < text_.size() && text_[p] != ')') p += text_[p] == '\\' ? 2 : 1;
    Emit(TokenKind::kUrl, std::min(p + 1, text_.size()));
  }

  std::string_view text_;
  size_t pos_ = 0;
  Tokens tokens_;
  bool newline_pending_ = false;
  bool hack_position_ = true;  // a property name may start here
};

}  // namespace

Tokens LexCss(std::string_view text) { return CssLexer(text).Run(); }

}  // namespace iescan::scanner
