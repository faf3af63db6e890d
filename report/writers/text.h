// The text writer: the human-readable report printed to a terminal (or a .txt file).
//
// Output, in this order:
//   findings   one line each, in plan order:
//                path:line:column: severity: message [rule-id]
//   skipped    one line each: `path: skipped: reason`
//   (a blank line when any of the above was written)
//   summary    "5 files scanned, 1 skipped, 7 findings (3 blocker, 2 high, 1 medium, 1 low)"
//              then, when there is any app,
//                "priority: 2 P1, 3 P2, 1 P3, 1 P4; estimated effort 20.5 h"
//                "apps: 1 ready, 0 minor fixes, 1 migration needed, 1 blocked (needs IE mode)"
//              followed by a warning line when the scan was incomplete
//   apps       after a blank line, when there is any app: a table (app, files, skipped,
//              blocker, high, medium, low, P1, score, effort(h), status); the app and
//              status columns are left-aligned, numbers right-aligned, and widths are
//              display widths (a kanji counts two columns); then one line
//                "migration order: 1. a, 2. b, 3. c (IE mode now)"
// With a language other than English every fixed word, severity, status and message comes
// from the message catalogue (report/i18n.h), e.g. "5 ファイルを検査、..."; the layout is
// the same.
// Strings from scanned files are passed through SanitizeForTerminal, so a message or path
// can never carry a terminal escape sequence. With `color`, severities are coloured and
// rule ids dimmed with ANSI SGR codes; deciding whether to colour (TTY, NO_COLOR) is the
// caller's job.
//
// Thread-safety: re-entrant; writes only to `out`.
#pragma once

#include <ostream>

#include "report/i18n.h"
#include "report/plan.h"
#include "scanner/core/status.h"

namespace iescan::report {

struct TextOptions {
  bool color = false;
  // Only the summary, the incomplete-scan warning and the app table: no finding or
  // skipped lines (for a terminal while full reports go to files).
  bool summary_only = false;
  // Language of the fixed wording, rule messages, severities and statuses; `messages` null
  // means BuiltinMessages(). Paths, rule ids, P1-P4 and skip reasons stay as they are.
  Lang lang = Lang::kEn;
  const Messages* messages = nullptr;
};

// Writes the report. Fails only when `out` reports an error.
Status WriteText(const Plan& plan, const TextOptions& options, std::ostream& out);

}  // namespace iescan::report
