// Helpers for the rule engine tests: rules from JSON written in the test, files from text,
// and findings rendered as "line:column rule-id" for exact comparisons.
#pragma once

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "rules/engine/catalog.h"
#include "rules/engine/engine.h"
#include "rules/engine/rule.h"

namespace iescan::rules::testing {

inline scanner::TextFile MakeFile(std::string text, std::string name = "test") {
  scanner::TextFile file;
  file.origin.display = std::move(name);
  file.text = std::move(text);
  file.encoding = "UTF-8";
  file.encoding_source = "default";
  file.lines = scanner::LineIndex(file.text);
  return file;
}

// A complete rule JSON text: `id`, `languages`, `match` and `prefilter` as given, the
// other required keys filled with plain values; `extra` keys are added or replace them.
inline std::string RuleJson(const std::string& id, nlohmann::json languages, nlohmann::json match,
                            nlohmann::json prefilter,
                            nlohmann::json extra = nlohmann::json::object()) {
  nlohmann::json rule = {{"id", id},
                         {"title", "Rule " + id},
                         {"languages", std::move(languages)},
                         {"match", std::move(match)},
                         {"prefilter", std::move(prefilter)},
                         {"message", "{match} is IE-only"},
                         {"severity", "high"},
                         {"confidence", "high"},
                         {"effort", "small"},
                         {"replacement", "the standard API"},
                         {"references", {"https://developer.mozilla.org/"}}};
  for (auto it = extra.begin(); it != extra.end(); ++it) rule[it.key()] = it.value();
  return rule.dump();
}

// Parses rules (failing the test on error) into a catalogue.
inline Catalog CatalogOf(const std::vector<std::string>& rule_jsons) {
  Catalog catalog;
  for (const std::string& text : rule_jsons) {
    Result<Rule> rule = ParseRule(text, "", "test.json");
    EXPECT_TRUE(rule.ok()) << rule.status().message();
    if (!rule.ok()) continue;
    Status s = catalog.Add(std::move(rule).value());
    EXPECT_TRUE(s.ok()) << s.message();
  }
  return catalog;
}

inline scanner::KindInfo Kind(scanner::FileKind kind) {
  scanner::KindInfo info;
  info.kind = kind;
  return info;
}

// Scans `text` as a file of `kind`; the findings' rule pointers borrow `catalog`.
inline std::vector<Finding> ScanFindings(const Catalog& catalog, const std::string& text,
                                         scanner::FileKind kind, bool prefilter = true) {
  EngineOptions options;
  options.prefilter = prefilter;
  Engine engine(catalog, options);
  scanner::TextFile file = MakeFile(text);
  Result<FileScan> scan = engine.ScanFile(file, Kind(kind));
  EXPECT_TRUE(scan.ok()) << scan.status().message();
  if (!scan.ok()) return {};
  return std::move(scan).value().findings;
}

inline std::string Render(const Finding& f) {
  return std::to_string(f.begin.line) + ":" + std::to_string(f.begin.column) + " " +
         (f.rule ? f.rule->id : std::string("?"));
}

// "line:column rule-id" for each finding, in order.
inline std::vector<std::string> Scan(const Catalog& catalog, const std::string& text,
                                     scanner::FileKind kind, bool prefilter = true) {
  std::vector<std::string> out;
  for (const Finding& f : ScanFindings(catalog, text, kind, prefilter)) out.push_back(Render(f));
  return out;
}

}  // namespace iescan::rules::testing
