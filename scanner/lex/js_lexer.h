// The JavaScript/JScript lexer behind LexJs (private to scanner/lex).
//
// One JsLexer lexes one text once: construct it, call Run(). It borrows the text, which
// must outlive the call; the returned tokens hold offsets into it. Not thread-safe per
// object; separate objects are independent.
//
// Decisions the public header leaves open, made here:
// - Regex or division is decided by the previous significant token (comments skipped).
//   Division follows identifiers, numbers, strings, templates, regexes, private names,
//   JScript @-variables, `]`, `++`, `--` and the keywords this, super, null, true, false.
//   A regex follows every other keyword, every other punctuator and the start of input.
//   `)` allows a regex only when it closes the condition of if/while/for/with (or of a
//   JScript @if/@elif): `if (x) /re/.test(y)` lexes a regex. `}` allows a regex when it
//   closes a block and means division when it closes an object literal; a `{` opens a
//   block after `)`, `;`, `{`, `}`, `=>`, else/do/try/finally/class, an identifier, the
//   start of input, or a `:` whose enclosing braces are a block; anywhere else it opens
//   an object literal. Known misses: `x = function(){}\n/a/g` (division in JS) lexes a
//   regex; a keyword such as `of` used as a variable name before `/` lexes a regex.
// - kKeyword covers the ES2022 reserved words, the strict-mode reserved words and the
//   contextual words async, await, let, of, static and yield. A word right after `.` or
//   `?.` is a property name and lexes as kIdentifier (`promise.catch`, `map.delete`);
//   so does a word written with \u escapes.
// - A private name `#x` is one kIdentifier token including the `#`.
// - Strings and regexes cannot span lines in JavaScript: an unterminated one ends before
//   the line terminator. An unterminated block comment or template runs to the end.
// - newline_before means a line terminator lies between the previous token (a comment
//   counts as a token) and this one; line terminators inside a comment or a template are
//   not counted.
// - JScript conditional compilation: `/*@` and `//@` open a section whose content is code
//   (every token gets conditional = true); `@*/` or a bare `*/` closes a `/*@` section, the
//   line end closes a `//@` one; inside a section `/*@` is a no-op. These well-known tool
//   annotations stay ordinary comments: @__PURE__ and other @__ words, @sourceMappingURL,
//   @sourceURL, @ngInject, @ngNoInject, @flow, @noflow, @preserve, @license, @jsx. Inside a
//   section every @word is a kCcDirective; outside one only @cc_on, @if, @elif, @else,
//   @end, @set and @_words are (JScript accepts them once compilation is on); any other
//   `@` is a kPunct (a decorator).
// - Template literals nested in ${ } are tracked on an explicit stack; the outermost
//   literal is one kTemplate token and nothing inside it is emitted.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "scanner/lex/token.h"

namespace iescan::scanner::lex_internal {

class JsLexer {
 public:
  explicit JsLexer(std::string_view text);
  Tokens Run();

 private:
  enum class CcMode : uint8_t { kNone, kBlock, kLine };
  enum class Brace : uint8_t { kBlock, kObject, kTemplateExpr };

  // Main-loop pieces (js_lexer.cc).
  void SkipSpace();
  void LexNonAscii();
  void LexSlash();
  void LexAt();
  void LexPunct();
  void LexLineComment(size_t begin);
  void LexBlockComment(size_t begin);
  bool StartsAnnotation(size_t pos) const;
  void OpenBrace();
  void CloseBrace();
  void OpenParen();
  void CloseParen();

  // Literals and names (js_literals.cc).
  void LexString();
  void StartTemplate();
  void ScanTemplate(size_t from);
  void LexRegex();
  void LexNumber();
  void LexIdentifier(size_t begin);
  bool AtIdentifierStart(size_t pos) const;
  size_t ScanIdentifierRest(size_t pos, bool* has_escape) const;

  // Emission and regex state: inline, as they run once or twice for every token.
  void Emit(TokenKind kind, size_t begin, size_t end) {
    if (kind != TokenKind::kComment) at_line_start_ = false;
    if (template_frames_ > 0) return;  // inside a template: the literal is one token
    tokens_.push_back(Token{kind, newline_pending_, cc_mode_ != CcMode::kNone,
                            static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
    newline_pending_ = false;
  }
  // Records what the token just lexed allows next; clears after_dot_ and
  // paren_is_control_, which the caller sets again when they apply.
  void SetState(bool regex_ok, bool brace_is_block) {
    regex_ok_ = regex_ok;
    brace_is_block_ = brace_is_block;
    after_dot_ = false;
    paren_is_control_ = false;
  }
  char At(size_t pos) const { return pos < text_.size() ? text_[pos] : '\0'; }

  std::string_view text_;
  size_t pos_ = 0;
  Tokens tokens_;
  bool newline_pending_ = false;
  bool at_line_start_ = true;  // no code token since the last line terminator
  CcMode cc_mode_ = CcMode::kNone;

  bool regex_ok_ = true;           // a `/` now starts a regex
  bool brace_is_block_ = true;     // a `{` now opens a block
  bool paren_is_control_ = false;  // a `(` now opens an if/while/for/with condition
  bool after_dot_ = false;         // the previous token was `.` or `?.`
  std::vector<Brace> braces_;
  std::vector<uint8_t> parens_;  // 1 for a control condition

  uint32_t template_frames_ = 0;  // open ${ } inside the current outermost template
  size_t template_start_ = 0;
  bool template_newline_ = false;
  bool template_conditional_ = false;
};

}  // namespace iescan::scanner::lex_internal
