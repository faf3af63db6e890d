#include "cli/merge.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <tuple>
#include <utility>

#include "cli/app_main.h"
#include "cli/atomic_write.h"
#include "cli/config.h"
#include "cli/priority_config.h"
#include "report/i18n.h"
#include "report/json_read.h"
#include "report/plan.h"
#include "report/writers/writers.h"
#include "rules/engine/catalog.h"

namespace iescan::app {
namespace {

using FileKey = std::tuple<std::string, std::string, bool>;

FileKey KeyOf(const report::FileResult& f) {
  return {f.origin.display, f.origin.root, f.origin.is_url};
}

bool SameFinding(const rules::Finding& a, const rules::Finding& b) {
  return a.rule == b.rule && a.message == b.message && a.match == b.match && a.offset == b.offset &&
         a.end_offset == b.end_offset && a.begin.line == b.begin.line &&
         a.begin.column == b.begin.column && a.end.line == b.end.line &&
         a.end.column == b.end.column && a.snippet == b.snippet && a.language == b.language &&
         a.guard == b.guard && a.detail == b.detail && a.effort == b.effort &&
         a.fingerprint == b.fingerprint && a.baseline == b.baseline &&
         a.suppressed == b.suppressed && a.suppression_reason == b.suppression_reason;
}

// Whether two reports recorded the same scan of one file.
bool SameFile(const report::FileResult& a, const report::FileResult& b) {
  if (a.kind.kind != b.kind.kind || a.kind.server != b.kind.server || a.encoding != b.encoding ||
      a.encoding_source != b.encoding_source || a.bytes != b.bytes || a.lines != b.lines ||
      a.warnings != b.warnings || a.references != b.references ||
      a.context_only != b.context_only || a.folded_findings != b.folded_findings ||
      (a.library != nullptr) != (b.library != nullptr) ||
      a.doc_mode.built_for != b.doc_mode.built_for ||
      a.doc_mode.compat_mode != b.doc_mode.compat_mode ||
      a.doc_mode.evidence != b.doc_mode.evidence || a.findings.size() != b.findings.size()) {
    return false;
  }
  if (a.library &&
      (a.library->Label() != b.library->Label() || a.library->offset != b.library->offset)) {
    return false;
  }
  for (size_t i = 0; i < a.findings.size(); ++i) {
    if (!SameFinding(a.findings[i], b.findings[i])) return false;
  }
  return true;
}

Result<rules::Catalog> LoadMergeCatalog(const std::vector<std::string>& dirs,
                                        const Config& config) {
  Result<rules::Catalog> catalog = rules::Catalog::Builtin();
  if (!catalog.ok()) return catalog.status();
  for (const std::string& dir : dirs) {
    if (Status st = catalog->AddDirectory(dir); !st.ok()) return st;
  }
  for (const auto& [id, setting] : config.rules) {
    Status st = catalog->Configure(id, setting);
    if (!st.ok()) return Status::Error(config.path + ": key 'rules." + id + "': " + st.message());
  }
  return catalog;
}

Result<std::string> ReadWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(path + ": cannot read the report");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status::Error(path + ": cannot read the report");
  return text.str();
}

// The schema-checked, catalogue-independent first look at a report: its roots, used to find
// the configuration before the catalogue (which the configuration shapes) exists.
std::vector<std::string> PeekRoots(const std::string& text) {
  const nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
  std::vector<std::string> roots;
  if (!doc.is_object() || !doc.contains("roots") || !doc["roots"].is_array()) return roots;
  for (const auto& r : doc["roots"]) {
    if (r.is_string()) roots.push_back(r.get<std::string>());
  }
  return roots;
}

// --config, else .iescan.json found from the first recorded root that exists here.
Result<Config> MergeConfigFile(const MergeFlags& flags, const std::vector<std::string>& texts) {
  if (!flags.config_path.empty()) return LoadConfig(flags.config_path, ".");
  for (const std::string& text : texts) {
    for (const std::string& root : PeekRoots(text)) {
      std::error_code ec;
      if (std::filesystem::exists(root, ec)) return LoadConfig("", root);
    }
  }
  return Config{};
}

}  // namespace

