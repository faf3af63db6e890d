// Reading an iescan JSON report back: the inverse of the JSON writer for everything a Plan
// is built from. `iescan merge` reads the reports of a sharded scan with it, joins them and
// builds one plan, byte-identical to the plan of one unsharded run.
//
// What is read: roots, completeness, each file's raw scan data (origin, kind, encoding,
// size, lines, references as written, document-mode evidence, vendored library, folded
// count, context_only, warnings), each finding's raw fields (rule, message, match,
// offsets, positions, snippet, language, guard, detail, effort override, fingerprint,
// suppression, baseline state) and the skipped items. Everything derived (apps, reach,
// priorities, summaries) is ignored: BuildPlan computes it again from the union.
//
// Reports must be schema "iescan-report/1" with "schema_minor" 1 or later (older reports
// lack the raw data). Rules are resolved by id against `catalog`, which must hold every
// rule the report names (same --rules directories and configuration as the scan).
//
// Thread-safety: re-entrant. The returned result borrows `catalog`.
#pragma once

#include <string>
#include <string_view>

#include "report/scan_result.h"
#include "rules/engine/catalog.h"
#include "scanner/core/status.h"

namespace iescan::report {

// Parses `text`, the content of the report named `name` (used in every error message:
// "NAME: not an iescan JSON report", "NAME: unknown rule id 'x'", ...). Files come back in
// report order, each with its findings in report order.
Result<ScanResult> ReadJsonReport(std::string_view text, const std::string& name,
                                  const rules::Catalog& catalog);

}  // namespace iescan::report
