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

// The first `max` code points of valid UTF-8 `text`, with "…" when cut.
std::string Truncated(const std::string& text, size_t max) {
  size_t count = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (count++ == max) return text.substr(0, i) + "\xE2\x80\xA6";
  }
  return text;
}

void AppendTotals(const Plan& plan, const ReportText& lang, std::string* out) {
  const PlanSummary& s = plan.summary;
  *out += lang.Ui("md.totals",
                  {{"files", lang.UiCount("count.file", s.files)},
                   {"skipped", std::to_string(s.skipped)},
                   {"apps", lang.UiCount("count.app", static_cast<uint32_t>(plan.apps.size()))},
                   {"findings", lang.UiCount("count.finding", s.findings)}});
  if (s.findings > 0) {
    const std::string comma = lang.Ui("common.list_sep");
    std::string separator = lang.Ui("common.list_open");
    for (rules::Severity sev : kSeveritiesDescending) {
      *out += separator +
              lang.Ui("common.severity_count",
                      {{"n", std::to_string(s.by_severity[sev])}, {"name", lang.Severity(sev)}});
      separator = comma;
    }
    *out += lang.Ui("common.list_then");
    separator = "";
    for (Priority p : kPriorities) {
      *out +=
          separator + lang.Ui("common.priority_count", {{"name", std::string(PriorityName(p))},
                                                        {"n", std::to_string(s.by_priority[p])}});
      separator = comma;
    }
    *out += lang.Ui("common.list_close");
  }
  *out += lang.Ui("md.estimated_effort", {{"hours", Hours(s.effort_hours)}}) + "\n";
  if (!plan.complete) *out += "\n" + lang.Ui("md.incomplete") + "\n";
}

void AppendApps(const Plan& plan, const MarkdownOptions& options, const ReportText& lang,
                std::string* out) {
  if (plan.apps.empty()) return;
  *out += "\n|";
  for (std::string_view key : {"md.col.app", "md.col.status", "md.col.score", "md.col.effort_h",
                               "md.col.p1", "md.col.findings", "md.col.files"}) {
    *out += " " + lang.Ui(key) + " |";
  }
  *out += "\n|---|---|---:|---:|---:|---:|---:|\n";
  const size_t shown = std::min(plan.apps.size(), options.max_apps);
  for (size_t i = 0; i < shown; ++i) {
    const PlanApp& app = plan.apps[i];
    *out += "| " + (app.name.empty() ? std::string("-") : MarkdownText(app.name)) + " | " +
            lang.StatusLabel(app.status) + " | " + std::to_string(app.readiness_score) + " | " +
            Hours(app.effort_hours) + " | " + std::to_string(app.by_priority[Priority::kP1]) +
            " | " + std::to_string(app.findings) + " | " + std::to_string(app.files) + " |\n";
  }
  if (plan.apps.size() > shown) {
    *out += "\n" +
            lang.Ui("md.and_more",
                    {{"more", lang.UiCount("count.more_app", plan.apps.size() - shown)}}) +
            "\n";
  }
}

void AppendTopFindings(const Plan& plan, const MarkdownOptions& options, const ReportText& lang,
                       std::string* out) {
  if (plan.findings.empty() || options.top_findings == 0) return;
  std::vector<size_t> order(plan.findings.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return plan.findings[a].priority_score > plan.findings[b].priority_score;
  });
  order.resize(std::min(order.size(), options.top_findings));
  *out += "\n### " +
          lang.Ui("md.top_findings", {{"findings", lang.UiCount("count.finding", order.size())}}) +
          "\n\n|";
  for (std::string_view key : {"md.col.rank", "md.col.priority", "md.col.rule", "md.col.location",
                               "md.col.finding", "md.col.code"}) {
    *out += " " + lang.Ui(key) + " |";
  }
  *out += "\n|---:|---|---|---|---|---|\n";
  for (size_t rank = 0; rank < order.size(); ++rank) {
    const PlanFinding& f = plan.findings[order[rank]];
    const uint32_t folded =
        f.file_index < plan.files.size() ? plan.files[f.file_index].folded_findings : 0;
    char score[32];
    std::snprintf(score, sizeof(score), "%.1f", f.priority_score);
    *out +=
        "| " + std::to_string(rank + 1) + " | " + std::string(PriorityName(f.priority)) + " (" +
        score + ") | " + MarkdownCode(f.rule_id) + " | " + MarkdownText(f.path) + ":" +
        std::to_string(f.line) + ":" + std::to_string(f.column) + " | " +
        MarkdownText(Truncated(ValidUtf8(lang.FindingMessage(f, folded)), options.max_message)) +
        " | " + MarkdownCode(f.snippet) + " |\n";
  }
}

// "3 users" / "12 pages" (the step's value, counted in its basis).
std::string StepValue(const MigrationStep& step, const ReportText& lang) {
  const auto count = static_cast<uint64_t>(step.value);
  if (step.value_basis == "users" || step.value_basis == "pages") {
    return lang.UiCount(step.value_basis == "users" ? "count.user" : "count.page", count);
  }
  return std::to_string(count) + " " + step.value_basis;
}

void AppendOrder(const Plan& plan, const MarkdownOptions& options, const ReportText& lang,
                 std::string* out) {
  if (plan.migration_order.empty()) return;
  *out += "\n### " + lang.Ui("md.migration_order") + "\n\n";
  const size_t shown = std::min(plan.migration_order.size(), options.max_apps);
  for (size_t i = 0; i < shown; ++i) {
    const MigrationStep& step = plan.migration_order[i];
    *out += std::to_string(i + 1) + ". " +
            (step.app.empty() ? std::string("-") : MarkdownText(step.app)) + ": ";
    if (step.status == AppStatus::kBlocked) {
      *out += "**" + lang.Ui("common.ie_mode_now") + "**";
    } else {
      *out += lang.StatusLabel(step.status);
    }
    *out += " (" +
            lang.Ui("md.value", {{"value", StepValue(step, lang)},
                                 {"hours", lang.Hours(Hours(step.effort_hours))}}) +
            ")\n";
  }
}

}  // namespace

Status WriteMarkdown(const Plan& plan, const MarkdownOptions& options, std::ostream& out) {
  const ReportText lang{options.lang, options.messages};
  std::string text = "## " + lang.Ui("md.title") + "\n\n";
  AppendTotals(plan, lang, &text);
  AppendApps(plan, options, lang, &text);
  AppendTopFindings(plan, options, lang, &text);
  AppendOrder(plan, options, lang, &text);
  out << text;
  out.flush();
  if (!out) return Status::Error("cannot write the Markdown report");
  return Status::Ok();
}

}  // namespace iescan::report
