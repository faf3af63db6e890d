// CssDeclarations: finds property declarations in a CSS token stream.
//
// The walk is iterative: an explicit stack records, for each open `{`, whether it holds
// rules (a sheet's top level, @media, @supports, @document, @layer, @container, @scope,
// @keyframes) or declarations (a style rule, @font-face, @page and any other at-rule, and
// rules nested inside declaration blocks). Items end at `;`, `{` or `}` outside
// parentheses and brackets, so a `;` or `{` inside expression(...) or url(...) does not
// end a declaration. An item ending with `{` is a rule or an at-rule, never a declaration.
//
// A declaration is [hack] IDENT ':' value, where the hack is a kDelim "*" or "_". The
// value range runs from the first to the last non-comment token before the `;` or `}` and
// keeps a trailing `!important` (kDelim "!" + kIdentifier "important") and any `\9`.
#include <string_view>

#include "scanner/lex/lex_chars.h"
#include "scanner/lex/lexers.h"

namespace iescan::scanner {
namespace {

enum class Context : uint8_t { kRules, kDeclarations };

bool HoldsRules(std::string_view at_keyword) {
  std::string_view name = at_keyword.substr(1);  // without '@'
  if (!name.empty() && name[0] == '-') {         // vendor prefix: -moz-document
    const size_t dash = name.find('-', 1);
    if (dash != std::string_view::npos) name = name.substr(dash + 1);
  }
  constexpr std::string_view kNames[] = {"media",     "supports", "document",  "layer",
                                         "container", "scope",    "keyframes", "starting-style"};
  for (std::string_view candidate : kNames) {
    if (name.size() == candidate.size() && lex_internal::MatchesAsciiNoCase(name, 0, candidate)) {
      return true;
    }
  }
  return false;
}

class DeclarationFinder {
 public:
  DeclarationFinder(std::string_view text, const Tokens& tokens) : text_(text), tokens_(tokens) {}

  std::vector<CssDeclaration> Run(bool inline_style) {
    const Context base = inline_style ? Context::kDeclarations : Context::kRules;
    const size_t n = tokens_.size();
    size_t i = 0;
    while (i < n) {
      if (tokens_[i].kind == TokenKind::kComment) {
        ++i;
      } else if (IsPunct(i, '}')) {
        if (!stack_.empty()) stack_.pop_back();
        ++i;
      } else {
        const size_t end = ItemEnd(i);
        const Context context = stack_.empty() ? base : stack_.back();
        if (end < n && IsPunct(end, '{')) {
          const bool rules =
              tokens_[i].kind == TokenKind::kAtKeyword && HoldsRules(tokens_[i].Text(text_));
          stack_.push_back(rules ? Context::kRules : Context::kDeclarations);
          i = end + 1;
          continue;
        }
        if (context == Context::kDeclarations) Declaration(i, end);
        i = (end < n && IsPunct(end, ';')) ? end + 1 : end;
      }
    }
    return std::move(found_);
  }

 private:
  bool IsPunct(size_t i, char c) const {
    return tokens_[i].kind == TokenKind::kPunct && text_[tokens_[i].begin] == c;
  }

  // The index of the `;`, `{` or `}` ending the item that starts at `i`, or the size.
  size_t ItemEnd(size_t i) const {
    size_t depth = 0;
    for (; i < tokens_.size(); ++i) {
      const Token& t = tokens_[i];
      if (t.kind == TokenKind::kFunction) {
        ++depth;
      } else if (t.kind == TokenKind::kPunct) {
        const char c = text_[t.begin];
        if (c == '(' || c == '[') {
          ++depth;
        } else if (c == ')' || c == ']') {
          if (depth > 0) --depth;
        } else if (depth == 0 && (c == ';' || c == '{' || c == '}')) {
          return i;
        }
      }
    }
    return tokens_.size();
  }

  size_t SkipComments(size_t i, size_t end) const {
    while (i < end && tokens_[i].kind == TokenKind::kComment) ++i;
    return i;
  }

  void Declaration(size_t begin, size_t end) {
    size_t k = SkipComments(begin, end);
    char hack = 0;
    if (k < end && tokens_[k].kind == TokenKind::kDelim && tokens_[k].end - tokens_[k].begin == 1 &&
        (text_[tokens_[k].begin] == '*' || text_[tokens_[k].begin] == '_')) {
      hack = text_[tokens_[k].begin];
      ++k;
    }
    if (k >= end || tokens_[k].kind != TokenKind::kIdentifier) return;
    const size_t property = k;
    k = SkipComments(k + 1, end);
    if (k >= end || !IsPunct(k, ':')) return;
    size_t value_begin = SkipComments(k + 1, end);
    size_t value_end = end;
    while (value_end > value_begin && tokens_[value_end - 1].kind == TokenKind::kComment) {
      --value_end;
    }
    found_.push_back(CssDeclaration{static_cast<uint32_t>(property),
                                    static_cast<uint32_t>(value_begin),
                                    static_cast<uint32_t>(value_end), hack});
  }

  std::string_view text_;
  const Tokens& tokens_;
  std::vector<Context> stack_;
  std::vector<CssDeclaration> found_;
};

}  // namespace

std::vector<CssDeclaration> CssDeclarations(std::string_view text, const Tokens& tokens,
                                            bool inline_style) {
  return DeclarationFinder(text, tokens).Run(inline_style);
}

}  // namespace iescan::scanner
