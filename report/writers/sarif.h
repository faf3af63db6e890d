// The SARIF writer: the report as a SARIF 2.1.0 log (OASIS Static Analysis Results
// Interchange Format), for code-scanning dashboards and IDEs. Valid against the official
// schema; the mapping from the Plan is documented in docs/output-formats.md:
//   - one run; tool.driver names iescan with its version and lists, with their index
//     used by results, the rules that fired (id, name, descriptions, help from the rule's
//     documentation, category/severity/tags properties);
//   - one result per finding: level error (blocker, high), warning (medium) or note
//     (low); location relative to the scan root (uriBaseId "SRCROOT", "SRCROOT2"... per
//     root, defined in originalUriBaseIds from the root as given, so the output does not
//     depend on the directory iescan ran in); region with line, column (code points,
//     run.columnKind "unicodeCodePoints"), end and snippet; partialFingerprints
//     "iescanFingerprint/v1" = the Plan's fingerprint (stable when lines move); rank and
//     properties priority, priorityScore, guard, severity, app, reach;
//   - skipped files as warning toolExecutionNotifications of the single invocation, whose
//     executionSuccessful is false only when the scan was incomplete.
// Bytes are stable like the JSON report's: fixed key order, two-space indentation, a final
// newline, Plan order throughout; results are written one at a time.
//
// Thread-safety: re-entrant; writes only to `out`.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "report/plan.h"
#include "scanner/core/status.h"

namespace iescan::report {

inline constexpr std::string_view kSarifSchemaUri =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
    "sarif-schema-2.1.0.json";

struct SarifOptions {
  // tool.driver.informationUri: where people learn about the tool; left out when empty.
  std::string information_uri;
};

// Writes the log. Fails only when `out` reports an error.
Status WriteSarif(const Plan& plan, const SarifOptions& options, std::ostream& out);

// `path` as a URI reference: every byte other than unreserved characters (A-Z a-z 0-9
// - . _ ~) and '/' percent-encoded ("勤怠/a b.htm" -> "%E5%8B%A4%E6%80%A0/a%20b.htm").
std::string PercentEncodePath(std::string_view path);

}  // namespace iescan::report
