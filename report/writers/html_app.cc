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

std::string FindingRow(const Plan& plan, const PlanFinding& f, const ReportText& lang) {
  const std::string location =
      f.path + ":" + std::to_string(f.line) + ":" + std::to_string(f.column);
  const std::string guard = lang.Guard(f.guard);
  const uint32_t folded =
      f.file_index < plan.files.size() ? plan.files[f.file_index].folded_findings : 0;
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
         SeverityBadge(f.severity, lang) + "</td>";
  row += "<td class=\"num\" data-v=\"" + Decimal(f.priority_score) + "\"><span class=\"pri pri-" +
         std::string(priority) + "\">" + std::string(priority) + "</span> " +
         Decimal(f.priority_score) + "</td>";
  row += "<td>" + (guard.empty() ? std::string("-") : HtmlText(guard)) + "</td>";
  row += "<td>" + HtmlText(lang.FindingMessage(f, folded));
  if (!f.detail.empty()) row += " <span class=\"note\">(" + HtmlText(f.detail) + ")</span>";
  if (!f.snippet.empty()) row += "<code class=\"snippet\">" + HtmlText(f.snippet) + "</code>";
  return row + "</td></tr>\n";
}

std::string Facts(const PlanApp& app, const ReportText& lang) {
  std::string out = "<dl class=\"facts\">";
  auto fact = [&out, &lang](std::string_view key, const std::string& html) {
    out += "<dt>" + HtmlText(lang.Ui(key)) + "</dt><dd>" + html + "</dd>";
  };
  fact("html.fact.status", StatusBadge(app.status, lang));
  fact("html.fact.readiness_score",
       HtmlText(lang.Ui("html.fact.readiness", {{"score", std::to_string(app.readiness_score)}})));
  fact("html.fact.estimated_effort",
       HtmlText(lang.Ui("html.fact.complexity", {{"hours", Decimal(app.effort_hours)},
                                                 {"factor", Decimal(app.complexity)}})));
  fact("html.fact.migration_step",
       app.migration_rank == 0 ? "-" : "#" + std::to_string(app.migration_rank));
  fact("html.fact.files",
       HtmlText(lang.Ui("html.fact.files_detail", {{"files", Thousands(app.files)},
                                                   {"pages", Thousands(app.pages)},
                                                   {"lines", Thousands(app.lines)}})));
  std::string counts;
  for (rules::Severity s : kSeveritiesDescending) {
    counts += SeverityBadge(s, lang) + " " + Thousands(app.by_severity[s]) + " ";
  }
  fact("html.fact.findings", Thousands(app.findings) + " &#8212; " + counts);
  std::string priorities;
  for (Priority p : kPriorities) {
    priorities += std::string(PriorityName(p)) + " " + Thousands(app.by_priority[p]) + "  ";
  }
  fact("html.fact.priorities", priorities);
  if (!app.owner.empty()) fact("html.fact.owner", HtmlText(app.owner));
  if (app.users) fact("html.fact.users", Thousands(*app.users));
  for (const std::string& url : app.urls) {
    fact("html.fact.url", "<span class=\"loc\">" + HtmlText(url) + "</span>");
  }
  std::string mode = HtmlText(app.compat_mode);
  for (const ModeCount& m : app.compat_modes) {
    mode += " <span class=\"note\">" + HtmlText(m.mode) + ": " + Thousands(m.pages) + "</span>";
  }
  fact("html.fact.site_list_mode", mode);
  if (!app.site_url.empty()) {
    fact("html.fact.site_list_entry", "<span class=\"loc\">" + HtmlText(app.site_url) + "</span>");
  }
  return out + "</dl>\n";
}

// An IE-mode reason as the Plan wrote it, with its "(first: ...)" word in `lang`.
std::string Reason(const std::string& reason, const ReportText& lang) {
  if (lang.english()) return reason;
  std::string out = reason;
  const std::string_view first = "(first: ";
  if (const size_t at = out.find(first); at != std::string::npos) {
    out.replace(at + 1, first.size() - 2, lang.Ui("html.first_at"));
  }
  return out;
}

// The title of a fired rule in `lang` (RuleCount carries only the id and English title).
std::string FiredRuleTitle(const Plan& plan, const RuleCount& r, const ReportText& lang) {
  if (lang.english()) return r.title;
  for (const PlanRule& rule : plan.rules) {
    if (rule.id == r.rule_id) return lang.RuleTitle(rule.rule, r.title);
  }
  return r.title;
}

