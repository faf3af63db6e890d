// The scan runner: lists the sources, then reads, decodes and scans files on `jobs`
// threads, each with its own state, and gathers per-file results in a deterministic order
// (the output is byte-identical whatever the thread count).
//
// Thread-safety: RunScan is re-entrant; it owns its worker threads for the call.
#pragma once

#include <atomic>
#include <optional>
#include <set>
#include <functional>
#include <string>
#include <vector>

#include "cli/crawl_runner.h"
#include "cli/scan_stats.h"
#include "cli/shard.h"
#include "report/record_store.h"
#include "report/scan_result.h"
#include "rules/engine/engine.h"
#include "scanner/crawl/crawler.h"
#include "scanner/source/walker.h"

namespace iescan::app {

struct ScanOptions {
  std::vector<std::string> roots;     // paths, and http(s) URLs to crawl (may be mixed)
  scanner::WalkOptions walk;
  scanner::CrawlOptions crawl;        // for URL roots
  std::function<void(const scanner::CrawlProgress&)> crawl_progress;  // optional
  rules::EngineOptions engine;
  unsigned jobs = 0;  // 0 = all cores
  // When set, only these files (absolute, lexically normal paths; see changed_files.h) are
  // scanned, plus the files under the roots that they load, marked context_only.
  std::optional<std::set<std::string>> only_files;
  // Set (from a signal handler) to stop: files not started yet are not scanned, and the
  // result is marked incomplete. Borrowed; may be null.
  const std::atomic<bool>* cancel = nullptr;
  // --stats: when set, the time of each stage of the path scan is added here. Borrowed.
  ScanStats* stats = nullptr;
  // --shard K/N: only this share of the listed files (and of the seed URLs) is scanned;
  // the roots are recorded in full (cli/shard.h).
  Shard shard;
  // Past this many bytes of findings held in memory, each further file's findings go to a
  // temporary file (ScanResult::spill; --spill-after). kNeverSpill: all stay in memory.
  size_t spill_after = report::kNeverSpill;
};

// Runs the scan. Roots that are http(s) URLs are crawled (see cli/crawl_runner.h) and their
// resources scanned like files; results of both kinds are merged and sorted by display.
// Fails only on a usage problem (a root that does not exist, a bad crawl option); every
// per-file or per-URL problem becomes a Skipped item.
Result<report::ScanResult> RunScan(const rules::Engine& engine, const ScanOptions& options);

// The outcome of one resource: a FileResult, or a Skipped item when it could not be
// scanned.
struct BlobOutcome {
  bool scanned = false;
  report::FileResult file;   // valid when scanned
  scanner::Skipped skipped;  // valid when !scanned and !cancelled
  bool cancelled = false;    // not started: the run was interrupted
  // Set when the scan wrote the whole file to disk (report::SpilledFile): `file` is empty.
  std::optional<report::SpilledFile> spilled;
};

// Scans one in-memory blob through the same stages (decode, engine). Used by the runner,
// the crawler and tests.
BlobOutcome ScanBlob(const rules::Engine& engine, const scanner::Blob& blob,
                     scanner::KindInfo kind);
// The same, adding the decode and engine times to *stats (null: not timed).
BlobOutcome ScanBlob(const rules::Engine& engine, const scanner::Blob& blob,
                     scanner::KindInfo kind, ScanStats* stats);

}  // namespace iescan::app
