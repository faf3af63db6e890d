#include "report/plan.h"

#include <algorithm>
#include <deque>
#include <map>
#include <numeric>
#include <optional>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "report/app_name.h"
#include "report/fingerprint.h"
#include "report/reach.h"
#include "report/readiness.h"
#include "rules/engine/redact.h"
#include "scanner/core/memory.h"

namespace iescan::report {
namespace {

// Order of scanned files. Path and root decide; the rest only breaks ties between
// duplicates so that the order never depends on arrival.
using FileKey = std::tuple<std::string_view, std::string_view, bool, uint64_t, uint32_t,
                           std::string_view, std::string_view>;
FileKey KeyOf(const FileResult& f) {
  return {f.origin.display, f.origin.root, f.origin.is_url, f.bytes, f.lines, f.encoding,
          f.encoding_source};
}
bool FileBefore(const FileResult& a, const FileResult& b) { return KeyOf(a) < KeyOf(b); }

// The same order for spilled files: their stubs' order, then, only for stubs with the same
// one, their files read back from disk.
bool StubBefore(const ScanResult& scan, const SpilledFile& a, const SpilledFile& b) {
  if (a.order != b.order) return a.order < b.order;
  return FileBefore(LoadFile(scan, a), LoadFile(scan, b));
}

bool FindingBefore(const PlanFinding& a, const PlanFinding& b) {
  return std::tie(a.line, a.column, a.rule_id, a.end_line, a.end_column, a.message, a.detail,
                  a.snippet) < std::tie(b.line, b.column, b.rule_id, b.end_line, b.end_column,
                                        b.message, b.detail, b.snippet);
}

// A rule's texts as a plan finding holds them, made once per rule.
struct RuleTexts {
  SharedText id;
  SharedText category;
  SharedText title;
};

class RuleTextCache {
 public:
  const RuleTexts& Of(const rules::Rule* rule) {
    auto [it, inserted] = texts_.try_emplace(rule);
    if (inserted) {
      it->second = {SharedText(rule->id), SharedText(rule->category), SharedText(rule->title)};
    }
    return it->second;
  }

