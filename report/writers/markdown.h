// The Markdown writer: a summary sized for a pull-request comment or a wiki page
// (GitHub-flavoured Markdown).
//
// Content: a heading; one paragraph of totals (files, skipped, apps, findings per
// severity and per priority, estimated effort) and a warning line when the scan was
// incomplete; a table of apps (status, readiness score, effort hours, P1 count, findings,
// files; at most `max_apps` rows, the rest counted); the `top_findings` findings of
// highest priority score (ties in report order) with plain-text locations (no links);
// and the first `max_apps` steps of the migration order.
// Every string from a scanned file goes through MarkdownText (entities for < > &,
// backslash escapes for Markdown specials) or MarkdownCode (snippets as code spans),
// so a snippet such as `<script>alert(1)</script>` or a '|' can neither inject HTML nor
// break a table.
//
// Thread-safety: re-entrant; writes only to `out`.
#pragma once

#include <cstddef>
#include <ostream>

#include "report/i18n.h"
#include "report/plan.h"
#include "scanner/core/status.h"

namespace iescan::report {

struct MarkdownOptions {
  size_t top_findings = 10;
  size_t max_apps = 50;
  size_t max_message = 160;  // code points of a finding's message before "…"
  // Language of the headings, fixed wording, statuses and finding messages (report/i18n.h);
  // `messages` null means BuiltinMessages().
  Lang lang = Lang::kEn;
  const Messages* messages = nullptr;
};

// Writes the summary. Fails only when `out` reports an error.
Status WriteMarkdown(const Plan& plan, const MarkdownOptions& options, std::ostream& out);

}  // namespace iescan::report
