// Tokens shared by the JavaScript/JScript, VBScript and CSS lexers.
//
// A token is a byte range of the region text it was lexed from. Lexers never fail: an
// unterminated comment, string, template or regex becomes one token running to the end of
// the input. Rules see kinds other than kComment; they look at a string's content only when
// they ask for it.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace iescan::scanner {

enum class TokenKind : uint8_t {
  kIdentifier,   // JS/VBS identifiers; CSS idents (property names, keywords)
  kKeyword,      // JS reserved words (if, else, new, typeof, function, return, ...);
                 // VBS keywords (If, Then, Sub, End, Dim, Set, ...), case-insensitive
  kPunct,        // operators and punctuation: . ( ) [ ] { } ; , = == === ! && || ? : ...
  kNumber,
  kString,       // a complete string literal including its quotes
  kTemplate,     // a JS template literal (whole, including ${...} parts as text)
  kRegex,        // a JS regular expression literal
  kComment,      // any comment, including HTML-like <!-- --> comment lines in JS
  kCcDirective,  // JScript conditional compilation: @cc_on, @if, @elif, @else, @end,
                 // @set, and @_ variables such as @_jscript_version, @_win32
  kAtKeyword,    // CSS @rule name, e.g. "@charset", "@media"
  kFunction,     // CSS function name including "(": "expression(", "url(", "alpha("
  kUrl,          // CSS unquoted url(...) as one token
  kHash,         // CSS #name
  kDelim,        // CSS single delimiter not otherwise classified (*, _, \, !)
  kNewline,      // VBScript only: an end of statement (newline or ':' separator)
  kOther,        // anything else (stray bytes)
};

struct Token {
  TokenKind kind;
  bool newline_before = false;  // a line terminator precedes this token (for ASI, VBS)
  bool conditional = false;     // JS: inside a JScript conditional-compilation comment
  uint32_t begin = 0;           // byte offset in the lexed text
  uint32_t end = 0;             // one past the last byte

  std::string_view Text(std::string_view source) const {
    return source.substr(begin, end - begin);
  }
};

using Tokens = std::vector<Token>;

}  // namespace iescan::scanner
