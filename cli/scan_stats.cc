#include "cli/scan_stats.h"

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "scanner/core/shared_text.h"
#include "scanner/core/spill_file.h"

namespace iescan::app {
namespace {

std::string Row(std::string_view name, uint64_t ns, uint64_t total_ns) {
  char line[160];
  double seconds = static_cast<double>(ns) / 1e9;
  double share =
      total_ns == 0 ? 0.0 : 100.0 * static_cast<double>(ns) / static_cast<double>(total_ns);
  std::snprintf(line, sizeof(line), "  %-40.*s %9.3f s %6.1f%%\n", static_cast<int>(name.size()),
                name.data(), seconds, share);
  return line;
}

}  // namespace

void ScanStats::Add(const ScanStats& other) {
  wall_ns += other.wall_ns;
  list_ns += other.list_ns;
  read_ns += other.read_ns;
  decode_ns += other.decode_ns;
  files_read += other.files_read;
  bytes_read += other.bytes_read;
  engine.Add(other.engine);
}

void PrintScanStats(const ScanStats& stats, uint64_t report_ns, const rules::Catalog& catalog,
                    std::ostream& out, size_t top_rules) {
  const rules::EngineStats& e = stats.engine;
  const std::vector<std::pair<std::string_view, uint64_t>> stages = {
      {"list", stats.list_ns},
      {"read", stats.read_ns},
      {"decode", stats.decode_ns},
      {"prefilter", e.prefilter_ns},
      {"document build", e.document_ns},
      {"document mode, references", e.facts_ns},
      {"match: js tokens", e.js_ns},
      {"match: vbs tokens", e.vbs_ns},
      {"match: css", e.css_ns},
      {"match: markup", e.markup_ns},
      {"match: regex", e.regex_ns},
      {"match: checks", e.checks_ns},
      {"findings, suppressions", e.findings_ns},
      {"report", report_ns},
  };
  uint64_t total = 0;
  for (const auto& stage : stages) total += stage.second;
  char head[200];
  std::snprintf(head, sizeof(head),
                "iescan stats: %llu files read (%.1f MB), %llu scanned, %llu documents built, "
                "scan wall %.3f s\n",
                static_cast<unsigned long long>(stats.files_read),
                static_cast<double>(stats.bytes_read) / 1e6,
                static_cast<unsigned long long>(e.files),
                static_cast<unsigned long long>(e.built), static_cast<double>(stats.wall_ns) / 1e9);
  out << head << "stage (elapsed time, summed over threads)        time    share\n";
  for (const auto& [name, ns] : stages) out << Row(name, ns, total);
  out << Row("total", total, total);
  // The process' high-water mark so far (the report is written by now): what to plan a
  // machine or a shard size by (docs/scale.md).
  struct rusage usage {};
  if (getrusage(RUSAGE_SELF, &usage) == 0) {
    char peak[80];
    std::snprintf(peak, sizeof(peak), "peak resident memory %.0f MB\n",
                  static_cast<double>(usage.ru_maxrss) * 1024 / 1e6);
    out << peak;
  }
  {
    char pool[128];
    std::snprintf(pool, sizeof(pool),
                  "shared texts %zu distinct, %.1f MB of characters, %.1f MB of table\n",
                  SharedText::PoolSize(), static_cast<double>(SharedText::PoolBytes()) / 1e6,
                  static_cast<double>(SharedText::PoolTableBytes()) / 1e6);
    out << pool;
  }
  {
    char spilled[96];
    std::snprintf(spilled, sizeof(spilled), "spilled to temporary files %.1f MB (--spill-after)\n",
                  static_cast<double>(SpillFile::TotalAppended()) / 1e6);
    out << spilled;
  }

  std::vector<std::pair<uint64_t, size_t>> rules;
  for (size_t r = 0; r < e.rule_ns.size(); ++r) {
    if (e.rule_ns[r] > 0) rules.emplace_back(e.rule_ns[r], r);
  }
  std::sort(rules.begin(), rules.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  if (rules.size() > top_rules) rules.resize(top_rules);
  if (rules.empty()) return;
  out << "slowest regex and check rules\n";
  const auto& all = catalog.rules();
  for (const auto& [ns, r] : rules) {
    std::string_view id = r < all.size() ? std::string_view(all[r]->id) : "?";
    out << Row(id, ns, total);
  }
}

}  // namespace iescan::app
