// Helpers for the lexer tests: a compact, exact rendering of a token stream and the
// structural invariants every token stream must satisfy.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "scanner/lex/token.h"

namespace iescan::scanner::testing {

// "kind:text", e.g. "id:x", "punct:=", "re:/a/g"; kNewline renders as "nl". A token with
// the conditional flag is prefixed with "?", one with newline_before by "^" when
// `with_newlines` is set.
inline const char* KindName(TokenKind kind) {
  switch (kind) {
    case TokenKind::kIdentifier:
      return "id";
    case TokenKind::kKeyword:
      return "kw";
    case TokenKind::kPunct:
      return "punct";
    case TokenKind::kNumber:
      return "num";
    case TokenKind::kString:
      return "str";
    case TokenKind::kTemplate:
      return "tpl";
    case TokenKind::kRegex:
      return "re";
    case TokenKind::kComment:
      return "comment";
    case TokenKind::kCcDirective:
      return "cc";
    case TokenKind::kAtKeyword:
      return "at";
    case TokenKind::kFunction:
      return "fn";
    case TokenKind::kUrl:
      return "url";
    case TokenKind::kHash:
      return "hash";
    case TokenKind::kDelim:
      return "delim";
    case TokenKind::kNewline:
      return "nl";
    case TokenKind::kOther:
      return "other";
  }
  return "?";
}

inline std::vector<std::string> Describe(std::string_view text, const Tokens& tokens,
                                         bool with_newlines = false) {
  std::vector<std::string> out;
  out.reserve(tokens.size());
  for (const Token& t : tokens) {
    std::string s;
    if (with_newlines && t.newline_before) s += '^';
    if (t.conditional) s += '?';
    s += KindName(t.kind);
    if (t.kind != TokenKind::kNewline) {
      s += ':';
      s += t.Text(text);
    }
    out.push_back(std::move(s));
  }
  return out;
}

// Empty when the tokens are non-empty, ordered, non-overlapping and inside the text;
// otherwise a description of the first violation.
inline std::string CheckInvariants(std::string_view text, const Tokens& tokens) {
  uint32_t previous_end = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.begin >= t.end || t.end > text.size() || t.begin < previous_end) {
      return "token " + std::to_string(i) + " [" + std::to_string(t.begin) + "," +
             std::to_string(t.end) + ") after end " + std::to_string(previous_end);
    }
    previous_end = t.end;
  }
  return {};
}

}  // namespace iescan::scanner::testing
