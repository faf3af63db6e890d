#include "cli/app_main.h"

#include <signal.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <functional>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "cli/atomic_write.h"
#include "cli/baseline.h"
#include "scanner/core/spill_file.h"
#include "cli/changed_files.h"
#include "cli/cli_doc.h"
#include "cli/config.h"
#include "cli/merge.h"
#include "cli/priority_config.h"
#include "cli/scan_runner.h"
#include "report/i18n.h"
#include "report/plan.h"
#include "report/writers/writers.h"
#include "rules/engine/catalog.h"
#include "rules/engine/engine.h"

#ifndef IESCAN_VERSION
#define IESCAN_VERSION "0.1.0"
#endif

namespace iescan::app {
namespace {

// Set by SIGINT/SIGTERM: the scan stops starting files, every requested output is written
// for what was done (marked incomplete) and the exit code is 130. A second signal ends the
// process at once (SA_RESETHAND).
std::atomic<bool> g_interrupted{false};

extern "C" void OnInterrupt(int) { g_interrupted.store(true, std::memory_order_relaxed); }

void InstallInterruptHandlers() {
  struct sigaction action {};
  action.sa_handler = OnInterrupt;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESETHAND;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

constexpr int kExitInterrupted = 130;

// Parses "32M", "32MiB", "1048576", "2G", "512k" into bytes.
bool ParseSize(const std::string& text, uint64_t* out) {
  if (text.empty()) return false;
  size_t pos = 0;
  uint64_t value = 0;
  while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
    if (value > (UINT64_MAX - 9) / 10) return false;
    value = value * 10 + static_cast<uint64_t>(text[pos] - '0');
    ++pos;
  }
  if (pos == 0) return false;
  std::string unit = text.substr(pos);
  for (char& c : unit) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  uint64_t mult = 1;
  if (unit.empty() || unit == "b") {
    mult = 1;
  } else if (unit == "k" || unit == "kb" || unit == "kib") {
    mult = 1ull << 10;
  } else if (unit == "m" || unit == "mb" || unit == "mib") {
    mult = 1ull << 20;
  } else if (unit == "g" || unit == "gb" || unit == "gib") {
    mult = 1ull << 30;
  } else {
    return false;
  }
  if (value > UINT64_MAX / mult) return false;
  *out = value * mult;
  return true;
}

struct ScanFlags {
  std::vector<std::string> paths;
  std::string format;
  std::vector<std::string> outputs;
  unsigned jobs = 0;
  std::vector<std::string> include;
  std::vector<std::string> exclude;
  std::string max_file_size;  // default 32MiB
  std::string spill_after = "16MiB";  // --spill-after SIZE|never
  bool no_ignore = false;
  bool follow_symlinks = false;
  std::vector<std::string> rule_dirs;
  bool no_prefilter = false;
  std::string html_reader = "tokens";  // --html-reader tokens|gumbo (scanner/document)
  bool stats = false;  // --stats: time per stage and per rule on standard error
  std::string color = "auto";
  std::string fail_on;  // default blocker
  bool quiet = false;
  std::string config_path;
  std::string lang;  // --lang en|ja (report/i18n.h); empty: the config's, else en
  std::string shard;  // --shard K/N (cli/shard.h); empty: the whole tree
  CrawlFlags crawl;  // for http:// and https:// roots
};

// Fills every flag the command line left unset from the configuration file. Lists given on
// the command line replace the file's lists.
void MergeConfig(const Config& config, ScanFlags* flags) {
  if (flags->include.empty()) flags->include = config.include;
  if (flags->exclude.empty()) flags->exclude = config.exclude;
  if (flags->rule_dirs.empty()) flags->rule_dirs = config.rule_dirs;
  if (flags->outputs.empty()) flags->outputs = config.outputs;
  if (flags->fail_on.empty() && config.fail_on) flags->fail_on = *config.fail_on;
  if (flags->lang.empty() && config.lang) flags->lang = *config.lang;
  if (flags->max_file_size.empty() && config.max_file_size) {
    flags->max_file_size = *config.max_file_size;
  }
  if (flags->fail_on.empty()) flags->fail_on = "blocker";
  if (flags->max_file_size.empty()) flags->max_file_size = "32MiB";
}

bool WantColor(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && no_color[0] != '\0') return false;
  return isatty(STDOUT_FILENO) == 1;
}

Result<rules::Catalog> LoadCatalog(const std::vector<std::string>& dirs,
                                   const Config* config = nullptr) {
  Result<rules::Catalog> catalog = rules::Catalog::Builtin();
  if (!catalog.ok()) return catalog.status();
  for (const std::string& dir : dirs) {
    Status st = catalog->AddDirectory(dir);
    if (!st.ok()) return st;
  }
  if (config != nullptr) {
    for (const auto& [id, setting] : config->rules) {
      Status st = catalog->Configure(id, setting);
      if (!st.ok()) return Status::Error(config->path + ": key 'rules." + id + "': " + st.message());
    }
  }
  return catalog;
}

// Flags of the CI gate: baselines and strictness.
struct GateFlags {
  std::string baseline;        // --baseline FILE
  bool update_baseline = false;
  bool strict = false;         // skipped files fail the run
  std::string changed_since;   // --changed-since REV
  std::string files_from;      // --files-from FILE
  bool include_vendored = false;  // report findings inside bundled third-party libraries
};

bool IsPriorityName(const std::string& s) {
  return s == "P1" || s == "P2" || s == "P3" || s == "P4";
}

// --fail-on P1..P4: a finding at or above that priority class (P1 is the highest) that is
// new, not suppressed, and not in a file scanned only for reach.
int PriorityGateExitCode(const report::Plan& plan, const std::string& fail_on) {
  std::set<std::string> context_only;
  for (const report::PlanFile& file : plan.files) {
    if (file.context_only) context_only.insert(file.path);
  }
  const int threshold = fail_on[1] - '0';
  for (const report::PlanFinding& f : plan.findings) {
    if (f.suppressed || f.baseline == "unchanged" || context_only.count(f.path)) continue;
    if (report::PriorityName(f.priority)[1] - '0' <= threshold) return kExitFindings;
  }
  return kExitClean;
}

// Exit code for a finished scan under --fail-on: findings that are suppressed or already in
// the baseline do not count.
int GateExitCode(const report::ScanResult& result, const std::string& fail_on, bool strict) {
  if (strict && !result.skipped.empty()) return kExitFindings;
  if (fail_on == "none") return kExitClean;
  rules::Severity threshold;
  if (!rules::ParseSeverity(fail_on, &threshold)) return kExitClean;
  bool failed = false;
  report::ForEachFile(result, [&](const report::FileResult& file) {
    if (failed || file.context_only) return;
    for (const rules::Finding& f : report::ReadFindings(result, file)) {
      if (f.suppressed || f.baseline == rules::BaselineState::kUnchanged) continue;
      if (static_cast<int>(f.rule->severity) >= static_cast<int>(threshold)) failed = true;
    }
  });
  if (failed) return kExitFindings;
  return kExitClean;
}

// Applies --baseline (and --update-baseline) to the result; prints what it found on `err`.
Status ApplyBaselineFlags(const GateFlags& gate, report::ScanResult* result, std::ostream& err) {
  if (gate.baseline.empty()) return Status::Ok();
  Result<Baseline> baseline = LoadBaseline(gate.baseline);
  if (!baseline.ok()) return baseline.status();
  BaselineOutcome outcome = ApplyBaseline(*baseline, result);
  uint32_t fixed = 0;
  for (const BaselineEntry& e : outcome.fixed) fixed += e.count;
  err << "iescan: baseline " << gate.baseline << ": " << outcome.new_findings << " new, "
      << outcome.unchanged << " unchanged, " << fixed << " fixed\n";
  for (const BaselineEntry& e : outcome.fixed) {
    err << "  fixed: " << e.path << ": " << e.rule << " (x" << e.count << ") " << e.snippet
        << "\n";
  }
  if (gate.update_baseline && fixed > 0) {
    Status st = WriteTextFile(gate.baseline, SerializeBaseline(outcome.pruned));
    if (!st.ok()) return st;
    err << "iescan: baseline " << gate.baseline << " updated (" << fixed << " fixed removed)\n";
  }
  return Status::Ok();
}

int RunScanCommand(ScanFlags flags, const GateFlags& gate, bool baseline_mode, std::ostream& out,
                   std::ostream& err) {
  Result<Config> config = LoadConfig(flags.config_path, flags.paths.front());
  if (!config.ok()) {
    err << "iescan: " << config.status().message() << "\n";
    return kExitUsage;
  }
  MergeConfig(*config, &flags);
  GateFlags gate_flags = gate;
  if (gate_flags.baseline.empty() && config->baseline) gate_flags.baseline = *config->baseline;
  rules::Severity unused;
  if (flags.fail_on != "none" && !rules::ParseSeverity(flags.fail_on, &unused) &&
      !IsPriorityName(flags.fail_on)) {
    err << "iescan: --fail-on: expected one of blocker, high, medium, low, P1, P2, P3, P4, none; got '"
        << flags.fail_on << "'\n";
    return kExitUsage;
  }
  Result<report::Lang> lang = report::ParseLang(flags.lang.empty() ? "en" : flags.lang);
  if (!lang.ok()) {
    err << "iescan: --lang: " << lang.status().message() << "\n";
    return kExitUsage;
  }
  ScanOptions options;
  options.roots = flags.paths;
  options.jobs = flags.jobs;
  options.walk.include = flags.include;
  options.walk.exclude = flags.exclude;
  options.walk.use_ignore_files = !flags.no_ignore;
  options.walk.follow_symlinks = flags.follow_symlinks;
  options.walk.threads = flags.jobs;
  if (!ParseSize(flags.max_file_size, &options.walk.max_file_size)) {
    err << "iescan: --max-file-size: expected a size such as 32MiB, got '"
        << flags.max_file_size << "'\n";
    return kExitUsage;
  }
  size_t spill_after = report::kNeverSpill;
  if (flags.spill_after != "never") {
    uint64_t bytes = 0;
    if (!ParseSize(flags.spill_after, &bytes)) {
      err << "iescan: --spill-after: expected a size such as 16MiB or 'never', got '"
          << flags.spill_after << "'\n";
      return kExitUsage;
    }
    spill_after = static_cast<size_t>(std::min<uint64_t>(bytes, report::kNeverSpill - 1));
  }
  options.spill_after = spill_after;
  if (!flags.shard.empty()) {
    Result<Shard> shard = ParseShard(flags.shard);
    if (!shard.ok()) {
      err << "iescan: " << shard.status().message() << "\n";
      return kExitUsage;
    }
    options.shard = *shard;
  }
  options.engine.prefilter = !flags.no_prefilter;
  options.engine.build.html_reader = flags.html_reader == "gumbo"
                                         ? scanner::HtmlReader::kGumbo
                                         : scanner::HtmlReader::kTokens;
  options.engine.include_vendored = gate_flags.include_vendored;
  bool crawling = false;
  for (const std::string& path : flags.paths) crawling = crawling || scanner::LooksLikeUrl(path);
  Status crawl_status = FillCrawlOptions(flags.crawl, crawling, err, &options.crawl);
  if (!crawl_status.ok()) {
    err << "iescan: " << crawl_status.message() << "\n";
    return kExitUsage;
  }
  if (crawling && isatty(STDERR_FILENO) == 1) options.crawl_progress = TerminalProgress(err);
  if (!gate_flags.changed_since.empty() || !gate_flags.files_from.empty()) {
    std::set<std::string> selected;
    if (!gate_flags.changed_since.empty()) {
      Result<std::set<std::string>> changed =
          ChangedSince(gate_flags.changed_since, flags.paths.front());
      if (!changed.ok()) {
        err << "iescan: " << changed.status().message() << "\n";
        return kExitUsage;
      }
      selected.insert(changed->begin(), changed->end());
    }
    if (!gate_flags.files_from.empty()) {
      Result<std::set<std::string>> listed = ReadFileList(gate_flags.files_from);
      if (!listed.ok()) {
        err << "iescan: " << listed.status().message() << "\n";
        return kExitUsage;
      }
      selected.insert(listed->begin(), listed->end());
    }
    options.only_files = std::move(selected);
  }

  if (baseline_mode && flags.outputs.size() != 1) {
    err << "iescan: baseline: give the baseline file with -o FILE\n";
    return kExitUsage;
  }
  // Resolve every output before scanning, so a bad name fails fast.
  std::vector<std::pair<std::string, report::Format>> files;
  for (const std::string& path : flags.outputs) {
    if (baseline_mode) break;
    Result<report::Format> format = report::FormatFromPath(path);
    if (!format.ok()) {
      err << "iescan: -o " << path << ": " << format.status().message() << "\n";
      return kExitUsage;
    }
    files.emplace_back(path, *format);
  }
  report::Format stdout_format = report::Format::kText;
  if (!flags.format.empty()) {
    Result<report::Format> format = report::FormatFromName(flags.format);
    if (!format.ok()) {
      err << "iescan: --format: " << format.status().message() << "\n";
      return kExitUsage;
    }
    stdout_format = *format;
  }

  Result<rules::Catalog> catalog = LoadCatalog(flags.rule_dirs, &*config);
  if (!catalog.ok()) {
    err << "iescan: " << catalog.status().message() << "\n";
    return kExitUsage;
  }
  rules::Engine engine(*catalog, options.engine);
  options.cancel = &g_interrupted;
  ScanStats scan_stats;
  if (flags.stats) options.stats = &scan_stats;
  InstallInterruptHandlers();
  Result<report::ScanResult> result = RunScan(engine, options);
  if (!result.ok()) {
    err << "iescan: " << result.status().message() << "\n";
    return kExitUsage;
  }

  const unsigned threads =
      flags.jobs != 0 ? flags.jobs : std::max(1u, std::thread::hardware_concurrency());
  AssignFingerprints(&*result, threads);
  if (baseline_mode) {
    Baseline baseline = BaselineFromScan(*result);
    Status st = WriteTextFile(flags.outputs.front(), SerializeBaseline(baseline));
    if (!st.ok()) {
      err << "iescan: " << st.message() << "\n";
      return kExitUsage;
    }
    size_t count = 0;
    for (const BaselineEntry& e : baseline.entries) count += e.count;
    out << "wrote " << flags.outputs.front() << ": " << count << " findings in "
        << baseline.entries.size() << " entries\n";
    return kExitClean;
  }
  if (Status st = ApplyBaselineFlags(gate_flags, &*result, err); !st.ok()) {
    err << "iescan: " << st.message() << "\n";
    return kExitUsage;
  }

  Result<report::PlanOptions> plan_options = PlanOptionsFor(*config, IESCAN_VERSION);
  if (!plan_options.ok()) {
    err << "iescan: " << plan_options.status().message() << "\n";
    return kExitUsage;
  }
  plan_options->spill_after = spill_after;
  const uint64_t report_start = rules::NowNs();
  // The gate by severity reads the findings, which the plan then takes over.
  const int severity_exit = GateExitCode(*result, flags.fail_on, gate_flags.strict);
  const bool skipped_any = !result->skipped.empty();
  report::Plan plan = report::BuildPlan(std::move(*result), *plan_options);

  report::WriteOptions write_options;
  Result<report::Messages> messages = report::Messages::Builtin();
  for (const std::string& dir : flags.rule_dirs) {
    if (Status st = messages.ok() ? messages->AddDirectory(dir) : messages.status(); !st.ok()) {
      err << "iescan: " << st.message() << "\n";
      return kExitUsage;
    }
  }
  write_options.lang = *lang;
  // The findings array of a JSON report is formatted with the scan's threads.
  write_options.json.threads = threads;
  write_options.messages = messages.ok() ? &*messages : nullptr;
  for (const auto& [path, format] : files) {
    Status st = WriteReportFile(plan, format, write_options, path);
    if (!st.ok()) {
      err << "iescan: " << st.message() << "\n";
      return kExitUsage;
    }
  }
  write_options.text.color = WantColor(flags.color);
  // With report files requested and no --format, the terminal gets the summary only.
  write_options.text.summary_only = !files.empty() && flags.format.empty();
  if (!flags.quiet || !flags.format.empty()) {
    Status st = report::Write(plan, stdout_format, write_options, out);
    if (!st.ok()) {
      err << "iescan: " << st.message() << "\n";
      return kExitUsage;
    }
  }
  out.flush();
  if (flags.stats) PrintScanStats(scan_stats, rules::NowNs() - report_start, *catalog, err);
  if (g_interrupted.load()) {
    err << "iescan: interrupted; the reports cover only the files scanned so far and are "
           "marked incomplete\n";
    return kExitInterrupted;
  }
  if (IsPriorityName(flags.fail_on)) {
    if (gate_flags.strict && skipped_any) return kExitFindings;
    return PriorityGateExitCode(plan, flags.fail_on);
  }
  return severity_exit;
}

int RunRulesCommand(const std::vector<std::string>& dirs, const std::string& format,
                    std::ostream& out, std::ostream& err) {
  Result<rules::Catalog> catalog = LoadCatalog(dirs);
  if (!catalog.ok()) {
    err << "iescan: " << catalog.status().message() << "\n";
    return kExitUsage;
  }
  if (format == "json") {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const rules::Rule* rule : catalog->rules()) {
      list.push_back({{"id", rule->id},
                      {"title", rule->title},
                      {"category", rule->category},
                      {"severity", rules::SeverityName(rule->severity)},
                      {"confidence", rules::ConfidenceName(rule->confidence)},
                      {"effort", rules::EffortName(rule->effort)},
                      {"languages", rule->languages},
                      {"prefilter", rule->prefilter},
                      {"replacement", rule->replacement}});
    }
    out << list.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return kExitClean;
  }
  if (!format.empty() && format != "text") {
    err << "iescan: --format: expected text or json, got '" << format << "'\n";
    return kExitUsage;
  }
  size_t width = 0;
  for (const rules::Rule* rule : catalog->rules()) width = std::max(width, rule->id.size());
  for (const rules::Rule* rule : catalog->rules()) {
    std::string sev(rules::SeverityName(rule->severity));
    out << rule->id << std::string(width + 2 - rule->id.size(), ' ') << sev
        << std::string(9 - std::min<size_t>(sev.size(), 8), ' ') << rule->title << "\n";
  }
  out << catalog->rules().size() << " rules\n";
  return kExitClean;
}

