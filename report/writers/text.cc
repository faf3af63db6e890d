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

void AppendFindings(const Plan& plan, bool color, std::string* out) {
  for (const PlanFinding& f : plan.findings) {
    if (f.suppressed || f.baseline == "unchanged") continue;  // counted, not listed
    *out += SanitizeForTerminal(f.path);
    *out += ':' + std::to_string(f.line) + ':' + std::to_string(f.column) + ": ";
    *out += Painted(rules::SeverityName(f.severity), SeverityColor(f.severity), color);
    *out += ": ";
    *out += SanitizeForTerminal(f.message);
    *out += ' ';
    *out += Painted("[" + SanitizeForTerminal(f.rule_id) + "]", kDim, color);
    *out += '\n';
  }
}

void AppendSkipped(const Plan& plan, std::string* out) {
  for (const PlanSkipped& s : plan.skipped) {
    *out += SanitizeForTerminal(s.path) + ": skipped: " + SanitizeForTerminal(s.reason) + '\n';
  }
}

std::string Hours(double hours) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.1f", hours);
  return buffer;
}

std::string_view StatusWords(AppStatus s) {
  switch (s) {
    case AppStatus::kReady:
      return "ready";
    case AppStatus::kMinorFixes:
      return "minor fixes";
    case AppStatus::kMigrationNeeded:
      return "migration needed";
    case AppStatus::kBlocked:
      return "blocked (needs IE mode)";
  }
  return "";
}

std::string Counted(uint32_t n, std::string_view singular, std::string_view plural) {
  return std::to_string(n) + ' ' + std::string(n == 1 ? singular : plural);
}

void AppendSummary(const Plan& plan, std::string* out) {
  const PlanSummary& s = plan.summary;
  *out += Counted(s.files, "file", "files") + " scanned, " + std::to_string(s.skipped) +
          " skipped, " + Counted(s.findings, "finding", "findings");
  std::string_view separator = " (";
  if (s.findings > 0) {
    for (rules::Severity sev : kSeveritiesDescending) {
      *out += separator;
      *out += std::to_string(s.by_severity[sev]) + ' ' + std::string(rules::SeverityName(sev));
      separator = ", ";
    }
    *out += ')';
  }
  *out += '\n';
  if (!plan.apps.empty()) {
    separator = "priority: ";
    for (Priority p : kPriorities) {
      *out += separator;
      *out += std::to_string(s.by_priority[p]) + ' ' + std::string(PriorityName(p));
      separator = ", ";
    }
    *out += "; estimated effort " + Hours(s.effort_hours) + " h\n";
    *out += "apps: ";
    separator = "";
    for (AppStatus st : kAppStatuses) {
      *out += separator;
      *out +=
          std::to_string(s.by_status[static_cast<size_t>(st)]) + ' ' + std::string(StatusWords(st));
      separator = ", ";
    }
    *out += '\n';
  }
  if (!plan.complete) {
    *out +=
        "warning: the scan is incomplete (interrupted or a budget ran out); "
        "counts cover only what was scanned\n";
  }
}

// The per-app table: app and status left-aligned, numbers right-aligned, two spaces
// between columns, no trailing spaces.
void AppendAppTable(const Plan& plan, std::string* out) {
  constexpr size_t kColumns = 11;
  constexpr size_t kStatusColumn = 10;
  std::vector<std::array<std::string, kColumns>> rows;
  rows.push_back({"app", "files", "skipped", "blocker", "high", "medium", "low", "P1", "score",
                  "effort(h)", "status"});
  for (const PlanApp& app : plan.apps) {
    const SeverityCounts& c = app.by_severity;
    rows.push_back(
        {app.name.empty() ? "-" : SanitizeForTerminal(app.name), std::to_string(app.files),
         std::to_string(app.skipped), std::to_string(c[rules::Severity::kBlocker]),
         std::to_string(c[rules::Severity::kHigh]), std::to_string(c[rules::Severity::kMedium]),
         std::to_string(c[rules::Severity::kLow]), std::to_string(app.by_priority[Priority::kP1]),
         std::to_string(app.readiness_score), Hours(app.effort_hours),
         std::string(AppStatusLabel(app.status))});
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
void AppendOrder(const Plan& plan, std::string* out) {
  if (plan.migration_order.empty()) return;
  *out += "migration order:";
  for (size_t i = 0; i < plan.migration_order.size(); ++i) {
    const MigrationStep& step = plan.migration_order[i];
    *out += (i == 0 ? " " : ", ") + std::to_string(i + 1) + ". " +
            (step.app.empty() ? std::string("-") : SanitizeForTerminal(step.app));
    if (step.status == AppStatus::kBlocked) *out += " (IE mode now)";
  }
  *out += '\n';
}

}  // namespace

Status WriteText(const Plan& plan, const TextOptions& options, std::ostream& out) {
  std::string text;
  if (!options.summary_only) {
    AppendFindings(plan, options.color, &text);
    AppendSkipped(plan, &text);
    if (!text.empty()) text += '\n';
  }
  AppendSummary(plan, &text);
  if (!plan.apps.empty()) {
    text += '\n';
    AppendAppTable(plan, &text);
    AppendOrder(plan, &text);
  }
  out << text;
  out.flush();
  if (!out) return Status::Error("cannot write the text report");
  return Status::Ok();
}

}  // namespace iescan::report
