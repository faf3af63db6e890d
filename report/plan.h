// Plan: the frozen outcome of one scan, the single input of every writer.
//
// BuildPlan turns a ScanResult into a self-contained value. Everything a writer needs is
// copied out of the ScanResult, so the Plan stays valid after the ScanResult is gone; the
// only borrowed pointers are `rule` fields, which point into the Catalog (the Catalog
// outlives every ScanResult and Plan). Writers take `const Plan&` and derive nothing that
// another writer would have to derive again: counts, app grouping, priorities, readiness,
// effort, fingerprints and ordering are decided here once, so the text, JSON, SARIF,
// JUnit, CSV, Markdown, HTML and site-list outputs always agree.
//
// Ordering, identical whatever order the files arrived in:
//   files     by path, then root
//   findings  by file (in file order), line, column, rule id, then end position, message,
//             detail and snippet (so findings from one file are contiguous)
//   skipped   by path, then reason
//   apps      by name; rules and summary counts by id / name (byte order)
//   migration_order  see docs/priority.md
//
// The priority model (finding priority P1-P4, reach, app readiness, effort, migration
// order) is described in report/priority.h and docs/priority.md. Every floating-point
// value in a Plan is rounded (scores and hours to one decimal, factors to two) and is
// computed in plan order, so two runs give the same numbers to the last bit.
//
// Thread-safety: BuildPlan is re-entrant; a built Plan is immutable by convention and may
// be read from many threads.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "report/app_map.h"
#include "report/priority.h"
#include "report/record_store.h"
#include "report/scan_result.h"
#include "rules/engine/finding.h"
#include "rules/engine/rule.h"
#include "scanner/core/inline_text.h"
#include "scanner/core/shared_text.h"
#include "scanner/document/document.h"
#include "scanner/source/file_kind.h"

namespace iescan::report {

inline constexpr std::string_view kToolName = "iescan";

struct PlanOptions {
  std::string tool_version;  // shown in every report, e.g. "0.1.0"
  PriorityWeights weights;   // every weight of the priority model
  IeModeRules ie_mode;       // what makes an app need IE mode
  // The organisation's apps; empty: default grouping (report/app_name.h).
  std::vector<AppMapEntry> app_map;
  // When the report is made, in seconds since 1970-01-01 UTC (the site list's
  // <date-created>). The caller passes SOURCE_DATE_EPOCH when set, else the current time,
  // so that a build can reproduce a report byte for byte.
  int64_t created = 0;
  // Past this many bytes of findings in memory, the plan keeps the rest in a temporary file
  // (report/record_store.h); the report is the same either way. The command line's default
  // is 16 MB (--spill-after).
  size_t spill_after = kNeverSpill;
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

// A page's document mode as the plan keeps it (rules::DocumentModeInfo with pooled texts:
// the same few values repeat over thousands of pages).
struct PlanDocMode {
  SharedText built_for;    // see rules::DocumentModeInfo
  SharedText compat_mode;
  std::vector<SharedText> evidence;
};

// Texts that repeat across files (roots, apps, encodings, references, document modes) are
// held once per process (SharedText): a plan of a large estate holds about a hundred thousand
// files until the report is written.
struct PlanFile {
  // Grouped by size (texts, pointers and 64-bit values, then vectors, then 32-bit, then
  // one-byte values) so that no padding is repeated a hundred thousand times.
  SharedText path;  // Origin::display: root-relative path or URL
  SharedText root;  // Origin::root, as given on the command line
  SharedText app;        // see report/app_name.h
  SharedText encoding;         // "Shift_JIS", "UTF-8", ...
  SharedText encoding_source;  // "bom", "meta", "detected", ...
  size_t app_index = 0;  // index into Plan::apps
  uint64_t bytes = 0;
  size_t first_finding = 0;    // this file's findings: Plan::findings[first_finding,
                               //   first_finding + finding_count)
  std::shared_ptr<const rules::VendoredLibrary> library;  // the scan file's
  PlanDocMode doc_mode;              // document mode evidence (pages only)
  std::vector<uint32_t> loads;       // resolved references: indices into Plan::files, sorted
  // Copied from the FileResult as the scan recorded them, so that a JSON report carries
  // everything needed to rebuild the plan from several reports (iescan merge).
  std::vector<SharedText> references;  // resources it loads, as written, sorted
  std::vector<std::string> warnings;
  uint32_t lines = 0;
  uint32_t finding_count = 0;
  SeverityCounts by_severity;
  uint32_t reach = 0;                // pages that load this file, itself included
  uint32_t folded_findings = 0;
  scanner::KindInfo kind;
  bool is_url = false;
  bool page = false;                 // counted as a page (report/reach.h)
  bool context_only = false;
};

// The plan's files: read like a std::vector<PlanFile>, but each file is held as a fixed-size
// record in a RecordStore and its lists (document-mode evidence, references, warnings, loads)
// in two side stores, so that past a budget a large plan's files are on disk like its
// findings. A PlanFile is unpacked for every read and returned by value; change files with
// Update, which walks them in order and stores what changed.
//
// Thread-safety: as RecordStore's: the const members may be called from many threads at
// once; push_back, Update and SpillAfter need the store to themselves.
class PlanFiles {
  // What a file keeps in the record store: its fixed fields, and where its lists are.
  struct Record {
    SharedText path;
    SharedText root;
    SharedText app;
    SharedText encoding;
    SharedText encoding_source;
    SharedText built_for;
    SharedText compat_mode;
    uint64_t bytes = 0;
    uint64_t first_finding = 0;
    uint64_t texts = 0;  // evidence, then references, then warnings, in texts_
    uint64_t loads = 0;  // in loads_
    uint32_t evidence_count = 0;
    uint32_t reference_count = 0;
    uint32_t warning_count = 0;
    uint32_t load_count = 0;
    uint32_t app_index = 0;
    uint32_t library = 0;  // 1 + index into libraries_; 0: none
    uint32_t lines = 0;
    uint32_t finding_count = 0;
    uint32_t reach = 0;
    uint32_t folded_findings = 0;
    SeverityCounts by_severity;
    scanner::KindInfo kind;
    bool is_url = false;
    bool page = false;
    bool context_only = false;
  };

