// The shortcuts of the engine change no result. Every file under corpus/, and a generated
// sample (each corpus file joined with the next file of the same kind, so constructs from
// different files meet in one text and in one parse), is scanned twice: with the literal
// prefilter and the regex literal gate (the defaults), and with every rule and every regex
// tried everywhere. Findings, warnings, document mode, references and library detection
// must be identical.
#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "rules/engine/catalog.h"
#include "rules/engine/engine.h"
#include "scanner/decode/text_file.h"
#include "scanner/source/walker.h"

namespace iescan {
namespace {

const std::string kCorpus = std::string(IESCAN_SOURCE_DIR) + "/corpus";

const rules::Catalog& Builtin() {
  static const rules::Catalog* catalog = [] {
    Result<rules::Catalog> c = rules::Catalog::Builtin();
    EXPECT_TRUE(c.ok()) << c.status().message();
    return c.ok() ? new rules::Catalog(std::move(*c)) : new rules::Catalog();
  }();
  return *catalog;
}

// Everything a scan reports about a file, one item per line, for exact comparison.
std::string Describe(const Result<rules::FileScan>& scan) {
  if (!scan.ok()) return "error: " + scan.status().message() + "\n";
  std::ostringstream out;
  for (const rules::Finding& f : scan->findings) {
    out << f.rule->id << " @" << f.offset << "-" << f.end_offset << " " << f.begin.line << ":"
        << f.begin.column << " guard=" << static_cast<int>(f.guard) << " detail=" << f.detail
        << " match=" << f.match << " suppressed=" << f.suppressed << " msg=" << f.message
        << "\n";
  }
  for (const std::string& w : scan->warnings) out << "warning " << w << "\n";
  out << "mode " << scan->doc_mode.built_for << " / " << scan->doc_mode.compat_mode << "\n";
  for (const std::string& e : scan->doc_mode.evidence) out << "evidence " << e << "\n";
  for (const std::string& r : scan->references) out << "reference " << r << "\n";
  if (scan->library) out << "library " << scan->library->name << "\n";
  out << "folded " << scan->folded_findings << "\n";
  return out.str();
}

struct Loaded {
  scanner::KindInfo kind;
  scanner::TextFile text;
};

std::vector<Loaded> LoadCorpus() {
  Result<scanner::FileList> list = scanner::ListFiles({kCorpus}, scanner::WalkOptions{});
  EXPECT_TRUE(list.ok()) << list.status().message();
  std::vector<Loaded> out;
  if (!list.ok()) return out;
  for (const scanner::SourceFile& source : list->files) {
    Result<scanner::Blob> blob = scanner::ReadBlob(source, 64ull << 20);
    if (!blob.ok()) continue;  // binary fixtures
    Result<scanner::TextFile> text = scanner::Decode(*blob);
    if (!text.ok()) continue;
    out.push_back({source.kind, std::move(*text)});
  }
  return out;
}

scanner::TextFile Joined(const scanner::TextFile& a, const scanner::TextFile& b) {
  scanner::TextFile file;
  file.origin = a.origin;
  file.origin.display += "+joined";
  file.text = a.text + "\n" + b.text;
  file.encoding = "UTF-8";
  file.encoding_source = "default";
  file.lines = scanner::LineIndex(file.text);
  return file;
}

class ScanEquivalence : public ::testing::Test {
 protected:
  ScanEquivalence() : fast_(Builtin(), rules::EngineOptions{}), full_(Builtin(), FullOptions()) {}

  static rules::EngineOptions FullOptions() {
    rules::EngineOptions options;
    options.prefilter = false;
    options.regex_gate = false;
    return options;
  }

  // Returns the number of findings, to show the comparison was not vacuous.
  size_t ExpectSame(const scanner::TextFile& file, scanner::KindInfo kind) {
    Result<rules::FileScan> fast = fast_.ScanFile(file, kind);
    Result<rules::FileScan> full = full_.ScanFile(file, kind);
    EXPECT_EQ(Describe(fast), Describe(full)) << file.origin.display;
    return fast.ok() ? fast->findings.size() : 0;
  }

  rules::Engine fast_;
  rules::Engine full_;
};

TEST_F(ScanEquivalence, EveryCorpusFile) {
  std::vector<Loaded> files = LoadCorpus();
  ASSERT_GT(files.size(), 250u);
  size_t findings = 0;
  for (const Loaded& f : files) findings += ExpectSame(f.text, f.kind);
  EXPECT_GT(findings, 1000u);
}

TEST_F(ScanEquivalence, GeneratedSampleOfJoinedFiles) {
  std::vector<Loaded> files = LoadCorpus();
  std::map<scanner::FileKind, std::vector<const Loaded*>> by_kind;
  for (const Loaded& f : files) by_kind[f.kind.kind].push_back(&f);
  size_t joined = 0;
  size_t findings = 0;
  for (const auto& [kind, group] : by_kind) {
    for (size_t i = 0; i + 1 < group.size(); ++i) {
      scanner::TextFile text = Joined(group[i]->text, group[i + 1]->text);
      findings += ExpectSame(text, group[i]->kind);
      ++joined;
    }
  }
  EXPECT_GT(joined, 240u);
  EXPECT_GT(findings, 1000u);
}

// U+017F (long s) folds to "s" in RE2's case-insensitive matching, which an ASCII literal
// search cannot see: the gate must then let every regex run.
TEST_F(ScanEquivalence, RegexGateKeepsUnicodeFoldedMatches) {
  rules::EngineOptions gated;
  gated.prefilter = false;
  rules::Engine engine(Builtin(), gated);
  scanner::TextFile file;
  file.origin.display = "sniff.js";
  file.text =
      "var padding = '" + std::string(300, '-') + "';\n"
      "if (navigator.userAgent.indexOf('M\xC5\xBFIE') > 0) { legacy(); }\n";
  file.encoding = "UTF-8";
  file.lines = scanner::LineIndex(file.text);
  scanner::KindInfo kind;
  kind.kind = scanner::FileKind::kJs;
  Result<rules::FileScan> scan = engine.ScanFile(file, kind);
  ASSERT_TRUE(scan.ok());
  std::vector<std::string> rules;
  for (const rules::Finding& f : scan->findings) {
    rules.push_back(f.rule->id + " " + std::to_string(f.begin.line) + ":" +
                    std::to_string(f.begin.column));
  }
  EXPECT_EQ(rules, std::vector<std::string>{"sniffing.msie-user-agent 2:5"});
  EXPECT_EQ(Describe(scan), Describe(full_.ScanFile(file, kind)));
}

}  // namespace
}  // namespace iescan
