// Guard analysis: feature families and condition classification (see guard_terms.h).
#include "rules/engine/guard_terms.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "rules/engine/text_util.h"
#include "scanner/lex/lexers.h"

namespace iescan::rules::guard_internal {
namespace {

using scanner::TokenKind;

// Members and globals that exist only in old IE, whatever object they are read from.
constexpr std::array<std::string_view, 21> kIeNames = {
    "attachEvent",      "detachEvent",        "ActiveXObject",   "currentStyle",
    "runtimeStyle",     "createTextRange",    "XDomainRequest",  "documentMode",
    "showModalDialog",  "showModelessDialog", "createStyleSheet", "fireEvent",
    "srcElement",       "createEventObject",  "execScript",      "createPopup",
    "clipboardData",    "uniqueID",           "setExpression",   "behaviorUrns",
    "msie"};

// Standard members and globals whose presence marks a modern browser.
constexpr std::array<std::string_view, 33> kStandardNames = {
    "addEventListener", "removeEventListener", "dispatchEvent",    "createEvent",
    "XMLHttpRequest",   "getComputedStyle",    "defaultView",      "getSelection",
    "DOMParser",        "XSLTProcessor",       "XMLSerializer",    "querySelector",
    "querySelectorAll", "createRange",         "textContent",      "preventDefault",
    "stopPropagation",  "target",              "relatedTarget",    "currentTarget",
    "which",            "pageX",               "pageY",            "innerWidth",
    "innerHeight",      "pageXOffset",         "pageYOffset",      "getElementsByClassName",
    "implementation",   "createElementNS",     "getElementById",   "getElementsByTagName",
    "evaluate"};

// Browser-flag names after removing an "is"/"b"/"is_" prefix and digits: "isIE6" -> "ie".
constexpr std::array<std::string_view, 2> kIeFlags = {"ie", "msie"};
constexpr std::array<std::string_view, 10> kStandardFlags = {
    "moz", "mozilla", "gecko", "ff", "firefox", "safari", "webkit", "chrome", "w3c", "dom"};

template <size_t N>
bool In(const std::array<std::string_view, N>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

std::string Lower(std::string_view s) { return LowerAscii(s); }

// "isIE6" -> "ie", "bIsMoz" -> "moz", "is_ie" -> "ie"; empty when not flag-shaped.
std::string FlagStem(std::string_view name) {
  std::string s = Lower(name);
  for (std::string_view prefix : {"bis", "is_", "is", "b"}) {
    if (s.size() > prefix.size() && s.compare(0, prefix.size(), prefix) == 0) {
      std::string rest = s.substr(prefix.size());
      while (!rest.empty() && (rest.back() == '_' || (rest.back() >= '0' && rest.back() <= '9'))) {
        rest.pop_back();
      }
      if (In(kIeFlags, rest) || In(kStandardFlags, rest)) return rest;
    }
  }
  while (!s.empty() && (s.back() == '_' || (s.back() >= '0' && s.back() <= '9'))) s.pop_back();
  return s;
}

bool IsComparison(std::string_view op) {
  return op == "==" || op == "===" || op == "!=" || op == "!==" || op == "<" || op == "<=" ||
         op == ">" || op == ">=";
}

bool IsEquality(std::string_view op) { return op == "==" || op == "==="; }
bool IsInequality(std::string_view op) { return op == "!=" || op == "!=="; }

bool SniffText(std::string_view text) {
  const std::string s = Lower(text);
  return s.find("msie") != std::string::npos || s.find("trident") != std::string::npos ||
         s.find("microsoft internet explorer") != std::string::npos;
}

}  // namespace

CondInfo Negate(CondInfo info) {
  std::swap(info.ie_if_true, info.ie_if_false);
  return info;
}

CondInfo FromFamily(Family family, bool negated, bool explicit_test) {
  CondInfo info;
  if (family == Family::kUnknown) return info;
  const bool ie_when_true = (family == Family::kIe) != negated;
  info.ie_if_true = ie_when_true;
  info.ie_if_false = !ie_when_true;
  info.std_test = family == Family::kStandard;
  info.explicit_test = explicit_test;
  return info;
}

Family TermClassifier::WordFamily(int32_t k) const {
  if (!t_.IsName(k)) {
    if (t_.Kind(k) == TokenKind::kCcDirective && t_.Text(k).rfind("@_", 0) == 0) {
      return Family::kIe;
    }
    return Family::kUnknown;
  }
  const std::string_view name = t_.Text(k);
  const bool after_dot = t_.Punct(k - 1, ".");
  const std::string_view object = after_dot ? t_.Text(k - 2) : std::string_view();
  if (after_dot && name == "all") return Family::kIe;
  if (name == "event" && (object == "window" || object == "self" || object == "top")) {
    return Family::kIe;
  }
  if (name == "selection" && object == "document") return Family::kIe;
  if (In(kIeNames, name)) return Family::kIe;
  if (In(kStandardNames, name)) return Family::kStandard;
  const std::string stem = FlagStem(name);
  if (stem != Lower(name) || name.size() <= 4) {  // flag-shaped names only
    if (In(kIeFlags, stem)) return Family::kIe;
    if (In(kStandardFlags, stem)) return Family::kStandard;
  }
  return Family::kUnknown;
}

Family TermClassifier::StringFamily(int32_t k) const {
  if (t_.Kind(k) != TokenKind::kString) return Family::kUnknown;
  const std::string value = scanner::JsStringValue(t_.Text(k), nullptr);
  if (In(kIeNames, value)) return Family::kIe;
  if (In(kStandardNames, value)) return Family::kStandard;
  return Family::kUnknown;
}

bool TermClassifier::MentionsIe(int32_t begin, int32_t end) const {
  for (int32_t k = std::max(begin, 0); k < end && k < t_.size(); ++k) {
    if (WordFamily(k) == Family::kIe) return true;
  }
  return false;
}

bool TermClassifier::IsAlternative(int32_t begin, int32_t end) const {
  if (end <= begin) return false;
  if (end - begin == 1) {
    const TokenKind kind = t_.Kind(begin);
    if (kind == TokenKind::kString || kind == TokenKind::kNumber) return false;
    for (std::string_view lit : {"null", "undefined", "false", "true", "this"}) {
      if (t_.Word(begin, lit)) return false;
    }
  }
  if (end - begin == 2 && t_.IsOpener(begin) && t_.Partner(begin) == begin + 1) return false;
  return !MentionsIe(begin, end);
}

Family TermClassifier::ChainFamily(int32_t begin, int32_t end) const {
  while (end - begin >= 2 && t_.Punct(begin, "(") && t_.Partner(begin) == end - 1) {
    ++begin;
    --end;
  }
  int32_t last = -1;
  for (int32_t k = begin; k < end; ++k) {
    const bool expect_name = k == begin || t_.Punct(k - 1, ".");
    if (expect_name) {
      if (!t_.IsName(k) && t_.Kind(k) != TokenKind::kCcDirective) return Family::kUnknown;
      last = k;
    } else if (t_.Punct(k, "[") && t_.Kind(k + 1) == TokenKind::kString && t_.Punct(k + 2, "]")) {
      last = k + 1;
      k += 2;
    } else if (!t_.Punct(k, ".")) {
      return Family::kUnknown;
    }
  }
  if (last < 0) return Family::kUnknown;
  return t_.Kind(last) == TokenKind::kString ? StringFamily(last) : WordFamily(last);
}

CondInfo TermClassifier::Cond(int32_t begin, int32_t end, int depth) const {
  // Split at top-level && / ||; a mix of both is left unknown.
  std::vector<std::pair<int32_t, int32_t>> parts;
  bool any_and = false, any_or = false;
  int32_t start = begin;
  for (int32_t k = begin; k < end; ++k) {
    if (t_.IsOpener(k) && t_.Partner(k) > k && t_.Partner(k) < end) {
      k = t_.Partner(k);
      continue;
    }
    const bool is_and = t_.Punct(k, "&&"), is_or = t_.Punct(k, "||");
    if (!is_and && !is_or) continue;
    any_and |= is_and;
    any_or |= is_or;
    parts.emplace_back(start, k);
    start = k + 1;
  }
  parts.emplace_back(start, end);
  if (parts.size() == 1) return TermAt(begin, end, depth);
  if (any_and && any_or) return CondInfo{};
  CondInfo out;
  out.ie_if_true = any_or;    // disjunction: all must hold; conjunction: any
  out.ie_if_false = any_and;  // conjunction: all must hold; disjunction: any
  for (const auto& [b, e] : parts) {
    const CondInfo c = TermAt(b, e, depth);
    if (any_and) {
      if (c.ie_if_true) out.ie_if_true = true;
      out.ie_if_false = out.ie_if_false && c.ie_if_false;
    } else {
      out.ie_if_true = out.ie_if_true && c.ie_if_true;
      if (c.ie_if_false) out.ie_if_false = true;
    }
    if (c.Known() && c.std_test) out.std_test = true;
    if (c.explicit_test) out.explicit_test = true;
  }
  return out;
}

CondInfo TermClassifier::TermAt(int32_t begin, int32_t end, int depth) const {
  int bangs = 0;
  while (begin < end && t_.Punct(begin, "!")) {
    ++bangs;
    ++begin;
  }
  CondInfo info = Inner(begin, end, depth);
  if (bangs >= 2) info.explicit_test = true;
  return bangs % 2 == 1 ? Negate(info) : info;
}

CondInfo TermClassifier::Inner(int32_t begin, int32_t end, int depth) const {
  if (begin >= end) return CondInfo{};
  if (t_.Punct(begin, "(") && t_.Partner(begin) == end - 1) {
    return depth > 0 ? Cond(begin + 1, end - 1, depth - 1) : CondInfo{};
  }
  // Find the top-level comparison or `in`, typeof, and what the term mentions.
  int32_t op = -1, type_of = -1;
  bool sniff_words = false, sniff_text = false, ie_value = false;
  for (int32_t k = begin; k < end; ++k) {
    const std::string_view text = t_.Text(k);
    if (t_.Kind(k) == TokenKind::kPunct && IsComparison(text) && op < 0) op = k;
    if (t_.Word(k, "in") && op < 0) op = k;
    if (t_.Word(k, "typeof") && type_of < 0) type_of = k;
    if (t_.Word(k, "userAgent") || t_.Word(k, "appVersion") || t_.Word(k, "appName")) {
      sniff_words = true;
    }
    const TokenKind kind = t_.Kind(k);
    if ((kind == TokenKind::kString || kind == TokenKind::kRegex) && SniffText(text)) {
      sniff_text = true;
    }
    if (t_.Word(k, "documentMode") || (kind == TokenKind::kCcDirective && text.rfind("@_", 0) == 0)) {
      ie_value = true;
    }
  }
  const std::string_view op_text = op >= 0 ? t_.Text(op) : std::string_view();
  const int32_t rhs = op + 1;
  if (op >= 0 && op_text == "in") return FromFamily(StringFamily(op - 1), false, true);
  if (type_of >= 0) {
    const Family family = ChainFamily(type_of + 1, op >= 0 && op > type_of ? op : end);
    int32_t str = op >= 0 && op > type_of ? rhs : begin;
    const bool undefined_text =
        t_.Kind(str) == TokenKind::kString &&
        scanner::JsStringValue(t_.Text(str), nullptr) == "undefined";
    bool negated = IsEquality(op_text) == undefined_text;
    if (op < 0) negated = false;
    return FromFamily(family, negated, true);
  }
  if (sniff_words && sniff_text) {
    bool negated = false;
    if (op >= 0) {
      const bool minus_one = t_.Punct(rhs, "-") && t_.Text(rhs + 1) == "1";
      const bool zero = t_.Text(rhs) == "0";
      if (minus_one) negated = IsEquality(op_text) || op_text == "<=";
      else if (zero) negated = op_text == "<";
      else negated = IsInequality(op_text);
    }
    return FromFamily(Family::kIe, negated, true);
  }
  if (ie_value) return FromFamily(Family::kIe, false, true);
  if (op >= 0) {
    const bool nullish = t_.Word(rhs, "null") || t_.Word(rhs, "undefined");
    if (!nullish || rhs + 1 != end) return CondInfo{};
    return FromFamily(ChainFamily(begin, op), IsEquality(op_text), true);
  }
  if (end - begin == 1 && t_.Kind(begin) == TokenKind::kIdentifier &&
      WordFamily(begin) == Family::kUnknown) {
    return depth > 0 ? Alias(begin, depth - 1) : CondInfo{};
  }
  return FromFamily(ChainFamily(begin, end), false, false);
}

// `var NAME = COND` earlier in the region: the condition NAME stands for. Looks back at
// most kAliasReach tokens.
CondInfo TermClassifier::Alias(int32_t name, int depth) const {
  constexpr int32_t kAliasReach = 4096;
  const std::string_view text = t_.Text(name);
  for (int32_t k = name - 1; k >= 0 && k >= name - kAliasReach; --k) {
    if (!t_.Word(k, text) || !t_.Punct(k + 1, "=") || t_.Punct(k - 1, ".")) continue;
    const int32_t level = t_.Parent(k);
    const int32_t level_end = t_.LevelEnd(level);
    int32_t e = k + 2;
    while (e < level_end && !t_.Punct(e, ";") && !t_.Punct(e, ",")) {
      if (t_.IsOpener(e) && t_.Partner(e) > e) e = t_.Partner(e);
      ++e;
      if (e < level_end && t_.At(e)->newline_before && t_.IsName(e) && t_.IsName(e - 1)) break;
    }
    return Cond(k + 2, e, depth);
  }
  return CondInfo{};
}

}  // namespace iescan::rules::guard_internal
