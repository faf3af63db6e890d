// Guard analysis, part 2: what a condition tests.
//
// TermClassifier decides whether a condition (the test of an `if`, a ternary or a `&&`
// gate) holds only in IE, only outside IE, or cannot be told. It knows the feature names of
// both families (addEventListener, XMLHttpRequest ... / document.all, attachEvent,
// ActiveXObject ...), typeof and `in` tests, comparisons with undefined and null,
// user-agent sniffs, document.documentMode, JScript @_ variables, browser-flag names
// (isIE, Prototype.Browser.IE, jQuery.browser.msie) and one level of same-region alias
// (`var hasAdd = !!window.addEventListener; ... if (hasAdd)`).
//
// Ownership: borrows the GuardTokens. Thread-safety: const methods only.
#pragma once

#include <cstdint>

#include "rules/engine/guard_tokens.h"

namespace iescan::rules::guard_internal {

enum class Family : uint8_t { kUnknown, kStandard, kIe };

// What a condition being true or false says about the browser.
struct CondInfo {
  bool ie_if_true = false;   // true only in IE
  bool ie_if_false = false;  // false only in IE
  bool std_test = false;     // decided by a standard-feature test
  bool explicit_test = false;  // typeof, in, !!, comparison: never throws, even outside IE
  bool Known() const { return ie_if_true || ie_if_false; }
};

class TermClassifier {
 public:
  explicit TermClassifier(const GuardTokens& tokens) : t_(tokens) {}

  // The condition in tokens [begin, end): operands of top-level && or || combined.
  CondInfo Condition(int32_t begin, int32_t end) const { return Cond(begin, end, 2); }
  // One operand (no top-level && or ||).
  CondInfo Term(int32_t begin, int32_t end) const { return TermAt(begin, end, 2); }

  // Whether any token in [begin, end) names an IE-only feature.
  bool MentionsIe(int32_t begin, int32_t end) const;
  // Whether [begin, end), an operand of ||, can stand in for an IE operand: it is not a
  // bare literal and names no IE feature (e.target, evt, new XMLHttpRequest()).
  bool IsAlternative(int32_t begin, int32_t end) const;
  // The family of the name at k, read with the object before it (document.all).
  Family WordFamily(int32_t k) const;

 private:
  CondInfo Cond(int32_t begin, int32_t end, int depth) const;
  CondInfo TermAt(int32_t begin, int32_t end, int depth) const;
  CondInfo Inner(int32_t begin, int32_t end, int depth) const;  // no leading !
  Family ChainFamily(int32_t begin, int32_t end) const;  // a bare member chain, else unknown
  CondInfo Alias(int32_t name, int depth) const;
  Family StringFamily(int32_t k) const;

  const GuardTokens& t_;
};

// Flips a CondInfo for a leading `!`.
CondInfo Negate(CondInfo info);
// A CondInfo for a feature test of `family`, negated when the test is true when missing.
CondInfo FromFamily(Family family, bool negated, bool explicit_test);

}  // namespace iescan::rules::guard_internal
