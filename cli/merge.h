// `iescan merge`: joins the JSON reports of a sharded scan (`iescan scan --shard K/N`) into
// one report in any format, byte-identical to the report of the unsharded run when the
// shards were run with the same roots, options and configuration.
//
// The merge reads each report's raw scan data (report/json_read.h), joins them and builds
// the plan with the same PlanOptions a scan uses (configuration file, app map, priority
// weights, SOURCE_DATE_EPOCH), so reach, app grouping, priorities and every count are
// computed from the union, never added up from the shards.
//
// Joining: roots are the union in command-line order (first appearance); the result is
// complete only when every report is. A file (same path, root and kind of origin) present
// in several reports must carry identical scan data there (a file a crawl reached from two
// seeds, a file two --changed-since shards loaded as context) and is kept once; different
// data for the same file is an error naming both reports. A skipped item is kept as many
// times as the report that lists it most often lists it.
//
// Shards: a sharded scan records its share ("shard": {"index": K, "count": N}) in its JSON
// report. When any report is a shard, all of them must be shards of the same N, and every K
// from 1 to N must be given: a shard whose job failed would otherwise vanish from the
// merged report without a word. All of them must have scanned the same roots (a shard of
// another job set is not one of this one's). `--partial` merges what is given instead of
// failing on missing shards, names them on standard error and marks the report incomplete.
// A shard given twice is kept once (its files must agree, as for any file in several
// reports).
//
// Exit codes as for `iescan scan`: 0, 1 (findings at or above --fail-on), 2 (usage, an
// unreadable or foreign report, a conflict).
//
// Thread-safety: RunMerge is re-entrant.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "report/scan_result.h"
#include "scanner/core/status.h"

namespace CLI {
class App;
}  // namespace CLI

namespace iescan::app {

struct MergeFlags {
  std::vector<std::string> inputs;   // JSON reports, in command-line order
  std::vector<std::string> outputs;  // -o FILE (format from the extension)
  std::string format;                // --format on standard output
  std::string fail_on;               // default: the configuration's, else blocker
  std::string config_path;           // --config; else .iescan.json from the first root
  std::vector<std::string> rule_dirs;
  std::string lang;                  // --lang en|ja; empty: the configuration's, else en
  std::string color = "auto";
  bool quiet = false;
  bool strict = false;
  bool partial = false;  // --partial: merge even when shards are missing (report incomplete)
};

// Adds the `merge` subcommand to `app`, filling `flags`; returns it.
CLI::App* AddMergeCommand(CLI::App* app, MergeFlags* flags);

// Joins already-read reports (see the header comment). `names` name them in errors.
Result<report::ScanResult> MergeScans(std::vector<report::ScanResult> scans,
                                      const std::vector<std::string>& names);

// Checks that `scans` are either no shards or every shard of one sharded scan (see the
// header comment); `names` name them in errors. With `partial`, missing shards are not an
// error: *missing then lists them ("2/3, 5/6"), else it is left empty.
Status CheckShards(const std::vector<report::ScanResult>& scans,
                   const std::vector<std::string>& names, bool partial, std::string* missing);

// Runs `iescan merge`; returns the exit code.
int RunMerge(const MergeFlags& flags, const char* version, std::ostream& out, std::ostream& err);

}  // namespace iescan::app
