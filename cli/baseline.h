// Fingerprints and baselines: how CI gates only on new findings while old apps are being
// migrated.
//
// A finding's fingerprint is a hash of its rule id, its path relative to the scan root and
// its snippet with white space collapsed, followed by ":<n>" for the n-th finding with the
// same hash in that file. It survives edits elsewhere in the file and lines moving; a second
// copy of the same offending line gets a new n, so it is new.
//
// The baseline file is sorted, stable JSON (one entry per hash with a count) that diffs
// well in review. See docs/ci.md.
//
// Thread-safety: pure functions on values.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "report/scan_result.h"
#include "scanner/core/status.h"

namespace iescan::app {

// Sets Finding::fingerprint on every finding of `result`, on `threads` threads (each file
// is fingerprinted alone, so the result does not depend on the count).
// Files whose findings are in the scan's spill file are left alone: the scan runner
// fingerprints a file before it spills it.
void AssignFingerprints(report::ScanResult* result, unsigned threads = 1);
// The same for one file's findings in memory.
void AssignFileFingerprints(report::FileResult* file);

struct BaselineEntry {
  std::string key;      // the fingerprint hash (without ":<n>")
  std::string rule;
  std::string path;     // root-relative
  std::string snippet;  // for reviewers; not used for matching
  uint32_t count = 0;
};

struct Baseline {
  std::vector<BaselineEntry> entries;  // sorted by (path, rule, key)
};

// The baseline of a scan: every finding that is not suppressed.
Baseline BaselineFromScan(const report::ScanResult& result);
std::string SerializeBaseline(const Baseline& baseline);
Result<Baseline> ParseBaseline(const std::string& text, const std::string& path);
Result<Baseline> LoadBaseline(const std::string& path);

struct BaselineOutcome {
  uint32_t unchanged = 0;
  uint32_t new_findings = 0;
  std::vector<BaselineEntry> fixed;  // entries (with the count no longer seen) now gone
  Baseline pruned;                   // the baseline without what was fixed
};

// Marks each finding kNew or kUnchanged against `baseline` and reports what was fixed.
// Fingerprints must have been assigned.
BaselineOutcome ApplyBaseline(const Baseline& baseline, report::ScanResult* result);

// Root-relative path of a file ("app/x.js" for display "corpus/app/x.js", root "corpus/").
std::string RootRelativePath(const scanner::Origin& origin);

}  // namespace iescan::app