 private:
  std::unordered_map<const rules::Rule*, RuleTexts> texts_;
};

// A plan finding from a scan finding, whose strings are moved when it is an rvalue.
template <typename F>
PlanFinding ToPlanFinding(F&& f, const SharedText& path, const RuleTexts& rule,
                          size_t file_index) {
  PlanFinding out;
  out.rule = f.rule;
  out.file_index = file_index;
  out.path = path;
  out.rule_id = rule.id;
  out.category = rule.category;
  out.title = rule.title;
  out.severity = f.rule->severity;
  out.confidence = f.rule->confidence;
  out.effort = f.effort.value_or(f.rule->effort);
  out.message = std::forward<F>(f).message;
  out.match = std::forward<F>(f).match;
  out.line = f.begin.line;
  out.column = f.begin.column;
  out.end_line = f.end.line;
  out.end_column = f.end.column;
  out.snippet = std::forward<F>(f).snippet;
  out.language = f.language;
  out.guard = f.guard;
  out.detail = std::forward<F>(f).detail;
  out.fingerprint = std::forward<F>(f).fingerprint;  // assigned by the run for baselines; else computed later
  out.suppressed = f.suppressed;
  out.suppression_reason = std::forward<F>(f).suppression_reason;
  out.baseline = std::string(rules::BaselineStateName(f.baseline));
  out.offset = f.offset;
  out.end_offset = f.end_offset;
  out.effort_override = f.effort;
  return out;
}

// The app-map entry claiming a resource: its root-relative path is tried first, then its
// display path as shown.
std::optional<size_t> MappedApp(const std::vector<AppMapEntry>& map, std::string_view display,
                                std::string_view relative) {
  if (map.empty()) return std::nullopt;
  if (std::optional<size_t> entry = FindAppMapEntry(map, relative)) return entry;
  return relative == display ? std::nullopt : FindAppMapEntry(map, display);
}

// A plan file from a scan file, whose strings it takes over.
PlanFile CopyFile(FileResult& f, const PlanOptions& options) {
  PlanFile out;
  out.is_url = f.origin.is_url;
  const std::string_view relative = f.origin.is_url
                                        ? std::string_view(f.origin.display)
                                        : RootRelativePath(f.origin.display, f.origin.root);
  const std::optional<size_t> entry = MappedApp(options.app_map, f.origin.display, relative);
  out.app = SharedText(entry ? options.app_map[*entry].name : AppName(f.origin));
  out.path = SharedText(f.origin.display);
  out.root = SharedText(f.origin.root);
  out.kind = f.kind;
  out.encoding = SharedText(f.encoding);
  out.encoding_source = SharedText(f.encoding_source);
  out.bytes = f.bytes;
  out.lines = f.lines;
  out.doc_mode.built_for = SharedText(f.doc_mode.built_for);
  out.doc_mode.compat_mode = SharedText(f.doc_mode.compat_mode);
  out.doc_mode.evidence.reserve(f.doc_mode.evidence.size());
  for (const std::string& e : f.doc_mode.evidence) out.doc_mode.evidence.emplace_back(e);
  std::sort(f.references.begin(), f.references.end());  // reach never depends on their order
  out.references.reserve(f.references.size());
  for (const std::string& r : f.references) out.references.emplace_back(r);
  out.context_only = f.context_only;
  out.library = f.library;
  out.folded_findings = f.folded_findings;
  out.warnings = std::move(f.warnings);
  return out;
}

// Puts `files` in the order `order` gives (order[k]: the index of the k-th file), moving
// each file once along its cycle of the permutation: no second array of files.
void Permute(std::deque<FileResult>* files, const std::vector<size_t>& order) {
  std::vector<bool> placed(order.size(), false);
  for (size_t start = 0; start < order.size(); ++start) {
    if (placed[start] || order[start] == start) continue;
    FileResult held = std::move((*files)[start]);
    size_t k = start;
    while (true) {
      placed[k] = true;
      const size_t from = order[k];
      if (from == start) {
        (*files)[k] = std::move(held);
        break;
      }
      (*files)[k] = std::move((*files)[from]);
      k = from;
    }
  }
}

// Fingerprints of one file's findings (report/fingerprint.h), for those the run did not
// assign; `file.path` is not yet redacted, as the scheme wants.
void AddFingerprints(const PlanFile& file, std::vector<PlanFinding>* findings) {
  const std::string_view path =
      file.is_url ? std::string_view(file.path) : RootRelativePath(file.path, file.root);
  std::map<std::pair<std::string, std::string>, uint32_t> seen;
  for (PlanFinding& f : *findings) {
    if (!f.fingerprint.empty()) continue;
    std::string snippet = NormalizeSnippet(f.snippet);
    const uint32_t occurrence = seen[{f.rule_id, snippet}]++;
    f.fingerprint = Fingerprint(f.rule_id, path, snippet, occurrence);
  }
}

// Moves files and their findings into the plan, in plan order. Each file is released from
// `scan` as soon as the plan holds it (its findings, strings and record alike), and the
// freed pages go back to the system every few thousand files: a large scan's results are
// never held twice.
void AddFiles(ScanResult& scan, const PlanOptions& options, Plan* plan) {
  {
    std::vector<size_t> order(scan.files.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return FileBefore(scan.files[a], scan.files[b]);
    });
    Permute(&scan.files, order);
  }
  std::stable_sort(scan.spilled_files.begin(), scan.spilled_files.end(),
                   [&](const SpilledFile& a, const SpilledFile& b) {
                     return StubBefore(scan, a, b);
                   });
  plan->files.reserve(scan.files.size() + scan.spilled_files.size());
  RuleTextCache rule_texts;
  std::vector<PlanFinding> findings;  // one file's, sorted before the plan takes them
  size_t released = 0;
  // The files in memory and the spilled ones, each in order, merged (equal keys: the one
  // in memory first).
  std::optional<FileResult> next_spilled;  // the first spilled file not yet taken, loaded
  while (!scan.files.empty() || !scan.spilled_files.empty()) {
    if (!next_spilled && !scan.spilled_files.empty()) {
      next_spilled = LoadFile(scan, scan.spilled_files.front());
    }
    const bool from_disk =
        next_spilled && (scan.files.empty() || FileBefore(*next_spilled, scan.files.front()));
    FileResult loaded;
    if (from_disk) {
      loaded = std::move(*next_spilled);
      next_spilled.reset();
      scan.spilled_files.pop_front();  // its library goes with it
    }
    FileResult& source = from_disk ? loaded : scan.files.front();
    const size_t file_index = plan->files.size();
    PlanFile file = CopyFile(source, options);
    file.first_finding = plan->findings.size();
    // Findings show the path as every report does, without credentials.
    const SharedText path(rules::Redact(file.path));
    findings.clear();
    for (rules::Finding& f : TakeFindings(scan, source)) {
      if (f.rule == nullptr) continue;
      ++file.by_severity[f.rule->severity];
      findings.push_back(ToPlanFinding(std::move(f), path, rule_texts.Of(f.rule), file_index));
    }
    if (!from_disk) scan.files.pop_front();
    if (++released % 4096 == 0) ReturnFreedMemory();
    std::sort(findings.begin(), findings.end(), FindingBefore);
    AddFingerprints(file, &findings);
    for (const PlanFinding& f : findings) plan->findings.push_back(f);
    file.finding_count = file.by_severity.Total();
    plan->files.push_back(std::move(file));
  }
  std::deque<SpilledFile>().swap(scan.spilled_files);
}

std::string SkippedApp(const scanner::Skipped& s, const ScanResult& scan,
                       const PlanOptions& options) {
  std::string_view relative = s.origin;
  for (const std::string& root : scan.roots) {
    const std::string_view candidate = RootRelativePath(s.origin, root);
    if (candidate.size() < s.origin.size()) {
      relative = candidate;
      break;
    }
  }
  const std::optional<size_t> entry = MappedApp(options.app_map, s.origin, relative);
  return entry ? options.app_map[*entry].name : AppNameForSkipped(s.origin, scan.roots);
}

void AddSkipped(const ScanResult& scan, const PlanOptions& options, Plan* plan) {
  plan->skipped.reserve(scan.skipped.size());
  for (const scanner::Skipped& s : scan.skipped) {
    plan->skipped.push_back({s.origin, s.reason, SkippedApp(s, scan, options)});
  }
  std::sort(plan->skipped.begin(), plan->skipped.end(),
            [](const PlanSkipped& a, const PlanSkipped& b) {
              return std::tie(a.path, a.reason, a.app) < std::tie(b.path, b.reason, b.app);
            });
}

void GroupApps(Plan* plan) {
  std::map<std::string, PlanApp> apps;
  for (size_t i = 0; i < plan->files.size(); ++i) {
    const PlanFile& file = plan->files[i];
    PlanApp& app = apps[file.app];
    ++app.files;
    app.findings += file.finding_count;
    app.by_severity += file.by_severity;
    app.file_indices.push_back(i);
  }
  for (const PlanSkipped& s : plan->skipped) ++apps[s.app].skipped;
  std::map<std::string, size_t> index;
  for (auto& [name, app] : apps) {
    app.name = name;
    index[name] = plan->apps.size();
    plan->apps.push_back(std::move(app));
  }
  plan->files.Update([&](PlanFile& file, size_t) { file.app_index = index[file.app]; });
}

PlanRule CopyRule(const rules::Rule& rule) {
  PlanRule out;
  out.rule = &rule;
  out.id = rule.id;
  out.category = rule.category;
  out.title = rule.title;
  out.severity = rule.severity;
  out.confidence = rule.confidence;
  out.effort = rule.effort;
  out.replacement = rule.replacement;
  out.references = rule.references;
  return out;
}

void Summarize(Plan* plan) {
  std::map<std::string, PlanRule> rules;
  std::map<std::string, uint32_t> categories;
  PlanSummary& summary = plan->summary;
  for (const PlanFinding& f : plan->findings) {
    auto it = rules.find(f.rule_id);
    if (it == rules.end()) it = rules.emplace(f.rule_id, CopyRule(*f.rule)).first;
    ++it->second.findings;
    ++categories[f.category];
    ++summary.by_severity[f.severity];
  }
  for (auto& [id, rule] : rules) {
    summary.by_rule.push_back({id, rule.findings});
    plan->rules.push_back(std::move(rule));
  }
  for (const auto& [name, count] : categories) summary.by_category.push_back({name, count});
  summary.files = static_cast<uint32_t>(plan->files.size());
  summary.skipped = static_cast<uint32_t>(plan->skipped.size());
  summary.findings = static_cast<uint32_t>(plan->findings.size());
}

// Pages, reach and resolved references of every file.
void AddReach(Plan* plan) {
  std::vector<ReachFile> input(plan->files.size());
  // The files' references, held for the computation (a plan file is read by value).
  std::vector<std::vector<SharedText>> references(plan->files.size());
  for (size_t i = 0; i < plan->files.size(); ++i) {
    PlanFile f = plan->files[i];
    references[i] = std::move(f.references);
    // Paths are pooled texts: their views outlive the file read here.
    input[i] = {f.path.view(), f.root.view(), f.is_url, f.kind.kind,
                references[i].empty() ? nullptr : &references[i]};
  }
  ReachResult reach = ComputeReach(input);
  std::vector<std::vector<SharedText>>().swap(references);
  plan->files.Update([&](PlanFile& f, size_t i) {
    f.page = reach.page[i];
    f.reach = reach.reach[i];
    f.loads.assign(reach.loads[i].begin(), reach.loads[i].end());
  });
  // The findings take their file's reach in AssessPlan's one pass over them.
}

}  // namespace

