#include "report/writers/sarif.h"

#include <algorithm>
#include <exception>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include "report/app_name.h"
#include "report/writers/escape.h"
#include "report/writers/json_text.h"

namespace iescan::report {
namespace {

using Json = OrderedJson;

std::string Str(std::string_view s) { return std::string(s); }

std::string_view Level(rules::Severity s) {
  switch (s) {
    case rules::Severity::kBlocker:
    case rules::Severity::kHigh:
      return "error";
    case rules::Severity::kMedium:
      return "warning";
    case rules::Severity::kLow:
      return "note";
  }
  return "warning";
}

std::string_view ProblemSeverity(rules::Severity s) {
  const std::string_view level = Level(s);
  return level == "note" ? "recommendation" : level;
}

// "events.attach-event" -> "EventsAttachEvent".
std::string RuleName(std::string_view id) {
  std::string out;
  bool upper = true;
  for (char c : id) {
    if (c == '.' || c == '-' || c == '_') {
      upper = true;
      continue;
    }
    out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return out;
}

// The first paragraph under "## What breaks" in a rule doc, its lines joined; "" if none.
std::string WhatBreaks(std::string_view doc) {
  const std::string_view heading = "## What breaks";
  size_t at = doc.find(heading);
  if (at == std::string_view::npos) return "";
  at = doc.find('\n', at);
  std::string out;
  while (at != std::string_view::npos && at < doc.size()) {
    const size_t end = doc.find('\n', at + 1);
    std::string_view line = doc.substr(at + 1, end == std::string_view::npos ? end : end - at - 1);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    at = end;
    if (line.empty()) {
      if (out.empty()) continue;
      break;
    }
    if (line.front() == '#' || line.substr(0, 3) == "```") break;
    if (!out.empty()) out += ' ';
    out += line;
  }
  return out;
}

Json RuleJson(const PlanRule& r) {
  const std::string doc = r.rule != nullptr ? r.rule->doc : "";
  std::string full = WhatBreaks(doc);
  if (full.empty()) full = r.title + ". Replacement: " + r.replacement;
  const std::string help = doc.empty() ? r.title + "\n\nReplacement: " + r.replacement : doc;
  Json out = Json::object();
  out["id"] = r.id;
  out["name"] = RuleName(r.id);
  out["shortDescription"] = {{"text", r.title}};
  out["fullDescription"] = {{"text", full}};
  out["help"] = {{"text", help}, {"markdown", help}};
  if (!r.references.empty()) out["helpUri"] = r.references.front();
  out["defaultConfiguration"] = {{"level", Str(Level(r.severity))}};
  Json props = Json::object();
  props["category"] = r.category;
  props["severity"] = Str(rules::SeverityName(r.severity));
  props["confidence"] = Str(rules::ConfidenceName(r.confidence));
  props["effort"] = Str(rules::EffortName(r.effort));
  props["precision"] = Str(rules::ConfidenceName(r.confidence));
  props["problem.severity"] = Str(ProblemSeverity(r.severity));
  props["tags"] = {"ie-compatibility", r.category, Str(rules::SeverityName(r.severity))};
  out["properties"] = props;
  return out;
}

// uriBaseId symbols: one per distinct directory prefix of file-tree paths.
class UriBases {
 public:
  explicit UriBases(const Plan& plan) {
    for (const PlanFile& f : plan.files) {
      if (!f.is_url) Add(Prefix(f.path, f.root));
    }
  }

  // {"uri": ..., "uriBaseId": ...} for a scanned file.
  Json Location(const std::string& path, const std::string& root, bool is_url) const {
    if (is_url) return {{"uri", ValidUtf8(path)}};
    const std::string prefix = Prefix(path, root);
    const std::string_view rel = std::string_view(path).substr(
        std::min(path.size(), path.rfind(prefix, 0) == 0 ? prefix.size() : 0));
    return {{"uri", PercentEncodePath(rel)}, {"uriBaseId", ids_.at(prefix)}};
  }

  // For a skipped display path: the first known prefix it starts with.
  Json SkippedLocation(const std::string& display) const {
    if (display.find("://") != std::string::npos) return {{"uri", ValidUtf8(display)}};
    for (const auto& [prefix, id] : order_) {
      if (!prefix.empty() && display.rfind(prefix, 0) == 0 && display.size() > prefix.size()) {
        return {{"uri", PercentEncodePath(display.substr(prefix.size()))}, {"uriBaseId", id}};
      }
    }
    return {{"uri", PercentEncodePath(display)}};
  }

  Json Originals() const {
    Json out = Json::object();
    for (const auto& [prefix, id] : order_) {
      Json base = Json::object();
      if (!prefix.empty() && prefix.front() == '/') {
        base["uri"] = "file://" + PercentEncodePath(prefix);
      } else {
        base["uri"] = PercentEncodePath(prefix);
        base["description"] = {
            {"text",
             "the scan root as given on the command line, relative to the directory "
             "iescan ran in"}};
      }
      out[id] = base;
    }
    return out;
  }

 private:
  // "corpus/apps/" for "corpus/apps/hr/a.asp" under root "corpus/apps".
  static std::string Prefix(const std::string& path, const std::string& root) {
    const std::string_view rel = RootRelativePath(path, root);
    std::string prefix = path.substr(0, path.size() - rel.size());
    if (prefix.empty()) {
      const std::string normalized = NormalizeRoot(root);
      prefix = normalized == "." ? "./" : normalized == "/" ? "/" : normalized + "/";
    }
    return prefix;
  }

  void Add(const std::string& prefix) {
    if (ids_.count(prefix) > 0) return;
    const std::string id =
        order_.empty() ? "SRCROOT" : "SRCROOT" + std::to_string(order_.size() + 1);
    ids_[prefix] = id;
    order_.emplace_back(prefix, id);
  }

  std::map<std::string, std::string> ids_;
  std::vector<std::pair<std::string, std::string>> order_;
};

Json ResultJson(const Plan& plan, const PlanFinding& f, size_t rule_index, const UriBases& bases) {
  const PlanFile& file = plan.files[f.file_index];
  Json region = Json::object();
  if (f.line > 0) region["startLine"] = f.line;
  if (f.column > 0) region["startColumn"] = f.column;
  if (f.end_line > 0) region["endLine"] = f.end_line;
  if (f.end_column > 0) region["endColumn"] = f.end_column;
  region["snippet"] = {{"text", ValidUtf8(f.snippet)}};
  Json physical = Json::object();
  physical["artifactLocation"] = bases.Location(file.path, file.root, file.is_url);
  physical["region"] = region;
  Json out = Json::object();
  out["ruleId"] = f.rule_id;
  out["ruleIndex"] = rule_index;
  out["level"] = Str(Level(f.severity));
  out["message"] = {{"text", ValidUtf8(f.message)}};
  out["locations"] = Json::array({{{"physicalLocation", physical}}});
  out["partialFingerprints"] = {{"iescanFingerprint/v1", f.fingerprint}};
  if (f.suppressed) {
    Json suppression = Json::object();
    suppression["kind"] = "inSource";
    if (!f.suppression_reason.empty()) suppression["justification"] = ValidUtf8(f.suppression_reason);
    out["suppressions"] = Json::array({suppression});
  }
  if (!f.baseline.empty()) out["baselineState"] = f.baseline;
  out["rank"] = std::min(100.0, f.priority_score);
  Json props = Json::object();
  props["priority"] = Str(PriorityName(f.priority));
  props["priorityScore"] = f.priority_score;
  const std::string_view guard = rules::GuardName(f.guard);
  props["guard"] = guard.empty() ? "none" : Str(guard);
  props["severity"] = Str(rules::SeverityName(f.severity));
  props["app"] = ValidUtf8(file.app);
  props["reach"] = f.reach;
  props["ieMode"] = f.ie_mode;
  out["properties"] = props;
  return out;
}

Json InvocationJson(const Plan& plan, const UriBases& bases) {
  Json notes = Json::array();
  std::set<std::string> seen;
  for (const PlanSkipped& s : plan.skipped) {
    Json note = Json::object();
    note["level"] = "warning";
    note["message"] = {{"text", ValidUtf8("skipped: " + s.reason)}};
    note["locations"] = Json::array(
        {{{"physicalLocation", {{"artifactLocation", bases.SkippedLocation(s.path)}}}}});
    note["descriptor"] = {{"id", "iescan.skipped"}};
    if (seen.insert(note.dump()).second) notes.push_back(note);
  }
  if (!plan.complete) {
    notes.push_back({{"level", "error"},
                     {"message",
                      {{"text",
                        "the scan is incomplete (interrupted or a budget ran out); "
                        "results cover only what was scanned"}}},
                     {"descriptor", {{"id", "iescan.incomplete"}}}});
  }
  Json out = Json::object();
  out["executionSuccessful"] = plan.complete;
  out["toolExecutionNotifications"] = notes;
  return out;
}

Json RunWithoutResults(const Plan& plan, const SarifOptions& options, const UriBases& bases) {
  Json driver = Json::object();
  driver["name"] = plan.tool_name;
  driver["version"] = plan.tool_version;
  if (!options.information_uri.empty()) driver["informationUri"] = options.information_uri;
  Json rules = Json::array();
  for (const PlanRule& r : plan.rules) rules.push_back(RuleJson(r));
  driver["rules"] = rules;
  Json run = Json::object();
  run["tool"] = {{"driver", driver}};
  run["invocations"] = Json::array({InvocationJson(plan, bases)});
  run["originalUriBaseIds"] = bases.Originals();
  run["columnKind"] = "unicodeCodePoints";
  return run;
}

void WriteLog(const Plan& plan, const SarifOptions& options, std::ostream& out) {
  const UriBases bases(plan);
  std::map<std::string, size_t> rule_index;
  for (size_t i = 0; i < plan.rules.size(); ++i) rule_index[plan.rules[i].id] = i;
  std::string run = DumpAt(RunWithoutResults(plan, options, bases), 2);
  run.erase(run.rfind('\n'));  // drop the closing "\n    }"
  out << "{\n";
  out << "  \"$schema\": " << Json(Str(kSarifSchemaUri)).dump() << ",\n";
  out << "  \"version\": \"2.1.0\",\n";
  out << "  \"runs\": [\n    " << run << ",\n      \"results\": [";
  for (size_t i = 0; i < plan.findings.size(); ++i) {
    const PlanFinding& f = plan.findings[i];
    out << (i == 0 ? "\n        " : ",\n        ")
        << DumpAt(ResultJson(plan, f, rule_index.at(f.rule_id), bases), 4);
  }
  out << (plan.findings.empty() ? "]\n" : "\n      ]\n");
  out << "    }\n  ]\n}\n";
}

}  // namespace

std::string PercentEncodePath(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(path.size());
  for (char c : path) {
    const auto b = static_cast<unsigned char>(c);
    const bool keep = (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') ||
                      c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (keep) {
      out += c;
    } else {
      out += '%';
      out += kHex[b >> 4];
      out += kHex[b & 0xF];
    }
  }
  return out;
}

Status WriteSarif(const Plan& plan, const SarifOptions& options, std::ostream& out) {
  try {
    WriteLog(plan, options, out);
  } catch (const std::exception& e) {
    return Status::Error(std::string("cannot write the SARIF report: ") + e.what());
  }
  out.flush();
  if (!out) return Status::Error("cannot write the SARIF report");
  return Status::Ok();
}

}  // namespace iescan::report
