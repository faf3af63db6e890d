#include "report/writers/text.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "report/writers/display_width.h"

namespace iescan::report {
namespace {

constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kDim = "\x1b[2m";

std::string_view SeverityColor(rules::Severity s) {
  switch (s) {
    case rules::Severity::kBlocker:
      return "\x1b[1;31m";  // bold red
    case rules::Severity::kHigh:
      return "\x1b[31m";  // red
    case rules::Severity::kMedium:
      return "\x1b[33m";  // yellow
    case rules::Severity::kLow:
      return "\x1b[36m";  // cyan
  }
  return "";
}

std::string Painted(std::string_view text, std::string_view sgr, bool color) {
  if (!color) return std::string(text);
  std::string out(sgr);
  out += text;
  out += kReset;
  return out;
}

void AppendFindings(const Plan& plan, const ReportText& lang, bool color, std::string* out) {
  for (const PlanFinding& f : plan.findings) {
    if (f.suppressed || f.baseline == "unchanged") continue;  // counted, not listed
    const uint32_t folded =
        f.file_index < plan.files.size() ? plan.files[f.file_index].folded_findings : 0;
    *out += SanitizeForTerminal(f.path);
    *out += ':' + std::to_string(f.line) + ':' + std::to_string(f.column) + ": ";
    *out += Painted(lang.Severity(f.severity), SeverityColor(f.severity), color);
    *out += ": ";
    *out += SanitizeForTerminal(lang.FindingMessage(f, folded));
    *out += ' ';
    *out += Painted("[" + SanitizeForTerminal(f.rule_id) + "]", kDim, color);
    *out += '\n';
  }
}

void AppendSkipped(const Plan& plan, const ReportText& lang, std::string* out) {
  for (const PlanSkipped& s : plan.skipped) {
    *out += lang.Ui("text.finding_skipped", {{"path", SanitizeForTerminal(s.path)},
                                             {"reason", SanitizeForTerminal(s.reason)}}) +
            '\n';
  }
}

std::string Hours(double hours) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.1f", hours);
  return buffer;
}

// " (3 blocker, 2 high, 1 medium, 1 low)"
std::string SeverityList(const PlanSummary& s, const ReportText& lang) {
  std::string out;
  std::string separator = lang.Ui("common.list_open");
  for (rules::Severity sev : kSeveritiesDescending) {
    out += separator + lang.Ui("common.severity_count", {{"n", std::to_string(s.by_severity[sev])},
                                                         {"name", lang.Severity(sev)}});
    separator = lang.Ui("common.list_sep");
  }
  return out + lang.Ui("common.list_close");
}

void AppendSummary(const Plan& plan, const ReportText& lang, std::string* out) {
  const PlanSummary& s = plan.summary;
  *out += lang.Ui("text.summary_totals", {{"files", lang.UiCount("count.file", s.files)},
                                          {"skipped", std::to_string(s.skipped)},
                                          {"findings", lang.UiCount("count.finding", s.findings)}});
  if (s.findings > 0) *out += SeverityList(s, lang);
  *out += '\n';
  if (!plan.apps.empty()) {
    const std::string comma = lang.Ui("common.list_sep");
    std::string separator = lang.Ui("text.summary_priority");
    for (Priority p : kPriorities) {
      *out += separator + lang.Ui("text.priority_count", {{"n", std::to_string(s.by_priority[p])},
                                                          {"name", std::string(PriorityName(p))}});
      separator = comma;
    }
    *out += lang.Ui("text.summary_effort", {{"hours", Hours(s.effort_hours)}}) + '\n';
    separator = lang.Ui("text.summary_apps");
    for (AppStatus st : kAppStatuses) {
      *out += separator + lang.Ui("text.status_count",
                                  {{"n", std::to_string(s.by_status[static_cast<size_t>(st)])},
                                   {"status", lang.StatusWords(st)}});
      separator = comma;
    }
    *out += '\n';
  }
  if (!plan.complete) *out += lang.Ui("text.incomplete") + '\n';
}

// The per-app table: app and status left-aligned, numbers right-aligned, two spaces
// between columns, no trailing spaces. Widths are display widths, so Japanese headings,
// app names and statuses line up.
void AppendAppTable(const Plan& plan, const ReportText& lang, std::string* out) {
  constexpr size_t kColumns = 11;
  constexpr size_t kStatusColumn = 10;
  std::vector<std::array<std::string, kColumns>> rows;
  rows.push_back({lang.Ui("table.app"), lang.Ui("table.files"), lang.Ui("table.skipped"),
                  lang.Ui("table.blocker"), lang.Ui("table.high"), lang.Ui("table.medium"),
                  lang.Ui("table.low"), lang.Ui("table.p1"), lang.Ui("table.score"),
                  lang.Ui("table.effort_h"), lang.Ui("table.status")});
  for (const PlanApp& app : plan.apps) {
    const SeverityCounts& c = app.by_severity;
    rows.push_back(
        {app.name.empty() ? "-" : SanitizeForTerminal(app.name), std::to_string(app.files),
         std::to_string(app.skipped), std::to_string(c[rules::Severity::kBlocker]),
         std::to_string(c[rules::Severity::kHigh]), std::to_string(c[rules::Severity::kMedium]),
         std::to_string(c[rules::Severity::kLow]), std::to_string(app.by_priority[Priority::kP1]),
         std::to_string(app.readiness_score), Hours(app.effort_hours),
         lang.StatusLabel(app.status)});
  }
  std::array<size_t, kColumns> widths{};
  for (const auto& row : rows) {
    for (size_t i = 0; i < kColumns; ++i) widths[i] = std::max(widths[i], DisplayWidth(row[i]));
  }
  for (const auto& row : rows) {
    *out += PadRight(row[0], widths[0]);
    for (size_t i = 1; i < kStatusColumn; ++i) *out += "  " + PadLeft(row[i], widths[i]);
    *out += "  " + row[kStatusColumn];
    *out += '\n';
  }
}

// "migration order: 1. a, 2. b, 3. c (IE mode now)"
void AppendOrder(const Plan& plan, const ReportText& lang, std::string* out) {
  if (plan.migration_order.empty()) return;
  *out += lang.Ui("text.migration_order");
  const std::string comma = lang.Ui("common.list_sep");
  for (size_t i = 0; i < plan.migration_order.size(); ++i) {
    const MigrationStep& step = plan.migration_order[i];
    *out += (i == 0 ? std::string(" ") : comma) + std::to_string(i + 1) + ". " +
            (step.app.empty() ? std::string("-") : SanitizeForTerminal(step.app));
    if (step.status == AppStatus::kBlocked) *out += lang.Ui("text.ie_mode_now");
  }
  *out += '\n';
}

}  // namespace

Status WriteText(const Plan& plan, const TextOptions& options, std::ostream& out) {
  const ReportText lang{options.lang, options.messages};
  std::string text;
  if (!options.summary_only) {
    AppendFindings(plan, lang, options.color, &text);
    AppendSkipped(plan, lang, &text);
    if (!text.empty()) text += '\n';
  }
  AppendSummary(plan, lang, &text);
  if (!plan.apps.empty()) {
    text += '\n';
    AppendAppTable(plan, lang, &text);
    AppendOrder(plan, lang, &text);
  }
  out << text;
  out.flush();
  if (!out) return Status::Error("cannot write the text report");
  return Status::Ok();
}

}  // namespace iescan::report