 public:
  // Past `bytes` of file records, later ones go to a temporary file (the lists' stores get a
  // quarter of it each); kNeverSpill (the default) keeps every file in memory.
  void SpillAfter(size_t bytes);

  size_t size() const { return records_.size(); }
  bool empty() const { return records_.empty(); }
  // Whether some files are on disk.
  bool spilled() const { return records_.spilled(); }
  void reserve(size_t n) { records_.reserve(n); }
  void push_back(const PlanFile& file);
  const PlanFile operator[](size_t i) const { return Unpack(records_[i]); }
  const PlanFile front() const { return (*this)[0]; }
  const PlanFile back() const { return (*this)[size() - 1]; }

  // Calls fn(file, index) on every file in order and keeps what it changed. One pass over
  // the records on disk: each block is read and written once.
  template <typename Fn>
  void Update(Fn&& fn) {
    records_.Update([&](Record& record, size_t i) {
      PlanFile file = Unpack(record);
      fn(file, i);
      Repack(file, &record);
    });
  }

  using const_iterator = ByValueIterator<PlanFiles, PlanFile>;
  const_iterator begin() const { return const_iterator(this, 0); }
  const_iterator end() const { return const_iterator(this, size()); }

 private:
  PlanFile Unpack(const Record& record) const;
  // Stores `file` into `record`: fixed fields in place; a list that changed is rewritten
  // in place when its length is the same, else appended to its store.
  void Repack(const PlanFile& file, Record* record);
  uint32_t LibraryIndex(const std::shared_ptr<const rules::VendoredLibrary>& library);

  RecordStore<Record> records_;
  RecordStore<SharedText> texts_;
  RecordStore<uint32_t> loads_;
  // The few distinct libraries the files are copies of, shared with the scan's results.
  std::vector<std::shared_ptr<const rules::VendoredLibrary>> libraries_;
  std::unordered_map<const rules::VendoredLibrary*, uint32_t> library_index_;  // 1 + index
};

// The fields are grouped by size (pointers and texts, then 32-bit, then one-byte values) so
// that a large plan's hundreds of thousands of findings carry no padding between them.
struct PlanFinding {
  const rules::Rule* rule = nullptr;  // borrowed from the Catalog; never null
  size_t file_index = 0;              // index into Plan::files
  // Held once per process (scanner/core/shared_text.h): they repeat across findings.
  SharedText path;                    // the file's path (PlanFile::path)
  SharedText rule_id;
  SharedText category;
  SharedText title;     // the rule's title
  SharedText message;   // in English; writers re-render it in their language from
  SharedText match;     //   the rule, `match` and `detail` (report/i18n.h)
  rules::SnippetText snippet;  // may hold invalid UTF-8; writers must cope
  SharedText detail;    // ProgID, CLSID...; may be empty
  double priority_score = 0;  // report/priority.h, one decimal
  // Stable identity for baselines and SARIF, "HASH:N" (report/fingerprint.h): the one the
  // run assigned (Finding::fingerprint), else computed from rule id, root-relative path,
  // whitespace-normalised snippet and the occurrence among identical ones in the file.
  // Survives lines moving; see docs/output-formats.md.
  InlineText fingerprint;
  // Kept in every report but never gating: covered by an iescan-disable comment (with
  // this reason), or already recorded in the --baseline file ("unchanged"; "new"; ""
  // without a baseline). See `suppressed` below.
  SharedText suppression_reason;
  SharedText baseline;
  uint32_t line = 0;    // original file coordinates, 1-based; column in
  uint32_t column = 0;  // code points
  uint32_t end_line = 0;
  uint32_t end_column = 0;
  uint32_t reach = 0;   // the file's reach
  // As the engine recorded them (see PlanFile::references): text offsets of the construct,
  // and (effort_override, below) Finding::effort when it overrides the rule's effort.
  uint32_t offset = 0;
  uint32_t end_offset = 0;
  rules::Severity severity = rules::Severity::kMedium;
  rules::Confidence confidence = rules::Confidence::kHigh;
  rules::Effort effort = rules::Effort::kSmall;  // Finding::effort, else the rule's
  scanner::Language language = scanner::Language::kHtml;
  rules::Guard guard = rules::Guard::kNone;
  Priority priority = Priority::kP4;
  bool ie_mode = false;     // an IE-mode dependency (IeModeRules)
  bool suppressed = false;  // covered by an iescan-disable comment
  std::optional<rules::Effort> effort_override;
};
static_assert(std::is_trivially_copyable_v<PlanFinding>, "a plan's findings may be spilled");

struct PlanSkipped {
  std::string path;  // Skipped::origin
  std::string reason;
  std::string app;  // AppNameForSkipped; "" when it cannot be told
};

// A rule's share of an app's findings, for the app's top blockers.
struct RuleCount {
  std::string rule_id;
  std::string title;
  uint32_t count = 0;
  Priority priority = Priority::kP4;  // the best class among these findings
  double score = 0;                   // sum of their priority scores, one decimal
  bool operator==(const RuleCount&) const = default;
};

// How many of an app's pages want a site-list compat-mode.
struct ModeCount {
  std::string mode;  // "IE5", "IE8Enterprise", "Default", ...
  uint32_t pages = 0;
  bool operator==(const ModeCount&) const = default;
};

struct PlanApp {
  std::string name;
  uint32_t files = 0;    // scanned files
  uint32_t skipped = 0;  // skipped items grouped under this app
  uint32_t findings = 0;
  SeverityCounts by_severity;
  std::vector<size_t> file_indices;  // into Plan::files, in file order

