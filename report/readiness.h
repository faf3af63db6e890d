// Readiness: the per-finding priority and the per-app assessment of a Plan (status,
// readiness score, effort, top blockers, site-list entry) and the organisation's migration
// order. Called by BuildPlan once files, findings, apps and reach are in place; every
// formula and default is in report/priority.h and docs/priority.md.
//
// Thread-safety: re-entrant; mutates only the Plan it is given.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "report/plan.h"

namespace iescan::report {

// Fills PlanFinding reach (from its file) and priority fields, every PlanApp assessment
// field, the summary's priority/status/effort totals and Plan::migration_order.
void AssessPlan(const PlanOptions& options, Plan* plan);

// The effort of `count` occurrences of one fix (same rule in one app), of
// which `guarded` are guarded, before the app's complexity factor: the k-th occurrence
// (k = 0, 1, ...; unguarded ones first) costs
//     hours x max(floor, repeat_decay^k) x (guarded ? guarded_effort : 1).
double RepeatedFixHours(rules::Effort effort, uint32_t count, uint32_t guarded,
                        const PriorityWeights& w);

// The app complexity factor (report/priority.h), rounded to two decimals.
double ComplexityFactor(uint64_t lines, uint32_t files, uint32_t distinct_rules,
                        const PriorityWeights& w);

// A site-list URL: `url` without protocol, user info, query string, fragment and trailing
// '/', host in lower case ("HTTP://Intra.Example.jp/hr/?x=1" -> "intra.example.jp/hr");
// "" when nothing is left or the URL holds a wildcard, a space or a control character.
std::string SiteListUrl(std::string_view url);

// True for the compat-mode values of the Enterprise Mode site list v.2.
bool IsCompatMode(std::string_view mode);

// Rank of a compat-mode from most legacy (IE5 = 0) to Default (8); 9 when unknown.
int CompatModeAge(std::string_view mode);

}  // namespace iescan::report
