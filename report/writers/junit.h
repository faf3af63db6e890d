// The JUnit XML writer: the report as test results, so that any CI server shows IE-only
// constructs as failing tests with counts per app. Layout (docs/output-formats.md):
//   <testsuites name="iescan" tests= failures= errors="0" skipped=>
//     <testsuite name="APP" tests= failures= errors="0" skipped=>   one per app, app order
//       <testcase classname="PATH" name="RULE-ID">                   one per (file, rule)
//         <failure message="N findings (lines 12, 40)" type="SEVERITY">   with findings
//           one line per finding: path:line:column: severity Pn: message / snippet
//         </failure>
//       </testcase>
//       <testcase classname="PATH" name="no IE-only constructs"/>    a clean scanned file
//       <testcase classname="PATH" name="scan"><skipped message="REASON"/></testcase>
// One test case per (file, rule) rather than per finding keeps large legacy files from
// drowning a CI page while still naming every line. Written with libxml2's xmlTextWriter;
// text from scanned files is made XML-safe first.
//
// Thread-safety: re-entrant; writes only to `out`.
#pragma once

#include <ostream>

#include "report/plan.h"
#include "scanner/core/status.h"

namespace iescan::report {

struct JunitOptions {};

// Writes the document. Fails when libxml2 or `out` reports an error.
Status WriteJunit(const Plan& plan, const JunitOptions& options, std::ostream& out);

}  // namespace iescan::report
