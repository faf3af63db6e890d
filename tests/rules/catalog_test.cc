// The built-in catalogue test: every rule is complete and consistent. Each failure names
// the rule and what it lacks.
//
//  - ids are unique and equal to their path (<category>/<name>.json);
//  - each rule has its .md with the headings '# ', '## What breaks', '## Why',
//    '## Replacement', '## Detection', '## References', in this order;
//  - the Replacement section's `incorrect` blocks fire the rule, its `correct` blocks do not
//    (scanned as a file of the block's language, with the whole catalogue and the prefilter);
//  - the prefilter covers every matcher: a name-based matcher's name (or the attribute or
//    receivers it requires) contains a prefilter word, and for a pattern (a regex matcher,
//    or a value pattern that is what requires the word) a prefilter word occurs in the
//    'incorrect' examples;
//  - corpus/cases/<category>/<name>.* hold a `ruleid: <id>` case and an `ok: <id>` case.
#include "rules/engine/catalog.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "rules/engine/engine.h"
#include "rules_test_util.h"

namespace iescan::rules {
namespace {

namespace fs = std::filesystem;
using scanner::FileKind;

struct Example {
  std::string language;  // the info string's first word
  bool incorrect = false;
  std::string code;
  int line = 0;  // of the opening fence, in the .md
};

struct DocOutline {
  std::vector<std::string> headings;  // '# ...' reduced to '# ', '## ...' kept whole
  std::vector<Example> examples;      // tagged blocks of the Replacement section
};

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool ContainsNoCase(const std::string& haystack, const std::string& needle) {
  return Lower(haystack).find(Lower(needle)) != std::string::npos;
}

DocOutline Outline(const std::string& doc) {
  DocOutline out;
  std::istringstream in(doc);
  std::string line, section;
  Example* open = nullptr;
  bool in_fence = false;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.rfind("```", 0) == 0) {
      if (in_fence) {
        in_fence = false;
        open = nullptr;
        continue;
      }
      in_fence = true;
      std::istringstream info(line.substr(3));
      std::string language, word;
      info >> language;
      while (info >> word) {
        if ((word == "incorrect" || word == "correct") && section == "## Replacement") {
          out.examples.push_back({language, word == "incorrect", "", number});
          open = &out.examples.back();
        }
      }
      continue;
    }
    if (in_fence) {
      if (open) open->code += line + "\n";
      continue;
    }
    if (line.rfind("# ", 0) == 0) out.headings.push_back("# ");
    if (line.rfind("## ", 0) == 0) {
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out.headings.push_back(line);
      section = line;
    }
  }
  return out;
}

bool KindOf(const std::string& language, FileKind* kind) {
  static const std::map<std::string, FileKind> kinds = {
      {"js", FileKind::kJs},   {"html", FileKind::kHtml}, {"css", FileKind::kCss},
      {"vbs", FileKind::kVbs}, {"xml", FileKind::kXml},   {"hta", FileKind::kHta},
      {"htc", FileKind::kHtc}, {"xsl", FileKind::kXsl}};
  auto it = kinds.find(language);
  if (it == kinds.end()) return false;
  *kind = it->second;
  return true;
}

class BuiltinCatalogTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<Catalog> loaded = Catalog::Builtin();
    load_error_ = loaded.ok() ? "" : loaded.status().message();
    if (loaded.ok()) catalog_ = new Catalog(std::move(loaded).value());
  }
  static void TearDownTestSuite() {
    delete catalog_;
    catalog_ = nullptr;
  }
  void SetUp() override {
    ASSERT_NE(catalog_, nullptr) << "the built-in catalogue does not load: " << load_error_;
    ASSERT_FALSE(catalog_->rules().empty()) << "the built-in catalogue has no rules";
  }
  const std::vector<const Rule*>& rules() const { return catalog_->rules(); }

  static Catalog* catalog_;
  static std::string load_error_;
};

Catalog* BuiltinCatalogTest::catalog_ = nullptr;
std::string BuiltinCatalogTest::load_error_;

TEST_F(BuiltinCatalogTest, IdsAreUniqueAndEqualTheirPath) {
  std::set<std::string> ids;
  for (unsigned long i = 0; i < kEmbeddedCatalogCount; ++i) {
    std::string path = kEmbeddedCatalog[i].path;
    if (path.size() < 5 || path.substr(path.size() - 5) != ".json") continue;
    std::string stem = path.substr(0, path.size() - 5);
    std::string id = stem.substr(0, stem.find('/')) + "." + stem.substr(stem.find('/') + 1);
    EXPECT_TRUE(ids.insert(id).second) << "duplicate rule id " << id;
    const Rule* rule = catalog_->Find(id);
    if (rule == nullptr) {
      ADD_FAILURE() << path << ": no rule with id '" << id << "' was loaded from it";
      continue;
    }
    EXPECT_EQ(rule->source, "builtin:" + path) << id;
  }
  EXPECT_EQ(ids.size(), rules().size());
}