  // From the app map (empty / nullopt when the app is not in it).
  std::string owner;
  std::optional<uint64_t> users;
  std::vector<std::string> urls;

  uint32_t pages = 0;           // files counted as pages
  uint64_t lines = 0;           // lines of all its scanned files
  uint32_t distinct_rules = 0;  // rules with at least one finding here
  PriorityCounts by_priority;
  AppStatus status = AppStatus::kReady;
  uint32_t readiness_score = 100;       // 0-100
  double complexity = 1;                // effort multiplier, two decimals
  double effort_hours = 0;              // one decimal
  std::vector<RuleCount> top_blockers;  // by score, then rule id; at most top_blockers
  // Why the app needs IE mode, one line per dependency kind:
  // "activex.object-classid x2 (first: hr/index.asp:14:3, clsid:...)", "HTA: hr/tool.hta".
  std::vector<std::string> ie_mode_reasons;
  // The Enterprise Mode site-list entry: host/path without protocol or query ("" when no
  // URL is known), the compat-mode chosen from the pages' document modes, and the counts
  // it was chosen from (by count, most first, then most legacy first).
  std::string site_url;
  std::string compat_mode = "Default";
  std::vector<ModeCount> compat_modes;
  uint32_t migration_rank = 0;  // 1-based position in Plan::migration_order
};

// One step of the organisation's migration order (docs/priority.md).
struct MigrationStep {
  size_t app_index = 0;  // into Plan::apps
  std::string app;
  AppStatus status = AppStatus::kReady;
  // "switch" (Ready: verify and move to a modern browser), "fix" (Minor fixes,
  // Migration needed), "ie-mode-now" (Blocked: put it in the site list now).
  std::string action;
  double value = 0;         // users when the app map knows them, else pages
  std::string value_basis;  // "users" or "pages"
  double effort_hours = 0;
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
  PriorityCounts by_priority;
  std::array<uint32_t, 4> by_status{};  // apps per AppStatus (indexed by its value)
  double effort_hours = 0;              // sum over apps, one decimal
};

struct Plan {
  std::string tool_name{kToolName};
  std::string tool_version;
  std::vector<std::string> roots;  // as given, in command-line order
  bool complete = true;            // false: interrupted or a budget ran out
  ShardInfo shard;                 // the share of a sharded scan; inactive otherwise
  PlanSummary summary;
  std::vector<PlanApp> apps;
  // Read them by value (plan.files[i], or a range-for), like the findings.
  PlanFiles files;
  // Read them by value (plan.findings[i], or a range-for): past PlanOptions::spill_after
  // they are on disk (report/record_store.h).
  RecordStore<PlanFinding> findings;
  std::vector<PlanSkipped> skipped;
  std::vector<PlanRule> rules;
  std::vector<MigrationStep> migration_order;
  int64_t created = 0;  // PlanOptions::created
};

// Builds the plan of `scan`. Findings without a rule (which the engine never produces)
// are left out. Never fails.
Plan BuildPlan(const ScanResult& scan, const PlanOptions& options);
// The same, taking the files and their findings over from `scan`, which is left with no
// files (its roots and skipped items stay): a large scan's results are then never held
// twice.
Plan BuildPlan(ScanResult&& scan, const PlanOptions& options);

}  // namespace iescan::report
