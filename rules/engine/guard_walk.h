// Guard analysis, part 3: the walk from a finding's token out to the constructs that
// decide whether modern browsers ever run it.
//
// From the finding's token the walk alternates two steps, innermost first:
//  - expression: the operands around the token at its bracket level (ternary branches,
//    || operands, && gates, the test of an if);
//  - statement: the statement holding it and what controls that statement (an if or else
//    branch, a try or catch block, a loop or function body), then the enclosing block.
// A standard alternative found at any level makes the finding guarded; an IE-only test
// without alternative makes it an ie-only-branch unless an outer level guards it. Every
// scan is bounded by a token budget, so a finding costs at most kGuardBudget token visits.
//
// Ownership: borrows the GuardTokens. Thread-safety: one walk per thread.
#pragma once

#include <cstdint>

#include "rules/engine/finding.h"
#include "rules/engine/guard_terms.h"
#include "rules/engine/guard_tokens.h"

namespace iescan::rules::guard_internal {

inline constexpr int32_t kGuardBudget = 64 * 1024;

class GuardWalk {
 public:
  explicit GuardWalk(const GuardTokens& tokens) : t_(tokens), terms_(tokens) {}

  // The guard of the construct at code token x; `ie_only_context` when the region or
  // token is only seen by IE (conditional comment, @cc_on).
  Guard Classify(int32_t x, bool ie_only_context);

 private:
  enum class Step : uint8_t { kExpression, kStatement, kDone };

  Step Expression(int32_t cur, int32_t* next);
  Step Statement(int32_t start, int32_t* next);
  Step BlockOwner(int32_t open, int32_t* next);
  void Ternary(int32_t cur, int32_t* s, int32_t* e, bool* in_test);
  void Operands(int32_t cur, int32_t s, int32_t e, bool in_test);
  bool EarlyReturn(int32_t start);
  void Verdict(const CondInfo& cond, bool then_side, bool has_else);

  int32_t ExtentStart(int32_t cur);
  int32_t ExtentEnd(int32_t cur);
  int32_t StatementStart(int32_t from);
  int32_t StatementEnd(int32_t start);
  int32_t IfOfElse(int32_t else_at);
  bool HasElseAfterThen(int32_t then_start);

  bool ExprBoundaryBefore(int32_t j);
  bool StmtBoundaryBefore(int32_t j);
  bool Asi(int32_t prev, int32_t next) const;
  bool ControlParen(int32_t close) const;  // `)` closing if/while/for/with/catch (...)
  bool ExpressionBrace(int32_t open) const;
  bool CcAlternativeFollows(int32_t x);
  bool Spend() { return --budget_ > 0; }

  const GuardTokens& t_;
  TermClassifier terms_;
  int32_t budget_ = 0;
  bool guarded_ = false;
  bool ie_only_ = false;
  bool test_only_ = false;
  CondInfo x_term_;  // the operand holding the walked position, at the current level
};

}  // namespace iescan::rules::guard_internal
