// The CSV writer: one row per finding, for spreadsheets and ticket imports.
//
// UTF-8 with a byte-order mark (so that Excel reads Japanese paths correctly), CRLF line
// ends and RFC 4180 quoting. Columns, in this order, after a header row of these names:
//   app, path, line, column, rule, category, severity, priority, guard, effort, message,
//   snippet
// Rows follow the Plan's finding order. Every text cell goes through CsvCell: invalid
// UTF-8 becomes U+FFFD, and a cell starting with '=', '+', '-', '@', tab or CR gets a
// leading apostrophe so that a spreadsheet shows it as text instead of running it.
//
// Thread-safety: re-entrant; writes only to `out`.
#pragma once

#include <ostream>

#include "report/plan.h"
#include "scanner/core/status.h"

namespace iescan::report {

struct CsvOptions {};

// Writes the table. Fails only when `out` reports an error.
Status WriteCsv(const Plan& plan, const CsvOptions& options, std::ostream& out);

}  // namespace iescan::report
