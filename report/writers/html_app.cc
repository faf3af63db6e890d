#include <algorithm>
#include <cstdio>
#include <set>
#include <string>

#include "report/writers/html_escape.h"
#include "report/writers/html_markdown.h"
#include "report/writers/html_parts.h"

namespace iescan::report::html {
namespace {

std::string Padded(uint32_t value) {
  char buffer[16];
  std::snprintf(buffer, sizeof(buffer), "%010u", value);
  return buffer;
}

std::string FindingRow(const PlanFinding& f) {
  const std::string location =
      f.path + ":" + std::to_string(f.line) + ":" + std::to_string(f.column);
  const std::string_view guard = rules::GuardName(f.guard);
  const std::string_view priority = PriorityName(f.priority);
  std::string row = "<tr data-sev=\"" + std::string(rules::SeverityName(f.severity)) +
                    "\" data-pri=\"" + std::string(priority) + "\" data-rule=\"" +
                    HtmlAttr(f.rule_id) + "\">";
  row += "<td class=\"loc\" data-v=\"" +
         HtmlAttr(f.path + "\t" + Padded(f.line) + Padded(f.column)) + "\">" +
         HtmlText(location) + "</td>";
  row += "<td><a href=\"#" + HtmlAttr(RuleAnchor(f.rule_id)) + "\">" + HtmlText(f.rule_id) +
         "</a></td>";
  row += "<td data-v=\"" + std::to_string(static_cast<int>(f.severity)) + "\">" +
         SeverityBadge(f.severity) + "</td>";
  row += "<td class=\"num\" data-v=\"" + Decimal(f.priority_score) + "\"><span class=\"pri pri-" +
         std::string(priority) + "\">" + std::string(priority) + "</span> " +
         Decimal(f.priority_score) + "</td>";
  row += "<td>" + std::string(guard.empty() ? "-" : guard) + "</td>";
  row += "<td>" + HtmlText(f.message);
  if (!f.detail.empty()) row += " <span class=\"note\">(" + HtmlText(f.detail) + ")</span>";
  if (!f.snippet.empty()) row += "<code class=\"snippet\">" + HtmlText(f.snippet) + "</code>";
  return row + "</td></tr>\n";
}

std::string Facts(const Plan& plan, const PlanApp& app) {
  std::string out = "<dl class=\"facts\">";
  auto fact = [&out](std::string_view term, const std::string& html) {
    out += "<dt>" + std::string(term) + "</dt><dd>" + html + "</dd>";
  };
  fact("Status", StatusBadge(app.status));
  fact("Readiness score", std::to_string(app.readiness_score) + " / 100");
  fact("Estimated effort", Decimal(app.effort_hours) + " h (complexity x" +
                               Decimal(app.complexity) + ")");
  fact("Migration step", app.migration_rank == 0 ? "-" : "#" + std::to_string(app.migration_rank));
  fact("Files", Thousands(app.files) + " (" + Thousands(app.pages) + " pages, " +
                    Thousands(app.lines) + " lines)");
  std::string counts;
  for (rules::Severity s : kSeveritiesDescending) {
    counts += SeverityBadge(s) + " " + Thousands(app.by_severity[s]) + " ";
  }
  fact("Findings", Thousands(app.findings) + " &#8212; " + counts);
  std::string priorities;
  for (Priority p : kPriorities) {
    priorities += std::string(PriorityName(p)) + " " + Thousands(app.by_priority[p]) + "  ";
  }
  fact("Priorities", priorities);
  if (!app.owner.empty()) fact("Owner", HtmlText(app.owner));
  if (app.users) fact("Users", Thousands(*app.users));
  for (const std::string& url : app.urls) fact("URL", "<span class=\"loc\">" + HtmlText(url) + "</span>");
  std::string mode = HtmlText(app.compat_mode);
  for (const ModeCount& m : app.compat_modes) {
    mode += " <span class=\"note\">" + HtmlText(m.mode) + ": " + Thousands(m.pages) + "</span>";
  }
  fact("Site-list mode", mode);
  if (!app.site_url.empty()) fact("Site-list entry", "<span class=\"loc\">" + HtmlText(app.site_url) + "</span>");
  return out + "</dl>\n";
}

std::string Blockers(const PlanApp& app) {
  std::string out;
  if (!app.ie_mode_reasons.empty()) {
    out += "<h4>Why it needs IE mode</h4><ul class=\"plain\">";
    for (const std::string& r : app.ie_mode_reasons) out += "<li>" + HtmlText(r) + "</li>";
    out += "</ul>\n";
  }
  if (app.top_blockers.empty()) return out;
  out += "<h4>Top blockers</h4><table><thead><tr><th>Rule</th><th>Title</th><th>Priority</th>"
         "<th class=\"num\">Findings</th><th class=\"num\">Score</th></tr></thead><tbody>";
  for (const RuleCount& r : app.top_blockers) {
    out += "<tr><td><a href=\"#" + HtmlAttr(RuleAnchor(r.rule_id)) + "\">" + HtmlText(r.rule_id) +
           "</a></td><td>" + HtmlText(r.title) + "</td><td><span class=\"pri pri-" +
           std::string(PriorityName(r.priority)) + "\">" + std::string(PriorityName(r.priority)) +
           "</span></td><td class=\"num\">" + Thousands(r.count) + "</td><td class=\"num\">" +
           Decimal(r.score) + "</td></tr>";
  }
  return out + "</tbody></table>\n";
}

std::string SkippedOfApp(const Plan& plan, const PlanApp& app) {
  std::string out;
  for (const PlanSkipped& s : plan.skipped) {
    if (s.app != app.name) continue;
    out += "<li><span class=\"loc\">" + HtmlText(s.path) + "</span>: " + HtmlText(s.reason) + "</li>";
  }
  return out.empty() ? out : "<h4>Skipped</h4><ul class=\"plain\">" + out + "</ul>\n";
}

std::string FindingFilters(size_t app_index, const std::string& table_id) {
  const std::string idx = std::to_string(app_index);
  std::string out = "<div class=\"filters\" data-table=\"" + table_id + "\" data-app=\"" + idx +
                    "\"><label>Search <input class=\"q\" type=\"search\"></label>"
                    "<label>Severity <select data-attr=\"sev\"><option value=\"\">all</option>";
  for (rules::Severity s : kSeveritiesDescending) {
    const std::string name(rules::SeverityName(s));
    out += "<option value=\"" + name + "\">" + name + "</option>";
  }
  out += "</select></label><label>Priority <select data-attr=\"pri\"><option value=\"\">all"
         "</option>";
  for (Priority p : kPriorities) {
    const std::string name(PriorityName(p));
    out += "<option value=\"" + name + "\">" + name + "</option>";
  }
  out += "</select></label><label>Rule <select data-attr=\"rule\"><option value=\"\">all"
         "</option></select></label><span class=\"count\" aria-live=\"polite\"></span></div>\n";
  return out;
}

}  // namespace

std::string AppSection(const Plan& plan, size_t app_index, const HtmlOptions& options,
                       size_t* budget) {
  const PlanApp& app = plan.apps[app_index];
  const std::string anchor = AppAnchor(app_index);
  std::string out = "<section class=\"block app collapsible\" id=\"" + anchor +
                    "\" aria-labelledby=\"" + anchor + "-h\"><div class=\"section-head\"><h3 id=\"" +
                    anchor + "-h\">" + HtmlText(app.name) + "</h3>" + StatusBadge(app.status) +
                    "<button type=\"button\" class=\"toggle\" aria-expanded=\"true\" "
                    "aria-controls=\"" + anchor + "-b\">Hide</button></div>\n<div class=\"body\" id=\"" +
                    anchor + "-b\">\n";
  out += Facts(plan, app) + Blockers(app) + SkippedOfApp(plan, app);
  if (app.findings == 0) return out + "<p class=\"note\">No findings.</p></div></section>\n";
  const size_t limit = std::min<size_t>({app.findings, options.max_findings_per_app, *budget});
  const std::string table_id = anchor + "-findings";
  out += "<h4>Findings</h4>\n";
  if (limit < app.findings) {
    out += "<p class=\"warning\">Showing the first " + Thousands(limit) + " of " +
           Thousands(app.findings) +
           " findings of this app. The JSON, CSV and SARIF reports list every finding.</p>\n";
  }
  out += FindingFilters(app_index, table_id);
  out += "<table class=\"sortable findings\" id=\"" + table_id + "\"><thead><tr>" +
         SortableHeader("Location", false) + SortableHeader("Rule", false) +
         SortableHeader("Severity", true, false) + SortableHeader("Priority", true) +
         SortableHeader("Guard", false) + SortableHeader("Message and code", false) +
         "</tr></thead><tbody>\n";
  size_t written = 0;
  for (size_t file_index : app.file_indices) {
    const PlanFile& file = plan.files[file_index];
    for (size_t i = 0; i < file.finding_count && written < limit; ++i, ++written) {
      out += FindingRow(plan.findings[file.first_finding + i]);
    }
    if (written >= limit) break;
  }
  *budget -= written;
  return out + "</tbody></table>\n</div></section>\n";
}

std::string RulesSection(const Plan& plan) {
  std::string out = "<section class=\"block\" id=\"rules\"><div class=\"section-head\"><h2>Rules "
                    "and replacements</h2><span class=\"controls\"><button type=\"button\" "
                    "class=\"bulk\" data-scope=\"rules\" data-action=\"expand\">Expand all</button> "
                    "<button type=\"button\" class=\"bulk\" data-scope=\"rules\" "
                    "data-action=\"collapse\">Collapse all</button></span></div>\n";
  if (plan.rules.empty()) return out + "<p class=\"note\">No rule fired.</p></section>\n";
  for (const PlanRule& r : plan.rules) {
    const std::string anchor = RuleAnchor(r.id);
    out += "<article class=\"collapsible rule\" data-start=\"closed\" id=\"" + HtmlAttr(anchor) +
           "\"><div class=\"section-head\"><h3><code>" + HtmlText(r.id) + "</code> " +
           HtmlText(r.title) + "</h3>" + SeverityBadge(r.severity) + "<span class=\"note\">" +
           Thousands(r.findings) + " findings, effort " +
           std::string(rules::EffortName(r.effort)) + ", confidence " +
           std::string(rules::ConfidenceName(r.confidence)) +
           "</span><button type=\"button\" class=\"toggle\" aria-expanded=\"true\" "
           "aria-controls=\"" + HtmlAttr(anchor) + "-b\">Hide</button></div>\n<div class=\"body doc\" "
           "id=\"" + HtmlAttr(anchor) + "-b\">";
    if (!r.replacement.empty()) {
      out += "<p><strong>Replacement:</strong> " + HtmlText(r.replacement) + "</p>\n";
    }
    std::string_view doc = r.rule != nullptr ? std::string_view(r.rule->doc) : "";
    if (doc.substr(0, 2) == "# ") {  // the title is shown above
      const size_t eol = doc.find('\n');
      doc = eol == std::string_view::npos ? "" : doc.substr(eol + 1);
    }
    out += RenderSafeMarkdown(doc, 2);
    if (doc.find("## References") == std::string_view::npos && !r.references.empty()) {
      out += "<h4>References</h4><ul>";
      for (const std::string& ref : r.references) {
        out += "<li><span class=\"url\">" + HtmlText(ref) + "</span></li>";
      }
      out += "</ul>\n";
    }
    out += "</div></article>\n";
  }
  return out + "</section>\n";
}

}  // namespace iescan::report::html
