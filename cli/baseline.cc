#include "cli/baseline.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>
#include <tuple>

#include "report/app_name.h"
#include "report/fingerprint.h"
#include "rules/engine/redact.h"

namespace iescan::app {
namespace {

using nlohmann::ordered_json;

std::string KeyOf(std::string_view fingerprint) {
  return std::string(fingerprint.substr(0, fingerprint.find(':')));
}

}  // namespace

std::string RootRelativePath(const scanner::Origin& origin) {
  // The same path the report's fingerprints use (report/fingerprint.h).
  if (origin.is_url) return origin.display;
  return std::string(report::RootRelativePath(origin.display, origin.root));
}

void AssignFileFingerprints(report::FileResult* file) {
  const std::string path = RootRelativePath(file->origin);
  std::map<std::string, uint32_t> seen;
  for (rules::Finding& f : file->findings) {
    std::string rule = f.rule ? f.rule->id : "";
    std::string normalized = report::NormalizeSnippet(f.snippet);
    std::string key = KeyOf(report::Fingerprint(rule, path, normalized, 0));
    f.fingerprint = report::Fingerprint(rule, path, normalized, seen[key]++);
  }
}

void AssignFingerprints(report::ScanResult* result, unsigned threads) {
  std::deque<report::FileResult>& files = result->files;
  auto work = [&](size_t from, size_t to) {
    for (size_t i = from; i < to; ++i) {
      // A file whose findings were spilled had them assigned first (scan_runner.cc).
      if (files[i].spilled.count == 0) AssignFileFingerprints(&files[i]);
    }
  };
  const size_t n = files.size();
  threads = static_cast<unsigned>(std::clamp<size_t>(threads, 1, std::max<size_t>(n / 64, 1)));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, n * t / threads, n * (t + 1) / threads);
  work(0, n / threads);
  for (std::thread& thread : pool) thread.join();
}

Baseline BaselineFromScan(const report::ScanResult& result) {
  std::map<std::tuple<std::string, std::string, std::string>, BaselineEntry> entries;
  report::ForEachFile(result, [&](const report::FileResult& file) {
    // Entries are matched by fingerprint only; the path is for people reading the file, and
    // like every path iescan writes it shows no credential (a crawled URL, a session id).
    std::string path = RootRelativePath(file.origin);
    rules::RedactInPlace(&path);
    for (const rules::Finding& f : report::ReadFindings(result, file)) {
      if (f.suppressed) continue;
      std::string rule = f.rule ? f.rule->id : "";
      std::string key = KeyOf(f.fingerprint);
      BaselineEntry& e = entries[{path, rule, key}];
      e.key = key;
      e.rule = rule;
      e.path = path;
      if (e.snippet.empty()) e.snippet = report::NormalizeSnippet(f.snippet);
      ++e.count;
    }
  });
  Baseline baseline;
  for (auto& [k, e] : entries) baseline.entries.push_back(std::move(e));
  return baseline;
}

std::string SerializeBaseline(const Baseline& baseline) {
  ordered_json doc;
  doc["schema"] = "iescan-baseline/1";
  ordered_json list = ordered_json::array();
  for (const BaselineEntry& e : baseline.entries) {
    list.push_back({{"path", e.path}, {"rule", e.rule}, {"fingerprint", e.key},
                    {"count", e.count}, {"snippet", e.snippet}});
  }
  doc["findings"] = std::move(list);
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

Result<Baseline> ParseBaseline(const std::string& text, const std::string& path) {
  ordered_json doc = ordered_json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    return Status::Error(path + ": not a baseline file (invalid JSON)");
  }
  if (!doc.contains("schema") || doc["schema"] != "iescan-baseline/1") {
    return Status::Error(path + ": key 'schema': expected \"iescan-baseline/1\"");
  }
  if (!doc.contains("findings") || !doc["findings"].is_array()) {
    return Status::Error(path + ": key 'findings': expected an array");
  }
  Baseline baseline;
  size_t i = 0;
  for (const ordered_json& e : doc["findings"]) {
    std::string where = path + ": key 'findings[" + std::to_string(i++) + "]";
    if (!e.is_object()) return Status::Error(where + "': expected an object");
    BaselineEntry entry;
    for (const char* key : {"path", "rule", "fingerprint"}) {
      if (!e.contains(key) || !e[key].is_string()) {
        return Status::Error(where + "." + key + "': expected a string");
      }
    }
    if (!e.contains("count") || !e["count"].is_number_unsigned()) {
      return Status::Error(where + ".count': expected a positive whole number");
    }
    entry.path = e["path"].get<std::string>();
    entry.rule = e["rule"].get<std::string>();
    entry.key = e["fingerprint"].get<std::string>();
    entry.count = e["count"].get<uint32_t>();
    if (e.contains("snippet") && e["snippet"].is_string()) {
      entry.snippet = e["snippet"].get<std::string>();
    }
    baseline.entries.push_back(std::move(entry));
  }
  return baseline;
}

Result<Baseline> LoadBaseline(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(path + ": cannot read the baseline file");
  std::ostringstream text;
  text << in.rdbuf();
  return ParseBaseline(text.str(), path);
}

BaselineOutcome ApplyBaseline(const Baseline& baseline, report::ScanResult* result) {
  std::map<std::string, uint32_t> remaining;  // key -> count still available
  std::map<std::string, uint32_t> used;
  for (const BaselineEntry& e : baseline.entries) remaining[e.key] += e.count;
  BaselineOutcome outcome;
  report::ForEachFile(*result, [&](report::FileResult& file) {
    std::vector<rules::Finding> findings = report::TakeFindings(*result, file);
    for (rules::Finding& f : findings) {
      if (f.suppressed) continue;
      std::string key = KeyOf(f.fingerprint);
      auto it = remaining.find(key);
      if (it != remaining.end() && it->second > 0) {
        --it->second;
        ++used[key];
        f.baseline = rules::BaselineState::kUnchanged;
        ++outcome.unchanged;
      } else {
        f.baseline = rules::BaselineState::kNew;
        ++outcome.new_findings;
      }
    }
    report::PutFindings(*result, file, std::move(findings));
  });
  for (const BaselineEntry& e : baseline.entries) {
    uint32_t& left = remaining[e.key];
    uint32_t gone = std::min(left, e.count);
    left -= gone;
    BaselineEntry kept = e;
    kept.count = e.count - gone;
    if (gone > 0) {
      BaselineEntry fixed = e;
      fixed.count = gone;
      outcome.fixed.push_back(std::move(fixed));
    }
    if (kept.count > 0) outcome.pruned.entries.push_back(std::move(kept));
  }
  return outcome;
}

}  // namespace iescan::app
