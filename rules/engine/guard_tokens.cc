// Guard analysis: code tokens and bracket links (see guard_tokens.h).
#include "rules/engine/guard_tokens.h"

#include <algorithm>

namespace iescan::rules::guard_internal {
namespace {

using scanner::TokenKind;

// How far below the top of the bracket stack a closer looks for its opener; a closer with
// no opener that near is treated as stray, which keeps the pass linear on hostile input.
constexpr size_t kCloserReach = 8;

char Bracket(std::string_view text) { return text.size() == 1 ? text[0] : '\0'; }

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

void GuardTokens::Link() {
  partner_.assign(index_.size(), -1);
  parent_.assign(index_.size(), -1);
  std::vector<int32_t> stack;
  for (int32_t k = 0; k < size(); ++k) {
    parent_[k] = stack.empty() ? -1 : stack.back();
    if (IsOpener(k)) {
      stack.push_back(k);
      continue;
    }
    if (!IsCloser(k)) continue;
    const char want = OpenerOf(Bracket(Text(k)));
    size_t depth = 0;
    while (depth < stack.size() && depth < kCloserReach &&
           Bracket(Text(stack[stack.size() - 1 - depth])) != want) {
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

bool GuardTokens::Word(int32_t k, std::string_view text) const {
  return IsName(k) && Text(k) == text;
}

bool GuardTokens::IsName(int32_t k) const {
  if (!Valid(k)) return false;
  const TokenKind kind = Kind(k);
  return kind == TokenKind::kIdentifier || kind == TokenKind::kKeyword;
}

bool GuardTokens::IsOpener(int32_t k) const {
  return Punct(k, "(") || Punct(k, "[") || Punct(k, "{");
}

bool GuardTokens::IsCloser(int32_t k) const {
  return Punct(k, ")") || Punct(k, "]") || Punct(k, "}");
}

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
