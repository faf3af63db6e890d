// Guard analysis: the expression and statement steps of the walk (see guard_walk.h).
#include <utility>
#include <vector>

#include "rules/engine/guard_walk.h"

namespace iescan::rules::guard_internal {

// Narrows [s, e) to the ternary branch or test holding `cur`, recording each decision.
void GuardWalk::Ternary(int32_t cur, int32_t* s, int32_t* e, bool* in_test) {
  for (int rounds = 0; rounds < 64 && Spend(); ++rounds) {
    int32_t q = -1, colon = -1, depth = 0;
    for (int32_t k = *s; k < *e && Spend(); ++k) {
      if (t_.IsOpener(k) && t_.Partner(k) > k && t_.Partner(k) < *e) {
        k = t_.Partner(k);
      } else if (t_.Punct(k, "?")) {
        if (q < 0) q = k;
        ++depth;
      } else if (t_.Punct(k, ":")) {
        if (q < 0) {
          if (k < cur) *s = k + 1;  // an object key, label or case: not a ternary
          continue;
        }
        if (--depth == 0) {
          colon = k;
          break;
        }
      }
    }
    if (q < 0 || colon < 0) return;
    const CondInfo cond = terms_.Condition(*s, q);
    if (cur < q) {
      *e = q;
      *in_test = true;
      return;
    }
    if (cur < colon) {
      Verdict(cond, true, true);
      *s = q + 1;
      *e = colon;
    } else {
      Verdict(cond, false, true);
      // `e ? e.target : window.event.srcElement`: the test picks a standard value first.
      if (!cond.Known() && terms_.IsAlternative(q + 1, colon) && !terms_.MentionsIe(*s, q)) {
        guarded_ = true;
      }
      *s = colon + 1;
    }
    if (guarded_) return;
  }
}

// The || operands and && gates around `cur` in [s, e).
void GuardWalk::Operands(int32_t cur, int32_t s, int32_t e, bool in_test) {
  std::vector<std::pair<int32_t, int32_t>> ors;
  int32_t start = s;
  for (int32_t k = s; k < e && Spend(); ++k) {
    if (t_.IsOpener(k) && t_.Partner(k) > k && t_.Partner(k) < e) {
      k = t_.Partner(k);
    } else if (t_.Punct(k, "||")) {
      ors.emplace_back(start, k);
      start = k + 1;
    }
  }
  ors.emplace_back(start, e);
  std::pair<int32_t, int32_t> mine{s, e};
  for (const auto& op : ors) {
    if (cur >= op.first && cur < op.second) mine = op;
  }
  if (ors.size() > 1) {
    for (const auto& op : ors) {
      if (op != mine && terms_.IsAlternative(op.first, op.second)) {
        guarded_ = true;
        return;
      }
    }
  }
  // && gates: an earlier operand that holds only in IE runs `cur` only there.
  int32_t cs = mine.first, ce = mine.second;
  bool later = false;
  for (int32_t k = mine.first; k < mine.second && Spend(); ++k) {
    if (t_.IsOpener(k) && t_.Partner(k) > k && t_.Partner(k) < mine.second) {
      k = t_.Partner(k);
      continue;
    }
    if (!t_.Punct(k, "&&")) continue;
    if (k < cur) {
      const CondInfo gate = terms_.Term(cs, k);
      Verdict(gate, true, false);
      if (guarded_) return;
      cs = k + 1;
    } else {
      ce = k;
      later = true;
      break;
    }
  }
  x_term_ = terms_.Term(cs, ce);
  if (!x_term_.Known()) return;
  if (in_test && !x_term_.std_test) {
    guarded_ = true;  // the test of a ternary: both outcomes have a branch
  } else if (later && x_term_.ie_if_true) {
    ie_only_ = true;  // `document.all && document.all[id]...`
  } else if (x_term_.explicit_test) {
    test_only_ = true;
  }
}

GuardWalk::Step GuardWalk::Expression(int32_t cur, int32_t* next) {
  int32_t s = ExtentStart(cur);
  int32_t e = ExtentEnd(cur);
  bool in_test = false;
  x_term_ = CondInfo{};
  Ternary(cur, &s, &e, &in_test);
  if (guarded_) return Step::kDone;
  Operands(cur, s, e, in_test);
  if (guarded_) return Step::kDone;
  const int32_t level = t_.Parent(cur);
  const int32_t start = StatementStart(cur);
  if (start - 1 != level || level < 0) {
    *next = start;
    return Step::kStatement;
  }
  const int32_t kw = level - 1;
  if (t_.Punct(level, "(")) {
    if (t_.Word(kw, "if")) {
      if (x_term_.Known() && !x_term_.std_test) {
        if (HasElseAfterThen(t_.LevelEnd(level) + 1)) {
          guarded_ = true;
        } else {
          ie_only_ = true;
        }
      }
      *next = kw;
      return Step::kStatement;
    }
    for (std::string_view loop : {"while", "for", "with", "switch"}) {
      if (t_.Word(kw, loop)) {
        *next = kw;
        return Step::kStatement;
      }
    }
  }
  if (t_.Punct(level, "{") && !ExpressionBrace(level)) {
    *next = start;
    return Step::kStatement;
  }
  *next = level;
  return Step::kExpression;
}

GuardWalk::Step GuardWalk::Statement(int32_t start, int32_t* next) {
  const int32_t p = start - 1;
  if (t_.Punct(p, ")") && t_.Partner(p) >= 0) {
    const int32_t open = t_.Partner(p);
    const int32_t kw = open - 1;
    if (t_.Word(kw, "if")) {
      Verdict(terms_.Condition(open + 1, p), true, HasElseAfterThen(start));
      *next = kw;
      return Step::kStatement;
    }
    for (std::string_view loop : {"while", "for", "with"}) {
      if (t_.Word(kw, loop)) {
        *next = kw;
        return Step::kStatement;
      }
    }
  }
  if (t_.Word(p, "else")) {
    const int32_t owner = IfOfElse(p);
    if (owner < 0) return Step::kDone;
    const int32_t open = owner + 1;
    Verdict(terms_.Condition(open + 1, t_.LevelEnd(open)), false, true);
    *next = owner;
    return Step::kStatement;
  }
  if (EarlyReturn(start)) return Step::kDone;
  if (t_.Word(p, "do") || t_.Word(p, "finally")) {
    *next = p;
    return Step::kStatement;
  }
  const int32_t level = t_.Parent(start);
  if (level < 0) return Step::kDone;
  if (t_.Punct(level, "{")) return BlockOwner(level, next);
  *next = level;
  return Step::kExpression;
}

GuardWalk::Step GuardWalk::BlockOwner(int32_t open, int32_t* next) {
  const int32_t q = open - 1;
  const int32_t close = t_.Partner(open);
  if (t_.Punct(q, ")") && t_.Partner(q) >= 0) {
    const int32_t paren = t_.Partner(q);
    const int32_t kw = paren - 1;
    if (t_.Word(kw, "catch")) {
      const int32_t try_close = kw - 1;
      const int32_t try_open = t_.Partner(try_close);
      if (t_.Punct(try_close, "}") && try_open >= 0 && t_.Word(try_open - 1, "try")) {
        if (try_close > try_open + 1 && !terms_.MentionsIe(try_open + 1, try_close)) {
          guarded_ = true;  // the standard path was tried first
        }
        *next = try_open - 1;
        return Step::kStatement;
      }
      return Step::kDone;
    }
  }
  if (t_.Word(q, "try")) {
    const int32_t c = close >= 0 ? close + 1 : -1;
    if (c >= 0 && t_.Word(c, "catch")) {
      int32_t body = c + 1;
      if (t_.Punct(body, "(") && t_.Partner(body) >= 0) body = t_.Partner(body) + 1;
      if (t_.Punct(body, "{") && t_.Partner(body) > body + 1) guarded_ = true;
    }
    *next = q;
    return Step::kStatement;
  }
  if (ExpressionBrace(open)) {
    *next = open;
    return Step::kExpression;
  }
  if (t_.Punct(q, ")") && t_.Partner(q) >= 0) {
    const int32_t kw = t_.Partner(q) - 1;
    if (t_.IsName(kw) && t_.Word(kw - 1, "function")) {
      *next = kw - 1;
      return Step::kStatement;
    }
  }
  // if/else/loop blocks: the block is the statement, its controller lies to the left.
  *next = open;
  return Step::kStatement;
}

}  // namespace iescan::rules::guard_internal

