// The corpus test: every annotated file under corpus/ is scanned with the built-in
// catalogue, and the set of (line, rule) findings must equal the set of `ruleid`
// annotations exactly. `ok` lines must hold a near-miss; `todo` annotations that start to
// pass must be promoted. See corpus/README.md.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "cli/scan_runner.h"
#include "rules/engine/catalog.h"
#include "rules/engine/engine.h"
#include "scanner/decode/text_file.h"
#include "tests/corpus/annotations.h"

namespace iescan {
namespace {

const std::string kCorpus = std::string(IESCAN_SOURCE_DIR) + "/corpus";

struct CorpusScan {
  rules::Catalog catalog;
  report::ScanResult result;
};

const rules::Catalog& BuiltinCatalog() {
  static const rules::Catalog* catalog = [] {
    Result<rules::Catalog> c = rules::Catalog::Builtin();
    if (!c.ok()) {
      ADD_FAILURE() << c.status().message();
      return new rules::Catalog();
    }
    return new rules::Catalog(std::move(*c));
  }();
  return *catalog;
}

report::ScanResult Scan(bool prefilter, unsigned jobs) {
  rules::EngineOptions engine_options;
  engine_options.prefilter = prefilter;
  rules::Engine engine(BuiltinCatalog(), engine_options);
  app::ScanOptions options;
  options.roots = {kCorpus};
  options.jobs = jobs;
  Result<report::ScanResult> r = app::RunScan(engine, options);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? std::move(*r) : report::ScanResult{};
}

const report::ScanResult& CorpusResult() {
  static const report::ScanResult* result = new report::ScanResult(Scan(true, 0));
  return *result;
}

scanner::TextFile Load(const report::FileResult& file) {
  scanner::SourceFile source;
  source.origin = file.origin;
  source.kind = file.kind;
  Result<scanner::Blob> blob = scanner::ReadBlob(source, 64ull << 20);
  EXPECT_TRUE(blob.ok());
  Result<scanner::TextFile> text = scanner::Decode(*blob);
  EXPECT_TRUE(text.ok());
  return std::move(*text);
}

bool ContainsPrefilterWord(const rules::Rule& rule, std::string_view line) {
  std::string lower(line);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (std::string word : rule.prefilter) {
    std::transform(word.begin(), word.end(), word.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (lower.find(word) != std::string::npos) return true;
  }
  return false;
}

TEST(Corpus, NothingSkipped) {
  const report::ScanResult& result = CorpusResult();
  EXPECT_GT(result.files.size(), 20u);
  for (const scanner::Skipped& s : result.skipped) {
    ADD_FAILURE() << s.origin << ": skipped: " << s.reason;
  }
}

TEST(Corpus, EveryFileMatchesItsAnnotations) {
  const report::ScanResult& result = CorpusResult();
  const rules::Catalog& catalog = BuiltinCatalog();
  size_t annotated_files = 0;
  for (const report::FileResult& file : result.files) {
    scanner::TextFile text = Load(file);
    std::vector<testing::Annotation> annotations = testing::ParseAnnotations(text);
    if (!annotations.empty()) ++annotated_files;

    std::set<std::pair<uint32_t, std::string>> actual;
    for (const rules::Finding& f : file.findings) {
      if (!f.suppressed) actual.insert({f.begin.line, f.rule->id});
    }
    std::set<std::pair<uint32_t, std::string>> expected;
    std::set<std::pair<uint32_t, std::string>> must_not;
    const std::string& path = file.origin.display;
    for (const testing::Annotation& a : annotations) {
      const rules::Rule* rule = catalog.Find(a.rule);
      if (rule == nullptr) {
        ADD_FAILURE() << path << ":" << a.annotation_line << ": unknown rule '" << a.rule << "'";
        continue;
      }
      std::pair<uint32_t, std::string> key{a.target_line, a.rule};
      switch (a.kind) {
        case testing::Annotation::kRuleId:
        case testing::Annotation::kTodoOk:
          expected.insert(key);
          break;
        case testing::Annotation::kOk:
          must_not.insert(key);
          if (!ContainsPrefilterWord(*rule, testing::LineText(text, a.target_line))) {
            ADD_FAILURE() << path << ":" << a.target_line << ": `ok: " << a.rule
                          << "` line holds none of the rule's prefilter words";
          }
          break;
        case testing::Annotation::kTodoRuleId:
          must_not.insert(key);
          break;
      }
    }
    for (const auto& [line, rule] : actual) {
      if (!expected.count({line, rule})) {
        bool todo = must_not.count({line, rule}) > 0;
        ADD_FAILURE() << path << ":" << line << ": " << rule
                      << (todo ? " fires on a line annotated ok/todoruleid"
                               : " fires but is not annotated");
      }
    }
    for (const auto& [line, rule] : expected) {
      if (!actual.count({line, rule})) {
        ADD_FAILURE() << path << ":" << line << ": expected " << rule << " (annotated) did not fire";
      }
    }
    // An annotation may name the guard class the finding must carry: guard=guarded.
    for (const testing::Annotation& a : annotations) {
      if (a.guard.empty() || a.kind != testing::Annotation::kRuleId) continue;
      bool seen = false;
      for (const rules::Finding& f : file.findings) {
        if (f.begin.line != a.target_line || f.rule->id != a.rule) continue;
        seen = true;
        EXPECT_EQ(rules::GuardName(f.guard), a.guard)
            << path << ":" << a.target_line << ": " << a.rule << " guard";
      }
      (void)seen;
    }
  }
  EXPECT_GT(annotated_files, 20u);
}

TEST(Corpus, EveryRuleHasAFiringCaseAndANearMiss) {
  const report::ScanResult& result = CorpusResult();
  std::map<std::string, std::pair<int, int>> counts;  // rule -> (ruleid, ok)
  for (const report::FileResult& file : result.files) {
    scanner::TextFile text = Load(file);
    for (const testing::Annotation& a : testing::ParseAnnotations(text)) {
      if (a.kind == testing::Annotation::kRuleId) counts[a.rule].first++;
      if (a.kind == testing::Annotation::kOk) counts[a.rule].second++;
    }
  }
  for (const rules::Rule* rule : BuiltinCatalog().rules()) {
    EXPECT_GT(counts[rule->id].first, 0) << rule->id << " has no `ruleid:` corpus case";
    EXPECT_GT(counts[rule->id].second, 0) << rule->id << " has no `ok:` corpus case";
  }
}

// The prefilter may only save work: scanning with every rule tried on every file must give
// exactly the same findings.
TEST(Corpus, PrefilterChangesNothing) {
  const report::ScanResult& filtered = CorpusResult();
  report::ScanResult unfiltered = Scan(false, 1);
  ASSERT_EQ(filtered.files.size(), unfiltered.files.size());
  for (size_t i = 0; i < filtered.files.size(); ++i) {
    const auto& a = filtered.files[i];
    const auto& b = unfiltered.files[i];
    ASSERT_EQ(a.origin.display, b.origin.display);
    ASSERT_EQ(a.findings.size(), b.findings.size()) << a.origin.display;
    for (size_t k = 0; k < a.findings.size(); ++k) {
      EXPECT_EQ(a.findings[k].rule->id, b.findings[k].rule->id) << a.origin.display;
      EXPECT_EQ(a.findings[k].offset, b.findings[k].offset) << a.origin.display;
    }
  }
}

}  // namespace
}  // namespace iescan
