// --stats: where a scan spent its time, per stage and per rule, summed over every worker
// thread (so on an idle machine the stage times add up to about the CPU time, not the wall
// time).
//
// Thread-safety: a ScanStats is filled by one thread; merge per-thread copies with Add.
#pragma once

#include <cstdint>
#include <ostream>

#include "rules/engine/catalog.h"
#include "rules/engine/engine.h"

namespace iescan::app {

struct ScanStats {
  uint64_t wall_ns = 0;    // the whole RunScan call
  uint64_t list_ns = 0;    // walking the trees (wall time of the listing)
  uint64_t read_ns = 0;    // reading files
  uint64_t decode_ns = 0;  // charset detection and conversion to UTF-8
  uint64_t files_read = 0;
  uint64_t bytes_read = 0;
  rules::EngineStats engine;
  void Add(const ScanStats& other);
};

// Prints the stage table and the `top_rules` rules that took longest (regex and check
// rules: token, element and CSS matchers share one traversal per region, timed as a
// whole per language). `report_ns` is the time spent building and writing reports.
void PrintScanStats(const ScanStats& stats, uint64_t report_ns, const rules::Catalog& catalog,
                    std::ostream& out, size_t top_rules = 15);

}  // namespace iescan::app
