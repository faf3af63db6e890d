// The shortcuts of the engine change no result, and neither does the HTML reader. Every file under corpus/, and a generated
// sample (each corpus file joined with the next file of the same kind, so constructs from
// different files meet in one text and in one parse), is scanned twice: with the literal
// prefilter and the regex literal gate (the defaults), and with every rule and every regex
// tried everywhere. Findings, warnings, document mode, references and library detection
// must be identical. Every corpus file read with Gumbo's tree builder instead of the token
// reader gives the same scan too; joined pages, where a tree builder drops tags, at least
// every finding Gumbo gives.
#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
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

// The lines of a description, sorted (for set comparisons).
std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  std::sort(out.begin(), out.end());
  return out;
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

// Two engines over the same files: the default one and one with other options.
class TwoEngines : public ::testing::Test {
 protected:
  explicit TwoEngines(const rules::EngineOptions& other)
      : default_(Builtin(), rules::EngineOptions{}), other_(Builtin(), other) {}

  // Expects the same scan from both; returns the number of findings, to show the
  // comparison was not vacuous.
  size_t ExpectSame(const scanner::TextFile& file, scanner::KindInfo kind) {
    Result<rules::FileScan> first = default_.ScanFile(file, kind);
    Result<rules::FileScan> second = other_.ScanFile(file, kind);
    EXPECT_EQ(Describe(first), Describe(second)) << file.origin.display;
    return first.ok() ? first->findings.size() : 0;
  }

  void ExpectSameOnEveryCorpusFile() {
    std::vector<Loaded> files = LoadCorpus();
    ASSERT_GT(files.size(), 250u);
    size_t findings = 0;
    for (const Loaded& f : files) findings += ExpectSame(f.text, f.kind);
    EXPECT_GT(findings, 1000u);
  }

  rules::Engine default_;
  rules::Engine other_;
};

class ScanEquivalence : public TwoEngines {
 protected:
  ScanEquivalence() : TwoEngines(FullOptions()) {}

  static rules::EngineOptions FullOptions() {
    rules::EngineOptions options;
    options.prefilter = false;
    options.regex_gate = false;
    return options;
  }

  rules::Engine& full_ = other_;
};

TEST_F(ScanEquivalence, EveryCorpusFile) { ExpectSameOnEveryCorpusFile(); }

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

// The token reader (the default) and Gumbo's tree builder give the same scan of every
// corpus file.
class HtmlReaders : public TwoEngines {
 protected:
  HtmlReaders() : TwoEngines(GumboOptions()) {}

  static rules::EngineOptions GumboOptions() {
    rules::EngineOptions options;
    options.build.html_reader = scanner::HtmlReader::kGumbo;
    return options;
  }

  rules::Engine& tokens_ = default_;
  rules::Engine& gumbo_ = other_;
};

TEST_F(HtmlReaders, EveryCorpusFile) { ExpectSameOnEveryCorpusFile(); }

// Two pages joined in one text hold a second <html>, <head>, <body> or <frameset>: a tree
// builder merges or drops those tags, and after </frameset> it drops every tag but
// <frame> and <noframes>, scripts included. Internet Explorer's parser ran them, and the
// token reader reads them. So here the token reader finds everything Gumbo finds, in the
// same words and places, and may find more; the document mode is the same.
TEST_F(HtmlReaders, JoinedPagesFindEverythingGumboFinds) {
  std::vector<Loaded> files = LoadCorpus();
  std::map<scanner::FileKind, std::vector<const Loaded*>> by_kind;
  for (const Loaded& f : files) by_kind[f.kind.kind].push_back(&f);
  size_t joined = 0;
  size_t more = 0;
  for (const auto& [kind, group] : by_kind) {
    for (size_t i = 0; i + 1 < group.size(); ++i) {
      scanner::TextFile text = Joined(group[i]->text, group[i + 1]->text);
      Result<rules::FileScan> tokens = tokens_.ScanFile(text, group[i]->kind);
      Result<rules::FileScan> gumbo = gumbo_.ScanFile(text, group[i]->kind);
      ASSERT_TRUE(tokens.ok() && gumbo.ok()) << text.origin.display;
      std::vector<std::string> tokens_lines = Lines(Describe(tokens));
      std::vector<std::string> gumbo_lines = Lines(Describe(gumbo));
      std::vector<std::string> missing;
      std::set_difference(gumbo_lines.begin(), gumbo_lines.end(), tokens_lines.begin(),
                          tokens_lines.end(), std::back_inserter(missing));
      EXPECT_TRUE(missing.empty()) << text.origin.display << ": only Gumbo has " << missing[0];
      EXPECT_EQ(tokens->doc_mode.built_for, gumbo->doc_mode.built_for) << text.origin.display;
      if (tokens_lines != gumbo_lines) ++more;
      ++joined;
    }
  }
  EXPECT_GT(joined, 240u);
  EXPECT_LT(more, joined / 4) << "the readers should differ on a few joined pages only";
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
