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

struct ScanResult {
  std::vector<std::string> roots;        // as given on the command line (paths or URLs)
  // Every scanned file. A deque, one block per file, so that the plan can release each file
  // as it takes it over (report/plan.h) instead of holding all of them to the end.
  std::deque<FileResult> files;
  std::vector<scanner::Skipped> skipped; // sorted by origin
  const rules::Catalog* catalog = nullptr;  // borrowed; outlives the result
  bool complete = true;                  // false when interrupted or a budget ran out
  ShardInfo shard;                       // the share of a sharded scan; inactive otherwise
  // The findings a large scan wrote to disk (FileResult::spilled); null when it wrote none.
  std::shared_ptr<SpillFile> spill;
};

// A file's findings, wherever they are (in memory or in the scan's spill file). Take moves
// them out (the file keeps none); Read copies them; Put stores changed findings back where
// they came from (the same number of them). Reading the spill may throw SpillError.
std::vector<rules::Finding> TakeFindings(ScanResult& scan, FileResult& file);
std::vector<rules::Finding> ReadFindings(const ScanResult& scan, const FileResult& file);
void PutFindings(ScanResult& scan, FileResult& file, std::vector<rules::Finding> findings);
// Writes the file's findings to `spill` and frees them; false (findings kept) when the disk
// refused them or there are none.
bool SpillFindings(SpillFile& spill, FileResult& file);

}  // namespace iescan::report
