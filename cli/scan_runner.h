// The scan runner: lists the sources, then reads, decodes and scans files on `jobs`
// threads, each with its own state, and gathers per-file results in a deterministic order
// (the output is byte-identical whatever the thread count).
//
// Thread-safety: RunScan is re-entrant; it owns its worker threads for the call.
#pragma once

#include <string>
#include <vector>

#include "report/scan_result.h"
#include "rules/engine/engine.h"
#include "scanner/source/walker.h"

namespace iescan::app {

struct ScanOptions {
  std::vector<std::string> roots;
  scanner::WalkOptions walk;
  rules::EngineOptions engine;
  unsigned jobs = 0;  // 0 = all cores
};

// Runs the scan. Fails only on a usage problem (a root that does not exist); every
// per-file problem becomes a Skipped item.
Result<report::ScanResult> RunScan(const rules::Engine& engine, const ScanOptions& options);

// The outcome of one resource: a FileResult, or a Skipped item when it could not be
// scanned.
struct BlobOutcome {
  bool scanned = false;
  report::FileResult file;   // valid when scanned
  scanner::Skipped skipped;  // valid when !scanned
};

// Scans one in-memory blob through the same stages (decode, engine). Used by the runner,
// the crawler and tests.
BlobOutcome ScanBlob(const rules::Engine& engine, const scanner::Blob& blob,
                     scanner::KindInfo kind);

}  // namespace iescan::app
