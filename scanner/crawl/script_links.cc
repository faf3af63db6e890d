// Navigation URLs in JavaScript and VBScript token streams. See script_links.h.

#include "scanner/crawl/script_links.h"

#include <string>
#include <vector>

#include "scanner/lex/lexers.h"

namespace iescan::scanner {
namespace {

struct Script {
  std::string_view text;
  std::vector<const Token*> tokens;  // significant tokens (no comments, no VBS newlines)
  bool vbs = false;

  std::string_view At(size_t i) const {
    return i < tokens.size() ? tokens[i]->Text(text) : std::string_view();
  }
  TokenKind KindAt(size_t i) const {
    return i < tokens.size() ? tokens[i]->kind : TokenKind::kOther;
  }
  bool Is(size_t i, std::string_view word) const {
    std::string_view t = At(i);
    if (t.size() != word.size()) return false;
    if (!vbs) return t == word;
    for (size_t k = 0; k < t.size(); ++k) {
      char a = t[k];
      char b = word[k];
      if (a >= 'A' && a <= 'Z') a = static_cast<char>(a + 32);
      if (b >= 'A' && b <= 'Z') b = static_cast<char>(b + 32);
      if (a != b) return false;
    }
    return true;
  }
  bool IsName(size_t i) const {
    TokenKind k = KindAt(i);
    return k == TokenKind::kIdentifier || (vbs && k == TokenKind::kKeyword);
  }
};

// The URL in the string literal at token `i`, if the literal is the whole
// argument or the start of a concatenation.
void TakeLiteral(const Script& s, size_t i, std::vector<std::string>* out) {
  if (s.KindAt(i) != TokenKind::kString) return;
  std::string_view literal = s.At(i);
  std::string value = s.vbs ? VbsStringValue(literal, nullptr) : JsStringValue(literal, nullptr);
  bool concatenated = s.Is(i + 1, "+") || (s.vbs && s.Is(i + 1, "&"));
  if (concatenated) {
    size_t question = value.find('?');
    if (question == std::string::npos) return;
    value.resize(question);
  }
  if (!value.empty()) out->push_back(std::move(value));
}

// Index of the first argument of a call whose name is at `i`: after "(" in
// JavaScript; in VBScript the parentheses are optional.
size_t FirstArgument(const Script& s, size_t i) {
  if (s.Is(i + 1, "(")) return i + 2;
  return s.vbs ? i + 1 : s.tokens.size();
}

bool IsWindowName(const Script& s, size_t i) {
  for (std::string_view name : {"window", "self", "top", "parent", "opener"}) {
    if (s.Is(i, name)) return true;
  }
  return false;
}

void Scan(const Script& s, std::vector<std::string>* out) {
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    if (!s.IsName(i)) continue;
    bool member = i > 0 && s.Is(i - 1, ".");
    if (s.Is(i, "showModalDialog") || s.Is(i, "showModelessDialog") || s.Is(i, "navigate")) {
      TakeLiteral(s, FirstArgument(s, i), out);
    } else if (s.Is(i, "open")) {
      // window.open("x") or a bare open("x"); never xhr.open("GET", ...) or
      // document.open.
      if (!member || (i >= 2 && IsWindowName(s, i - 2))) TakeLiteral(s, FirstArgument(s, i), out);
    } else if (s.Is(i, "location")) {
      size_t j = i + 1;
      if (s.Is(j, ".") && s.Is(j + 1, "href")) j += 2;
      if (s.Is(j, "=")) {
        TakeLiteral(s, j + 1, out);
      } else if (s.Is(j, ".") && (s.Is(j + 1, "replace") || s.Is(j + 1, "assign"))) {
        TakeLiteral(s, FirstArgument(s, j + 1), out);
      }
    }
  }
}

Script Significant(std::string_view text, const Tokens& tokens, bool vbs) {
  Script s;
  s.text = text;
  s.vbs = vbs;
  s.tokens.reserve(tokens.size());
  for (const Token& tok : tokens) {
    if (tok.kind == TokenKind::kComment || tok.kind == TokenKind::kNewline) continue;
    s.tokens.push_back(&tok);
  }
  return s;
}

}  // namespace

void JsLinks(std::string_view text, const Tokens& tokens, std::vector<std::string>* out) {
  Scan(Significant(text, tokens, false), out);
}

void VbsLinks(std::string_view text, const Tokens& tokens, std::vector<std::string>* out) {
  Scan(Significant(text, tokens, true), out);
}

}  // namespace iescan::scanner
