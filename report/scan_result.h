// ScanResult: everything one run of the pipeline produced, before any prioritisation:
// per-file findings, skipped resources, and run facts. The report layer turns it into a
// Plan; writers only ever see the Plan.
//
// Thread-safety: plain value; filled by the scan runner, then read-only.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "rules/engine/catalog.h"
#include "rules/engine/engine.h"
#include "rules/engine/finding.h"
#include "scanner/core/spill_file.h"
#include "scanner/source/blob.h"
#include "scanner/source/file_kind.h"

namespace iescan::report {

struct FileResult {
  scanner::Origin origin;
  scanner::KindInfo kind;
  std::string encoding;           // source encoding, e.g. "Shift_JIS"
  std::string encoding_source;    // "bom", "meta", "detected", ...
  uint64_t bytes = 0;
  uint32_t lines = 0;
  // Sorted by position, then rule id. In a large scan they may be in the scan's spill file
  // instead (`spilled`): read them with TakeFindings / ReadFindings below.
  std::vector<rules::Finding> findings;
  std::vector<std::string> warnings;
  rules::DocumentModeInfo doc_mode;      // pages only
  std::vector<std::string> references;   // resources it loads, as written (see FileScan)
  // Scanned only because a selected file loads it (--changed-since / --files-from): its
  // findings count for reach but never fail the run.
  bool context_only = false;
  // A bundled copy of a well-known library (jQuery 1.4.2, html5shiv, ...): reported once as
  // vendored.library; the other findings inside it are folded (counted, not listed) unless
  // the scan ran with include_vendored.
  // Shared, not copied, with the plan file: most files are no library.
  std::shared_ptr<const rules::VendoredLibrary> library;
  uint32_t folded_findings = 0;
  // Where the findings are when they are not in `findings`: `count` records of
  // ScanResult::spill from byte `offset`.
  struct Spilled {
    uint64_t offset = 0;
    uint32_t count = 0;
  } spilled;
};

// Which share of a sharded scan (`iescan scan --shard K/N`) a result holds; count 0: the
// whole scan. Recorded in the JSON report so that `iescan merge` can tell a missing shard.
struct ShardInfo {
  uint32_t index = 0;  // K, 1-based
  uint32_t count = 0;  // N; 0 = not sharded
  bool active() const { return count > 0; }
  bool operator==(const ShardInfo&) const = default;
};

// A scanned file whose record went to ScanResult::spill in a large scan: 40 bytes, where a
// FileResult with its strings takes a kilobyte. LoadFile brings back the rest, path and
// root included: a large tree's paths are most of what grows with it, so the stubs keep no
// path, and no path is pooled (SharedText) before the plan takes the files over.
struct SpilledFile {
  std::shared_ptr<const rules::VendoredLibrary> library;
  uint64_t record = 0;  // the rest of the FileResult: record_size bytes of the spill
  uint32_t record_size = 0;
  // Where the file sorts among the scan's files: its place in the listing it came from,
  // which is sorted as the plan sorts files (by path). Stubs are put in plan order by it
  // without reading their paths back; stubs with the same order (a producer that sets
  // none) are sorted by loading them.
  uint32_t order = 0;
  bool is_url = false;
  bool context_only = false;
};

struct ScanResult {
  std::vector<std::string> roots;        // as given on the command line (paths or URLs)
  // Every scanned file. A deque, one block per file, so that the plan can release each file
  // as it takes it over (report/plan.h) instead of holding all of them to the end.
  std::deque<FileResult> files;
  // More scanned files, whose records are on disk (a large scan; see SpilledFile). Visit
  // every file with ForEachFile below. A deque for the same reason as `files`, and so that
  // a large scan's stubs never move into a reallocated array twice their size.
  std::deque<SpilledFile> spilled_files;
  std::vector<scanner::Skipped> skipped; // sorted by origin
  const rules::Catalog* catalog = nullptr;  // borrowed; outlives the result
  bool complete = true;                  // false when interrupted or a budget ran out
  ShardInfo shard;                       // the share of a sharded scan; inactive otherwise
  // The findings a large scan wrote to disk (FileResult::spilled); null when it wrote none.
  std::shared_ptr<SpillFile> spill;
};

// A file's findings, wherever they are (in memory or in the scan's spill file). Take moves
// them out of memory (a spilled file's stay on disk); Read copies them; Put stores changed
// findings back where they came from (the same number of them). Reading the spill may throw
// SpillError.
std::vector<rules::Finding> TakeFindings(ScanResult& scan, FileResult& file);
std::vector<rules::Finding> ReadFindings(const ScanResult& scan, const FileResult& file);
void PutFindings(ScanResult& scan, FileResult& file, std::vector<rules::Finding> findings);
// Writes the file's findings to `spill` and frees them; false (findings kept) when the disk
// refused them or there are none.
bool SpillFindings(SpillFile& spill, FileResult& file);

// Writes the whole file to `spill` (findings first, unless they are there already);
// nullopt when the disk refused (the file may then have its findings spilled, nothing else).
std::optional<SpilledFile> SpillWholeFile(SpillFile& spill, FileResult&& file);
// The file back from the spill; its findings stay there (TakeFindings / ReadFindings).
FileResult LoadFile(const ScanResult& scan, const SpilledFile& file);
// Every scanned file: those in memory in order, then the spilled ones, each loaded for the
// call. A spilled file's changes are dropped after the call, except its findings' through
// PutFindings.
template <typename Fn>
void ForEachFile(ScanResult& scan, Fn&& fn) {
  for (FileResult& file : scan.files) fn(file);
  for (const SpilledFile& spilled : scan.spilled_files) {
    FileResult file = LoadFile(scan, spilled);
    fn(file);
  }
}
template <typename Fn>
void ForEachFile(const ScanResult& scan, Fn&& fn) {
  for (const FileResult& file : scan.files) fn(file);
  for (const SpilledFile& spilled : scan.spilled_files) {
    const FileResult file = LoadFile(scan, spilled);
    fn(file);
  }
}

}  // namespace iescan::report