TEST_F(BuiltinCatalogTest, DocsHaveTheHeadingsInOrder) {
  const std::vector<std::string> expected = {
      "# ", "## What breaks", "## Why", "## Replacement", "## Detection", "## References"};
  for (const Rule* rule : rules()) {
    if (rule->doc.empty()) {
      ADD_FAILURE() << rule->id << ": lacks its documentation " << rule->category << "/"
                    << rule->id.substr(rule->category.size() + 1) << ".md";
      continue;
    }
    std::vector<std::string> headings = Outline(rule->doc).headings;
    if (headings != expected) {
      std::string got;
      for (const std::string& h : headings) got += (got.empty() ? "" : " | ") + h;
      ADD_FAILURE() << rule->id << ": .md headings are [" << got
                    << "], expected [# <title> | ## What breaks | ## Why | ## Replacement | "
                       "## Detection | ## References]";
    }
  }
}

TEST_F(BuiltinCatalogTest, ExamplesFireOrStayQuiet) {
  Engine engine(*catalog_, EngineOptions{});
  for (const Rule* rule : rules()) {
    DocOutline outline = Outline(rule->doc);
    bool has_incorrect = false, has_correct = false;
    for (const Example& ex : outline.examples) {
      (ex.incorrect ? has_incorrect : has_correct) = true;
      FileKind kind;
      if (!KindOf(ex.language, &kind)) {
        ADD_FAILURE() << rule->id << ": example at .md line " << ex.line << " has language '"
                      << ex.language << "'; expected js, html, css, vbs, xml, hta, htc or xsl";
        continue;
      }
      scanner::TextFile file = testing::MakeFile(ex.code, rule->id + ".md");
      Result<FileScan> scan = engine.ScanFile(file, testing::Kind(kind));
      if (!scan.ok()) {
        ADD_FAILURE() << rule->id << ": example at .md line " << ex.line
                      << " cannot be scanned: " << scan.status().message();
        continue;
      }
      bool fired = false;
      for (const Finding& f : scan->findings) fired = fired || f.rule == rule;
      if (ex.incorrect && !fired) {
        std::string why;
        for (const Finding& f : scan->findings) {
          const auto& over = f.rule->supersedes;
          if (std::find(over.begin(), over.end(), rule->id) != over.end()) {
            why += " (" + f.rule->id + " supersedes it at " +
                   testing::Render(f).substr(0, testing::Render(f).find(' ')) + ")";
          }
        }
        ADD_FAILURE() << rule->id << ": the 'incorrect' example at .md line " << ex.line
                      << " does not fire the rule" << why;
      }
      if (!ex.incorrect && fired) {
        ADD_FAILURE() << rule->id << ": the 'correct' example at .md line " << ex.line
                      << " fires the rule";
      }
    }
    if (!has_incorrect) {
      ADD_FAILURE() << rule->id << ": lacks a ```<lang> incorrect block under ## Replacement";
    }
    if (!has_correct) {
      ADD_FAILURE() << rule->id << ": lacks a ```<lang> correct block under ## Replacement";
    }
  }
}

// Strings that occur in any text the matcher matches: a prefilter word inside one of them
// is sure to occur too.
std::vector<std::string> LiteralForms(const Matcher& m) {
  std::vector<std::string> forms = {m.name};
  if (m.kind == MatcherKind::kCssFunction) forms.push_back(m.name + "(");
  if (m.kind == MatcherKind::kHtmlElement) {
    forms.push_back("<" + m.name);
    if (!m.attribute.empty()) forms.push_back(m.attribute);
  }
  return forms;
}

bool WordInside(const std::vector<std::string>& words, const std::string& form) {
  for (const std::string& word : words) {
    if (ContainsNoCase(form, word)) return true;
  }
  return false;
}

TEST_F(BuiltinCatalogTest, PrefilterCoversEveryMatcher) {
  for (const Rule* rule : rules()) {
    std::string examples;
    for (const Example& ex : Outline(rule->doc).examples) {
      if (ex.incorrect) examples += ex.code;
    }
    for (size_t i = 0; i < rule->matchers.size(); ++i) {
      const Matcher& m = rule->matchers[i];
      switch (m.kind) {
        case MatcherKind::kVbsPresent:
        case MatcherKind::kCheck:
          continue;  // structural
        case MatcherKind::kHtmlComment:
        case MatcherKind::kCssValue:
        case MatcherKind::kCssAtRule:
        case MatcherKind::kRegex: {
          bool seen = false;
          for (const std::string& word : rule->prefilter)
            seen = seen || ContainsNoCase(examples, word);
          if (!seen) {
            ADD_FAILURE() << rule->id << ": match[" << i
                          << "] is a pattern and no prefilter word occurs in its 'incorrect' "
                             "examples";
          }
          continue;
        }
        default:
          break;
      }
      bool covered = false;
      for (const std::string& form : LiteralForms(m))
        covered = covered || WordInside(rule->prefilter, form);
      if (!covered && m.kind == MatcherKind::kJsMember && !m.objects.empty()) {
        covered = true;  // every receiver name holds a prefilter word
        for (const std::string& object : m.objects)
          covered = covered && WordInside(rule->prefilter, object);
      }
      // A value pattern may be what guarantees the word (filter: progid:...): then, as
      // for pattern matchers, a prefilter word must occur in the examples.
      bool in_examples = false;
      for (const std::string& word : rule->prefilter) {
        in_examples = in_examples || ContainsNoCase(examples, word);
      }
      if (!covered && m.re && !in_examples) {
        ADD_FAILURE() << rule->id << ": match[" << i << "] name '" << m.name
                      << "' contains none of the prefilter words, and none occurs in its "
                         "'incorrect' examples";
      } else if (!covered && !m.re) {
        ADD_FAILURE() << rule->id << ": match[" << i << "] name '" << m.name
                      << "' contains none of the prefilter words";
      }
    }
  }
}

