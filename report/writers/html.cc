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

std::string StatusBadge(AppStatus status, const ReportText& lang) {
  return "<span class=\"badge st-" + std::string(AppStatusName(status)) + "\">" +
         HtmlText(lang.StatusLabel(status)) + "</span>";
}

std::string SeverityBadge(rules::Severity severity, const ReportText& lang) {
  const std::string name(rules::SeverityName(severity));
  return "<span class=\"badge sev-" + name + "\">" + HtmlText(lang.Severity(severity)) + "</span>";
}

std::string SortableHeader(std::string_view label, bool numeric, bool align_right) {
  return std::string("<th") + (numeric && align_right ? " class=\"num\"" : "") +
         (numeric ? " data-type=\"num\"" : "") +
         " aria-sort=\"none\"><button type=\"button\" class=\"sort\">" + HtmlText(label) +
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

std::string BulkButtons(std::string_view scope, const ReportText& lang) {
  const std::string head =
      "<button type=\"button\" class=\"bulk\" data-scope=\"" + std::string(scope) + "\" ";
  return "<span class=\"controls\">" + head + "data-action=\"expand\">" +
         HtmlText(lang.Ui("html.expand_all")) + "</button> " + head + "data-action=\"collapse\">" +
         HtmlText(lang.Ui("html.collapse_all")) + "</button></span>";
}

}  // namespace html

