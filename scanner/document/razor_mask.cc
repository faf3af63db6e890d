// Razor (.cshtml) server blocks, found conservatively: only constructs whose extent is
// certain are masked, and a bracket that does not close within the budget masks nothing
// but its '@'. E-mail addresses (an '@' after a letter or digit) and CSS at-rules are
// left alone.
#include <algorithm>
#include <array>

#include "scanner/document/markup_scan.h"
#include "scanner/document/server_mask.h"

namespace iescan::scanner::document_internal {
namespace {

constexpr size_t kBracketBudget = 1 << 20;

bool IsIdentStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool IsIdentChar(char c) { return IsIdentStart(c) || (c >= '0' && c <= '9'); }

ServerBlock Block(size_t begin, size_t end, ServerBlock::Kind kind) {
  ServerBlock block;
  block.begin = static_cast<uint32_t>(begin);
  block.end = static_cast<uint32_t>(end);
  block.kind = kind;
  return block;
}

// Skips a C# string or character literal starting at `pos`; returns the position after it.
size_t SkipLiteral(std::string_view text, size_t pos, size_t limit) {
  char quote = text[pos];
  bool verbatim = pos > 0 && text[pos - 1] == '@' && quote == '"';
  if (quote == '\'') {
    // Only a short closed literal is a char; otherwise the apostrophe is markup text.
    for (size_t i = pos + 1; i < std::min(limit, pos + 9); ++i) {
      if (text[i] == '\\') {
        ++i;
      } else if (text[i] == '\'') {
        return i + 1;
      }
    }
    return pos + 1;
  }
  for (size_t i = pos + 1; i < limit; ++i) {
    bool doubled_quote = verbatim && text[i] == '"' && i + 1 < limit && text[i + 1] == '"';
    bool escape = !verbatim && text[i] == '\\';
    if (doubled_quote || escape) {
      ++i;  // skip the escaped character
    } else if (text[i] == '"') {
      return i + 1;
    }
  }
  return limit;
}

// The bracket matcher proper: `open` at `pos`, searched up to `limit`.
size_t Match(std::string_view text, size_t pos, size_t limit, char open, char close) {
  int depth = 0;
  size_t i = pos;
  while (i < limit) {
    char c = text[i];
    char next = i + 1 < limit ? text[i + 1] : 0;
    if (c == '"' || c == '\'') {
      i = SkipLiteral(text, i, limit);
      continue;
    }
    if (c == '/' && next == '/') {
      while (i < limit && text[i] != '\n') ++i;
      continue;
    }
    if (c == '/' && next == '*') {
      size_t end = text.substr(0, limit).find("*/", i + 2);
      if (end == std::string_view::npos) return 0;
      i = end + 2;
      continue;
    }
    if (c == open) ++depth;
    if (c == close && --depth == 0) return i + 1;
    ++i;
  }
  return 0;
}

// Matches the bracket at `pos` ('{', '(' or '['); returns the position after its partner,
// or 0 when it does not close within kBracketBudget bytes. *work counts the bytes examined
// over the whole file; once it runs out nothing more is matched, so a hostile file full
// of unclosed brackets is still scanned in linear time.
size_t MatchBracket(std::string_view text, size_t pos, size_t* work) {
  const char open = text[pos];
  const char close = open == '{' ? '}' : open == '(' ? ')' : ']';
  const size_t limit = std::min({text.size(), pos + kBracketBudget, pos + *work});
  size_t end = Match(text, pos, limit, open, close);
  *work -= (end ? end : limit) - pos;
  return end;
}

size_t SkipBlanks(std::string_view text, size_t pos) {
  while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
  return pos;
}

size_t LineEnd(std::string_view text, size_t pos) {
  while (pos < text.size() && text[pos] != '\n' && text[pos] != '\r') ++pos;
  return pos;
}

constexpr std::array<std::string_view, 10> kCssAtRules = {
    "media",     "import",   "font", "charset",  "keyframes",
    "namespace", "supports", "page", "viewport", "document"};
constexpr std::array<std::string_view, 8> kLineDirectives = {
    "model",     "inherits",     "layout",          "inject",
    "namespace", "addTagHelper", "removeTagHelper", "tagHelperPrefix"};
constexpr std::array<std::string_view, 10> kStatements = {
    "if", "for", "foreach", "while", "switch", "lock", "using", "try", "do", "section"};

template <size_t N>
bool In(std::string_view word, const std::array<std::string_view, N>& words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// `@keyword ...` at `at`, `word_end` after the keyword. Returns the block end or 0.
size_t KeywordEnd(std::string_view text, std::string_view word, size_t word_end, size_t* work) {
  if (word == "using" && SkipBlanks(text, word_end) < text.size() &&
      text[SkipBlanks(text, word_end)] != '(') {
    return LineEnd(text, word_end);  // @using Namespace
  }
  if (In(word, kLineDirectives)) return LineEnd(text, word_end);
  if (word == "functions" || word == "helper") {
    size_t brace = text.find('{', word_end);
    if (brace == std::string_view::npos || brace - word_end > 4096) return word_end;
    size_t end = MatchBracket(text, brace, work);
    return end ? end : word_end;
  }
  // A statement: mask its head (the condition and the opening brace); the body is markup.
  size_t pos = SkipBlanks(text, word_end);
  if (word == "section") {
    while (pos < text.size() && IsIdentChar(text[pos])) ++pos;
    pos = SkipBlanks(text, pos);
  } else if (pos < text.size() && text[pos] == '(') {
    size_t end = MatchBracket(text, pos, work);
    if (end == 0) return word_end;
    pos = end;
  }
  size_t brace = pos;
  while (brace < text.size() && IsSpace(text[brace])) ++brace;
  return brace < text.size() && text[brace] == '{' ? brace + 1 : pos;
}

// `@Name.Member(args)[i]...`: returns the end of the implicit expression.
size_t ImplicitEnd(std::string_view text, size_t pos, size_t* work) {
  while (pos < text.size()) {
    char c = text[pos];
    if (c == '.' && pos + 1 < text.size() && IsIdentStart(text[pos + 1])) {
      pos += 2;
      while (pos < text.size() && IsIdentChar(text[pos])) ++pos;
    } else if (c == '(' || c == '[') {
      size_t end = MatchBracket(text, pos, work);
      if (end == 0) return pos;
      pos = end;
    } else {
      break;
    }
  }
  return pos;
}

// The Razor construct at `at` ('@'); an empty block when there is none.
ServerBlock RazorAt(std::string_view text, size_t at, size_t* work) {
  const size_t n = text.size();
  char next = at + 1 < n ? text[at + 1] : 0;
  if (next == '*') {
    size_t close = text.find("*@", at + 2);
    return Block(at, close == std::string_view::npos ? n : close + 2, ServerBlock::kComment);
  }
  if (next == '{' || next == '(') {
    size_t end = MatchBracket(text, at + 1, work);
    return Block(at, end ? end : at + 1,
                 next == '{' ? ServerBlock::kCode : ServerBlock::kExpression);
  }
  if (!IsIdentStart(next)) return Block(at, at, ServerBlock::kCode);
  size_t word_end = at + 1;
  while (word_end < n && IsIdentChar(text[word_end])) ++word_end;
  std::string_view word = text.substr(at + 1, word_end - at - 1);
  if (In(word, kCssAtRules) || (word_end < n && text[word_end] == '-')) {
    return Block(at, at, ServerBlock::kCode);  // @media, @font-face ...
  }
  if (In(word, kStatements) || In(word, kLineDirectives) || word == "functions" ||
      word == "helper") {
    ServerBlock::Kind kind = In(word, kLineDirectives) || word == "using"
                                 ? ServerBlock::kDirective
                                 : ServerBlock::kCode;
    return Block(at, std::max(word_end, KeywordEnd(text, word, word_end, work)), kind);
  }
  return Block(at, ImplicitEnd(text, word_end, work), ServerBlock::kExpression);
}

}  // namespace

std::vector<ServerBlock> FindRazorBlocks(std::string_view text) {
  std::vector<ServerBlock> blocks;
  size_t work = 4 * text.size() + kBracketBudget;
  size_t pos = 0;
  while (true) {
    pos = text.find('@', pos);
    if (pos == std::string_view::npos) break;
    if (pos > 0 && IsIdentChar(text[pos - 1])) {  // user@example.com
      ++pos;
      continue;
    }
    if (pos + 1 < text.size() && text[pos + 1] == '@') {  // "@@" writes one '@'
      blocks.push_back(Block(pos, pos + 1, ServerBlock::kCode));
      pos += 2;
      continue;
    }
    ServerBlock block = RazorAt(text, pos, &work);
    if (block.end > block.begin) {
      blocks.push_back(block);
      pos = block.end;
    } else {
      ++pos;
    }
  }
  return blocks;
}

}  // namespace iescan::scanner::document_internal
