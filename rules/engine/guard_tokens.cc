// Guard analysis: code tokens and bracket links (see guard_tokens.h).
#include "rules/engine/guard_tokens.h"

#include <algorithm>

namespace iescan::rules::guard_internal {
namespace {

using scanner::TokenKind;

// How far below the top of the bracket stack a closer looks for its opener; a closer with
// no opener that near is treated as stray, which keeps the pass linear on hostile input.
constexpr size_t kCloserReach = 8;

char OpenerOf(char closer) {
  switch (closer) {
    case ')':
      return '(';
    case ']':
      return '[';
    case '}':
      return '{';
    default:
      return '\0';
  }
}

}  // namespace

GuardTokens::GuardTokens(const scanner::Region& region) : region_(region) {
  index_.reserve(region.tokens.size());
  for (uint32_t i = 0; i < region.tokens.size(); ++i) {
    if (region.tokens[i].kind != TokenKind::kComment) index_.push_back(i);
  }
  Link();
}

// The bracket a punctuator of one byte is, else '\0'.
static char BracketOf(const scanner::Token& t, std::string_view text) {
  if (t.kind != TokenKind::kPunct || t.end - t.begin != 1) return '\0';
  switch (const char c = text[t.begin]) {
    case '(':
    case ')':
    case '[':
    case ']':
    case '{':
    case '}':
      return c;
    default:
      return '\0';
  }
}

void GuardTokens::Link() {
  const int32_t n = size();
  partner_.assign(index_.size(), -1);
  parent_.assign(index_.size(), -1);
  const scanner::Token* tokens = region_.tokens.data();
  const auto bracket = [&](int32_t k) { return BracketOf(tokens[index_[k]], region_.text); };
  std::vector<int32_t> stack;
  for (int32_t k = 0; k < n; ++k) {
    parent_[k] = stack.empty() ? -1 : stack.back();
    const char b = bracket(k);
    if (b == '\0') continue;
    const char want = OpenerOf(b);
    if (want == '\0') {
      stack.push_back(k);
      continue;
    }
    size_t depth = 0;
    while (depth < stack.size() && depth < kCloserReach &&
           bracket(stack[stack.size() - 1 - depth]) != want) {
      ++depth;
    }
    if (depth >= stack.size() || depth >= kCloserReach) continue;  // stray closer
    stack.resize(stack.size() - depth);  // openers left unclosed by bad input
    const int32_t opener = stack.back();
    stack.pop_back();
    partner_[opener] = k;
    partner_[k] = opener;
    parent_[k] = stack.empty() ? -1 : stack.back();
  }
}

char GuardTokens::BracketAt(int32_t k) const {
  return Valid(k) ? BracketOf(region_.tokens[index_[k]], region_.text) : '\0';
}

bool GuardTokens::Word(int32_t k, std::string_view text) const {
  return IsName(k) && Text(k) == text;
}

bool GuardTokens::IsName(int32_t k) const {
  if (!Valid(k)) return false;
  const TokenKind kind = Kind(k);
  return kind == TokenKind::kIdentifier || kind == TokenKind::kKeyword;
}

bool GuardTokens::IsOpener(int32_t k) const {
  const char c = BracketAt(k);
  return c == '(' || c == '[' || c == '{';
}

bool GuardTokens::IsCloser(int32_t k) const { return OpenerOf(BracketAt(k)) != '\0'; }

int32_t GuardTokens::LevelEnd(int32_t opener) const {
  if (opener < 0) return size();
  const int32_t closer = Partner(opener);
  return closer >= 0 ? closer : size();
}

int32_t GuardTokens::IndexAt(size_t pos) const {
  auto it = std::lower_bound(index_.begin(), index_.end(), pos, [this](uint32_t i, size_t p) {
    return region_.tokens[i].end <= p;
  });
  if (it == index_.end()) return -1;
  return static_cast<int32_t>(it - index_.begin());
}

}  // namespace iescan::rules::guard_internal
