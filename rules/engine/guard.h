// Guard classification of JavaScript findings: is the IE-only construct protected by a
// standard alternative, or only reached in IE? (docs/guards.md lists every shape.)
//
// ClassifyJsGuard is the cheap context-only answer given at match time: kIeOnlyBranch when
// the region is only seen by IE (a downlevel-hidden conditional comment) or the token comes
// from a JScript conditional-compilation comment, kUnguarded otherwise. JsGuardAnalyzer
// refines it from the code around the construct: feature tests (if/else, ternaries, ||
// fallbacks, && gates, typeof, `in`, try/catch, user-agent sniffs) decide between
// kGuarded, kIeOnlyBranch and kUnguarded. Guards never drop a finding; reports rank by them.
//
// Thread-safety: ClassifyJsGuard is a pure function. A JsGuardAnalyzer belongs to one scan
// of one file on one thread; it borrows the regions it is given, which must outlive it.
#pragma once

#include <cstddef>
#include <memory>
#include <unordered_map>

#include "rules/engine/finding.h"
#include "scanner/document/document.h"
#include "scanner/lex/token.h"

namespace iescan::rules {

namespace guard_internal {
class GuardTokens;
}  // namespace guard_internal

// `token` is the token the finding is reported at (null when none, e.g. a regex match
// that starts between tokens).
Guard ClassifyJsGuard(const scanner::Region& region, const scanner::Token* token);

class JsGuardAnalyzer {
 public:
  JsGuardAnalyzer();
  ~JsGuardAnalyzer();
  JsGuardAnalyzer(const JsGuardAnalyzer&) = delete;
  JsGuardAnalyzer& operator=(const JsGuardAnalyzer&) = delete;

  // The guard of the construct starting at byte `pos` of the JavaScript `region`'s text.
  // The region's bracket structure is computed on first use and kept for later findings.
  // Each call visits at most guard_internal::kGuardBudget tokens.
  Guard Classify(const scanner::Region& region, size_t pos);

 private:
  std::unordered_map<const scanner::Region*, std::unique_ptr<guard_internal::GuardTokens>>
      regions_;
};

}  // namespace iescan::rules
