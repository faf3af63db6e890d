// JavaScript matchers: js-member, js-call, js-new, js-identifier, js-string-arg. One pass
// over a region's code tokens (comments skipped); one table lookup per identifier.
#include <re2/re2.h>

#include "rules/engine/engine_internal.h"
#include "rules/engine/guard.h"
#include "scanner/lex/lexers.h"

namespace iescan::rules {
namespace {

using scanner::Region;
using scanner::Token;
using scanner::TokenKind;

// The region's code tokens (everything but comments), addressed by position with
// out-of-range positions answering "no token".
class CodeTokens {
 public:
  explicit CodeTokens(const Region& region) : region_(region) {
    index_.reserve(region.tokens.size());
    for (uint32_t i = 0; i < region.tokens.size(); ++i) {
      if (region.tokens[i].kind != TokenKind::kComment) index_.push_back(i);
    }
  }
  size_t size() const { return index_.size(); }
  const Token* At(ptrdiff_t k) const {
    if (k < 0 || static_cast<size_t>(k) >= index_.size()) return nullptr;
    return &region_.tokens[index_[k]];
  }
  std::string_view Text(ptrdiff_t k) const {
    const Token* t = At(k);
    return t ? t->Text(region_.text) : std::string_view();
  }
  bool Is(ptrdiff_t k, TokenKind kind, std::string_view text) const {
    const Token* t = At(k);
    return t && t->kind == kind && t->Text(region_.text) == text;
  }
  bool IsPunct(ptrdiff_t k, std::string_view text) const { return Is(k, TokenKind::kPunct, text); }
  bool IsDot(ptrdiff_t k) const { return IsPunct(k, ".") || IsPunct(k, "?."); }
  // An identifier (or `this`) usable as a receiver name.
  bool IsName(ptrdiff_t k) const {
    const Token* t = At(k);
    return t && (t->kind == TokenKind::kIdentifier || Is(k, TokenKind::kKeyword, "this"));
  }
  bool IsString(ptrdiff_t k) const {
    const Token* t = At(k);
    return t && (t->kind == TokenKind::kString || t->kind == TokenKind::kTemplate);
  }

 private:
  const Region& region_;
  std::vector<uint32_t> index_;
};

bool ListHas(const std::vector<std::string>& list, std::string_view name) {
  for (const std::string& item : list) {
    if (item == name) return true;
  }
  return false;
}

class JsRegionMatcher {
 public:
  JsRegionMatcher(const ScanContext& ctx, const Region& region)
      : ctx_(ctx), region_(region), code_(region) {}

  void Run() {
    for (ptrdiff_t k = 0; k < static_cast<ptrdiff_t>(code_.size()); ++k) {
      const Token* t = code_.At(k);
      if (t->kind == TokenKind::kIdentifier || t->kind == TokenKind::kKeyword) {
        auto it = ctx_.tables.js.find(t->Text(region_.text));
        if (it != ctx_.tables.js.end()) Name(k, it->second);
      } else if (t->kind == TokenKind::kString && code_.IsPunct(k - 1, "[") &&
                 code_.IsPunct(k + 1, "]")) {
        std::string value = scanner::JsStringValue(t->Text(region_.text), nullptr);
        auto it = ctx_.tables.js.find(value);
        if (it != ctx_.tables.js.end()) Bracket(k, value, it->second.member);
      }
    }
  }

 private:
  void Add(const Entry& e, const Token& begin, const Token& end, const Token& at, std::string match,
           std::string arg = std::string()) {
    AddRegionHit(ctx_, e, region_, begin.begin, end.end, std::move(match), std::move(arg),
                 ClassifyJsGuard(region_, &at));
  }

