// The JavaScript/JScript, VBScript and CSS lexers and string-literal helpers.
//
// Each lexer takes UTF-8 text and returns its tokens with byte offsets into that text.
// They never fail and never recurse on input structure. Whitespace is not a token.
//
// JavaScript: comments (// and /* */, and <!-- / --> comment lines as in script blocks),
// strings (' and " with escapes; a backslash only escapes when it is a real backslash in
// the decoded text), template literals with nested ${ } (kept as one kTemplate token),
// regex literal vs division decided from the previous significant token, ES2015+ syntax
// (arrow functions, classes, spread, optional chaining, numeric separators, private
// names, BigInt). JScript conditional compilation: the text of `/*@cc_on ... @*/`,
// `/*@if ... @end @*/` and `//@cc_on ...` is lexed as code: the comment delimiters
// become nothing and @-words become kCcDirective tokens.
//
// VBScript: ' and Rem comments, "" doubled-quote strings, &H hex, dates #...#, line
// continuation " _", statements separated by kNewline tokens; keywords recognised
// case-insensitively.
//
// CSS: comments, strings, url(), functions, at-keywords, hashes, numbers with units,
// IE hacks kept visible: `*prop` and `_prop` produce a kDelim then kIdentifier; `\9` at the
// end of a value is a kDelim token with text "\9".
//
// Conventions the lexers follow (the full rules are in js_lexer.h, vbs_lexer.cc,
// css_lexer.cc and css_declarations.cc):
// - JS strings and regexes cannot span lines, so an unterminated one ends before the line
//   terminator; unterminated comments and templates run to the end of the input.
// - JS `/` after `)` starts a regex only when the `)` closes an if/while/for/with
//   condition; after `}` it starts a regex when the `}` closes a block and divides when it
//   closes an object literal.
// - JS `conditional` marks the tokens inside `/*@ ... @*/` and `//@ ...`; code between
//   `@*/` and the next `/*@` (a JScript @else branch) is ordinary code. Tool annotations
//   such as /*@__PURE__*/ and //@ sourceMappingURL= stay comments.
// - JS words after `.` or `?.` are kIdentifier even when reserved; `#x` is one kIdentifier.
// - VBS newline_before marks the first token of a physical line; runs of separators give
//   one kNewline. CSS `\9` and `\0` hacks are kDelim tokens; `_prop` after `{` or `;` is
//   kDelim "_" + kIdentifier. A CssDeclaration's value range keeps `!important`.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "scanner/lex/token.h"

namespace iescan::scanner {

Tokens LexJs(std::string_view text);
Tokens LexVbs(std::string_view text);
Tokens LexCss(std::string_view text);

// The value of a JS string literal token text (including quotes): escapes resolved.
// If `map` is not null it receives, for each byte of the result, the byte offset in
// `literal` that produced it, plus one final entry (result.size()) mapping to the closing
// quote's offset. Template literals are accepted; their ${...} parts are kept verbatim.
std::string JsStringValue(std::string_view literal, std::vector<uint32_t>* map);

// The value of a VBScript string literal ("" becomes "). Same `map` contract.
std::string VbsStringValue(std::string_view literal, std::vector<uint32_t>* map);

// The value of a CSS string or url() token: quotes and escapes resolved.
std::string CssStringValue(std::string_view literal);

// A CSS declaration found in a token stream (a style sheet or a style attribute).
struct CssDeclaration {
  uint32_t property_token;  // index of the kIdentifier naming the property
  uint32_t value_begin;     // index of the first value token
  uint32_t value_end;       // one past the last value token (before ';' or '}')
  char hack = 0;            // '*' or '_' when the property carries an IE hack prefix
};

// Declarations in `tokens` (lexed from `text`). `inline_style` means the text is a style
// attribute's declaration list rather than a sheet.
std::vector<CssDeclaration> CssDeclarations(std::string_view text, const Tokens& tokens,
                                            bool inline_style);

}  // namespace iescan::scanner
