#include "report/writers/sitelist.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <map>
#include <vector>

#include "report/writers/xml_out.h"

namespace iescan::report {
namespace {

// The evidence lines of the first page whose compat-mode is the app's.
std::string ModeEvidence(const Plan& plan, const PlanApp& app) {
  for (size_t i : app.file_indices) {
    const PlanFile& f = plan.files[i];
    if (!f.page || f.doc_mode.compat_mode != app.compat_mode) continue;
    std::string out = f.path;
    for (size_t k = 0; k < f.doc_mode.evidence.size() && k < 2; ++k) {
      out += (k == 0 ? ": " : "; ") + f.doc_mode.evidence[k];
    }
    return out;
  }
  return "";
}

std::string ModesText(const PlanApp& app) {
  if (app.compat_modes.empty()) return "no document-mode evidence in its pages, so Default";
  std::string out = "document modes of its pages:";
  for (size_t i = 0; i < app.compat_modes.size(); ++i) {
    out += (i == 0 ? " " : ", ") + app.compat_modes[i].mode + " x" +
           std::to_string(app.compat_modes[i].pages);
  }
  return out + "; compat-mode " + app.compat_mode + " (most common, ties to the most legacy)";
}

std::string BlockedComment(const Plan& plan, const PlanApp& app) {
  std::string text =
      app.name + ": " + std::string(AppStatusLabel(app.status)) + ". IE-mode dependencies:";
  for (size_t i = 0; i < app.ie_mode_reasons.size(); ++i) {
    text += (i == 0 ? " " : "; ") + app.ie_mode_reasons[i];
  }
  text += ". " + ModesText(app);
  const std::string evidence = ModeEvidence(plan, app);
  if (!evidence.empty()) text += " (evidence: " + evidence + ")";
  return text + ".";
}

void WriteSite(const std::string& url, const std::string& compat_mode, std::string_view open_in,
               XmlOut* xml) {
  xml->StartElement("site");
  xml->Attribute("url", url);
  xml->Element("compat-mode", compat_mode);
  xml->Element("open-in", open_in);
  xml->EndElement();
}

struct Entry {
  const PlanApp* app = nullptr;
  std::vector<std::string> others;  // further apps with the same URL
};

}  // namespace

std::string SiteListDate(int64_t seconds) {
  const std::time_t t = static_cast<std::time_t>(std::max<int64_t>(seconds, 0));
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%04d%02d%02d.%02d%02d%02d", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buffer;
}

Status WriteSiteList(const Plan& plan, const SiteListOptions& options, std::ostream& out) {
  std::map<std::string, Entry> blocked;  // by URL
  std::map<std::string, Entry> others;
  std::vector<const PlanApp*> unknown;
  for (const PlanApp& app : plan.apps) {
    const bool is_blocked = app.status == AppStatus::kBlocked;
    if (app.site_url.empty()) {
      if (is_blocked) unknown.push_back(&app);
      continue;
    }
    if (!is_blocked && !options.include_non_blocked) continue;
    Entry& entry = (is_blocked ? blocked : others)[app.site_url];
    if (entry.app == nullptr) {
      entry.app = &app;
    } else {
      entry.others.push_back(app.name);
    }
  }
  for (const auto& [url, entry] : blocked) others.erase(url);

  XmlOut xml;
  xml.StartElement("site-list");
  xml.Attribute("version", std::to_string(options.version));
  xml.StartElement("created-by");
  xml.Element("tool", plan.tool_name);
  xml.Element("version", plan.tool_version);
  xml.Element("date-created", SiteListDate(plan.created));
  xml.EndElement();
  for (const auto& [url, entry] : blocked) {
    std::string comment = BlockedComment(plan, *entry.app);
    for (const std::string& name : entry.others) comment += " Also served here: " + name + ".";
    xml.Comment(comment);
    WriteSite(url, entry.app->compat_mode, "IE11", &xml);
  }
  for (const auto& [url, entry] : others) {
    xml.Comment(entry.app->name + ": " + std::string(AppStatusLabel(entry.app->status)) +
                "; no IE-mode dependency, open in Microsoft Edge.");
    WriteSite(url, "Default", "MSEdge", &xml);
  }
  for (const PlanApp* app : unknown) {
    xml.Comment(BlockedComment(plan, *app) +
                " No site entry: its URL is unknown; give the app a URL in the app map (urls).");
  }
  xml.EndElement();
  const std::string text = xml.Finish();
  if (text.empty()) return Status::Error("cannot write the site list (XML writer failed)");
  out << text;
  out.flush();
  if (!out) return Status::Error("cannot write the site list");
  return Status::Ok();
}

}  // namespace iescan::report
