// Guard analysis, part 1: a region's code tokens with their bracket structure.
//
// GuardTokens indexes the non-comment tokens of one JavaScript region and links every
// bracket to its partner and every token to its innermost enclosing opening bracket, in
// one linear pass with an explicit stack. The guard walk (guard_walk.cc) climbs these links
// instead of building a syntax tree.
//
// Ownership: borrows the Region, which must outlive it. Thread-safety: immutable after
// construction.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "scanner/document/document.h"
#include "scanner/lex/token.h"

namespace iescan::rules::guard_internal {

class GuardTokens {
 public:
  explicit GuardTokens(const scanner::Region& region);

  int32_t size() const { return static_cast<int32_t>(index_.size()); }
  bool Valid(int32_t k) const { return k >= 0 && k < size(); }
  // Out-of-range positions answer "no token": empty text, false for every test. (These
  // and Punct are defined here: the guard walk calls them for every token it passes.)
  const scanner::Token* At(int32_t k) const {
    return Valid(k) ? &region_.tokens[index_[k]] : nullptr;
  }
  std::string_view Text(int32_t k) const {
    const scanner::Token* t = At(k);
    return t ? t->Text(region_.text) : std::string_view();
  }
  scanner::TokenKind Kind(int32_t k) const {
    const scanner::Token* t = At(k);
    return t ? t->kind : scanner::TokenKind::kOther;
  }

  bool Punct(int32_t k, std::string_view text) const {
    const scanner::Token* t = At(k);
    return t != nullptr && t->kind == scanner::TokenKind::kPunct && t->Text(region_.text) == text;
  }
  // An identifier or keyword spelled `text`.
  bool Word(int32_t k, std::string_view text) const;
  bool IsName(int32_t k) const;  // identifier or keyword
  bool IsOpener(int32_t k) const;
  bool IsCloser(int32_t k) const;
  // The bracket token k is ("(", ")", "[", "]", "{" or "}"), else '\0'.
  char BracketAt(int32_t k) const;

  // For an opener: its closer, or -1 when unclosed. For a closer: its opener, or -1 when
  // unmatched. -1 for other tokens.
  int32_t Partner(int32_t k) const { return Valid(k) ? partner_[k] : -1; }
  // The innermost opening bracket enclosing token k (for a closer: the one enclosing its
  // opener), or -1 at top level.
  int32_t Parent(int32_t k) const { return Valid(k) ? parent_[k] : -1; }
  // One past the last token of the level opened by `opener` (its closer, or size()).
  int32_t LevelEnd(int32_t opener) const;

  // The code token that contains region position `pos`, else the first one after it,
  // else -1.
  int32_t IndexAt(size_t pos) const;

  const scanner::Region& region() const { return region_; }

 private:
  void Link();

  const scanner::Region& region_;
  std::vector<uint32_t> index_;    // code token -> region token
  std::vector<int32_t> partner_;
  std::vector<int32_t> parent_;
};

}  // namespace iescan::rules::guard_internal
