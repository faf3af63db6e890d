// Strings that are code: arguments and assignments whose string value a browser runs or
// parses, found in a lexed JavaScript or VBScript region and turned into sub-documents.
//
//   setTimeout / setInterval / execScript (first argument)   -> JavaScript (execScript:
//                                                               VBScript when its second
//                                                               argument says so)
//   new Function(..., body)                                   -> JavaScript
//   document.write / writeln (all arguments)                  -> HTML
//   x.innerHTML = / x.outerHTML = / += (right-hand side)      -> HTML
//   x.insertAdjacentHTML(where, html) (second argument)       -> HTML
//   document.createElement("<tag ...>") (IE's markup form)    -> HTML
//   VBScript: document.write "..." / document.write("...")     -> HTML
//
// A value may be a concatenation: adjacent string literal pieces are joined and every
// other operand becomes one space, so the markup or code around it keeps its shape. Each
// byte of the value maps to the file offset it came from (escapes resolved by the lexer's
// JsStringValue / VbsStringValue maps, composed with the region's own map).
#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "scanner/document/build_context.h"
#include "scanner/document/markup_scan.h"
#include "scanner/lex/lexers.h"

namespace iescan::scanner::document_internal {
namespace {

constexpr size_t kTokenBudget = 200000;  // tokens examined per argument list

struct Candidate {
  Language language;  // kHtml for markup
  std::string value;
  std::vector<uint32_t> table;
};

using Range = std::pair<size_t, size_t>;  // [begin, end) in the significant-token list

class Finder {
 public:
  explicit Finder(const Region& region) : region_(region) {
    significant_.reserve(region.tokens.size());
    for (uint32_t i = 0; i < region.tokens.size(); ++i) {
      if (region.tokens[i].kind != TokenKind::kComment) significant_.push_back(i);
    }
    work_ = 8 * significant_.size() + kTokenBudget;
  }

  std::vector<Candidate> FindJs();
  std::vector<Candidate> FindVbs();

 private:
  const Token& At(size_t k) const { return region_.tokens[significant_[k]]; }
  std::string_view Text(size_t k) const {
    return k < significant_.size() ? At(k).Text(region_.text) : std::string_view();
  }
  bool IsOpen(std::string_view t) const { return t == "(" || t == "[" || t == "{"; }
  bool IsClose(std::string_view t) const { return t == ")" || t == "]" || t == "}"; }
  std::vector<Range> Arguments(size_t open) const;
  Range Expression(size_t begin) const;
  Range VbsStatement(size_t begin) const;
  std::optional<Candidate> Value(Language language, const std::vector<Range>& ranges,
                                 bool vbs) const;
  std::optional<std::string> LiteralValue(const Range& range) const;
  void CheckJsName(size_t k, std::vector<Candidate>* out) const;

  // Bounds a scan that starts at `begin` by the region's remaining work: nested or
  // unclosed calls cannot make the search quadratic in the region's size.
  size_t Limit(size_t begin) const {
    return std::min({significant_.size(), begin + kTokenBudget, begin + work_});
  }
  void Spend(size_t begin, size_t end) const { work_ -= std::min(work_, end - begin); }