std::string Blockers(const Plan& plan, const PlanApp& app, const ReportText& lang) {
  std::string out;
  if (!app.ie_mode_reasons.empty()) {
    out += "<h4>" + HtmlText(lang.Ui("html.why_ie_mode")) + "</h4><ul class=\"plain\">";
    for (const std::string& r : app.ie_mode_reasons)
      out += "<li>" + HtmlText(Reason(r, lang)) + "</li>";
    out += "</ul>\n";
  }
  if (app.top_blockers.empty()) return out;
  out += "<h4>" + HtmlText(lang.Ui("html.top_blockers")) + "</h4><table><thead><tr><th>" +
         HtmlText(lang.Ui("html.col.rule")) + "</th><th>" + HtmlText(lang.Ui("html.col.title")) +
         "</th><th>" + HtmlText(lang.Ui("html.col.priority")) + "</th><th class=\"num\">" +
         HtmlText(lang.Ui("html.col.findings")) + "</th><th class=\"num\">" +
         HtmlText(lang.Ui("html.col.score")) + "</th></tr></thead><tbody>";
  for (const RuleCount& r : app.top_blockers) {
    out += "<tr><td><a href=\"#" + HtmlAttr(RuleAnchor(r.rule_id)) + "\">" + HtmlText(r.rule_id) +
           "</a></td><td>" + HtmlText(FiredRuleTitle(plan, r, lang)) +
           "</td><td><span class=\"pri pri-" + std::string(PriorityName(r.priority)) + "\">" +
           std::string(PriorityName(r.priority)) + "</span></td><td class=\"num\">" +
           Thousands(r.count) + "</td><td class=\"num\">" + Decimal(r.score) + "</td></tr>";
  }
  return out + "</tbody></table>\n";
}

std::string SkippedOfApp(const Plan& plan, const PlanApp& app, const ReportText& lang) {
  std::string out;
  for (const PlanSkipped& s : plan.skipped) {
    if (s.app != app.name) continue;
    out += "<li><span class=\"loc\">" + HtmlText(s.path) + "</span>: " + HtmlText(s.reason) + "</li>";
  }
  return out.empty() ? out
                     : "<h4>" + HtmlText(lang.Ui("html.skipped")) + "</h4><ul class=\"plain\">" +
                           out + "</ul>\n";
}

std::string FindingFilters(size_t app_index, const std::string& table_id, const ReportText& lang) {
  const std::string idx = std::to_string(app_index);
  const std::string all = "<option value=\"\">" + HtmlText(lang.Ui("common.all")) + "</option>";
  auto select = [&lang, &all](std::string_view key, std::string_view attr) {
    return "<label>" + HtmlText(lang.Ui(key)) + " <select data-attr=\"" + std::string(attr) +
           "\">" + all;
  };
  std::string out = "<div class=\"filters\" data-table=\"" + table_id + "\" data-app=\"" + idx +
                    "\"><label>" + HtmlText(lang.Ui("common.search")) +
                    " <input class=\"q\" type=\"search\"></label>" +
                    select("html.col.severity", "sev");
  for (rules::Severity s : kSeveritiesDescending) {
    const std::string name(rules::SeverityName(s));
    out += "<option value=\"" + name + "\">" + HtmlText(lang.Severity(s)) + "</option>";
  }
  out += "</select></label>" + select("html.col.priority", "pri");
  for (Priority p : kPriorities) {
    const std::string name(PriorityName(p));
    out += "<option value=\"" + name + "\">" + name + "</option>";
  }
  out += "</select></label>" + select("html.col.rule", "rule") +
         "</select></label><span class=\"count\" aria-live=\"polite\"></span></div>\n";
  return out;
}

}  // namespace