  void Name(ptrdiff_t k, const JsNameEntries& entries) {
    const Token& t = *code_.At(k);
    const std::string_view name = t.Text(region_.text);
    const bool after_dot = code_.IsDot(k - 1);
    const bool is_keyword = t.kind == TokenKind::kKeyword;
    for (const Entry& e : entries.member) {
      if (ctx_.Wants(e) && after_dot) Member(e, k, k - 2, k + 1, name);
    }
    if (is_keyword) return;  // only member names may be reserved words
    const bool called = code_.IsPunct(k + 1, "(");
    for (const Entry& e : entries.call) {
      if (!ctx_.Wants(e) || !called) continue;
      if (after_dot) {
        if (!e.matcher->objects.empty() && !ReceiverListed(k - 2, e.matcher->objects)) continue;
      } else if (code_.Is(k - 1, TokenKind::kKeyword, "function") ||
                 code_.Is(k - 1, TokenKind::kKeyword, "new")) {
        continue;  // a declaration or a construction, not a call
      }
      Add(e, t, t, t, std::string(name));
    }
    for (const Entry& e : entries.construct) {
      if (!ctx_.Wants(e)) continue;
      ptrdiff_t new_at = -1;
      if (code_.Is(k - 1, TokenKind::kKeyword, "new")) {
        new_at = k - 1;
      } else if (after_dot && code_.Is(k - 2, TokenKind::kIdentifier, "window") &&
                 code_.Is(k - 3, TokenKind::kKeyword, "new")) {
        new_at = k - 3;
      }
      if (new_at >= 0) Add(e, *code_.At(new_at), t, t, std::string(name));
    }
    const bool global_ref = after_dot && (code_.Is(k - 2, TokenKind::kIdentifier, "window") ||
                                          code_.Is(k - 2, TokenKind::kIdentifier, "self"));
    for (const Entry& e : entries.identifier) {
      if (ctx_.Wants(e) && (!after_dot || global_ref)) Add(e, t, t, t, std::string(name));
    }
    if (!called || !code_.IsString(k + 2)) return;
    std::string value;
    bool have_value = false;
    for (const Entry& e : entries.string_arg) {
      if (!ctx_.Wants(e)) continue;
      if (!have_value) {
        value = scanner::JsStringValue(code_.Text(k + 2), nullptr);
        have_value = true;
      }
      if (e.matcher->re && !RE2::PartialMatch(value, *e.matcher->re)) continue;
      Add(e, t, t, t, std::string(name), value);
    }
  }

  // Whether the receiver at `recv` is in an `object` list: a name, or `)` or `]` for the
  // result of a call or an index (`getElementById("x").all`, `forms[0].all`).
  bool ReceiverListed(ptrdiff_t recv, const std::vector<std::string>& objects) const {
    const bool receiver =
        code_.IsName(recv) || code_.IsPunct(recv, ")") || code_.IsPunct(recv, "]");
    return receiver && ListHas(objects, code_.Text(recv));
  }

  // x.name or x["name"]: `recv` is the receiver position, `after` the token after the
  // name (or after the closing bracket).
  void Member(const Entry& e, ptrdiff_t k, ptrdiff_t recv, ptrdiff_t after, std::string_view name) {
    const Matcher& m = *e.matcher;
    if (!m.objects.empty() && !ReceiverListed(recv, m.objects)) return;
    if (m.require_call && !code_.IsPunct(after, "(")) return;
    if (m.require_assign && !code_.IsPunct(after, "=")) return;
    const Token& t = *code_.At(k);
    if (m.objects.empty()) {
      Add(e, t, t, t, std::string(name));
    } else {
      Add(e, *code_.At(recv), t, t, std::string(code_.Text(recv)) + "." + std::string(name));
    }
  }

  void Bracket(ptrdiff_t k, const std::string& value, const Entries& member) {
    for (const Entry& e : member) {
      if (ctx_.Wants(e)) Member(e, k, k - 2, k + 2, value);
    }
  }

  const ScanContext& ctx_;
  const Region& region_;
  CodeTokens code_;
};

}  // namespace

void MatchJsRegion(const ScanContext& ctx, const Region& region) {
  if (ctx.tables.js.empty()) return;
  JsRegionMatcher(ctx, region).Run();
}

}  // namespace iescan::rules