int RunExplainCommand(const std::vector<std::string>& dirs, const std::string& id,
                      std::ostream& out, std::ostream& err) {
  Result<rules::Catalog> catalog = LoadCatalog(dirs);
  if (!catalog.ok()) {
    err << "iescan: " << catalog.status().message() << "\n";
    return kExitUsage;
  }
  const rules::Rule* rule = catalog->Find(id);
  if (rule == nullptr) {
    err << "iescan: no rule '" << id << "' (see `iescan rules`)\n";
    return kExitUsage;
  }
  out << rule->doc;
  if (!rule->doc.empty() && rule->doc.back() != '\n') out << "\n";
  out << "\nid: " << rule->id << "  severity: " << rules::SeverityName(rule->severity)
      << "  confidence: " << rules::ConfidenceName(rule->confidence)
      << "  effort: " << rules::EffortName(rule->effort) << "\n";
  return kExitClean;
}

void AddScanOptions(CLI::App* cmd, ScanFlags* flags) {
  cmd->add_option("paths", flags->paths,
                  "Directories, files or http(s) URLs (crawled) to scan")->required();
  cmd->add_option("--format,-f", flags->format,
                  "Output format on standard output: text or json (default text)");
  cmd->add_option("-o,--output", flags->outputs,
                  "Write a report file; the format follows the extension (repeatable)");
  cmd->add_option("--jobs,-j", flags->jobs, "Threads to scan with (default: all cores)");
  cmd->add_option("--include", flags->include, "Only scan files matching this glob");
  cmd->add_option("--exclude", flags->exclude, "Skip files matching this glob");
  cmd->add_option("--max-file-size", flags->max_file_size,
                  "Skip files larger than this (default 32MiB)");
  cmd->add_option("--spill-after", flags->spill_after,
                  "Keep at most this much of the findings in memory, the rest in a temporary "
                  "file in $TMPDIR (default 16MiB; 'never': all in memory)");
  cmd->add_flag("--no-ignore", flags->no_ignore, "Do not read .gitignore / .iescanignore");
  cmd->add_flag("--follow-symlinks", flags->follow_symlinks, "Follow symbolic links");
  cmd->add_option("--rules", flags->rule_dirs, "Add an organisation's rule directory");
  cmd->add_flag("--no-prefilter", flags->no_prefilter,
                "Try every rule on every file (slower; same findings)");
  cmd->add_option("--html-reader", flags->html_reader,
                  "tokens (default): read HTML tag by tag as written; gumbo: Gumbo's HTML5 "
                  "tree builder, about 3x slower, drops the tags it would not place in a tree")
      ->check(CLI::IsMember({"tokens", "gumbo"}));
  cmd->add_flag("--stats", flags->stats,
                "After the run, print the time of each stage, the peak memory and the slowest "
                "rules on standard error");
  cmd->add_option("--color", flags->color, "auto, always or never (NO_COLOR is honoured)");
  cmd->add_option("--fail-on", flags->fail_on,
                  "Exit 1 when a finding is at or above this severity: blocker (default), "
                  "high, medium, low, or none");
  cmd->add_flag("--quiet,-q", flags->quiet, "Print nothing on standard output");
  cmd->add_option("--lang", flags->lang,
                  "Language of the text, Markdown and HTML reports: en (default) or ja");
  cmd->add_option("--config", flags->config_path,
                  "Configuration file (default: .iescan.json found from the first path upward)");
  AddCrawlOptions(cmd, &flags->crawl);
  // Repeatable options take exactly one value per use: `scan -o r.json site/` must never
  // read the path to scan as a second output file.
  for (CLI::Option* option : cmd->get_options()) {
    if (!option->get_positional()) option->allow_extra_args(false);
  }
}