CLI::App* AddMergeCommand(CLI::App* app, MergeFlags* flags) {
  CLI::App* cmd = app->add_subcommand(
      "merge", "Join the JSON reports of a sharded scan (--shard K/N) into one report");
  cmd->add_option("reports", flags->inputs, "JSON reports written by iescan scan")->required();
  // One value per -o, so that `merge -o report.html s1.json s2.json` never takes a shard
  // report for an output to overwrite.
  cmd->add_option("-o,--output", flags->outputs,
                  "Write a report file; the format follows the extension (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--format,-f", flags->format, "Output format on standard output (default text)");
  cmd->add_option("--fail-on", flags->fail_on,
                  "Exit 1 when a merged finding is at or above this severity or priority "
                  "(default blocker)");
  cmd->add_option("--config", flags->config_path,
                  "Configuration file (default: .iescan.json found from the first root)");
  cmd->add_option("--rules", flags->rule_dirs, "Add an organisation's rule directory")
      ->allow_extra_args(false);
  cmd->add_option("--lang", flags->lang,
                  "Language of the text, Markdown and HTML reports: en (default) or ja");
  cmd->add_option("--color", flags->color, "auto, always or never (NO_COLOR is honoured)");
  cmd->add_flag("--quiet,-q", flags->quiet, "Print nothing on standard output");
  cmd->add_flag("--strict", flags->strict, "Files that could not be scanned fail the run");
  cmd->add_flag("--partial", flags->partial,
                "Merge even when shards of the scan are missing (named on standard error; the "
                "report is marked incomplete)");
  return cmd;
}

Result<report::ScanResult> MergeScans(std::vector<report::ScanResult> scans,
                                      const std::vector<std::string>& names) {
  report::ScanResult merged;
  // file -> (the report it was first read from, its index in merged.files)
  std::map<FileKey, std::pair<size_t, size_t>> seen;
  std::map<std::pair<std::string, std::string>, size_t> skipped_kept;
  for (size_t i = 0; i < scans.size(); ++i) {
    report::ScanResult& scan = scans[i];
    if (merged.catalog == nullptr) merged.catalog = scan.catalog;
    for (std::string& root : scan.roots) {
      if (std::find(merged.roots.begin(), merged.roots.end(), root) == merged.roots.end()) {
        merged.roots.push_back(std::move(root));
      }
    }
    merged.complete = merged.complete && scan.complete;
    for (report::FileResult& file : scan.files) {
      const FileKey key = KeyOf(file);
      auto it = seen.find(key);
      if (it == seen.end()) {
        seen.emplace(key, std::make_pair(i, merged.files.size()));
        merged.files.push_back(std::move(file));
        continue;
      }
      if (!SameFile(merged.files[it->second.second], file)) {
        return Status::Error(names[i] + ": file '" + file.origin.display +
                             "' differs from its scan in " + names[it->second.first] +
                             " (were the shards run on the same files and options?)");
      }
    }
    std::map<std::pair<std::string, std::string>, size_t> here;
    for (scanner::Skipped& s : scan.skipped) {
      size_t& count = here[{s.origin, s.reason}];
      if (++count > skipped_kept[{s.origin, s.reason}]) {
        skipped_kept[{s.origin, s.reason}] = count;
        merged.skipped.push_back(std::move(s));
      }
    }
  }
  return merged;
}