Plan BuildPlan(const ScanResult& scan, const PlanOptions& options) {
  ScanResult copy = scan;
  return BuildPlan(std::move(copy), options);
}

Plan BuildPlan(ScanResult&& scan, const PlanOptions& options) {
  Plan plan;
  plan.findings.SpillAfter(options.spill_after);
  // The files get a quarter of the findings' budget (at the default 16 MiB, some 27,000
  // files stay in memory).
  plan.files.SpillAfter(options.spill_after == kNeverSpill ? kNeverSpill
                                                           : options.spill_after / 4);
  plan.tool_version = options.tool_version;
  plan.roots = scan.roots;
  plan.complete = scan.complete;
  plan.shard = scan.shard;
  plan.created = options.created;
  // The pages a scan freed (its documents, its threads' buffers) go back to the system
  // before the plan grows, and again after each step that frees much: a large scan's
  // peak memory is here.
  ReturnFreedMemory();
  AddFiles(scan, options, &plan);
  std::deque<FileResult>().swap(scan.files);  // all taken over by the plan
  scan.spill.reset();  // and the spilled ones too: their disk space goes now
  ReturnFreedMemory();
  AddSkipped(scan, options, &plan);
  GroupApps(&plan);
  Summarize(&plan);
  AddReach(&plan);
  ReturnFreedMemory();
  AssessPlan(options, &plan);
  // Paths, URLs and app names come from the scanned tree or site and may carry credentials
  // (http://user:pass@host/, ?token=...): each one shown is redacted (rules/engine/redact.h).
  for (std::string& root : plan.roots) rules::RedactInPlace(&root);
  const auto redact = [](const SharedText& text) { return SharedText(rules::Redact(text)); };
  plan.files.Update([&](PlanFile& f, size_t) {
    f.path = redact(f.path);
    f.root = redact(f.root);
    f.app = redact(f.app);
    for (SharedText& reference : f.references) reference = redact(reference);
    for (std::string& warning : f.warnings) rules::RedactInPlace(&warning);
  });
  for (PlanSkipped& s : plan.skipped) {
    rules::RedactInPlace(&s.path);
    rules::RedactInPlace(&s.reason);
    rules::RedactInPlace(&s.app);
  }
  for (PlanApp& app : plan.apps) {
    rules::RedactInPlace(&app.name);
    rules::RedactInPlace(&app.site_url);
    for (std::string& url : app.urls) rules::RedactInPlace(&url);
    for (std::string& reason : app.ie_mode_reasons) rules::RedactInPlace(&reason);
  }
  return plan;
}

}  // namespace iescan::report
