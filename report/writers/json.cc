#include "report/writers/json.h"

#include <exception>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

namespace iescan::report {
namespace {

using Json = nlohmann::ordered_json;

constexpr int kIndent = 2;

std::string Str(std::string_view s) { return std::string(s); }

// Dumps `value` as it would appear nested `depth` levels deep in the whole document.
std::string Dump(const Json& value, int depth) {
  std::string text = value.dump(kIndent, ' ', false, Json::error_handler_t::replace);
  const std::string pad(static_cast<size_t>(depth * kIndent), ' ');
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    out += c;
    if (c == '\n') out += pad;
  }
  return out;
}

Json SeverityObject(const SeverityCounts& counts) {
  Json out = Json::object();
  for (rules::Severity s : kSeveritiesDescending) out[Str(rules::SeverityName(s))] = counts[s];
  return out;
}

Json CountObject(const std::vector<NameCount>& counts) {
  Json out = Json::object();
  for (const NameCount& c : counts) out[c.name] = c.count;
  return out;
}

Json SummaryJson(const Plan& plan) {
  const PlanSummary& s = plan.summary;
  Json out = Json::object();
  out["files"] = s.files;
  out["skipped"] = s.skipped;
  out["findings"] = s.findings;
  out["by_severity"] = SeverityObject(s.by_severity);
  out["by_rule"] = CountObject(s.by_rule);
  out["by_category"] = CountObject(s.by_category);
  return out;
}

Json AppJson(const PlanApp& app) {
  Json out = Json::object();
  out["name"] = app.name;
  out["files"] = app.files;
  out["skipped"] = app.skipped;
  out["findings"] = app.findings;
  out["by_severity"] = SeverityObject(app.by_severity);
  return out;
}

Json FileJson(const PlanFile& file) {
  Json out = Json::object();
  out["path"] = file.path;
  out["app"] = file.app;
  out["kind"] = Str(scanner::FileKindName(file.kind.kind));
  out["server"] = Str(scanner::ServerDialectName(file.kind.server));
  out["encoding"] = file.encoding;
  out["encoding_source"] = file.encoding_source;
  out["bytes"] = file.bytes;
  out["lines"] = file.lines;
  out["findings"] = file.finding_count;
  return out;
}

std::string GuardString(rules::Guard guard) {
  const std::string_view name = rules::GuardName(guard);
  return name.empty() ? "none" : Str(name);
}

Json FindingJson(const PlanFinding& f) {
  Json out = Json::object();
  out["path"] = f.path;
  out["line"] = f.line;
  out["column"] = f.column;
  out["end_line"] = f.end_line;
  out["end_column"] = f.end_column;
  out["rule_id"] = f.rule_id;
  out["category"] = f.category;
  out["title"] = f.title;
  out["severity"] = Str(rules::SeverityName(f.severity));
  out["confidence"] = Str(rules::ConfidenceName(f.confidence));
  out["effort"] = Str(rules::EffortName(f.effort));
  out["message"] = f.message;
  out["snippet"] = f.snippet;
  out["language"] = Str(scanner::LanguageName(f.language));
  out["guard"] = GuardString(f.guard);
  out["detail"] = f.detail;
  return out;
}

Json SkippedJson(const PlanSkipped& s) {
  Json out = Json::object();
  out["path"] = s.path;
  out["reason"] = s.reason;
  out["app"] = s.app;
  return out;
}

Json RuleJson(const PlanRule& r) {
  Json out = Json::object();
  out["id"] = r.id;
  out["category"] = r.category;
  out["title"] = r.title;
  out["severity"] = Str(rules::SeverityName(r.severity));
  out["confidence"] = Str(rules::ConfidenceName(r.confidence));
  out["effort"] = Str(rules::EffortName(r.effort));
  out["replacement"] = r.replacement;
  out["references"] = r.references;
  out["findings"] = r.findings;
  return out;
}

// Writes `"key": value` one level deep; `last` decides the trailing comma.
void Member(std::ostream& out, std::string_view key, const Json& value, bool last) {
  out << "  " << Json(Str(key)).dump() << ": " << Dump(value, 1) << (last ? "\n" : ",\n");
}

// Writes `"key": [ ... ]` one element at a time, formatted exactly as a whole dump.
template <typename T>
void ArrayMember(std::ostream& out, std::string_view key, const std::vector<T>& items,
                 const std::function<Json(const T&)>& to_json, bool last) {
  out << "  " << Json(Str(key)).dump() << ": ";
  if (items.empty()) {
    out << "[]";
  } else {
    out << "[\n";
    for (size_t i = 0; i < items.size(); ++i) {
      out << "    " << Dump(to_json(items[i]), 2) << (i + 1 < items.size() ? ",\n" : "\n");
    }
    out << "  ]";
  }
  out << (last ? "\n" : ",\n");
}

void WriteDocument(const Plan& plan, std::ostream& out) {
  Json tool = Json::object();
  tool["name"] = plan.tool_name;
  tool["version"] = plan.tool_version;
  out << "{\n";
  Member(out, "schema", Json(Str(kJsonSchemaVersion)), false);
  Member(out, "tool", tool, false);
  Member(out, "roots", Json(plan.roots), false);
  Member(out, "complete", Json(plan.complete), false);
  Member(out, "summary", SummaryJson(plan), false);
  ArrayMember<PlanApp>(out, "apps", plan.apps, AppJson, false);
  ArrayMember<PlanFile>(out, "files", plan.files, FileJson, false);
  ArrayMember<PlanFinding>(out, "findings", plan.findings, FindingJson, false);
  ArrayMember<PlanSkipped>(out, "skipped", plan.skipped, SkippedJson, false);
  ArrayMember<PlanRule>(out, "rules", plan.rules, RuleJson, true);
  out << "}\n";
}

}  // namespace

Status WriteJson(const Plan& plan, const JsonOptions& /*options*/, std::ostream& out) {
  try {
    WriteDocument(plan, out);
  } catch (const std::exception& e) {
    return Status::Error(std::string("cannot write the JSON report: ") + e.what());
  }
  out.flush();
  if (!out) return Status::Error("cannot write the JSON report");
  return Status::Ok();
}

}  // namespace iescan::report
