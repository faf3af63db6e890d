#include "report/priority.h"

#include <algorithm>
#include <cmath>

namespace iescan::report {

std::string_view PriorityName(Priority p) {
  switch (p) {
    case Priority::kP1:
      return "P1";
    case Priority::kP2:
      return "P2";
    case Priority::kP3:
      return "P3";
    case Priority::kP4:
      return "P4";
  }
  return "P4";
}

std::string_view AppStatusName(AppStatus s) {
  switch (s) {
    case AppStatus::kReady:
      return "ready";
    case AppStatus::kMinorFixes:
      return "minor-fixes";
    case AppStatus::kMigrationNeeded:
      return "migration-needed";
    case AppStatus::kBlocked:
      return "blocked";
  }
  return "blocked";
}

std::string_view AppStatusLabel(AppStatus s) {
  switch (s) {
    case AppStatus::kReady:
      return "Ready";
    case AppStatus::kMinorFixes:
      return "Minor fixes";
    case AppStatus::kMigrationNeeded:
      return "Migration needed";
    case AppStatus::kBlocked:
      return "Blocked: needs IE mode";
  }
  return "Blocked: needs IE mode";
}

namespace {

char Fold(char c, bool fold_case) {
  return fold_case && c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool MatchesAny(const std::vector<std::string>& patterns, std::string_view text, bool fold) {
  return std::any_of(patterns.begin(), patterns.end(),
                     [&](const std::string& p) { return WildcardMatch(p, text, fold); });
}

}  // namespace

bool WildcardMatch(std::string_view pattern, std::string_view text, bool fold_case) {
  // Greedy matching with one backtrack point: the last '*' seen.
  size_t p = 0;
  size_t t = 0;
  size_t star = std::string_view::npos;
  size_t star_text = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      star_text = t;
    } else if (p < pattern.size() && Fold(pattern[p], fold_case) == Fold(text[t], fold_case)) {
      ++p;
      ++t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++star_text;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

bool IsIeModeDependency(std::string_view rule_id, std::string_view detail, rules::Guard guard,
                        rules::Confidence confidence, const IeModeRules& rules) {
  if (guard == rules::Guard::kGuarded) return false;
  if (static_cast<int>(confidence) < static_cast<int>(rules.min_confidence)) return false;
  if (!MatchesAny(rules.rules, rule_id, false) || MatchesAny(rules.exempt_rules, rule_id, false)) {
    return false;
  }
  return detail.empty() || !MatchesAny(rules.exempt_details, detail, true);
}

double SeverityWeights::Of(rules::Severity s) const {
  switch (s) {
    case rules::Severity::kBlocker:
      return blocker;
    case rules::Severity::kHigh:
      return high;
    case rules::Severity::kMedium:
      return medium;
    case rules::Severity::kLow:
      return low;
  }
  return low;
}

double ConfidenceWeights::Of(rules::Confidence c) const {
  switch (c) {
    case rules::Confidence::kHigh:
      return high;
    case rules::Confidence::kMedium:
      return medium;
    case rules::Confidence::kLow:
      return low;
  }
  return low;
}

double GuardWeights::Of(rules::Guard g) const {
  switch (g) {
    case rules::Guard::kUnguarded:
      return unguarded;
    case rules::Guard::kIeOnlyBranch:
      return ie_only_branch;
    case rules::Guard::kGuarded:
      return guarded;
    case rules::Guard::kNone:
      return none;
  }
  return none;
}

double PerEffort::Of(rules::Effort e) const {
  switch (e) {
    case rules::Effort::kTrivial:
      return trivial;
    case rules::Effort::kSmall:
      return small;
    case rules::Effort::kMedium:
      return medium;
    case rules::Effort::kLarge:
      return large;
  }
  return large;
}

double RoundTo(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  // The small nudge keeps values such as 2.675 (stored as 2.67499...) rounding as written.
  const double nudge = value >= 0 ? 1e-9 : -1e-9;
  return std::round(value * scale + nudge) / scale;
}

double ReachFactor(uint32_t reach, const PriorityWeights& w) {
  const double pages = std::max<uint32_t>(reach, 1);
  return std::min(w.reach_cap, 1.0 + w.reach_weight * std::log2(pages));
}

double PriorityScore(rules::Severity severity, rules::Confidence confidence, rules::Guard guard,
                     uint32_t reach, const PriorityWeights& w) {
  const double score = 100.0 * w.severity.Of(severity) * w.confidence.Of(confidence) *
                       w.guard.Of(guard) * ReachFactor(reach, w);
  return RoundTo(score, 1);
}

Priority PriorityClass(double score, const PriorityWeights& w) {
  if (score >= w.p1) return Priority::kP1;
  if (score >= w.p2) return Priority::kP2;
  if (score >= w.p3) return Priority::kP3;
  return Priority::kP4;
}

}  // namespace iescan::report
