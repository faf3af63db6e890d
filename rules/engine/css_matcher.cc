// CSS matchers: css-property and css-value (one pass over the region's declarations),
// css-function and css-at-rule (one pass over its tokens).
#include <re2/re2.h>

#include "rules/engine/engine_internal.h"
#include "rules/engine/text_util.h"
#include "scanner/lex/lexers.h"

namespace iescan::rules {
namespace {

using scanner::Region;
using scanner::Token;
using scanner::TokenKind;

class CssRegionMatcher {
 public:
  CssRegionMatcher(const ScanContext& ctx, const Region& region)
      : ctx_(ctx), region_(region), tokens_(region.tokens) {}

  void Run() {
    const DispatchTables& t = ctx_.tables;
    if (!t.css_property.empty() || !t.css_value.empty()) {
      bool inline_style = region_.context == scanner::RegionContext::kStyleAttr;
      for (const scanner::CssDeclaration& d :
           scanner::CssDeclarations(region_.text, tokens_, inline_style)) {
        Declaration(d);
      }
    }
    if (t.css_function.empty() && t.css_at_rule.empty()) return;
    std::string lower;
    for (size_t i = 0; i < tokens_.size(); ++i) {
      const Token& tok = tokens_[i];
      if (tok.kind == TokenKind::kFunction) {
        std::string_view name = tok.Text(region_.text);
        if (!name.empty() && name.back() == '(') name.remove_suffix(1);
        if (!t.css_function.MayHold(name)) continue;
        LowerAsciiInto(name, &lower);
        auto it = t.css_function.find(lower);
        if (it == t.css_function.end()) continue;
        for (const Entry& e : it->second) {
          if (ctx_.Wants(e)) Add(e, tok.begin, tok.begin + name.size(), std::string(name));
        }
      } else if (tok.kind == TokenKind::kAtKeyword && !t.css_at_rule.empty()) {
        AtRule(i);
      }
    }
  }

 private:
  void Add(const Entry& e, size_t begin, size_t end, std::string match,
           std::string arg = std::string()) {
    AddRegionHit(ctx_, e, region_, begin, end, std::move(match), std::move(arg), Guard::kNone);
  }

  std::string_view Slice(size_t begin, size_t end) const {
    return region_.text.substr(begin, end - begin);
  }

  void Declaration(const scanner::CssDeclaration& d) {
    if (d.property_token >= tokens_.size() || d.value_end > tokens_.size()) return;
    const Token& prop = tokens_[d.property_token];
    std::string_view value;
    if (d.value_begin < d.value_end) {
      value = Slice(tokens_[d.value_begin].begin, tokens_[d.value_end - 1].end);
    }
    const DispatchTables& t = ctx_.tables;
    const std::string_view written = prop.Text(region_.text);
    auto it = t.css_property.MayHold(written) ? t.css_property.find(LowerAscii(written))
                                              : t.css_property.end();
    if (it != t.css_property.end()) {
      size_t begin = prop.begin;
      if (d.hack != 0 && d.property_token > 0 &&
          tokens_[d.property_token - 1].kind == TokenKind::kDelim) {
        begin = tokens_[d.property_token - 1].begin;
      }
      for (const Entry& e : it->second) {
        const Matcher& m = *e.matcher;
        if (!ctx_.Wants(e) || (m.hack != 0 && m.hack != d.hack)) continue;
        if (m.re && !RE2::PartialMatch(value, *m.re)) continue;
        Add(e, begin, prop.end, std::string(Slice(begin, prop.end)), std::string(TrimAscii(value)));
      }
    }
    if (d.value_begin >= d.value_end) return;
    for (const Entry& e : t.css_value) {
      if (!ctx_.Wants(e)) continue;
      re2::StringPiece found;
      re2::StringPiece text(value.data(), value.size());
      if (!e.matcher->re->Match(text, 0, text.size(), RE2::UNANCHORED, &found, 1)) continue;
      const Token& first = tokens_[d.value_begin];
      Add(e, first.begin, tokens_[d.value_end - 1].end, std::string(found.data(), found.size()));
    }
  }

  // The at-rule text runs from '@' up to its '{' or ';' (or the end of the region).
  void AtRule(size_t i) {
    const Token& at = tokens_[i];
    size_t end = region_.text.size();
    for (size_t j = i + 1; j < tokens_.size(); ++j) {
      std::string_view text = tokens_[j].Text(region_.text);
      // Also stop at '}' and at the next at-keyword, so each token is walked at most
      // once per at-rule even in broken sheets.
      if ((tokens_[j].kind == TokenKind::kPunct && (text == "{" || text == ";" || text == "}")) ||
          tokens_[j].kind == TokenKind::kAtKeyword) {
        end = tokens_[j].begin;
        break;
      }
    }
    std::string_view prelude = TrimAscii(Slice(at.begin, end));
    for (const Entry& e : ctx_.tables.css_at_rule) {
      if (!ctx_.Wants(e)) continue;
      re2::StringPiece found;
      re2::StringPiece text(prelude.data(), prelude.size());
      if (!e.matcher->re->Match(text, 0, text.size(), RE2::UNANCHORED, &found, 1)) continue;
      Add(e, at.begin, at.end, std::string(found.data(), found.size()));
    }
  }

  const ScanContext& ctx_;
  const Region& region_;
  const scanner::Tokens& tokens_;
};

}  // namespace

void MatchCssRegion(const ScanContext& ctx, const Region& region) {
  CssRegionMatcher(ctx, region).Run();
}

}  // namespace iescan::rules