// True when `text` holds "<tag> <id>" as a real annotation (not todo<tag>).
bool HasAnnotation(const std::string& text, const std::string& tag, const std::string& id) {
  const std::string needle = tag + ": " + id;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
    bool todo = at >= 4 && text.compare(at - 4, 4, "todo") == 0;
    bool letter_before = at > 0 && std::isalpha(static_cast<unsigned char>(text[at - 1]));
    size_t after = at + needle.size();
    bool id_ends =
        after >= text.size() || !(std::isalnum(static_cast<unsigned char>(text[after])) ||
                                  text[after] == '-' || text[after] == '.' || text[after] == '_');
    if (!todo && !letter_before && id_ends) return true;
  }
  return false;
}

// An @if directive's match stops 500 characters on: on a one-line minified bundle it does
// not run to the end of the file (a copy of the whole rest of the line, and a later @cc_on
// on the line swallowed), while a version test near it still supersedes it.
TEST_F(BuiltinCatalogTest, ConditionalCompilationMatchesStopNearTheDirective) {
  std::string filler = "var a=[";
  for (int i = 0; i < 2000; ++i) filler += std::to_string(i) + ",";
  filler += "0];";
  const std::string line = "/*@if (typeof XMLHttpRequest == \"undefined\") " + filler +
                           " @end @*/ var isOldIE = /*@cc_on!@*/false;";
  std::vector<Finding> found = testing::ScanFindings(*catalog_, line, scanner::FileKind::kJs);
  std::vector<const Finding*> cc;
  for (const Finding& f : found) {
    if (f.rule->id == "conditional.jscript-cc-on") cc.push_back(&f);
  }
  ASSERT_EQ(cc.size(), 2u) << testing::Render(found.front());
  EXPECT_EQ(cc[0]->begin.column, 3u);
  EXPECT_LE(cc[0]->end_offset - cc[0]->offset, 503u);
  EXPECT_EQ(cc[1]->match, "@cc_on");
  const std::vector<std::string> version = testing::Scan(
      *catalog_, "/*@cc_on @if (@_jscript_version >= 5) " + filler + " @end @*/", scanner::FileKind::kJs);
  EXPECT_EQ(version, (std::vector<std::string>{"1:3 conditional.jscript-cc-on",
                                               "1:15 conditional.jscript-version"}));
}

TEST_F(BuiltinCatalogTest, EveryRuleHasCorpusCases) {
  const fs::path cases = fs::path(IESCAN_SOURCE_DIR) / "corpus" / "cases";
  for (const Rule* rule : rules()) {
    const std::string name = rule->id.substr(rule->category.size() + 1);
    const fs::path dir = cases / rule->category;
    bool has_ruleid = false, has_ok = false;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      std::string file = it->path().filename().string();
      if (file.rfind(name + ".", 0) != 0 || !it->is_regular_file()) continue;
      std::ifstream in(it->path(), std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      has_ruleid = has_ruleid || HasAnnotation(text.str(), "ruleid", rule->id);
      has_ok = has_ok || HasAnnotation(text.str(), "ok", rule->id);
    }
    std::string where = "corpus/cases/" + rule->category + "/" + name + ".*";
    if (!has_ruleid) {
      ADD_FAILURE() << rule->id << ": lacks a corpus case annotated 'ruleid: " << rule->id
                    << "' in " << where;
    }
    if (!has_ok) {
      ADD_FAILURE() << rule->id << ": lacks a corpus case annotated 'ok: " << rule->id << "' in "
                    << where;
    }
  }
}

TEST(CatalogAnnotationTest, RecognisesOnlyRealAnnotations) {
  EXPECT_TRUE(HasAnnotation("// ruleid: events.attach-event\n", "ruleid", "events.attach-event"));
  EXPECT_FALSE(
      HasAnnotation("// todoruleid: events.attach-event\n", "ruleid", "events.attach-event"));
  EXPECT_FALSE(
      HasAnnotation("// ruleid: events.attach-event-x\n", "ruleid", "events.attach-event"));
  EXPECT_TRUE(HasAnnotation("<!-- ok: activex.object -->", "ok", "activex.object"));
  EXPECT_FALSE(HasAnnotation("<!-- todook: activex.object -->", "ok", "activex.object"));
}

}  // namespace
}  // namespace iescan::rules