namespace iescan::rules::guard_internal {

// `if (window.getSelection) return ...;` (or a block ending the function) right before the
// statement at `start`: browsers with the standard feature never get here.
bool GuardWalk::EarlyReturn(int32_t start) {
  const int32_t p = start - 1;
  int32_t cond_close = -1;
  if (t_.Punct(p, "}") && t_.Partner(p) >= 0) {
    const int32_t open = t_.Partner(p);
    if (!ControlParen(open - 1) || !t_.Word(t_.Partner(open - 1) - 1, "if")) return false;
    bool exits = false;
    for (int32_t k = open + 1; k < p && Spend(); ++k) {
      if (t_.IsOpener(k) && t_.Partner(k) > k) k = t_.Partner(k);
      if (t_.Word(k, "return") || t_.Word(k, "throw")) exits = true;
    }
    if (!exits) return false;
    cond_close = open - 1;
  } else if (t_.Punct(p, ";") || Asi(p, start)) {
    const int32_t prev = StatementStart(p);
    if (!t_.Word(prev, "return") && !t_.Word(prev, "throw")) return false;
    if (!ControlParen(prev - 1) || !t_.Word(t_.Partner(prev - 1) - 1, "if")) return false;
    cond_close = prev - 1;
  } else {
    return false;
  }
  const CondInfo cond = terms_.Condition(t_.Partner(cond_close) + 1, cond_close);
  if (cond.std_test && cond.ie_if_false) guarded_ = true;
  return guarded_;
}

}  // namespace iescan::rules::guard_internal
