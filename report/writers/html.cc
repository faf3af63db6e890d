#include "report/writers/html.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <set>
#include <string>
#include <vector>

#include "report/writers/html_assets.h"
#include "report/writers/html_charts.h"
#include "report/writers/html_escape.h"
#include "report/writers/html_parts.h"

namespace iescan::report {
namespace html {

std::string Decimal(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.1f", value);
  return buffer;
}

std::string Thousands(uint64_t value) {
  std::string digits = std::to_string(value);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(i, ",");
  return digits;
}

std::string StatusBadge(AppStatus status) {
  return "<span class=\"badge st-" + std::string(AppStatusName(status)) + "\">" +
         std::string(AppStatusLabel(status)) + "</span>";
}

std::string SeverityBadge(rules::Severity severity) {
  const std::string name(rules::SeverityName(severity));
  return "<span class=\"badge sev-" + name + "\">" + name + "</span>";
}

std::string SortableHeader(std::string_view label, bool numeric, bool align_right) {
  return std::string("<th") + (numeric && align_right ? " class=\"num\"" : "") +
         (numeric ? " data-type=\"num\"" : "") +
         " aria-sort=\"none\"><button type=\"button\" class=\"sort\">" + std::string(label) +
         "</button></th>";
}

std::string AppAnchor(size_t app_index) { return "app-" + std::to_string(app_index + 1); }

std::string RuleAnchor(std::string_view rule_id) {
  std::string out = "rule-";
  for (char c : rule_id) {
    const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                      (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
    out += safe ? c : '_';
  }
  return out;
}

}  // namespace html

namespace {

using html::Decimal;
using html::Thousands;

std::string Card(const std::string& value, std::string_view label) {
  return "<div class=\"card\"><span class=\"value\">" + value + "</span><span class=\"label\">" +
         std::string(label) + "</span></div>";
}

std::string Header(const Plan& plan, const HtmlOptions& options) {
  std::string out = "<header class=\"top\"><h1>" + HtmlText(options.title) + "</h1><p>" +
                    HtmlText(plan.tool_name) + " " + HtmlText(plan.tool_version);
  if (!plan.roots.empty()) {
    out += " &#183; scanned:";
    for (const std::string& root : plan.roots) out += " <span class=\"loc\">" + HtmlText(root) + "</span>";
  }
  if (plan.created > 0) {
    const std::time_t t = static_cast<std::time_t>(plan.created);
    std::tm tm{};
    if (gmtime_r(&t, &tm) != nullptr) {
      char buffer[64];
      std::strftime(buffer, sizeof(buffer), "%Y-%m-%d %H:%M UTC", &tm);
      out += " &#183; " + std::string(buffer);
    }
  }
  return out + "</p></header>\n<nav class=\"toc\" aria-label=\"Contents\"><a href=\"#overview\">"
               "Overview</a><a href=\"#order\">Migration order</a><a href=\"#apps\">Apps</a>"
               "<a href=\"#details\">Findings per app</a><a href=\"#rules\">Rules</a>"
               "<a href=\"#skipped\">Skipped</a></nav>\n<main>\n";
}

// The first `max` rows of `bars` plus a note counting the others.
std::string Chart(std::vector<ChartBar> bars, size_t max, double scale, std::string_view title) {
  const size_t total = bars.size();
  if (bars.size() > max) bars.resize(max);
  std::string out = "<figure class=\"chart\"><figcaption>" + std::string(title) +
                    "</figcaption>\n" + BarChart(bars, scale, title);
  if (total > max) {
    out += "<p class=\"note\">" + Thousands(total - max) + " more not drawn; see the tables.</p>";
  }
  return out + "</figure>\n";
}

std::string Charts(const Plan& plan, const HtmlOptions& options) {
  std::vector<ChartBar> readiness, effort, families, severities;
  for (const PlanApp& app : plan.apps) {
    readiness.push_back({app.name, static_cast<double>(app.readiness_score),
                         std::to_string(app.readiness_score),
                         "fill-" + std::string(AppStatusName(app.status))});
    effort.push_back({app.name, app.effort_hours, Decimal(app.effort_hours) + " h", "fill-effort"});
  }
  std::stable_sort(effort.begin(), effort.end(),
                   [](const ChartBar& a, const ChartBar& b) { return a.value > b.value; });
  for (const NameCount& c : plan.summary.by_category) {
    families.push_back({c.name, static_cast<double>(c.count), Thousands(c.count), "fill-family"});
  }
  std::stable_sort(families.begin(), families.end(),
                   [](const ChartBar& a, const ChartBar& b) { return a.value > b.value; });
  for (rules::Severity s : kSeveritiesDescending) {
    const std::string name(rules::SeverityName(s));
    severities.push_back({name, static_cast<double>(plan.summary.by_severity[s]),
                          Thousands(plan.summary.by_severity[s]), "fill-" + name});
  }
  const size_t max = options.max_chart_rows;
  return "<div class=\"charts\">\n" + Chart(readiness, max, 100, "Readiness per app (0-100)") +
         Chart(families, max, 0, "Findings by rule family") +
         Chart(severities, max, 0, "Findings by severity") +
         Chart(effort, max, 0, "Estimated effort per app (hours)") + "</div>\n";
}

std::string Overview(const Plan& plan, const HtmlOptions& options) {
  const PlanSummary& s = plan.summary;
  std::string out = "<section class=\"block\" id=\"overview\"><h2>Overview</h2>\n";
  if (!plan.complete) {
    out += "<p class=\"warning\">The scan is incomplete (interrupted or a budget ran out): the "
           "counts cover only what was scanned.</p>\n";
  }
  const uint32_t blocked = s.by_status[static_cast<size_t>(AppStatus::kBlocked)];
  out += "<div class=\"cards\">" + Card(Thousands(plan.apps.size()), "apps") +
         Card(Thousands(s.files), "files scanned") + Card(Thousands(s.findings), "findings") +
         Card(Thousands(s.by_severity[rules::Severity::kBlocker]), "blocker findings") +
         Card(Thousands(s.by_priority[Priority::kP1]), "P1 findings") +
         Card(Decimal(s.effort_hours) + " h", "estimated effort") +
         Card(Thousands(blocked), "apps needing IE mode") + Card(Thousands(s.skipped), "skipped") +
         "</div>\n<p>Apps by status:";
  for (AppStatus st : kAppStatuses) {
    out += " " + html::StatusBadge(st) + " " + Thousands(s.by_status[static_cast<size_t>(st)]);
  }
  return out + "</p>\n" + Charts(plan, options) + "</section>\n";
}

std::string MigrationOrder(const Plan& plan) {
  std::string out = "<section class=\"block\" id=\"order\"><h2>Migration order</h2>\n<p class=\"note\">"
                    "Apps flagged <span class=\"flag\">IE mode now</span> depend on Internet "
                    "Explorer and belong in the Enterprise Mode site list until rewritten.</p>\n"
                    "<table class=\"sortable\" id=\"order-table\"><thead><tr>" +
                    html::SortableHeader("Step", true) + html::SortableHeader("App", false) +
                    html::SortableHeader("Status", true, false) + html::SortableHeader("Action", false) +
                    html::SortableHeader("Value", true) + html::SortableHeader("Effort (h)", true) +
                    "</tr></thead><tbody>\n";
  size_t step = 0;
  for (const MigrationStep& m : plan.migration_order) {
    ++step;
    const bool ie_now = m.action == "ie-mode-now";
    out += std::string("<tr") + (ie_now ? " class=\"ie-now\"" : "") + "><td class=\"num\">" +
           std::to_string(step) + "</td><td><a href=\"#" + html::AppAnchor(m.app_index) + "\">" +
           HtmlText(m.app) + "</a></td><td data-v=\"" + std::to_string(static_cast<int>(m.status)) +
           "\">" + html::StatusBadge(m.status) + "</td><td>" +
           (ie_now ? std::string("<span class=\"flag\">IE mode now</span>") : HtmlText(m.action)) +
           "</td><td class=\"num\" data-v=\"" + Decimal(m.value) + "\">" + Decimal(m.value) + " " +
           HtmlText(m.value_basis) + "</td><td class=\"num\">" + Decimal(m.effort_hours) +
           "</td></tr>\n";
  }
  return out + "</tbody></table></section>\n";
}

std::string AppsTable(const Plan& plan) {
  std::string out = "<section class=\"block\" id=\"apps\"><h2>Apps</h2>\n<div class=\"filters\" "
                    "data-table=\"apps-table\"><label>Search <input class=\"q\" type=\"search\">"
                    "</label><label>Status <select data-attr=\"status\"><option value=\"\">all</option>";
  for (AppStatus st : kAppStatuses) {
    out += "<option value=\"" + std::string(AppStatusName(st)) + "\">" +
           std::string(AppStatusLabel(st)) + "</option>";
  }
  out += "</select></label><span class=\"count\" aria-live=\"polite\"></span></div>\n"
         "<table class=\"sortable\" id=\"apps-table\"><thead><tr>";
  for (auto [label, numeric] : std::initializer_list<std::pair<std::string_view, bool>>{
           {"App", false}, {"Status", true}, {"Score", true}, {"Effort (h)", true},
           {"Findings", true}, {"Blocker", true}, {"High", true}, {"P1", true},
           {"Files", true}, {"Pages", true}, {"Site-list mode", false}, {"Step", true}}) {
    out += html::SortableHeader(label, numeric, label != "Status");
  }
  out += "</tr></thead><tbody>\n";
  for (size_t i = 0; i < plan.apps.size(); ++i) {
    const PlanApp& a = plan.apps[i];
    out += "<tr data-status=\"" + std::string(AppStatusName(a.status)) + "\"><td><a href=\"#" +
           html::AppAnchor(i) + "\">" + HtmlText(a.name) + "</a></td><td data-v=\"" +
           std::to_string(static_cast<int>(a.status)) + "\">" + html::StatusBadge(a.status) +
           "</td>";
    for (const std::string& cell :
         {std::to_string(a.readiness_score), Decimal(a.effort_hours), Thousands(a.findings),
          Thousands(a.by_severity[rules::Severity::kBlocker]),
          Thousands(a.by_severity[rules::Severity::kHigh]), Thousands(a.by_priority[Priority::kP1]),
          Thousands(a.files), Thousands(a.pages)}) {
      std::string raw = cell;
      raw.erase(std::remove(raw.begin(), raw.end(), ','), raw.end());
      out += "<td class=\"num\" data-v=\"" + raw + "\">" + cell + "</td>";
    }
    out += "<td>" + HtmlText(a.compat_mode) + "</td><td class=\"num\">" +
           std::to_string(a.migration_rank) + "</td></tr>\n";
  }
  return out + "</tbody></table></section>\n";
}

std::string SkippedSection(const Plan& plan) {
  std::string out = "<section class=\"block\" id=\"skipped\"><h2>Skipped files</h2>\n";
  if (plan.skipped.empty()) return out + "<p class=\"note\">Nothing was skipped.</p></section>\n";
  out += "<div class=\"filters\" data-table=\"skipped-table\"><label>Search <input class=\"q\" "
         "type=\"search\"></label><span class=\"count\" aria-live=\"polite\"></span></div>\n"
         "<table class=\"sortable\" id=\"skipped-table\"><thead><tr>" +
         html::SortableHeader("Path", false) + html::SortableHeader("Reason", false) +
         html::SortableHeader("App", false) + "</tr></thead><tbody>\n";
  for (const PlanSkipped& s : plan.skipped) {
    out += "<tr><td class=\"loc\">" + HtmlText(s.path) + "</td><td>" + HtmlText(s.reason) +
           "</td><td>" + HtmlText(s.app) + "</td></tr>\n";
  }
  return out + "</tbody></table></section>\n";
}

// The data island: per app, the rule ids of its findings (for the rule filter).
std::string DataIsland(const Plan& plan) {
  std::string out = "<script type=\"application/json\" id=\"report-data\">{\"apps\":[";
  for (size_t i = 0; i < plan.apps.size(); ++i) {
    std::set<std::string> ids;
    for (size_t f : plan.apps[i].file_indices) {
      const PlanFile& file = plan.files[f];
      for (size_t k = 0; k < file.finding_count; ++k) {
        ids.insert(plan.findings[file.first_finding + k].rule_id);
      }
    }
    out += std::string(i ? "," : "") + "{\"name\":" + JsonScriptString(plan.apps[i].name) +
           ",\"rules\":[";
    bool first = true;
    for (const std::string& id : ids) {
      out += (first ? "" : ",") + JsonScriptString(id);
      first = false;
    }
    out += "]}";
  }
  return out + "]}</script>\n";
}

}  // namespace

Status WriteHtml(const Plan& plan, const HtmlOptions& options, std::ostream& out) {
  const std::string_view style = HtmlReportStyle();
  const std::string_view script = HtmlReportScript();
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
         "'sha256-" << Sha256Base64(style) << "'; script-src 'sha256-" << Sha256Base64(script)
      << "'; img-src data:; base-uri 'none'; form-action 'none'\">\n"
      << "<meta name=\"referrer\" content=\"no-referrer\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
      << HtmlText(options.title) << "</title>\n<style>" << style << "</style>\n</head>\n<body>\n"
      << Header(plan, options) << Overview(plan, options) << MigrationOrder(plan)
      << AppsTable(plan)
      << "<section class=\"block\" id=\"details\"><div class=\"section-head\"><h2>Findings per "
         "app</h2><span class=\"controls\"><button type=\"button\" class=\"bulk\" "
         "data-scope=\"details\" data-action=\"expand\">Expand all</button> <button "
         "type=\"button\" class=\"bulk\" data-scope=\"details\" data-action=\"collapse\">"
         "Collapse all</button></span></div>\n";
  size_t budget = options.max_findings_total;
  for (size_t i = 0; i < plan.apps.size(); ++i) {
    out << html::AppSection(plan, i, options, &budget);
    if (!out) return Status::Error("cannot write the HTML report");
  }
  out << "</section>\n" << html::RulesSection(plan) << SkippedSection(plan) << "</main>\n"
      << "<footer>Generated by " << HtmlText(plan.tool_name) << " " << HtmlText(plan.tool_version)
      << ". This file makes no network request; links are shown as text.</footer>\n"
      << DataIsland(plan) << "<script>" << script << "</script>\n</body>\n</html>\n";
  out.flush();
  if (!out) return Status::Error("cannot write the HTML report");
  return Status::Ok();
}

}  // namespace iescan::report