int RunInitCommand(bool force, std::ostream& out, std::ostream& err) {
  const std::string path = ".iescan.json";
  if (!force && std::ifstream(path).good()) {
    err << "iescan: " << path << " already exists (use --force to overwrite)\n";
    return kExitUsage;
  }
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << StarterConfig();
  if (!file) {
    err << "iescan: cannot write " << path << "\n";
    return kExitUsage;
  }
  out << "wrote " << path << "\n";
  return kExitClean;
}

}  // namespace

int Main(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CLI::App app{"iescan: find the code in intranet web apps that only works in Internet "
               "Explorer, and plan its migration"};
  app.name("iescan");
  app.require_subcommand(0, 1);
  bool version = false;
  app.add_flag("--version", version, "Print the version and exit");

  ScanFlags scan_flags;
  GateFlags gate_flags;
  CLI::App* scan = app.add_subcommand("scan", "Scan source trees for IE-only code");
  AddScanOptions(scan, &scan_flags);
  scan->add_option("--baseline", gate_flags.baseline,
                   "Fail only on findings not recorded in this baseline file");
  scan->add_flag("--update-baseline", gate_flags.update_baseline,
                 "Remove fixed findings from the --baseline file");
  scan->add_flag("--strict", gate_flags.strict, "Files that could not be scanned fail the run");
  scan->add_option("--changed-since", gate_flags.changed_since,
                   "Scan only files changed since this git revision (and what they load)");
  scan->add_flag("--include-vendored", gate_flags.include_vendored,
                 "Report findings inside bundled libraries (jQuery, YUI...) one by one instead "
                 "of folding them under the library");
  scan->add_option("--files-from", gate_flags.files_from,
                   "Scan only the files listed in this file, one per line ('-': stdin)");
  scan->add_option("--shard", scan_flags.shard,
                   "Scan only share K of N (K/N): a stable hash of each root-relative path "
                   "(or seed URL) picks the share; join the shards' JSON with iescan merge");
  MergeFlags merge_flags;
  CLI::App* merge_cmd = AddMergeCommand(&app, &merge_flags);

  ScanFlags baseline_flags;
  CLI::App* baseline_cmd = app.add_subcommand(
      "baseline", "Record today's findings so that CI fails only on new ones (-o FILE)");
  AddScanOptions(baseline_cmd, &baseline_flags);

  std::vector<std::string> rules_dirs;
  std::string rules_format;
  CLI::App* rules_cmd = app.add_subcommand("rules", "List the rule catalogue");
  rules_cmd->add_option("--rules", rules_dirs, "Add an organisation's rule directory");
  rules_cmd->add_option("--format,-f", rules_format, "text or json");

  std::string explain_id;
  CLI::App* explain = app.add_subcommand("explain", "Print a rule's documentation");
  explain->add_option("id", explain_id, "Rule id, e.g. dom.document-all")->required();
  explain->add_option("--rules", rules_dirs, "Add an organisation's rule directory");

  bool init_force = false;
  CLI::App* init = app.add_subcommand("init", "Write a commented starter .iescan.json here");
  init->add_flag("--force", init_force, "Overwrite an existing file");

  CLI::App* man = app.add_subcommand("man", "Print the manual page (roff)");
  std::string shell;
  CLI::App* completion = app.add_subcommand("completion", "Print a shell completion script");
  completion->add_option("shell", shell, "Shell: bash")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e, out, err);
    return code == 0 ? kExitClean : kExitUsage;
  }
  if (version) {
    out << "iescan " << IESCAN_VERSION << "\n";
    return kExitClean;
  }
  try {
    if (scan->parsed()) return RunScanCommand(scan_flags, gate_flags, false, out, err);
    if (baseline_cmd->parsed()) return RunScanCommand(baseline_flags, GateFlags{}, true, out, err);
    if (merge_cmd->parsed()) return RunMerge(merge_flags, IESCAN_VERSION, out, err);
  } catch (const SpillError& e) {
    // The temporary file of a large run failed under it (scanner/core/spill_file.h): no
    // report rather than a wrong one.
    err << "iescan: " << e.what() << "\n";
    return kExitUsage;
  }
  if (rules_cmd->parsed()) return RunRulesCommand(rules_dirs, rules_format, out, err);
  if (explain->parsed()) return RunExplainCommand(rules_dirs, explain_id, out, err);
  if (init->parsed()) return RunInitCommand(init_force, out, err);
  if (man->parsed()) {
    out << ManPage(app, IESCAN_VERSION);
    return kExitClean;
  }
  if (completion->parsed()) {
    if (shell != "bash") {
      err << "iescan: completion: only bash is supported, got '" << shell << "'\n";
      return kExitUsage;
    }
    out << BashCompletion(app);
    return kExitClean;
  }
  out << app.help();
  return kExitUsage;
}

}  // namespace iescan::app
