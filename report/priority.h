// The priority model: how urgent one finding is, and the weights of every estimate the
// plan makes (finding priority, effort, readiness). docs/priority.md explains each formula
// with a worked example; the defaults below are the ones documented there.
//
// A finding's priority score is
//     score = 100 x severity x confidence x guard x reach_factor
//     reach_factor = min(reach_cap, 1 + reach_weight x log2(max(1, reach)))
// rounded to one decimal; its class is P1 (score >= p1), P2 (>= p2), P3 (>= p3), else P4.
// `reach` is the number of pages that load the file, directly or through shared files.
//
// Every weight lives in PriorityWeights so that a configuration file can override any of
// them; the plan never uses a number that is not here.
//
// Thread-safety: pure functions over plain values.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "rules/engine/finding.h"
#include "rules/engine/rule.h"

namespace iescan::report {

// Priority classes, most urgent first.
enum class Priority : uint8_t { kP1 = 0, kP2 = 1, kP3 = 2, kP4 = 3 };
inline constexpr std::array<Priority, 4> kPriorities = {Priority::kP1, Priority::kP2, Priority::kP3,
                                                        Priority::kP4};
std::string_view PriorityName(Priority p);  // "P1" .. "P4"

// Finding counts per priority class.
struct PriorityCounts {
  std::array<uint32_t, 4> counts{};  // indexed by Priority's value
  uint32_t& operator[](Priority p) { return counts[static_cast<size_t>(p)]; }
  uint32_t operator[](Priority p) const { return counts[static_cast<size_t>(p)]; }
  PriorityCounts& operator+=(const PriorityCounts& other) {
    for (size_t i = 0; i < counts.size(); ++i) counts[i] += other.counts[i];
    return *this;
  }
  bool operator==(const PriorityCounts&) const = default;
};

struct SeverityWeights {
  double blocker = 1.0;
  double high = 0.7;
  double medium = 0.4;
  double low = 0.15;
  double Of(rules::Severity s) const;
};

struct ConfidenceWeights {
  double high = 1.0;
  double medium = 0.8;
  double low = 0.5;
  double Of(rules::Confidence c) const;
};

// Guard classes: code that runs outside IE and throws ranks first, an IE-only branch with
// no standard alternative next, code with a standard path or fallback last. Findings that
// are not analysed (markup, CSS, VBScript: guard "none") are active on every load, so by
// default they weigh as much as unguarded code and their severity alone ranks them.
struct GuardWeights {
  double unguarded = 1.0;
  double ie_only_branch = 0.8;
  double guarded = 0.3;  // lowered, never dropped
  double none = 1.0;
  double Of(rules::Guard g) const;
};

// One number per effort class.
struct PerEffort {
  double trivial = 0;
  double small = 0;
  double medium = 0;
  double large = 0;
  double Of(rules::Effort e) const;
};

struct PriorityWeights {
  // --- finding priority ---------------------------------------------------------------
  SeverityWeights severity;
  ConfidenceWeights confidence;
  GuardWeights guard;
  double reach_weight = 0.25;  // added to the factor per doubling of the pages reached
  double reach_cap = 2.0;      // the reach factor never exceeds this
  double p1 = 80;              // minimum score of each class
  double p2 = 50;
  double p3 = 20;

  // --- effort (hours) -----------------------------------------------------------------
  // First occurrence of a fix; repeats of the same rule in one app cost
  // hours x max(floor, repeat_decay^k) for the k-th repeat (k = 1, 2, ...).
  PerEffort effort_hours{0.25, 1.0, 4.0, 16.0};
  double repeat_decay = 0.5;
  PerEffort repeat_floor{0.1, 0.1, 0.1, 0.2};
  double guarded_effort = 0.25;  // share of the cost for a guarded finding (dead IE code)
  // Rules (patterns as in IeModeRules) whose findings with different details are
  // different jobs: another ActiveX control or ProgID is not a repeat of the first.
  std::vector<std::string> effort_per_detail = {"activex.*"};
  // App complexity factor, multiplied into the app's effort:
  //   min(complexity_cap, 1 + complexity_lines x log2(1 + lines / 1000)
  //                        + complexity_files x log2(1 + files / 10)
  //                        + complexity_rules x log2(max(1, distinct rules)))
  double complexity_lines = 0.10;
  double complexity_files = 0.05;
  double complexity_rules = 0.05;
  double complexity_cap = 2.0;

