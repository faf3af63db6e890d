// Pieces of the HTML report shared by report/writers/html.cc (page, overview, tables) and
// report/writers/html_app.cc (per-app sections, rules). Internal to the HTML writer.
//
// Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "report/i18n.h"
#include "report/plan.h"
#include "report/writers/html.h"

namespace iescan::report::html {

std::string Decimal(double value);           // "%.1f"
std::string Thousands(uint64_t value);       // 12,345
// <span class="badge st-...">Label</span>: the class is the English name, the label in
// `lang`.
std::string StatusBadge(AppStatus status, const ReportText& lang);
std::string SeverityBadge(rules::Severity severity, const ReportText& lang);
// <th> of a sortable table: a button (keyboard operable) and aria-sort.
// Numeric columns sort by number and are right-aligned unless `align_right` is false.
std::string SortableHeader(std::string_view label, bool numeric, bool align_right = true);
// The "Expand all" / "Collapse all" controls of the section with id `scope`.
std::string BulkButtons(std::string_view scope, const ReportText& lang);
// The id of an app's section / a rule's entry, safe in attributes and fragments.
std::string AppAnchor(size_t app_index);
std::string RuleAnchor(std::string_view rule_id);

// One app's section; `budget` is the number of finding rows left in the whole report and
// is reduced by the rows written.
std::string AppSection(const Plan& plan, size_t app_index, const HtmlOptions& options,
                       size_t* budget);

// Every fired rule: title, severity, replacement, references as text, rendered doc.
std::string RulesSection(const Plan& plan, const ReportText& lang);

}  // namespace iescan::report::html
