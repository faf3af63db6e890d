#include "report/writers/json.h"

#include <algorithm>
#include <exception>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "report/writers/json_text.h"

namespace iescan::report {
namespace {

using Json = OrderedJson;

std::string Str(std::string_view s) { return std::string(s); }

std::string Dump(const Json& value, int depth) { return DumpAt(value, depth); }

Json SeverityObject(const SeverityCounts& counts) {
  Json out = Json::object();
  for (rules::Severity s : kSeveritiesDescending) out[Str(rules::SeverityName(s))] = counts[s];
  return out;
}

Json PriorityObject(const PriorityCounts& counts) {
  Json out = Json::object();
  for (Priority p : kPriorities) out[Str(PriorityName(p))] = counts[p];
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
  out["by_priority"] = PriorityObject(s.by_priority);
  Json statuses = Json::object();
  for (AppStatus st : kAppStatuses) {
    statuses[Str(AppStatusName(st))] = s.by_status[static_cast<size_t>(st)];
  }
  out["by_status"] = statuses;
  out["effort_hours"] = s.effort_hours;
  return out;
}

Json RuleCountJson(const RuleCount& r) {
  Json out = Json::object();
  out["rule_id"] = r.rule_id;
  out["title"] = r.title;
  out["count"] = r.count;
  out["priority"] = Str(PriorityName(r.priority));
  out["score"] = r.score;
  return out;
}

Json AppJson(const PlanApp& app) {
  Json out = Json::object();
  out["name"] = app.name;
  out["files"] = app.files;
  out["skipped"] = app.skipped;
  out["findings"] = app.findings;
  out["by_severity"] = SeverityObject(app.by_severity);
  out["owner"] = app.owner;
  out["users"] = app.users ? Json(*app.users) : Json(nullptr);
  out["urls"] = app.urls;
  out["pages"] = app.pages;
  out["lines"] = app.lines;
  out["status"] = Str(AppStatusName(app.status));
  out["status_label"] = Str(AppStatusLabel(app.status));
  out["readiness_score"] = app.readiness_score;
  out["effort_hours"] = app.effort_hours;
  out["complexity"] = app.complexity;
  out["by_priority"] = PriorityObject(app.by_priority);
  Json blockers = Json::array();
  for (const RuleCount& r : app.top_blockers) blockers.push_back(RuleCountJson(r));
  out["top_blockers"] = blockers;
  out["ie_mode_reasons"] = app.ie_mode_reasons;
  out["site_url"] = app.site_url;
  out["compat_mode"] = app.compat_mode;
  Json modes = Json::array();
  for (const ModeCount& m : app.compat_modes)
    modes.push_back({{"mode", m.mode}, {"pages", m.pages}});
  out["compat_modes"] = modes;
  out["migration_rank"] = app.migration_rank;
  return out;
}

Json MigrationStepJson(const Plan& plan, size_t rank) {
  const MigrationStep& step = plan.migration_order[rank];
  Json out = Json::object();
  out["rank"] = rank + 1;
  out["app"] = step.app;
  out["status"] = Str(AppStatusName(step.status));
  out["action"] = step.action;
  out["value"] = step.value;
  out["value_basis"] = step.value_basis;
  out["effort_hours"] = step.effort_hours;
  return out;
}

// A file as it appears in the "files" array (two levels deep), written directly: the same
// bytes as dumping a JSON value of these members.
std::string FileText(const Plan& plan, const PlanFile& file) {
  std::string out;
  out.reserve(1024);
  FlatObjectText o(&out, 2);
  o.String("path", file.path)
      .String("app", file.app)
      .String("kind", scanner::FileKindName(file.kind.kind))
      .String("server", scanner::ServerDialectName(file.kind.server))
      .String("encoding", file.encoding)
      .String("encoding_source", file.encoding_source)
      .Unsigned("bytes", file.bytes)
      .Unsigned("lines", file.lines)
      .Unsigned("findings", file.finding_count)
      .Bool("page", file.page)
      .Unsigned("reach", file.reach);
  std::vector<SharedText> loads;
  loads.reserve(file.loads.size());
  for (uint32_t i : file.loads) loads.push_back(plan.files[i].path);
  o.StringArray("loads", loads);
  FlatObjectText mode = o.Object("doc_mode");
  mode.String("built_for", file.doc_mode.built_for)
      .String("compat_mode", file.doc_mode.compat_mode)
      .StringArray("evidence", file.doc_mode.evidence);
  mode.End();
  // Raw scan data (schema 1.1): what `iescan merge` needs to rebuild the plan.
  o.String("root", file.root)
      .Bool("is_url", file.is_url)
      .StringArray("references", file.references)
      .Bool("context_only", file.context_only);
  if (file.library) {
    const rules::VendoredLibrary& library = *file.library;
    FlatObjectText lib = o.Object("library");
    lib.String("name", library.name)
        .String("version", library.version)
        .Bool("needs_ie_handling", library.needs_ie_handling)
        .String("upgrade", library.upgrade)
        .String("note", library.note)
        .String("evidence", library.evidence)
        .Unsigned("offset", library.offset)
        .Unsigned("end_offset", library.end_offset);
    lib.End();
  } else {
    o.Null("library");
  }
  o.Unsigned("folded_findings", file.folded_findings).StringArray("warnings", file.warnings);
  o.End();
  return out;
}

std::string GuardString(rules::Guard guard) {
  const std::string_view name = rules::GuardName(guard);
  return name.empty() ? "none" : Str(name);
}

// A finding as it appears in the "findings" array (two levels deep), written directly:
// the same bytes as dumping a JSON value of these members, at a fraction of the cost.
std::string FindingText(const PlanFinding& f) {
  std::string out;
  out.reserve(1024 + f.message.size() + f.snippet.size());
  FlatObjectText o(&out, 2);
  o.String("path", f.path)
      .Unsigned("line", f.line)
      .Unsigned("column", f.column)
      .Unsigned("end_line", f.end_line)
      .Unsigned("end_column", f.end_column)
      .String("rule_id", f.rule_id)
      .String("category", f.category)
      .String("title", f.title)
      .String("severity", rules::SeverityName(f.severity))
      .String("confidence", rules::ConfidenceName(f.confidence))
      .String("effort", rules::EffortName(f.effort))
      .String("message", f.message)
      .String("snippet", f.snippet)
      .String("language", scanner::LanguageName(f.language))
      .String("guard", GuardString(f.guard))
      .String("detail", f.detail)
      .String("priority", PriorityName(f.priority))
      .Double("priority_score", f.priority_score)
      .Unsigned("reach", f.reach)
      .Bool("ie_mode", f.ie_mode)
      .String("fingerprint", f.fingerprint)
      .Bool("suppressed", f.suppressed)
      .String("suppression_reason", f.suppression_reason)
      .String("baseline", f.baseline)
      .String("match", f.match)
      .Unsigned("offset", f.offset)
      .Unsigned("end_offset", f.end_offset);
  if (f.effort_override) {
    o.String("effort_override", rules::EffortName(*f.effort_override));
  } else {
    o.Null("effort_override");
  }
  o.End();
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

// Writes `"key": [ ... ]` one element at a time, each given as its text at depth 2 by
// `to_text`, formatted exactly as a whole dump.
// `items`: a std::vector or a RecordStore (indexed by value).
template <typename T, typename Items>
void TextArrayMember(std::ostream& out, std::string_view key, const Items& items,
                     const std::function<std::string(const T&)>& to_text, bool last) {
  out << "  " << Json(Str(key)).dump() << ": ";
  if (items.empty()) {
    out << "[]";
  } else {
    out << "[\n";
    for (size_t i = 0; i < items.size(); ++i) {
      out << "    " << to_text(items[i]) << (i + 1 < items.size() ? ",\n" : "\n");
    }
    out << "  ]";
  }
  out << (last ? "\n" : ",\n");
}

// The same, formatted by `threads` threads at once: each round, every thread formats one
// contiguous share of the next elements into a text of its own, and the texts are written
// in order, so the bytes do not depend on the thread count. (Threads taking alternate
// elements into adjacent strings shared cache lines and barely ran in parallel.)
template <typename T, typename Items>
void ParallelTextArrayMember(std::ostream& out, std::string_view key, const Items& items,
                             const std::function<std::string(const T&)>& to_text,
                             unsigned threads, bool last) {
  constexpr size_t kPerThread = 2048;  // elements per thread and round (a few MB of text)
  if (threads <= 1 || items.size() < 2 * kPerThread) {
    TextArrayMember<T, Items>(out, key, items, to_text, last);
    return;
  }
  out << "  " << Json(Str(key)).dump() << ": [\n";
  const size_t total = items.size();
  std::vector<std::string> parts(threads);
  for (size_t begin = 0; begin < total; begin += kPerThread * threads) {
    const size_t n = std::min(kPerThread * threads, total - begin);
    // Reading a spilled element can fail (SpillError): the failure is carried to this
    // thread and thrown here, after every thread has stopped.
    std::vector<std::exception_ptr> failures(threads);
    auto work = [&](unsigned t) {
      try {
        std::string& part = parts[t];
        part.clear();
        const size_t to = begin + n * (t + 1) / threads;
        for (size_t i = begin + n * t / threads; i < to; ++i) {
          part += "    ";
          part += to_text(items[i]);
          part += i + 1 < total ? ",\n" : "\n";
        }
      } catch (...) {
        failures[t] = std::current_exception();
      }
    };
    std::vector<std::thread> pool;
    pool.reserve(threads - 1);
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t);
    work(0);
    for (std::thread& thread : pool) thread.join();
    for (const std::exception_ptr& failure : failures) {
      if (failure) std::rethrow_exception(failure);
    }
    for (const std::string& part : parts) out.write(part.data(), static_cast<std::streamsize>(part.size()));
  }
  out << "  ]" << (last ? "\n" : ",\n");
}

// The same, each element given as a JSON value.
template <typename T>
void ArrayMember(std::ostream& out, std::string_view key, const std::vector<T>& items,
                 const std::function<Json(const T&)>& to_json, bool last) {
  TextArrayMember<T, std::vector<T>>(
      out, key, items, [&](const T& item) { return Dump(to_json(item), 2); }, last);
}

void WriteDocument(const Plan& plan, const JsonOptions& options, std::ostream& out) {
  Json tool = Json::object();
  tool["name"] = plan.tool_name;
  tool["version"] = plan.tool_version;
  out << "{\n";
  Member(out, "schema", Json(Str(kJsonSchemaVersion)), false);
  Member(out, "schema_minor", Json(kJsonSchemaMinor), false);
  Member(out, "tool", tool, false);
  Member(out, "roots", Json(plan.roots), false);
  Member(out, "complete", Json(plan.complete), false);
  if (plan.shard.active()) {
    Member(out, "shard", Json{{"index", plan.shard.index}, {"count", plan.shard.count}}, false);
  }
  Member(out, "summary", SummaryJson(plan), false);
  ArrayMember<PlanApp>(out, "apps", plan.apps, AppJson, false);
  std::vector<size_t> ranks(plan.migration_order.size());
  for (size_t i = 0; i < ranks.size(); ++i) ranks[i] = i;
  ArrayMember<size_t>(
      out, "migration_order", ranks,
      [&](const size_t& rank) { return MigrationStepJson(plan, rank); }, false);
  ParallelTextArrayMember<PlanFile, PlanFiles>(
      out, "files", plan.files, [&](const PlanFile& f) { return FileText(plan, f); },
      options.threads, false);
  ParallelTextArrayMember<PlanFinding, RecordStore<PlanFinding>>(out, "findings", plan.findings, FindingText,
                                       options.threads, false);
  ArrayMember<PlanSkipped>(out, "skipped", plan.skipped, SkippedJson, false);
  ArrayMember<PlanRule>(out, "rules", plan.rules, RuleJson, true);
  out << "}\n";
}

}  // namespace

Status WriteJson(const Plan& plan, const JsonOptions& options, std::ostream& out) {
  try {
    WriteDocument(plan, options, out);
  } catch (const std::exception& e) {
    return Status::Error(std::string("cannot write the JSON report: ") + e.what());
  }
  out.flush();
  if (!out) return Status::Error("cannot write the JSON report");
  return Status::Ok();
}

}  // namespace iescan::report