Status CheckShards(const std::vector<report::ScanResult>& scans,
                   const std::vector<std::string>& names, bool partial, std::string* missing) {
  missing->clear();
  const auto shard_name = [](const report::ShardInfo& s) {
    return std::to_string(s.index) + "/" + std::to_string(s.count);
  };
  size_t first_shard = scans.size();
  size_t first_whole = scans.size();
  for (size_t i = 0; i < scans.size(); ++i) {
    size_t& first = scans[i].shard.active() ? first_shard : first_whole;
    if (first == scans.size()) first = i;
  }
  if (first_shard == scans.size()) return Status::Ok();
  if (first_whole != scans.size()) {
    return Status::Error(names[first_whole] + " is a whole scan but " + names[first_shard] +
                         " is shard " + shard_name(scans[first_shard].shard) +
                         " of one: merge the shards of one sharded scan");
  }
  const uint32_t count = scans[first_shard].shard.count;
  std::vector<size_t> given(count, scans.size());  // per K-1: the first report holding it
  for (size_t i = 0; i < scans.size(); ++i) {
    const report::ShardInfo& s = scans[i].shard;
    if (s.count != count) {
      return Status::Error(names[first_shard] + " is shard " + shard_name(scans[first_shard].shard) +
                           " but " + names[i] + " is shard " + shard_name(s) +
                           ": merge the shards of one sharded scan (same N)");
    }
    if (scans[i].roots != scans[first_shard].roots) {
      return Status::Error(names[first_shard] + " and " + names[i] +
                           " scanned different roots: merge the shards of one sharded scan "
                           "(every shard is given the same roots)");
    }
    if (given[s.index - 1] == scans.size()) given[s.index - 1] = i;
  }
  std::vector<std::string> absent;
  for (uint32_t k = 0; k < count; ++k) {
    if (given[k] == scans.size()) absent.push_back(shard_name({k + 1, count}));
  }
  if (absent.empty()) return Status::Ok();
  std::string list;
  constexpr size_t kListed = 10;
  for (size_t i = 0; i < absent.size() && i < kListed; ++i) {
    list += (i == 0 ? "" : ", ") + absent[i];
  }
  if (absent.size() > kListed) list += " and " + std::to_string(absent.size() - kListed) + " more";
  if (partial) {
    *missing = list;
    return Status::Ok();
  }
  return Status::Error(std::string(absent.size() == 1 ? "shard " : "shards ") + list +
                       (absent.size() == 1 ? " is" : " are") + " missing (" +
                       std::to_string(count - absent.size()) + " of " + std::to_string(count) +
                       " given): merge every shard's report, or pass --partial to merge these "
                       "and mark the report incomplete");
}

namespace {

// Exit code of the merged findings under --fail-on (as `iescan scan` decides it).
int MergeExitCode(const report::Plan& plan, const std::string& fail_on, bool strict) {
  if (strict && !plan.skipped.empty()) return kExitFindings;
  if (fail_on == "none") return kExitClean;
  std::set<std::string> context_only;
  for (const report::PlanFile& file : plan.files) {
    if (file.context_only) context_only.insert(file.path);
  }
  const bool by_priority = fail_on.size() == 2 && fail_on[0] == 'P';
  rules::Severity threshold = rules::Severity::kBlocker;
  if (!by_priority && !rules::ParseSeverity(fail_on, &threshold)) return kExitClean;
  for (const report::PlanFinding& f : plan.findings) {
    if (f.suppressed || f.baseline == "unchanged" || context_only.count(f.path) != 0) continue;
    const bool at_or_above = by_priority
                                 ? report::PriorityName(f.priority)[1] <= fail_on[1]
                                 : static_cast<int>(f.severity) >= static_cast<int>(threshold);
    if (at_or_above) return kExitFindings;
  }
  return kExitClean;
}

bool ValidFailOn(const std::string& s) {
  rules::Severity unused;
  return s == "none" || rules::ParseSeverity(s, &unused) || s == "P1" || s == "P2" || s == "P3" ||
         s == "P4";
}

bool WantColor(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && no_color[0] != '\0') return false;
  return isatty(STDOUT_FILENO) == 1;
}

// Reads every report; the texts are kept for the configuration lookup.
Result<std::vector<report::ScanResult>> ReadReports(const std::vector<std::string>& paths,
                                                    const std::vector<std::string>& texts,
                                                    const rules::Catalog& catalog) {
  std::vector<report::ScanResult> scans;
  for (size_t i = 0; i < paths.size(); ++i) {
    Result<report::ScanResult> scan = report::ReadJsonReport(texts[i], paths[i], catalog);
    if (!scan.ok()) return scan.status();
    scans.push_back(std::move(scan).value());
  }
  return scans;
}

// The requested outputs: report files and the standard-output format.
Status ResolveOutputs(const MergeFlags& flags,
                      std::vector<std::pair<std::string, report::Format>>* files,
                      report::Format* stdout_format) {
  for (const std::string& path : flags.outputs) {
    if (std::find(flags.inputs.begin(), flags.inputs.end(), path) != flags.inputs.end()) {
      return Status::Error("-o " + path + ": is also a report to merge");
    }
    Result<report::Format> format = report::FormatFromPath(path);
    if (!format.ok()) return Status::Error("-o " + path + ": " + format.status().message());
    files->emplace_back(path, *format);
  }
  *stdout_format = report::Format::kText;
  if (!flags.format.empty()) {
    Result<report::Format> format = report::FormatFromName(flags.format);
    if (!format.ok()) return Status::Error("--format: " + format.status().message());
    *stdout_format = *format;
  }
  return Status::Ok();
}

