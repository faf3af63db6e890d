// VBScript matchers: vbs-present, vbs-call, vbs-identifier, vbs-string-arg. One pass over
// a region's code tokens; names are compared case-insensitively (lower-cased once per
// token, then one table lookup).
#include <re2/re2.h>

#include <array>

#include "rules/engine/engine_internal.h"
#include "rules/engine/text_util.h"
#include "scanner/lex/lexers.h"

namespace iescan::rules {
namespace {

using scanner::Region;
using scanner::Token;
using scanner::TokenKind;

// Keywords after which a name is being declared, not called.
constexpr std::array<std::string_view, 11> kDeclarers = {
    "sub", "function", "dim", "redim", "const", "get", "let", "set", "class", "private", "public"};

class VbsRegionMatcher {
 public:
  VbsRegionMatcher(const ScanContext& ctx, const Region& region) : ctx_(ctx), region_(region) {
    code_.reserve(region.tokens.size());
    for (const Token& t : region.tokens) {
      if (t.kind != TokenKind::kComment) code_.push_back(&t);
    }
  }

  void Run() {
    std::string lower;
    for (ptrdiff_t k = 0; k < static_cast<ptrdiff_t>(code_.size()); ++k) {
      const Token* t = code_[k];
      if (t->kind != TokenKind::kIdentifier && t->kind != TokenKind::kKeyword) continue;
      if (!ctx_.tables.vbs.MayHold(t->Text(region_.text))) continue;
      LowerAsciiInto(t->Text(region_.text), &lower);
      auto it = ctx_.tables.vbs.find(lower);
      if (it != ctx_.tables.vbs.end()) Name(k, it->second);
    }
  }

 private:
  const Token* At(ptrdiff_t k) const {
    return k >= 0 && static_cast<size_t>(k) < code_.size() ? code_[k] : nullptr;
  }
  std::string_view Text(ptrdiff_t k) const {
    const Token* t = At(k);
    return t ? t->Text(region_.text) : std::string_view();
  }
  bool IsPunct(ptrdiff_t k, std::string_view text) const {
    const Token* t = At(k);
    return t && t->kind == TokenKind::kPunct && t->Text(region_.text) == text;
  }
  bool IsKeyword(ptrdiff_t k, std::string_view lower) const {
    const Token* t = At(k);
    return t && t->kind == TokenKind::kKeyword && EqualsIgnoreCaseAscii(Text(k), lower);
  }

  // True when the name at k (possibly the last part of a.b.Name) begins a statement.
  bool AtStatementStart(ptrdiff_t k) const {
    while (IsPunct(k - 1, ".") && At(k - 2) && At(k - 2)->kind == TokenKind::kIdentifier) {
      k -= 2;
    }
    const Token* prev = At(k - 1);
    return prev == nullptr || prev->kind == TokenKind::kNewline || IsKeyword(k - 1, "call") ||
           IsKeyword(k - 1, "then") || IsKeyword(k - 1, "else");
  }

  bool IsDeclared(ptrdiff_t k) const {
    for (std::string_view word : kDeclarers) {
      if (IsKeyword(k - 1, word)) return true;
    }
    return false;
  }

  void Add(const Entry& e, const Token& t, std::string arg = std::string()) {
    AddRegionHit(ctx_, e, region_, t.begin, t.end, std::string(t.Text(region_.text)),
                 std::move(arg), Guard::kNone);
  }

  void Name(ptrdiff_t k, const VbsNameEntries& entries) {
    const Token& t = *code_[k];
    for (const Entry& e : entries.identifier) {
      if (ctx_.Wants(e)) Add(e, t);
    }
    const bool paren = IsPunct(k + 1, "(");
    const bool declared = IsDeclared(k);
    if (!entries.call.empty() && !declared) {
      bool call = paren;
      if (!call && AtStatementStart(k)) {
        call = !IsPunct(k + 1, "=") && !IsPunct(k + 1, ".");
      }
      for (const Entry& e : entries.call) {
        if (call && ctx_.Wants(e)) Add(e, t);
      }
    }
    const Token* arg = At(k + 2);
    if (!paren || declared || arg == nullptr || arg->kind != TokenKind::kString) return;
    std::string value;
    bool have_value = false;
    for (const Entry& e : entries.string_arg) {
      if (!ctx_.Wants(e)) continue;
      if (!have_value) {
        value = scanner::VbsStringValue(arg->Text(region_.text), nullptr);
        have_value = true;
      }
      if (e.matcher->re && !RE2::PartialMatch(value, *e.matcher->re)) continue;
      Add(e, t, value);
    }
  }

  const ScanContext& ctx_;
  const Region& region_;
  std::vector<const Token*> code_;
};

}  // namespace

void MatchVbsRegion(const ScanContext& ctx, const Region& region) {
  // vbs-present: code written as VBScript (a .vbs file, a script block, a handler), not a
  // vbscript: URL or a string run as VBScript (they have their own matchers); at the
  // region's first token other than a line break (its start when it has none).
  const bool written = region.context != scanner::RegionContext::kScriptUrl &&
                       region.context != scanner::RegionContext::kStringCode;
  size_t begin = 0, end = 0;
  for (const Token& t : region.tokens) {
    if (t.kind == TokenKind::kNewline) continue;
    begin = t.begin;
    end = t.end;
    break;
  }
  for (const Entry& e : ctx.tables.vbs_present) {
    if (written && ctx.Wants(e)) {
      AddRegionHit(ctx, e, region, begin, end, "VBScript", std::string(), Guard::kNone);
    }
  }
  if (ctx.tables.vbs.empty()) return;
  VbsRegionMatcher(ctx, region).Run();
}

}  // namespace iescan::rules