namespace {

using html::Decimal;
using html::Thousands;

std::string Card(const std::string& value, const std::string& label) {
  return "<div class=\"card\"><span class=\"value\">" + HtmlText(value) +
         "</span><span class=\"label\">" + HtmlText(label) + "</span></div>";
}

// The page title: HtmlOptions::title, or the language's title when left at the default.
std::string Title(const HtmlOptions& options, const ReportText& lang) {
  return options.title == kDefaultHtmlTitle ? lang.Ui("html.title") : options.title;
}

std::string Nav(const ReportText& lang) {
  std::string out =
      "<nav class=\"toc\" aria-label=\"" + HtmlAttr(lang.Ui("html.nav.contents")) + "\">";
  for (auto [anchor, key] : std::initializer_list<std::pair<std::string_view, std::string_view>>{
           {"overview", "html.nav.overview"},
           {"order", "html.nav.migration_order"},
           {"apps", "html.nav.apps"},
           {"details", "html.nav.findings_per_app"},
           {"rules", "html.nav.rules"},
           {"skipped", "html.nav.skipped"}}) {
    out += "<a href=\"#" + std::string(anchor) + "\">" + HtmlText(lang.Ui(key)) + "</a>";
  }
  return out + "</nav>\n<main>\n";
}

std::string Header(const Plan& plan, const HtmlOptions& options, const ReportText& lang) {
  std::string out = "<header class=\"top\"><h1>" + HtmlText(Title(options, lang)) + "</h1><p>" +
                    HtmlText(plan.tool_name) + " " + HtmlText(plan.tool_version);
  if (!plan.roots.empty()) {
    out += " &#183; " + HtmlText(lang.Ui("html.scanned"));
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
  return out + "</p></header>\n" + Nav(lang);
}

// The first `max` rows of `bars` plus a note counting the others.
std::string Chart(std::vector<ChartBar> bars, size_t max, double scale, const std::string& title,
                  const ReportText& lang) {
  const size_t total = bars.size();
  if (bars.size() > max) bars.resize(max);
  std::string out = "<figure class=\"chart\"><figcaption>" + HtmlText(title) + "</figcaption>\n" +
                    BarChart(bars, scale, title, lang.Ui("html.chart.nothing"));
  if (total > max) {
    out += "<p class=\"note\">" +
           HtmlText(lang.Ui("html.chart.more_not_drawn", {{"n", Thousands(total - max)}})) + "</p>";
  }
  return out + "</figure>\n";
}

std::string Charts(const Plan& plan, const HtmlOptions& options, const ReportText& lang) {
  std::vector<ChartBar> readiness, effort, families, severities;
  for (const PlanApp& app : plan.apps) {
    readiness.push_back({app.name, static_cast<double>(app.readiness_score),
                         std::to_string(app.readiness_score),
                         "fill-" + std::string(AppStatusName(app.status))});
    effort.push_back(
        {app.name, app.effort_hours, lang.Hours(Decimal(app.effort_hours)), "fill-effort"});
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
    severities.push_back({lang.Severity(s), static_cast<double>(plan.summary.by_severity[s]),
                          Thousands(plan.summary.by_severity[s]), "fill-" + name});
  }
  const size_t max = options.max_chart_rows;
  return "<div class=\"charts\">\n" +
         Chart(readiness, max, 100, lang.Ui("html.chart.readiness"), lang) +
         Chart(families, max, 0, lang.Ui("html.chart.by_family"), lang) +
         Chart(severities, max, 0, lang.Ui("html.chart.by_severity"), lang) +
         Chart(effort, max, 0, lang.Ui("html.chart.effort_per_app"), lang) + "</div>\n";
}

std::string Overview(const Plan& plan, const HtmlOptions& options, const ReportText& lang) {
  const PlanSummary& s = plan.summary;
  std::string out = "<section class=\"block\" id=\"overview\"><h2>" +
                    HtmlText(lang.Ui("html.overview")) + "</h2>\n";
  if (!plan.complete) {
    out += "<p class=\"warning\">" + HtmlText(lang.Ui("html.incomplete")) + "</p>\n";
  }
  const uint32_t blocked = s.by_status[static_cast<size_t>(AppStatus::kBlocked)];
  out += "<div class=\"cards\">" + Card(Thousands(plan.apps.size()), lang.Ui("html.card.apps")) +
         Card(Thousands(s.files), lang.Ui("html.card.files_scanned")) +
         Card(Thousands(s.findings), lang.Ui("html.card.findings")) +
         Card(Thousands(s.by_severity[rules::Severity::kBlocker]),
              lang.Ui("html.card.blocker_findings")) +
         Card(Thousands(s.by_priority[Priority::kP1]), lang.Ui("html.card.p1_findings")) +
         Card(lang.Hours(Decimal(s.effort_hours)), lang.Ui("html.card.estimated_effort")) +
         Card(Thousands(blocked), lang.Ui("html.card.apps_needing_ie_mode")) +
         Card(Thousands(s.skipped), lang.Ui("html.card.skipped")) + "</div>\n<p>" +
         HtmlText(lang.Ui("html.apps_by_status"));
  for (AppStatus st : kAppStatuses) {
    out +=
        " " + html::StatusBadge(st, lang) + " " + Thousands(s.by_status[static_cast<size_t>(st)]);
  }
  return out + "</p>\n" + Charts(plan, options, lang) + "</section>\n";
}

// "12.0 users" / "12.0 人": a migration step's value in its basis.
std::string StepValue(const MigrationStep& m, const ReportText& lang) {
  if (lang.english() || (m.value_basis != "users" && m.value_basis != "pages")) {
    return Decimal(m.value) + " " + HtmlText(m.value_basis);
  }
  return HtmlText(lang.Ui("html.value." + m.value_basis, {{"value", Decimal(m.value)}}));
}

std::string MigrationOrder(const Plan& plan, const ReportText& lang) {
  const std::string flag =
      "<span class=\"flag\">" + HtmlText(lang.Ui("common.ie_mode_now")) + "</span>";
  const std::string note = HtmlText(lang.Ui("html.migration_order_note"));
  const size_t at = note.find("{flag}");
  std::string out =
      "<section class=\"block\" id=\"order\"><h2>" + HtmlText(lang.Ui("html.migration_order")) +
      "</h2>\n<p class=\"note\">" +
      (at == std::string::npos ? note : note.substr(0, at) + flag + note.substr(at + 6)) +
      "</p>\n<table class=\"sortable\" id=\"order-table\"><thead><tr>" +
      html::SortableHeader(lang.Ui("html.col.step"), true) +
      html::SortableHeader(lang.Ui("html.col.app"), false) +
      html::SortableHeader(lang.Ui("html.col.status"), true, false) +
      html::SortableHeader(lang.Ui("html.col.action"), false) +
      html::SortableHeader(lang.Ui("html.col.value"), true) +
      html::SortableHeader(lang.Ui("html.col.effort_h"), true) + "</tr></thead><tbody>\n";
  size_t step = 0;
  for (const MigrationStep& m : plan.migration_order) {
    ++step;
    const bool ie_now = m.action == "ie-mode-now";
    out += std::string("<tr") + (ie_now ? " class=\"ie-now\"" : "") + "><td class=\"num\">" +
           std::to_string(step) + "</td><td><a href=\"#" + html::AppAnchor(m.app_index) + "\">" +
           HtmlText(m.app) + "</a></td><td data-v=\"" + std::to_string(static_cast<int>(m.status)) +
           "\">" + html::StatusBadge(m.status, lang) + "</td><td>" +
           (ie_now ? flag : HtmlText(lang.english() ? m.action : lang.Ui("action." + m.action))) +
           "</td><td class=\"num\" data-v=\"" + Decimal(m.value) + "\">" + StepValue(m, lang) +
           "</td><td class=\"num\">" + Decimal(m.effort_hours) + "</td></tr>\n";
  }
  return out + "</tbody></table></section>\n";
}

std::string AppsTable(const Plan& plan, const ReportText& lang) {
  std::string out =
      "<section class=\"block\" id=\"apps\"><h2>" + HtmlText(lang.Ui("html.apps")) +
      "</h2>\n<div class=\"filters\" data-table=\"apps-table\"><label>" +
      HtmlText(lang.Ui("common.search")) + " <input class=\"q\" type=\"search\"></label><label>" +
      HtmlText(lang.Ui("html.col.status")) + " <select data-attr=\"status\"><option value=\"\">" +
      HtmlText(lang.Ui("common.all")) + "</option>";
  for (AppStatus st : kAppStatuses) {
    out += "<option value=\"" + std::string(AppStatusName(st)) + "\">" +
           HtmlText(lang.StatusLabel(st)) + "</option>";
  }
  out += "</select></label><span class=\"count\" aria-live=\"polite\"></span></div>\n"
         "<table class=\"sortable\" id=\"apps-table\"><thead><tr>";
  for (auto [key, numeric] :
       std::initializer_list<std::pair<std::string_view, bool>>{{"html.col.app", false},
                                                                {"html.col.status", true},
                                                                {"html.col.score", true},
                                                                {"html.col.effort_h", true},
                                                                {"html.col.findings", true},
                                                                {"html.col.blocker", true},
                                                                {"html.col.high", true},
                                                                {"html.col.p1", true},
                                                                {"html.col.files", true},
                                                                {"html.col.pages", true},
                                                                {"html.col.site_list_mode", false},
                                                                {"html.col.step", true}}) {
    out += html::SortableHeader(lang.Ui(key), numeric, key != "html.col.status");
  }
  out += "</tr></thead><tbody>\n";
  for (size_t i = 0; i < plan.apps.size(); ++i) {
    const PlanApp& a = plan.apps[i];
    out += "<tr data-status=\"" + std::string(AppStatusName(a.status)) + "\"><td><a href=\"#" +
           html::AppAnchor(i) + "\">" + HtmlText(a.name) + "</a></td><td data-v=\"" +
           std::to_string(static_cast<int>(a.status)) + "\">" + html::StatusBadge(a.status, lang) +
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

std::string SkippedSection(const Plan& plan, const ReportText& lang) {
  std::string out = "<section class=\"block\" id=\"skipped\"><h2>" +
                    HtmlText(lang.Ui("html.skipped_files")) + "</h2>\n";
  if (plan.skipped.empty()) {
    return out + "<p class=\"note\">" + HtmlText(lang.Ui("html.nothing_skipped")) +
           "</p></section>\n";
  }
  out += "<div class=\"filters\" data-table=\"skipped-table\"><label>" +
         HtmlText(lang.Ui("common.search")) +
         " <input class=\"q\" type=\"search\"></label><span class=\"count\" "
         "aria-live=\"polite\"></span></div>\n<table class=\"sortable\" id=\"skipped-table\">"
         "<thead><tr>" +
         html::SortableHeader(lang.Ui("html.col.path"), false) +
         html::SortableHeader(lang.Ui("html.col.reason"), false) +
         html::SortableHeader(lang.Ui("html.col.app"), false) + "</tr></thead><tbody>\n";
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
  const ReportText lang{options.lang, options.messages};
  const std::string style = HtmlReportStyleFor(lang);
  const std::string script = HtmlReportScriptFor(lang);
  out << "<!DOCTYPE html>\n<html lang=\"" << HtmlAttr(lang.Ui("html.lang"))
      << "\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
         "'sha256-"
      << Sha256Base64(style) << "'; script-src 'sha256-" << Sha256Base64(script)
      << "'; img-src data:; base-uri 'none'; form-action 'none'\">\n"
      << "<meta name=\"referrer\" content=\"no-referrer\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
      << HtmlText(Title(options, lang)) << "</title>\n<style>" << style
      << "</style>\n</head>\n<body>\n"
      << Header(plan, options, lang) << Overview(plan, options, lang) << MigrationOrder(plan, lang)
      << AppsTable(plan, lang)
      << "<section class=\"block\" id=\"details\"><div class=\"section-head\"><h2>"
      << HtmlText(lang.Ui("html.findings_per_app")) << "</h2>" << html::BulkButtons("details", lang)
      << "</div>\n";
  size_t budget = options.max_findings_total;
  for (size_t i = 0; i < plan.apps.size(); ++i) {
    out << html::AppSection(plan, i, options, &budget);
    if (!out) return Status::Error("cannot write the HTML report");
  }
  out << "</section>\n"
      << html::RulesSection(plan, lang) << SkippedSection(plan, lang) << "</main>\n"
      << "<footer>"
      << HtmlText(lang.Ui("html.footer", {{"tool", plan.tool_name + " " + plan.tool_version}}))
      << "</footer>\n"
      << DataIsland(plan) << "<script>" << script << "</script>\n</body>\n</html>\n";
  out.flush();
  if (!out) return Status::Error("cannot write the HTML report");
  return Status::Ok();
}

}  // namespace iescan::report
