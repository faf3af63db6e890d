// The JSON writer: the machine-readable report, schema "iescan-report/1" (revision 1.1).
//
// The document is described field by field in docs/json-output.md and by the JSON Schema
// docs/schema/iescan-report-1.schema.json. Its bytes are stable: keys in a fixed order,
// two-space indentation, UTF-8 text (non-ASCII written as is), a final newline, and the
// Plan's ordering for every array, so two runs over the same files give identical files.
// Invalid UTF-8 in a string from a scanned file (a snippet, a path) is replaced by U+FFFD,
// never an error.
//
// Arrays are written element by element, so memory stays proportional to one finding, not
// to the whole report; the bytes are the same as dumping the whole document at once.
//
// Thread-safety: re-entrant; writes only to `out`.
#pragma once

#include <ostream>
#include <string_view>

#include "report/plan.h"
#include "scanner/core/status.h"

namespace iescan::report {

// The value of the report's "schema" key. Bumped only for a change that removes a field
// or changes a meaning; additions keep it.
inline constexpr std::string_view kJsonSchemaVersion = "iescan-report/1";
// The revision within the major version, the "schema_minor" key: 1 added each file's raw
// scan data (root, references, library...) and each finding's match, offsets and effort
// override, so that reports of a sharded scan merge losslessly (`iescan merge`).
inline constexpr int kJsonSchemaMinor = 2;

struct JsonOptions {
  // Threads that may format the files and findings arrays (the bytes do not depend on
  // it): the scan's thread count, so that a large report is written as fast as the files
  // were scanned.
  unsigned threads = 1;
};

// Writes the report. Fails only when `out` reports an error.
Status WriteJson(const Plan& plan, const JsonOptions& options, std::ostream& out);

}  // namespace iescan::report