// Writes the report files, then standard output (as `iescan scan` does).
Status WriteOutputs(const report::Plan& plan, const MergeFlags& flags,
                    const std::vector<std::pair<std::string, report::Format>>& files,
                    report::Format stdout_format, report::Lang lang, std::ostream& out) {
  report::WriteOptions write_options;
  Result<report::Messages> messages = report::Messages::Builtin();
  for (const std::string& dir : flags.rule_dirs) {
    if (Status st = messages.ok() ? messages->AddDirectory(dir) : messages.status(); !st.ok()) {
      return st;
    }
  }
  write_options.lang = lang;
  write_options.messages = messages.ok() ? &*messages : nullptr;
  for (const auto& [path, format] : files) {
    if (Status st = WriteReportFile(plan, format, write_options, path); !st.ok()) return st;
  }
  write_options.text.color = WantColor(flags.color);
  write_options.text.summary_only = !files.empty() && flags.format.empty();
  if (!flags.quiet || !flags.format.empty()) {
    return report::Write(plan, stdout_format, write_options, out);
  }
  return Status::Ok();
}

}  // namespace

int RunMerge(const MergeFlags& given, const char* version, std::ostream& out, std::ostream& err) {
  const auto fail = [&](const std::string& message) {
    err << "iescan: " << message << "\n";
    return kExitUsage;
  };
  std::vector<std::string> texts;
  for (const std::string& path : given.inputs) {
    Result<std::string> text = ReadWhole(path);
    if (!text.ok()) return fail(text.status().message());
    texts.push_back(std::move(text).value());
  }
  Result<Config> config = MergeConfigFile(given, texts);
  if (!config.ok()) return fail(config.status().message());
  MergeFlags flags = given;
  if (flags.rule_dirs.empty()) flags.rule_dirs = config->rule_dirs;
  if (flags.outputs.empty()) flags.outputs = config->outputs;
  if (flags.fail_on.empty()) flags.fail_on = config->fail_on.value_or("blocker");
  if (flags.lang.empty() && config->lang) flags.lang = *config->lang;
  Result<report::Lang> lang = report::ParseLang(flags.lang.empty() ? "en" : flags.lang);
  if (!lang.ok()) return fail("--lang: " + lang.status().message());
  if (!ValidFailOn(flags.fail_on)) {
    return fail(
        "--fail-on: expected one of blocker, high, medium, low, P1, P2, P3, P4, none; "
        "got '" +
        flags.fail_on + "'");
  }
  std::vector<std::pair<std::string, report::Format>> files;
  report::Format stdout_format = report::Format::kText;
  if (Status st = ResolveOutputs(flags, &files, &stdout_format); !st.ok()) {
    return fail(st.message());
  }
  Result<rules::Catalog> catalog = LoadMergeCatalog(flags.rule_dirs, *config);
  if (!catalog.ok()) return fail(catalog.status().message());
  Result<std::vector<report::ScanResult>> scans = ReadReports(flags.inputs, texts, *catalog);
  if (!scans.ok()) return fail(scans.status().message());
  std::string missing;
  if (Status st = CheckShards(*scans, flags.inputs, flags.partial, &missing); !st.ok()) {
    return fail(st.message());
  }
  Result<report::ScanResult> merged = MergeScans(std::move(scans).value(), flags.inputs);
  if (!merged.ok()) return fail(merged.status().message());
  if (!missing.empty()) {
    err << "iescan: warning: merging without shard" << (missing.find(',') == std::string::npos ? " " : "s ")
        << missing << "; the report is marked incomplete\n";
    merged->complete = false;
  }
  Result<report::PlanOptions> plan_options = PlanOptionsFor(*config, version);
  if (!plan_options.ok()) return fail(plan_options.status().message());
  const report::Plan plan = report::BuildPlan(std::move(*merged), *plan_options);

  if (Status st = WriteOutputs(plan, flags, files, stdout_format, *lang, out); !st.ok()) {
    return fail(st.message());
  }
  out.flush();
  return MergeExitCode(plan, flags.fail_on, flags.strict);
}

}  // namespace iescan::app