std::string AppSection(const Plan& plan, size_t app_index, const HtmlOptions& options,
                       size_t* budget) {
  const ReportText lang{options.lang, options.messages};
  const PlanApp& app = plan.apps[app_index];
  const std::string anchor = AppAnchor(app_index);
  std::string out = "<section class=\"block app collapsible\" id=\"" + anchor +
                    "\" aria-labelledby=\"" + anchor +
                    "-h\"><div class=\"section-head\"><h3 id=\"" + anchor + "-h\">" +
                    HtmlText(app.name) + "</h3>" + StatusBadge(app.status, lang) +
                    "<button type=\"button\" class=\"toggle\" aria-expanded=\"true\" "
                    "aria-controls=\"" +
                    anchor + "-b\">" + HtmlText(lang.Ui("html.hide")) +
                    "</button></div>\n<div class=\"body\" id=\"" + anchor + "-b\">\n";
  out += Facts(app, lang) + Blockers(plan, app, lang) + SkippedOfApp(plan, app, lang);
  if (app.findings == 0) {
    return out + "<p class=\"note\">" + HtmlText(lang.Ui("html.no_findings")) +
           "</p></div></section>\n";
  }
  const size_t limit = std::min<size_t>({app.findings, options.max_findings_per_app, *budget});
  const std::string table_id = anchor + "-findings";
  out += "<h4>" + HtmlText(lang.Ui("html.findings")) + "</h4>\n";
  if (limit < app.findings) {
    out += "<p class=\"warning\">" +
           HtmlText(lang.Ui("html.showing_first",
                            {{"shown", Thousands(limit)}, {"total", Thousands(app.findings)}})) +
           "</p>\n";
  }
  out += FindingFilters(app_index, table_id, lang);
  out += "<table class=\"sortable findings\" id=\"" + table_id + "\"><thead><tr>" +
         SortableHeader(lang.Ui("html.col.location"), false) +
         SortableHeader(lang.Ui("html.col.rule"), false) +
         SortableHeader(lang.Ui("html.col.severity"), true, false) +
         SortableHeader(lang.Ui("html.col.priority"), true) +
         SortableHeader(lang.Ui("html.col.guard"), false) +
         SortableHeader(lang.Ui("html.col.message_and_code"), false) + "</tr></thead><tbody>\n";
  size_t written = 0;
  for (size_t file_index : app.file_indices) {
    const PlanFile& file = plan.files[file_index];
    for (size_t i = 0; i < file.finding_count && written < limit; ++i, ++written) {
      out += FindingRow(plan, plan.findings[file.first_finding + i], lang);
    }
    if (written >= limit) break;
  }
  *budget -= written;
  return out + "</tbody></table>\n</div></section>\n";
}

std::string RulesSection(const Plan& plan, const ReportText& lang) {
  std::string out = "<section class=\"block\" id=\"rules\"><div class=\"section-head\"><h2>" +
                    HtmlText(lang.Ui("html.rules_and_replacements")) + "</h2>" +
                    BulkButtons("rules", lang) + "</div>\n";
  if (plan.rules.empty()) {
    return out + "<p class=\"note\">" + HtmlText(lang.Ui("html.no_rule_fired")) +
           "</p></section>\n";
  }
  for (const PlanRule& r : plan.rules) {
    const std::string anchor = RuleAnchor(r.id);
    out += "<article class=\"collapsible rule\" data-start=\"closed\" id=\"" + HtmlAttr(anchor) +
           "\"><div class=\"section-head\"><h3><code>" + HtmlText(r.id) + "</code> " +
           HtmlText(lang.RuleTitle(r.rule, r.title)) + "</h3>" + SeverityBadge(r.severity, lang) +
           "<span class=\"note\">" +
           HtmlText(lang.Ui("html.rule_stats", {{"findings", Thousands(r.findings)},
                                                {"effort", lang.Effort(r.effort)},
                                                {"confidence", lang.Confidence(r.confidence)}})) +
           "</span><button type=\"button\" class=\"toggle\" aria-expanded=\"true\" "
           "aria-controls=\"" +
           HtmlAttr(anchor) + "-b\">" + HtmlText(lang.Ui("html.hide")) +
           "</button></div>\n<div class=\"body doc\" id=\"" + HtmlAttr(anchor) + "-b\">";
    const std::string replacement = lang.RuleReplacement(r.rule, r.replacement);
    if (!replacement.empty()) {
      out += "<p><strong>" + HtmlText(lang.Ui("html.replacement")) + "</strong> " +
             HtmlText(replacement) + "</p>\n";
    }
    std::string_view doc = r.rule != nullptr ? std::string_view(r.rule->doc) : "";
    if (doc.substr(0, 2) == "# ") {  // the title is shown above
      const size_t eol = doc.find('\n');
      doc = eol == std::string_view::npos ? "" : doc.substr(eol + 1);
    }
    if (!lang.english() && !doc.empty()) {
      out += "<p class=\"note\">" + HtmlText(lang.Ui("html.doc_in_english")) + "</p>\n";
    }
    out += RenderSafeMarkdown(doc, 2);
    if (doc.find("## References") == std::string_view::npos && !r.references.empty()) {
      out += "<h4>" + HtmlText(lang.Ui("html.references")) + "</h4><ul>";
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