  // --- readiness ----------------------------------------------------------------------
  // Score = round(100 x exp(-penalty / readiness_scale)), penalty summed per rule (see
  // docs/priority.md); an app that needs IE mode scores at most blocked_score_cap.
  double readiness_scale = 5.0;
  double readiness_repeat = 0.25;  // weight of log2(count) in a rule's penalty
  double blocked_score_cap = 20;
  double minor_fix_hours = 8;     // at most this many hours: "Minor fixes"
  size_t top_blockers = 5;        // rules listed per app
  double order_min_effort = 1.0;  // effort floor (hours) in the migration order ratio
};

// Readiness of an app for a browser other than IE (docs/priority.md, "Readiness"), from
// most to least ready.
enum class AppStatus : uint8_t { kReady = 0, kMinorFixes = 1, kMigrationNeeded = 2, kBlocked = 3 };
inline constexpr std::array<AppStatus, 4> kAppStatuses = {
    AppStatus::kReady, AppStatus::kMinorFixes, AppStatus::kMigrationNeeded, AppStatus::kBlocked};
std::string_view AppStatusName(AppStatus s);   // "ready", "minor-fixes", "migration-needed",
                                               // "blocked"
std::string_view AppStatusLabel(AppStatus s);  // "Ready", "Minor fixes", "Migration needed",
                                               // "Blocked: needs IE mode"

// What makes an app depend on Internet Explorer in the short term: constructs that no
// browser can replace without a rewrite (in-house or vendor ActiveX controls, VBScript
// business logic, HTML Applications). A finding is an IE-mode dependency when
//   - its rule id matches one of `rules` and none of `exempt_rules`,
//   - its detail (ProgID, CLSID) matches none of `exempt_details` (case-insensitive),
//   - it is not guarded (a fallback exists) and its confidence is at least
//     `min_confidence`.
// An HTA file (kind hta) is a dependency by itself when `hta` is set. Patterns are
// literal except '*', which matches any run of characters.
struct IeModeRules {
  std::vector<std::string> rules = {"activex.*", "vbscript.*"};
  // MSXML and XMLHTTP have standard replacements (fetch/XMLHttpRequest, DOMParser).
  std::vector<std::string> exempt_rules = {"activex.*xmlhttp*", "activex.*msxml*",
                                           "activex.*xmldom*"};
  std::vector<std::string> exempt_details = {"msxml*", "*xmlhttp*", "*xmldom*"};
  rules::Confidence min_confidence = rules::Confidence::kMedium;
  bool hta = true;
};

// True when `pattern` ('*' = any run of characters, everything else literal) matches all
// of `text`; ASCII case-insensitive when `fold_case`. Iterative.
bool WildcardMatch(std::string_view pattern, std::string_view text, bool fold_case);

// True when a finding with these facts is an IE-mode dependency under `rules`.
bool IsIeModeDependency(std::string_view rule_id, std::string_view detail, rules::Guard guard,
                        rules::Confidence confidence, const IeModeRules& rules);

// The reach factor for a file reaching `reach` pages (0 counts as 1: a file that no
// scanned page loads may still be loaded by something outside the scan).
double ReachFactor(uint32_t reach, const PriorityWeights& w);

// The priority score of a finding, rounded to one decimal.
double PriorityScore(rules::Severity severity, rules::Confidence confidence, rules::Guard guard,
                     uint32_t reach, const PriorityWeights& w);

// The class of a (rounded) score.
Priority PriorityClass(double score, const PriorityWeights& w);

// `value` rounded to `decimals` decimal places, half away from zero.
double RoundTo(double value, int decimals);

}  // namespace iescan::report
