// Guard analysis: the walk from a finding outwards (see guard_walk.h).
#include "rules/engine/guard_walk.h"

#include <array>
#include <string_view>

namespace iescan::rules::guard_internal {
namespace {

using scanner::TokenKind;

constexpr int kMaxSteps = 1024;  // expression and statement steps per finding

constexpr std::array<std::string_view, 13> kAssignOps = {
    "=", "+=", "-=", "*=", "/=", "%=", "|=", "&=", "^=", "<<=", ">>=", ">>>=", "=>"};

// Tokens after which a `{` opens an object literal or a function body is an expression.
constexpr std::array<std::string_view, 11> kExpressionLeads = {
    "=", "(", ",", ":", "?", "||", "&&", "[", "!", "=>", "+"};

bool IsAssign(std::string_view text) {
  for (std::string_view op : kAssignOps) {
    if (text == op) return true;
  }
  return false;
}

}  // namespace

bool GuardWalk::Asi(int32_t prev, int32_t next) const {
  const scanner::Token* n = t_.At(next);
  if (n == nullptr || prev < 0 || !n->newline_before) return false;
  const TokenKind pk = t_.Kind(prev);
  const bool ends = (pk == TokenKind::kIdentifier || pk == TokenKind::kNumber ||
                     pk == TokenKind::kString || pk == TokenKind::kRegex ||
                     pk == TokenKind::kTemplate || t_.Punct(prev, ")") || t_.Punct(prev, "]") ||
                     t_.Punct(prev, "}") || t_.Word(prev, "this") || t_.Word(prev, "true") ||
                     t_.Word(prev, "false") || t_.Word(prev, "null"));
  const bool starts = t_.IsName(next) && !t_.Word(next, "in") && !t_.Word(next, "instanceof");
  return ends && starts;
}

bool GuardWalk::ControlParen(int32_t close) const {
  if (!t_.Punct(close, ")")) return false;
  const int32_t open = t_.Partner(close);
  if (open < 0) return false;
  for (std::string_view kw : {"if", "while", "for", "with", "catch", "switch"}) {
    if (t_.Word(open - 1, kw)) return true;
  }
  return false;
}

bool GuardWalk::ExpressionBrace(int32_t open) const {
  int32_t lead = open - 1;
  if (t_.Punct(lead, ")") && t_.Partner(lead) >= 0) {  // a function body?
    int32_t fn = t_.Partner(lead) - 1;
    if (t_.IsName(fn) && t_.Word(fn - 1, "function")) --fn;
    if (!t_.Word(fn, "function")) return false;
    lead = fn - 1;
    if (t_.Word(lead, "return") || t_.Word(lead, "typeof")) return true;
  } else if (t_.Word(lead, "return")) {
    return true;
  }
  for (std::string_view text : kExpressionLeads) {
    if (t_.Punct(lead, text)) return true;
  }
  return false;
}

// An expression ends before j (scanning back) at separators, assignments, statement
// keywords, block ends, control parentheses and line breaks where ASI applies.
bool GuardWalk::ExprBoundaryBefore(int32_t j) {
  const std::string_view text = t_.Text(j);
  if (t_.Kind(j) == TokenKind::kPunct) {
    if (text == ";" || text == "," || IsAssign(text)) return true;
    if (text == "}") return !ExpressionBrace(t_.Partner(j));
    if (text == ")") return ControlParen(j);
  }
  for (std::string_view kw : {"return", "throw", "case", "var", "let", "const", "else", "do"}) {
    if (t_.Word(j, kw)) return true;
  }
  return Asi(j, j + 1);
}

bool GuardWalk::StmtBoundaryBefore(int32_t j) {
  if (t_.Punct(j, ";") || t_.Word(j, "else") || t_.Word(j, "do")) return true;
  if (t_.Punct(j, "}")) return !ExpressionBrace(t_.Partner(j));
  if (ControlParen(j)) return true;
  return Asi(j, j + 1);
}

int32_t GuardWalk::ExtentStart(int32_t cur) {
  const int32_t level = t_.Parent(cur);
  int32_t j = cur - 1;
  while (j > level && Spend()) {
    if (ExprBoundaryBefore(j)) break;
    if (t_.IsCloser(j) && t_.Partner(j) > level) j = t_.Partner(j);
    --j;
  }
  return j + 1;
}

int32_t GuardWalk::ExtentEnd(int32_t cur) {
  const int32_t end = t_.LevelEnd(t_.Parent(cur));
  int32_t j = cur;
  while (j < end && Spend()) {
    if (t_.IsOpener(j)) {
      j = t_.Partner(j) >= 0 ? t_.Partner(j) + 1 : end;
      continue;
    }
    if (j > cur && (t_.Punct(j, ";") || t_.Punct(j, ",") ||
                    (t_.Kind(j) == TokenKind::kPunct && IsAssign(t_.Text(j))) || Asi(j - 1, j))) {
      break;
    }
    ++j;
  }
  return j < end ? j : end;
}

int32_t GuardWalk::StatementStart(int32_t from) {
  const int32_t level = t_.Parent(from);
  int32_t j = from - 1;
  while (j > level && Spend()) {
    if (StmtBoundaryBefore(j)) break;
    if (t_.IsCloser(j) && t_.Partner(j) > level) j = t_.Partner(j);
    --j;
  }
  return j + 1;
}

int32_t GuardWalk::StatementEnd(int32_t start) {
  const int32_t end = t_.LevelEnd(t_.Parent(start));
  int32_t j = start;
  while (j < end && Spend()) {
    if (t_.Word(j, "else") && j > start) return j - 1;
    if (t_.Punct(j, ";")) return j;
    if (j > start && Asi(j - 1, j)) return j - 1;
    if (t_.IsOpener(j)) {
      if (t_.Partner(j) < 0) return end - 1;
      j = t_.Partner(j);
    }
    ++j;
  }
  return end - 1;
}

bool GuardWalk::HasElseAfterThen(int32_t then_start) {
  if (t_.Punct(then_start, "{") && t_.Partner(then_start) >= 0) {
    return t_.Word(t_.Partner(then_start) + 1, "else");
  }
  return t_.Word(StatementEnd(then_start) + 1, "else");
}

int32_t GuardWalk::IfOfElse(int32_t else_at) {
  const int32_t level = t_.Parent(else_at);
  int32_t j = else_at - 1;
  if (t_.Punct(j, "}") && t_.Partner(j) >= 0) {
    const int32_t close = t_.Partner(j) - 1;
    if (t_.Punct(close, ")") && t_.Word(t_.Partner(close) - 1, "if")) return t_.Partner(close) - 1;
  }
  if (t_.Punct(j, ";")) --j;
  while (j > level && Spend()) {
    if (t_.Punct(j, ";")) return -1;
    if (t_.IsCloser(j) && t_.Partner(j) > level) {
      if (t_.Punct(j, ")") && t_.Word(t_.Partner(j) - 1, "if")) return t_.Partner(j) - 1;
      j = t_.Partner(j);
    }
    --j;
  }
  return -1;
}

void GuardWalk::Verdict(const CondInfo& cond, bool then_side, bool has_else) {
  const bool ie_side = then_side ? cond.ie_if_true : cond.ie_if_false;
  if (!ie_side) return;
  if (cond.std_test || !then_side || has_else) {
    guarded_ = true;
  } else {
    ie_only_ = true;
  }
}

bool GuardWalk::CcAlternativeFollows(int32_t x) {
  int depth = 0;
  for (int32_t k = x + 1; k < t_.size() && Spend(); ++k) {
    if (t_.Kind(k) != TokenKind::kCcDirective) continue;
    const std::string_view text = t_.Text(k);
    if (text == "@if") ++depth;
    if (text == "@end") {
      if (depth == 0) return false;
      --depth;
    }
    if ((text == "@else" || text == "@elif") && depth == 0) return true;
  }
  return false;
}

Guard GuardWalk::Classify(int32_t x, bool ie_only_context) {
  budget_ = kGuardBudget;
  guarded_ = ie_only_ = test_only_ = false;
  if (x >= 0 && t_.At(x)->conditional && CcAlternativeFollows(x)) return Guard::kGuarded;
  Step step = x >= 0 ? Step::kExpression : Step::kDone;
  int32_t at = x;
  for (int steps = 0; step != Step::kDone && !guarded_ && steps < kMaxSteps && budget_ > 0;
       ++steps) {
    int32_t next = -1;
    step = step == Step::kExpression ? Expression(at, &next) : Statement(at, &next);
    at = next;
  }
  if (guarded_) return Guard::kGuarded;
  if (ie_only_ || ie_only_context) return Guard::kIeOnlyBranch;
  return test_only_ ? Guard::kGuarded : Guard::kUnguarded;
}

}  // namespace iescan::rules::guard_internal
