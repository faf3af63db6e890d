#include "report/writers/markdown.h"

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <string>
#include <vector>

#include "report/writers/escape.h"

namespace iescan::report {
namespace {

std::string Hours(double hours) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.1f", hours);
  return buffer;
}

std::string Counted(uint32_t n, std::string_view singular, std::string_view plural) {
  return std::to_string(n) + " " + std::string(n == 1 ? singular : plural);
}

// The first `max` code points of valid UTF-8 `text`, with "…" when cut.
std::string Truncated(const std::string& text, size_t max) {
  size_t count = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (count++ == max) return text.substr(0, i) + "\xE2\x80\xA6";
  }
  return text;
}

void AppendTotals(const Plan& plan, std::string* out) {
  const PlanSummary& s = plan.summary;
  *out += "**" + Counted(s.files, "file", "files") + "** scanned, " + std::to_string(s.skipped) +
          " skipped, in " + Counted(static_cast<uint32_t>(plan.apps.size()), "app", "apps") +
          ": **" + Counted(s.findings, "finding", "findings") + "**";
  if (s.findings > 0) {
    std::string_view separator = " (";
    for (rules::Severity sev : kSeveritiesDescending) {
      *out += separator;
      *out += std::to_string(s.by_severity[sev]) + " " + std::string(rules::SeverityName(sev));
      separator = ", ";
    }
    *out += "; ";
    separator = "";
    for (Priority p : kPriorities) {
      *out += separator;
      *out += std::string(PriorityName(p)) + " " + std::to_string(s.by_priority[p]);
      separator = ", ";
    }
    *out += ")";
  }
  *out += ". Estimated effort: **" + Hours(s.effort_hours) + " h**.\n";
  if (!plan.complete) {
    *out +=
        "\n**Warning:** the scan is incomplete (interrupted or a budget ran out); counts "
        "cover only what was scanned.\n";
  }
}

void AppendApps(const Plan& plan, const MarkdownOptions& options, std::string* out) {
  if (plan.apps.empty()) return;
  *out += "\n| App | Status | Score | Effort (h) | P1 | Findings | Files |\n";
  *out += "|---|---|---:|---:|---:|---:|---:|\n";
  const size_t shown = std::min(plan.apps.size(), options.max_apps);
  for (size_t i = 0; i < shown; ++i) {
    const PlanApp& app = plan.apps[i];
    *out += "| " + (app.name.empty() ? std::string("-") : MarkdownText(app.name)) + " | " +
            std::string(AppStatusLabel(app.status)) + " | " + std::to_string(app.readiness_score) +
            " | " + Hours(app.effort_hours) + " | " +
            std::to_string(app.by_priority[Priority::kP1]) + " | " + std::to_string(app.findings) +
            " | " + std::to_string(app.files) + " |\n";
  }
  if (plan.apps.size() > shown) {
    *out += "\n…and " +
            Counted(static_cast<uint32_t>(plan.apps.size() - shown), "more app", "more apps") +
            ".\n";
  }
}

void AppendTopFindings(const Plan& plan, const MarkdownOptions& options, std::string* out) {
  if (plan.findings.empty() || options.top_findings == 0) return;
  std::vector<size_t> order(plan.findings.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return plan.findings[a].priority_score > plan.findings[b].priority_score;
  });
  order.resize(std::min(order.size(), options.top_findings));
  *out += "\n### Top " + Counted(static_cast<uint32_t>(order.size()), "finding", "findings") +
          "\n\n| # | Priority | Rule | Location | Finding | Code |\n|---:|---|---|---|---|---|\n";
  for (size_t rank = 0; rank < order.size(); ++rank) {
    const PlanFinding& f = plan.findings[order[rank]];
    char score[32];
    std::snprintf(score, sizeof(score), "%.1f", f.priority_score);
    *out += "| " + std::to_string(rank + 1) + " | " + std::string(PriorityName(f.priority)) + " (" +
            score + ") | " + MarkdownCode(f.rule_id) + " | " + MarkdownText(f.path) + ":" +
            std::to_string(f.line) + ":" + std::to_string(f.column) + " | " +
            MarkdownText(Truncated(ValidUtf8(f.message), options.max_message)) + " | " +
            MarkdownCode(f.snippet) + " |\n";
  }
}

void AppendOrder(const Plan& plan, const MarkdownOptions& options, std::string* out) {
  if (plan.migration_order.empty()) return;
  *out += "\n### Migration order\n\n";
  const size_t shown = std::min(plan.migration_order.size(), options.max_apps);
  for (size_t i = 0; i < shown; ++i) {
    const MigrationStep& step = plan.migration_order[i];
    const auto count = static_cast<uint64_t>(step.value);
    const std::string value =
        std::to_string(count) + " " +
        (count == 1 ? step.value_basis.substr(0, step.value_basis.size() - 1) : step.value_basis);
    *out += std::to_string(i + 1) + ". " +
            (step.app.empty() ? std::string("-") : MarkdownText(step.app)) + ": ";
    if (step.status == AppStatus::kBlocked) {
      *out += "**IE mode now**";
    } else {
      *out += std::string(AppStatusLabel(step.status));
    }
    *out += " (" + value + ", " + Hours(step.effort_hours) + " h)\n";
  }
}

}  // namespace

Status WriteMarkdown(const Plan& plan, const MarkdownOptions& options, std::ostream& out) {
  std::string text = "## iescan: Internet Explorer migration report\n\n";
  AppendTotals(plan, &text);
  AppendApps(plan, options, &text);
  AppendTopFindings(plan, options, &text);
  AppendOrder(plan, options, &text);
  out << text;
  out.flush();
  if (!out) return Status::Error("cannot write the Markdown report");
  return Status::Ok();
}

}  // namespace iescan::report
