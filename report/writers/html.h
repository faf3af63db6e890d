// The HTML writer: the manager-facing migration report, one self-contained file that
// works offline from a file share.
//
// Content: a header (tool, version, roots, creation time when the Plan has one); an
// overview (totals, a warning when the scan was incomplete, SVG bar charts of readiness
// per app, findings by rule family and by severity, and effort per app); the migration
// order with the apps that need IE mode now flagged; a sortable, filterable table of apps;
// one section per app (readiness facts, IE-mode reasons, top blockers, skipped items and
// its findings: file:line:column, rule, severity, priority, guard, message and snippet);
// every fired rule with its replacement and its documentation (a safe Markdown subset,
// report/writers/html_markdown.h); and the skipped files with their reasons.
//
// Safety: one inline <style> and one inline <script> (report/writers/html_assets.h),
// allowed by a Content-Security-Policy <meta> naming their SHA-256 hashes; default-src
// 'none', so nothing is ever fetched (no fonts, images, frames or connections) and no
// injected element could run. Every string from the Plan is escaped for its context
// (report/writers/html_escape.h); URLs and references are text, never links. The data the
// script needs is a <script type="application/json"> island read with JSON.parse.
//
// Output depends only on the Plan and the options (no clock, no locale, no environment).
// Large scans stay usable: at most `max_findings_per_app` findings are rendered per app
// and `max_findings_total` in all, with a note giving the full count.
//
// Thread-safety: re-entrant; writes only to `out`.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>

#include "report/i18n.h"
#include "report/plan.h"
#include "scanner/core/status.h"

namespace iescan::report {

// The default title; left as it is, the title follows the language (html.title).
inline constexpr std::string_view kDefaultHtmlTitle = "Internet Explorer migration report";

struct HtmlOptions {
  std::string title{kDefaultHtmlTitle};
  size_t max_findings_per_app = 2000;
  size_t max_findings_total = 50000;
  size_t max_chart_rows = 40;  // apps or families per chart; the rest are counted
  // Language of the page (<html lang>, font stack, headings, labels, statuses, rule titles,
  // messages and replacements; report/i18n.h); `messages` null means BuiltinMessages().
  // Rule documentation is shown in English, with a note, in other languages. Class names,
  // data attributes and the JSON island stay English so the page's script and styles work
  // the same in every language.
  Lang lang = Lang::kEn;
  const Messages* messages = nullptr;
};

// Writes the report. Fails only when `out` reports an error.
Status WriteHtml(const Plan& plan, const HtmlOptions& options, std::ostream& out);

}  // namespace iescan::report