  const Region& region_;
  std::vector<uint32_t> significant_;
  mutable size_t work_ = 0;  // tokens the region's searches may still examine
};

// The arguments of the call whose '(' is at `open`; empty when it does not close.
std::vector<Range> Finder::Arguments(size_t open) const {
  std::vector<Range> args;
  int depth = 0;
  size_t start = open + 1;
  size_t limit = Limit(open);
  for (size_t k = open + 1; k < limit; ++k) {
    std::string_view t = Text(k);
    if (At(k).kind != TokenKind::kPunct) continue;
    if (IsOpen(t)) {
      ++depth;
    } else if (IsClose(t)) {
      if (depth == 0) {
        if (k > start) args.emplace_back(start, k);
        Spend(open, k);
        return args;
      }
      --depth;
    } else if (t == "," && depth == 0) {
      args.emplace_back(start, k);
      start = k + 1;
    }
  }
  Spend(open, limit);
  return {};
}

// An expression starting at `begin`: up to a top-level ; , ) ] } or a line break that
// does not continue a concatenation.
Range Finder::Expression(size_t begin) const {
  int depth = 0;
  size_t limit = Limit(begin);
  size_t k = begin;
  for (; k < limit; ++k) {
    std::string_view t = Text(k);
    bool punct = At(k).kind == TokenKind::kPunct;
    if (k > begin && depth == 0 && At(k).newline_before && t != "+" && Text(k - 1) != "+") {
      break;
    }
    if (!punct) continue;
    if (IsOpen(t)) {
      ++depth;
    } else if (IsClose(t)) {
      if (depth == 0) break;
      --depth;
    } else if (depth == 0 && (t == ";" || t == ",")) {
      break;
    }
  }
  Spend(begin, k);
  return {begin, k};
}

// A VBScript statement's argument text from `begin` to the end of the statement.
Range Finder::VbsStatement(size_t begin) const {
  size_t k = begin;
  size_t limit = Limit(begin);
  while (k < limit && At(k).kind != TokenKind::kNewline) ++k;
  Spend(begin, k);
  if (k > begin + 1 && Text(begin) == "(" && Text(k - 1) == ")") {
    // document.write("...") : drop the parentheses when they enclose everything.
    std::vector<Range> inner = Arguments(begin);
    if (!inner.empty() && inner.back().second + 1 == k) return {begin + 1, k - 1};
  }
  return {begin, k};
}

std::optional<std::string> Finder::LiteralValue(const Range& range) const {
  if (range.second != range.first + 1) return std::nullopt;
  const Token& token = At(range.first);
  if (token.kind != TokenKind::kString && token.kind != TokenKind::kTemplate) {
    return std::nullopt;
  }
  std::vector<uint32_t> unused;
  return token.kind == TokenKind::kString && region_.language == Language::kVbs
             ? VbsStringValue(token.Text(region_.text), &unused)
             : JsStringValue(token.Text(region_.text), &unused);
}

// The joined value of `ranges` (each one an operand list split at + or &).
std::optional<Candidate> Finder::Value(Language language, const std::vector<Range>& ranges,
                                       bool vbs) const {
  Candidate candidate{language, {}, {}};
  bool any_literal = false;
  size_t last_end = 0;
  for (const Range& range : ranges) {
    int depth = 0;
    size_t operand = range.first;
    for (size_t k = range.first; k <= range.second; ++k) {
      std::string_view t = k < range.second ? Text(k) : std::string_view();
      bool split = k == range.second || (depth == 0 && At(k).kind == TokenKind::kPunct &&
                                         (t == "+" || (vbs && (t == "&" || t == ","))));
      if (!split) {
        if (At(k).kind == TokenKind::kPunct && IsOpen(t)) ++depth;
        if (At(k).kind == TokenKind::kPunct && IsClose(t) && depth > 0) --depth;
        continue;
      }
      if (k > operand) {
        const Token& first = At(operand);
        if (k == operand + 1 &&
            (first.kind == TokenKind::kString || first.kind == TokenKind::kTemplate)) {
          std::vector<uint32_t> map;
          std::string piece = vbs ? VbsStringValue(first.Text(region_.text), &map)
                                  : JsStringValue(first.Text(region_.text), &map);
          for (size_t j = 0; j < piece.size(); ++j) {
            candidate.table.push_back(region_.map(first.begin + (j < map.size() ? map[j] : 0)));
          }
          candidate.value += piece;
          any_literal = true;
        } else {
          candidate.value.push_back(' ');
          candidate.table.push_back(region_.map(first.begin));
        }
        last_end = At(k - 1).end;
      }
      operand = k + 1;
    }
  }
  if (!any_literal) return std::nullopt;
  candidate.table.push_back(region_.map(last_end));
  return candidate;
}

// The names CheckJsName acts on; any other identifier is passed over at once (it runs on
// every identifier of every script).
bool IsStringCodeName(std::string_view name) {
  switch (name.size()) {
    case 5: return name == "write";
    case 7: return name == "writeln";
    case 8: return name == "Function";
    case 9: return name == "innerHTML" || name == "outerHTML";
    case 10: return name == "setTimeout" || name == "execScript";
    case 11: return name == "setInterval";
    case 13: return name == "createElement";
    case 18: return name == "insertAdjacentHTML";
    default: return false;
  }
}

void Finder::CheckJsName(size_t k, std::vector<Candidate>* out) const {
  std::string_view name = Text(k);
  if (!IsStringCodeName(name)) return;
  bool after_dot = k > 0 && (Text(k - 1) == "." || Text(k - 1) == "?.");
  bool declared = k > 0 && Text(k - 1) == "function";
  bool call = Text(k + 1) == "(";
  auto add = [out](std::optional<Candidate> candidate) {
    if (candidate) out->push_back(std::move(*candidate));
  };
  if (declared) return;
  if (call && (name == "setTimeout" || name == "setInterval" || name == "execScript")) {
    std::vector<Range> args = Arguments(k + 1);
    if (args.empty()) return;
    Language language = Language::kJs;
    if (name == "execScript" && args.size() > 1) {
      std::optional<std::string> second = LiteralValue(args[1]);
      if (second && EqualsNoCase(TrimSpace(*second), "vbscript")) language = Language::kVbs;
    }
    add(Value(language, {args[0]}, false));
  } else if (call && name == "Function" && !after_dot) {
    std::vector<Range> args = Arguments(k + 1);
    if (!args.empty()) add(Value(Language::kJs, {args.back()}, false));
  } else if (call && after_dot && (name == "write" || name == "writeln") && k >= 2 &&
             AsciiLowerCopy(Text(k - 2)).find("doc") != std::string::npos) {
    add(Value(Language::kHtml, Arguments(k + 1), false));
  } else if (after_dot && (name == "innerHTML" || name == "outerHTML") &&
             (Text(k + 1) == "=" || Text(k + 1) == "+=")) {
    add(Value(Language::kHtml, {Expression(k + 2)}, false));
  } else if (call && after_dot && name == "insertAdjacentHTML") {
    std::vector<Range> args = Arguments(k + 1);
    if (args.size() > 1) add(Value(Language::kHtml, {args[1]}, false));
  } else if (call && after_dot && name == "createElement") {
    std::vector<Range> args = Arguments(k + 1);
    if (args.empty()) return;
    std::optional<Candidate> value = Value(Language::kHtml, {args[0]}, false);
    if (value && TrimSpace(value->value).starts_with("<")) add(std::move(value));
  }
}

std::vector<Candidate> Finder::FindJs() {
  std::vector<Candidate> found;
  for (size_t k = 0; k < significant_.size(); ++k) {
    if (At(k).kind == TokenKind::kIdentifier) CheckJsName(k, &found);
  }
  return found;
}

std::vector<Candidate> Finder::FindVbs() {
  std::vector<Candidate> found;
  for (size_t k = 2; k < significant_.size(); ++k) {
    if (At(k).kind != TokenKind::kIdentifier || Text(k - 1) != ".") continue;
    std::string name = AsciiLowerCopy(Text(k));
    if (name != "write" && name != "writeln") continue;
    if (AsciiLowerCopy(Text(k - 2)).find("doc") == std::string::npos) continue;
    std::optional<Candidate> value =
        Value(Language::kHtml, {VbsStatement(k + 1)}, /*vbs=*/true);
    if (value) found.push_back(std::move(*value));
  }
  return found;
}

}  // namespace

void ScanStringCode(BuildContext& ctx, int region_index) {
  std::vector<Candidate> candidates;
  bool ie_only = false;
  int element = -1;
  {
    const Region& region = ctx.doc().regions[region_index];
    Finder finder(region);
    candidates = region.language == Language::kVbs ? finder.FindVbs() : finder.FindJs();
    ie_only = region.ie_only;
    element = region.element;
  }
  const int depth = ctx.RegionDepth(region_index) + 1;
  for (Candidate& candidate : candidates) {
    if (candidate.language == Language::kHtml) {
      if (candidate.value.find('<') == std::string::npos) continue;
    } else if (TrimSpace(candidate.value).empty()) {
      continue;
    }
    if (depth > static_cast<int>(ctx.options().max_subdocument_depth)) {
      ctx.Warn("strings that are code nest more than " +
               std::to_string(ctx.options().max_subdocument_depth) +
               " deep; the deeper ones were not scanned");
      return;
    }
    std::string_view text = ctx.Own(std::move(candidate.value));
    OffsetMap map(std::move(candidate.table));
    if (candidate.language == Language::kHtml) {
      MarkupSource markup;
      markup.text = text;
      markup.map = std::move(map);
      markup.depth = depth;
      markup.ie_only = ie_only;
      markup.parent_region = region_index;
      ctx.QueueMarkup(std::move(markup));
    } else {
      CodeSource code;
      code.language = candidate.language;
      code.context = RegionContext::kStringCode;
      code.text = text;
      code.map = std::move(map);
      code.parent_region = region_index;
      code.element = element;
      code.ie_only = ie_only;
      code.depth = depth;
      ctx.AddRegion(std::move(code));
    }
  }
}

}  // namespace iescan::scanner::document_internal
