// Plan: the frozen outcome of one scan, the single input of every writer.
//
// BuildPlan turns a ScanResult into a self-contained value. Everything a writer needs is
// copied out of the ScanResult, so the Plan stays valid after the ScanResult is gone; the
// only borrowed pointers are `rule` fields, which point into the Catalog (the Catalog
// outlives every ScanResult and Plan). Writers take `const Plan&` and derive nothing that
// another writer would have to derive again: counts, app grouping and ordering are decided
// here once, so the text, JSON (and later SARIF, JUnit, CSV, Markdown, HTML and site list)
// outputs always agree.
//
// Ordering, identical whatever order the files arrived in:
//   files     by path, then root
//   findings  by file (in file order), line, column, rule id, then end position, message,
//             detail and snippet (so findings from one file are contiguous)
//   skipped   by path, then reason
//   apps      by name; rules and summary counts by id / name (byte order)
//
// Planned growth (kept out of this version): prioritisation adds a priority (P1-P4) per
// finding and readiness plus effort estimates per app and in the summary; baselines and
// suppressions add per-finding state and counts. They become fields computed by
// BuildPlan, never computed in a writer.
//
// Thread-safety: BuildPlan is re-entrant; a built Plan is immutable by convention and may
// be read from many threads.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "report/scan_result.h"
#include "rules/engine/finding.h"
#include "rules/engine/rule.h"
#include "scanner/document/document.h"
#include "scanner/source/file_kind.h"

namespace iescan::report {

inline constexpr std::string_view kToolName = "iescan";

struct PlanOptions {
  std::string tool_version;  // shown in every report, e.g. "0.1.0"
};

// Severities from most to least severe: the order every writer lists them in.
inline constexpr std::array<rules::Severity, 4> kSeveritiesDescending = {
    rules::Severity::kBlocker, rules::Severity::kHigh, rules::Severity::kMedium,
    rules::Severity::kLow};

// Finding counts per severity.
struct SeverityCounts {
  std::array<uint32_t, 4> counts{};  // indexed by rules::Severity's value

  uint32_t& operator[](rules::Severity s) { return counts[static_cast<size_t>(s)]; }
  uint32_t operator[](rules::Severity s) const { return counts[static_cast<size_t>(s)]; }
  uint32_t Total() const { return counts[0] + counts[1] + counts[2] + counts[3]; }
  SeverityCounts& operator+=(const SeverityCounts& other) {
    for (size_t i = 0; i < counts.size(); ++i) counts[i] += other.counts[i];
    return *this;
  }
  bool operator==(const SeverityCounts&) const = default;
};

struct NameCount {
  std::string name;
  uint32_t count = 0;
  bool operator==(const NameCount&) const = default;
};

struct PlanFile {
  std::string path;  // Origin::display: root-relative path or URL
  std::string root;  // Origin::root, as given on the command line
  bool is_url = false;
  std::string app;       // see report/app_name.h
  size_t app_index = 0;  // index into Plan::apps
  scanner::KindInfo kind;
  std::string encoding;         // "Shift_JIS", "UTF-8", ...
  std::string encoding_source;  // "bom", "meta", "detected", ...
  uint64_t bytes = 0;
  uint32_t lines = 0;
  size_t first_finding = 0;    // this file's findings: Plan::findings[first_finding,
  uint32_t finding_count = 0;  //   first_finding + finding_count)
  SeverityCounts by_severity;
};

struct PlanFinding {
  const rules::Rule* rule = nullptr;  // borrowed from the Catalog; never null
  size_t file_index = 0;              // index into Plan::files
  std::string path;                   // the file's path (PlanFile::path)
  std::string rule_id;
  std::string category;
  std::string title;  // the rule's title
  rules::Severity severity = rules::Severity::kMedium;
  rules::Confidence confidence = rules::Confidence::kHigh;
  rules::Effort effort = rules::Effort::kSmall;
  std::string message;
  uint32_t line = 0;    // original file coordinates, 1-based; column in
  uint32_t column = 0;  // code points
  uint32_t end_line = 0;
  uint32_t end_column = 0;
  std::string snippet;  // may hold invalid UTF-8; writers must cope
  scanner::Language language = scanner::Language::kHtml;
  rules::Guard guard = rules::Guard::kNone;
  std::string detail;  // ProgID, CLSID...; may be empty
};

struct PlanSkipped {
  std::string path;  // Skipped::origin
  std::string reason;
  std::string app;  // AppNameForSkipped; "" when it cannot be told
};

struct PlanApp {
  std::string name;
  uint32_t files = 0;    // scanned files
  uint32_t skipped = 0;  // skipped items grouped under this app
  uint32_t findings = 0;
  SeverityCounts by_severity;
  std::vector<size_t> file_indices;  // into Plan::files, in file order
};

// A rule with at least one finding in this plan, copied from the Catalog.
struct PlanRule {
  const rules::Rule* rule = nullptr;  // borrowed from the Catalog (for docs, references)
  std::string id;
  std::string category;
  std::string title;
  rules::Severity severity = rules::Severity::kMedium;
  rules::Confidence confidence = rules::Confidence::kHigh;
  rules::Effort effort = rules::Effort::kSmall;
  std::string replacement;
  std::vector<std::string> references;
  uint32_t findings = 0;
};

struct PlanSummary {
  uint32_t files = 0;    // files scanned
  uint32_t skipped = 0;  // items skipped
  uint32_t findings = 0;
  SeverityCounts by_severity;
  std::vector<NameCount> by_rule;      // sorted by rule id; only rules that fired
  std::vector<NameCount> by_category;  // sorted by category; only categories that fired
};

struct Plan {
  std::string tool_name{kToolName};
  std::string tool_version;
  std::vector<std::string> roots;  // as given, in command-line order
  bool complete = true;            // false: interrupted or a budget ran out
  PlanSummary summary;
  std::vector<PlanApp> apps;
  std::vector<PlanFile> files;
  std::vector<PlanFinding> findings;
  std::vector<PlanSkipped> skipped;
  std::vector<PlanRule> rules;
};

// Builds the plan of `scan`. Findings without a rule (which the engine never produces)
// are left out. Never fails.
Plan BuildPlan(const ScanResult& scan, const PlanOptions& options);

}  // namespace iescan::report
