// Engine behaviour across matchers: regex matchers over masked code, C++ checks,
// supersedes, message placeholders, snippets, the prefilter's effect (none on findings),
// and skipping the document build when no rule can match.
#include "rules/engine/engine.h"

#include <gtest/gtest.h>

#include <random>
#include <thread>

#include "rules_test_util.h"

namespace iescan::rules {
namespace {

using nlohmann::json;
using scanner::FileKind;
using testing::CatalogOf;
using testing::MakeFile;
using testing::RuleJson;
using testing::Scan;
using testing::ScanFindings;
using V = std::vector<std::string>;

TEST(EngineTest, RegexOverCommentMaskedCode) {
  Catalog catalog = CatalogOf(
      {RuleJson("js.exec-script", {"js"}, json::array({{{"regex", "\\bexecScript\\s*\\("}}}),
                {"execScript"}),
       RuleJson("js.vbscript-url", {"js"},
                json::array({{{"regex", "(?i)vbscript:"}, {"strings", "keep"}}}), {"vbscript:"})});
  const std::string js =
      "window.execScript(\"Init()\", \"VBScript\");\n"
      "// execScript(\"y\")\n"
      "var s = \"execScript(z)\";\n"
      "link.href = \"vbscript:ShowHelp()\"; /* vbscript: */\n";
  EXPECT_EQ(Scan(catalog, js, FileKind::kJs), (V{"1:8 js.exec-script", "4:14 js.vbscript-url"}));
}

TEST(EngineTest, RegexOverMarkupSkipsPlainComments) {
  Catalog catalog = CatalogOf({RuleJson(
      "markup.marquee", {"html"}, json::array({{{"regex", "(?i)<marquee\\b"}}}), {"marquee"})});
  const std::string html =
      "<html><body>\n"
      "<!-- <marquee>old</marquee> -->\n"
      "<!--[if IE]><marquee>IE news</marquee><![endif]-->\n"
      "  <MARQUEE behavior=\"scroll\">News</MARQUEE>\n"
      "</body></html>\n";
  EXPECT_EQ(Scan(catalog, html, FileKind::kHtml), (V{"3:13 markup.marquee", "4:3 markup.marquee"}));
}

// A string left open at the end of its line is blanked to the line's end: no character of
// it stays visible to a regex (its last one did, taken for a closing quote), and a
// multi-byte last character is not cut into stray bytes.
TEST(EngineTest, StringLeftOpenIsBlankedToItsEnd) {
  Catalog catalog = CatalogOf(
      {RuleJson("js.paren", {"js"}, json::array({{{"regex", "\\)[^\\r\\n]*"}}}), {")"}),
       RuleJson("js.tail", {"js"}, json::array({{{"regex", "=[^\\r\\n]{0,20}"}}}), {"="})});
  std::vector<Finding> found =
      ScanFindings(catalog, "alert(\"Call close()\nvar a = \"\xE6\x97\xA5\n", FileKind::kJs);
  // No ")" finding: all three are inside the open string (its last one was taken for a
  // closing quote and stayed visible).
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(testing::Render(found[0]), "2:7 js.tail");
  EXPECT_EQ(std::string_view(found[0].match), "= \"\xE6\x97\xA5");
}

// The same findings, rule by rule, with the same spans and matched text.
void ExpectSameFindings(const std::vector<Finding>& got, const std::vector<Finding>& want,
                        const std::string& text) {
  ASSERT_EQ(got.size(), want.size()) << text;
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(got[i].rule->id, want[i].rule->id) << text;
    EXPECT_EQ(got[i].offset, want[i].offset) << text;
    EXPECT_EQ(got[i].end_offset, want[i].end_offset) << text;
    EXPECT_EQ(std::string_view(got[i].match), std::string_view(want[i].match)) << text;
  }
}

// A line tail takes exactly what `[^\r\n]{0,N}` after the match would: the same findings,
// spans and matched text, over random lines of directives, words, comments, strings, CR,
// LF and characters of two, three and four bytes; with a group, only matches in which it
// took part run on.
TEST(EngineTest, LineTailTakesWhatABoundedRegexTailWould) {
  const auto catalog_of = [](json cc_on, json set) {
    return CatalogOf(
        {RuleJson("c.cc-on", {"js"}, json::array({std::move(cc_on)}), {"@cc_on", "@if"}),
         RuleJson("c.set", {"js"}, json::array({std::move(set)}), {"@set"})});
  };
  const Catalog counted = catalog_of({{"regex", "@cc_on\\b|@if\\b[^\\r\\n]{0,7}"}},
                                     {{"regex", "@set\\b[^\\r\\n]{0,7}"}});
  const Catalog tailed = catalog_of({{"regex", "@cc_on\\b|(@if\\b)"}, {"line-tail", 7}},
                                    {{"regex", "@set\\b"}, {"line-tail", 7}});
  const std::vector<std::string> pieces = {
      "@if", "@cc_on", "@set", "@iffy", " ", "x", "(", "=", "1", "\n", "\r", "\r\n",
      "\xC3\xA9", "\xE6\x97\xA5", "\xF0\x9F\x98\x80", "/*", "*/", "//", "\"", "'", "@end"};
  std::mt19937 random(20261127);
  size_t tails = 0;
  for (int round = 0; round < 400; ++round) {
    std::string text;
    const int length = 1 + static_cast<int>(random() % 60);
    for (int i = 0; i < length; ++i) text += pieces[random() % pieces.size()];
    const std::vector<Finding> want = ScanFindings(counted, text, FileKind::kJs);
    ASSERT_NO_FATAL_FAILURE(
        ExpectSameFindings(ScanFindings(tailed, text, FileKind::kJs), want, text));
    for (const Finding& f : want) tails += f.end_offset - f.offset > 5;
  }
  EXPECT_GT(tails, 100u);  // the random lines did exercise tails, not only bare directives
}

// A pattern searched without its leading \b (rule.h) finds what the pattern itself finds:
// the same findings and spans over random text where the word often follows a letter, a
// digit, `_`, `$`, a multi-byte character or nothing, with and without a line tail. The
// same pattern inside a group keeps its \b, as a reference.
TEST(EngineTest, DroppedWordBoundaryIsCheckedByTheEngine) {
  const auto catalog_of = [](const std::string& a, const std::string& b) {
    return CatalogOf(
        {RuleJson("a.new-x", {"js"}, json::array({{{"regex", a}}}), {"new"}),
         RuleJson("a.set", {"js"}, json::array({{{"regex", b}, {"line-tail", 6}}}), {"set"})});
  };
  const Catalog stripped = catalog_of("\\bnew\\s*X?\\(", "\\bsetTimeout\\b");
  const Catalog kept = catalog_of("(?:\\bnew\\s*X?\\()", "(?:\\bsetTimeout\\b)");
  const Catalog unbounded = catalog_of("new\\s*X?\\(", "setTimeout\\b");
  ASSERT_NE(stripped.rules()[0]->matchers[0].search, nullptr);
  ASSERT_NE(stripped.rules()[1]->matchers[0].search, nullptr);
  ASSERT_EQ(kept.rules()[0]->matchers[0].search, nullptr);
  const std::vector<std::string> pieces = {
      "new", "newnew",   "setTimeout",   "X", "(",  " ", "\t", "\n", "re", "a", "1", "_", "$",
      ".",   "\xC3\xA9", "\xE6\x97\xA5", ";", "\"", "=", "se", "t"};
  std::mt19937 random(20261127);
  size_t found = 0;
  size_t rejected = 0;
  for (int round = 0; round < 1000; ++round) {
    std::string text;
    const int length = 1 + static_cast<int>(random() % 40);
    for (int i = 0; i < length; ++i) text += pieces[random() % pieces.size()];
    const std::vector<Finding> want = ScanFindings(kept, text, FileKind::kJs);
    ASSERT_NO_FATAL_FAILURE(
        ExpectSameFindings(ScanFindings(stripped, text, FileKind::kJs), want, text));
    found += want.size();
    const size_t loose = ScanFindings(unbounded, text, FileKind::kJs).size();
    rejected += loose > want.size() ? loose - want.size() : 0;
  }
  EXPECT_GT(found, 150u);
  EXPECT_GT(rejected, 150u);  // the text did put words after word characters
}

TEST(EngineTest, DocumentModeCheck) {
  Catalog catalog = CatalogOf(
      {RuleJson("mode.x-ua-compatible", {"html"}, json::array({{{"check", "document-mode"}}}),
                {"X-UA-Compatible"}, {{"message", "{match}: {arg}"}})});
  const std::string pinned =
      "<!DOCTYPE html>\n"
      "<html><head>\n"
      "<meta http-equiv=\"X-UA-Compatible\" content=\"IE=EmulateIE8\">\n"
      "</head></html>\n";
  std::vector<Finding> f = ScanFindings(catalog, pinned, FileKind::kHtml);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(testing::Render(f[0]), "3:1 mode.x-ua-compatible");
  EXPECT_EQ(f[0].message, "X-UA-Compatible: IE=EmulateIE8");
  EXPECT_EQ(f[0].detail, "IE=EmulateIE8");
  const std::string edge =
      "<!DOCTYPE html>\n<meta http-equiv=\"x-ua-compatible\" content=\"IE=edge\">\n";
  EXPECT_EQ(Scan(catalog, edge, FileKind::kHtml), V{});
}

TEST(EngineTest, QuirksModeCheckIsStructural) {
  Catalog catalog = CatalogOf(
      {RuleJson("mode.quirks", {"html"}, json::array({{{"check", "quirks-mode"}}}), {"doctype"})});
  // No prefilter word in the file: the check still runs on HTML pages.
  EXPECT_EQ(Scan(catalog, "\n<html><body><p>Hi</p></body></html>\n", FileKind::kHtml),
            V{"2:1 mode.quirks"});
  EXPECT_EQ(
      Scan(catalog,
           "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.0 Transitional//EN\">\n<html></html>\n",
           FileKind::kHtml),
      V{"1:1 mode.quirks"});
  EXPECT_EQ(Scan(catalog, "<!DOCTYPE html>\n<html><body></body></html>\n", FileKind::kHtml), V{});
  EXPECT_EQ(Scan(catalog, "<div>fragment</div>\n", FileKind::kHtml), V{});
}

TEST(EngineTest, SupersedesDropsTheGeneralRuleAtTheSamePlace) {
  Catalog catalog = CatalogOf(
      {RuleJson("activex.activex-object", {"js"}, json::array({{{"js-new", "ActiveXObject"}}}),
                {"ActiveXObject"}),
       RuleJson("activex.msxml", {"js"},
                json::array({{{"js-string-arg", "ActiveXObject"}, {"pattern", "(?i)^msxml2\\."}}}),
                {"ActiveXObject"}, {{"supersedes", {"activex.activex-object"}}})});
  const std::string js =
      "var doc = new ActiveXObject(\"Msxml2.DOMDocument.6.0\");\n"
      "var fso = new ActiveXObject(\"Scripting.FileSystemObject\");\n";
  EXPECT_EQ(Scan(catalog, js, FileKind::kJs),
            (V{"1:15 activex.msxml", "2:11 activex.activex-object"}));
}

TEST(EngineTest, MessagePlaceholdersAndSortOrder) {
  Catalog catalog =
      CatalogOf({RuleJson("b.second", {"js"}, json::array({{{"js-call", "GetObject"}}}),
                          {"GetObject"}, {{"message", "call to {match}"}}),
                 RuleJson("a.first", {"js"}, json::array({{{"js-string-arg", "GetObject"}}}),
                          {"GetObject"}, {{"message", "{match} binds to '{arg}' ({match})"}})});
  std::vector<Finding> f =
      ScanFindings(catalog, "var app = GetObject(\"winmgmts:\");\n", FileKind::kJs);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(testing::Render(f[0]), "1:11 a.first");  // same offset: sorted by rule id
  EXPECT_EQ(f[0].message, "GetObject binds to 'winmgmts:' (GetObject)");
  EXPECT_EQ(f[0].detail, "winmgmts:");
  EXPECT_EQ(testing::Render(f[1]), "1:11 b.second");
  EXPECT_EQ(f[1].message, "call to GetObject");
  EXPECT_EQ(f[1].detail, "");
}

TEST(EngineTest, SnippetOfLongAndMultibyteLines) {
  Catalog catalog =
      CatalogOf({RuleJson("events.attach-event", {"js"},
                          json::array({{{"js-member", "attachEvent"}}}), {"attachEvent"})});
  // 250 two-byte characters in a string, then the construct.
  std::string pad;
  for (int i = 0; i < 250; ++i) pad += "\xC3\xA9";  // é
  std::string js = "\t var s = \"" + pad + "\"; el.attachEvent('onclick', f);   \n";
  std::vector<Finding> f = ScanFindings(catalog, js, FileKind::kJs);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].begin.line, 1u);
  EXPECT_EQ(f[0].begin.column, 268u);  // 11 + 250 + 6 code points before it
  // The trimmed line starts at "var"; 265 characters precede the match, so the window
  // starts 60 characters before it (54 of the é) and runs to the line's end (86 < 200).
  std::string expected;
  for (int i = 0; i < 54; ++i) expected += "\xC3\xA9";
  expected += "\"; el.attachEvent('onclick', f);";
  EXPECT_EQ(f[0].snippet, expected);
  std::vector<Finding> g = ScanFindings(catalog, "  \tel.attachEvent(x)\r\nnext", FileKind::kJs);
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].snippet, "el.attachEvent(x)");
  EXPECT_EQ(g[0].begin.column, 7u);
}

// Real code rarely repeats a line: a snippet per finding in the process-wide pool would grow
// it with every finding of a run. Snippets live in the finding, so scanning a thousand
// distinct lines adds no text to the pool but the one message they share.
TEST(EngineTest, DistinctSnippetsStayOutOfThePool) {
  Catalog catalog = CatalogOf({RuleJson("dom.attach-event", {"js"},
                                        json::array({{{"regex", "\\.attachEvent\\s*\\("}}}),
                                        {"attachEvent"})});
  std::string js;
  for (int i = 0; i < 1000; ++i) {
    js += "button" + std::to_string(i) + ".attachEvent('onclick', handler" + std::to_string(i) +
          ");\n";
  }
  std::string wide = "el.attachEvent('onclick', go); // ";  // cut to 200 characters
  wide.append(300, 'x');
  js += wide + "\n";
  const size_t before = SharedText::PoolSize();
  std::vector<Finding> f = ScanFindings(catalog, js, FileKind::kJs);
  ASSERT_EQ(f.size(), 1001u);
  EXPECT_EQ(f[7].snippet, "button7.attachEvent('onclick', handler7);");
  EXPECT_EQ(f[1000].snippet.size(), 200u);  // cut at 200 characters, as before
  EXPECT_LE(SharedText::PoolSize(), before + 5);
}

TEST(EngineTest, NoCandidateMeansNoDocument) {
  Catalog catalog =
      CatalogOf({RuleJson("events.attach-event", {"js"},
                          json::array({{{"js-member", "attachEvent"}}}), {"attachEvent"})});
  Engine engine(catalog, EngineOptions{});
  scanner::TextFile plain = MakeFile("el.addEventListener('click', f);\n");
  Result<FileScan> scan = engine.ScanFile(plain, testing::Kind(FileKind::kJs));
  ASSERT_TRUE(scan.ok());
  EXPECT_FALSE(scan->built);
  EXPECT_TRUE(scan->findings.empty());
  scanner::TextFile hit = MakeFile("el.attachEvent('onclick', f);\n");
  scan = engine.ScanFile(hit, testing::Kind(FileKind::kJs));
  ASSERT_TRUE(scan.ok());
  EXPECT_TRUE(scan->built);
  EXPECT_EQ(scan->findings.size(), 1u);
  // Without the prefilter the document is always built.
  EngineOptions all;
  all.prefilter = false;
  Engine unfiltered(catalog, all);
  scan = unfiltered.ScanFile(plain, testing::Kind(FileKind::kJs));
  ASSERT_TRUE(scan.ok());
  EXPECT_TRUE(scan->built);
  EXPECT_TRUE(scan->findings.empty());
}

// Whole files and short regions of a page are gated by the file's own literal pass (the
// prefilter's) instead of one of their own: the findings are those of a scan without any
// gate, where the literal is in a comment, in server code, in a short script block, only
// in a decoded attribute, or the text holds a character that folds to an ASCII letter.
TEST(EngineTest, GateFromTheFilePassKeepsEveryFinding) {
  Catalog catalog = CatalogOf(
      {RuleJson("js.exec-script", {"js"}, json::array({{{"regex", "\\bexecScript\\s*\\("}}}),
                {"execScript"}),
       RuleJson("js.vbscript-url", {"js", "html"},
                json::array({{{"regex", "(?i)vbscript:"}, {"strings", "keep"}}}), {"vbscript:"}),
       RuleJson("js.cc-on", {"js"}, json::array({{{"regex", "@cc_on\\b|(@if\\b)"}, {"line-tail", 40}}}),
                {"@cc_on", "@if"}),
       RuleJson("js.user-agent", {"js"},
                json::array({{{"regex", "(?i)navigator\\.userAgent\\b[^;\\r\\n]{0,40}MSIE"},
                              {"strings", "keep"}}}),
                {"userAgent"}),
       RuleJson("markup.marquee", {"html"}, json::array({{{"regex", "(?i)<marquee\\b"}}}),
                {"marquee"}),
       // Its literal ("window.execscript") is longer than its prefilter word.
       RuleJson("js.window-exec", {"js"},
                json::array({{{"regex", "\\bwindow\\.execScript\\s*\\("}}}), {"execScript"})});
  scanner::KindInfo asp;
  asp.kind = FileKind::kHtml;
  asp.server = scanner::ServerDialect::kAsp;
  const std::vector<std::pair<std::string, scanner::KindInfo>> inputs = {
      {"<html><body>\n<script>window.execScript(\"x\");</script>\n"
       "<script>var a = 1; // execScript(\"y\")</script>\n"
       "<a href=\"vbscript:Go()\">go</a> <MARQUEE>news</MARQUEE>\n"
       "<script>/*@cc_on @if (@_jscript) alert(1); @end @*/</script></body></html>\n",
       testing::Kind(FileKind::kHtml)},
      {"// execScript( in a comment only\nvar x = 1;\n", testing::Kind(FileKind::kJs)},
      {"<% Response.Write \"<marquee>\" %>\n<script>execScript(\"a\")</script>\n<marquee>x\n", asp},
      {"if (navigator.userAgent.indexOf(\"M\xC5\xBFIE\") > 0) {}\n", testing::Kind(FileKind::kJs)},
      {"var ok = navigator.userAgent.match(/MSIE/);\n", testing::Kind(FileKind::kJs)},
      // An event handler's text is decoded (not a slice of the file): the literal the file
      // lacks is in it, and its own pass finds it.
      {"<button onclick=\"window&#46;execScript('x')\">b</button>\n",
       testing::Kind(FileKind::kHtml)},
  };
  EngineOptions no_gate;
  no_gate.regex_gate = false;
  const Engine gated(catalog, EngineOptions{});
  const Engine plain(catalog, no_gate);
  V all;
  for (const auto& [text, kind] : inputs) {
    scanner::TextFile file = MakeFile(text);
    Result<FileScan> on = gated.ScanFile(file, kind);
    Result<FileScan> off = plain.ScanFile(file, kind);
    ASSERT_TRUE(on.ok() && off.ok());
    ASSERT_EQ(on->findings.size(), off->findings.size()) << text;
    for (size_t i = 0; i < on->findings.size(); ++i) {
      EXPECT_EQ(testing::Render(on->findings[i]), testing::Render(off->findings[i])) << text;
      EXPECT_EQ(on->findings[i].end_offset, off->findings[i].end_offset) << text;
      all.push_back(testing::Render(on->findings[i]));
    }
  }
  // RE2 folds U+017F to "s", so "M\u017FIE" matches MSIE; the literal pass cannot see it.
  EXPECT_EQ(all, (V{"2:9 js.window-exec", "2:16 js.exec-script", "4:10 js.vbscript-url",
                    "4:32 markup.marquee", "5:11 js.cc-on", "5:18 js.cc-on",  // page
                    "2:9 js.exec-script", "3:1 markup.marquee",              // ASP page
                    "1:5 js.user-agent", "1:10 js.user-agent",               // scripts
                    "1:18 js.window-exec", "1:29 js.exec-script"}));         // handler
}

// A rule's word spelled with character references in an attribute, or with escapes in a
// string that is markup, is in no prefilter pass over the file's text: the texts the
// document decoded are passed over too, so the prefilter still changes no finding.
TEST(EngineTest, WordsOnlyInDecodedTextsStillMakeCandidates) {
  Catalog catalog = CatalogOf(
      {RuleJson("events.attach-event", {"js"},
                json::array({{{"js-member", "attachEvent"}, {"call", true}}}), {"attachEvent"}),
       RuleJson("activex.object", {"html"},
                json::array({{{"html-element", "object"}, {"attribute", "classid"}}}),
                {"classid"})});
  const std::vector<std::pair<std::string, FileKind>> inputs = {
      {"<!DOCTYPE html>\n<body onload=\"el.&#97;ttachEvent('onclick', f)\">\n"
       "<p title=\"&#97;ttachEvent\">text, not code</p>\n",
       FileKind::kHtml},
      {"<!DOCTYPE html>\n<script>\ndocument.write(\"<object \\x63lassid='clsid:X'></object>\");\n"
       "</script>\n",
       FileKind::kHtml},
  };
  V all;
  for (const auto& [text, kind] : inputs) {
    const V on = Scan(catalog, text, kind, true);
    EXPECT_EQ(on, Scan(catalog, text, kind, false)) << text;
    all.insert(all.end(), on.begin(), on.end());
  }
  EXPECT_EQ(all, (V{"2:18 events.attach-event", "3:17 activex.object"}));
}

TEST(EngineTest, PrefilterOnAndOffGiveIdenticalFindings) {
  Catalog catalog = CatalogOf(
      {RuleJson("dom.document-all", {"js"},
                json::array({{{"js-member", "all"}, {"object", {"document"}}}}), {"all"}),
       RuleJson("events.attach-event", {"js"},
                json::array({{{"js-member", "attachEvent"}, {"call", true}}}), {"attachEvent"}),
       RuleJson("activex.new", {"js", "vbs"},
                json::array({{{"js-new", "ActiveXObject"}}, {{"vbs-string-arg", "CreateObject"}}}),
                {"ActiveXObject", "CreateObject"}),
       RuleJson("vbscript.msgbox", {"vbs"}, json::array({{{"vbs-call", "MsgBox"}}}), {"MsgBox"}),
       RuleJson("activex.object", {"html"},
                json::array({{{"html-element", "object"}, {"attribute", "classid"}}}), {"classid"}),
       RuleJson("css.expression", {"css"}, json::array({{{"css-function", "expression"}}}),
                {"expression("}),
       RuleJson("css.behavior", {"css"}, json::array({{{"css-property", "behavior"}}}),
                {"behavior"}),
       RuleJson("markup.conditional", {"html"}, json::array({{{"html-comment", "^\\[if"}}}),
                {"[if"}),
       RuleJson("mode.quirks", {"html"}, json::array({{{"check", "quirks-mode"}}}), {"doctype"})});
  const std::vector<std::pair<std::string, FileKind>> inputs = {
      {"if (document.all) { el.attachEvent('onclick', f); }\n", FileKind::kJs},
      {"var x = new ActiveXObject('Msxml2.XMLHTTP'); // document.all\n", FileKind::kJs},
      {"Set fso = CreateObject(\"Scripting.FileSystemObject\")\nMsgBox fso\n", FileKind::kVbs},
      {".a { width: expression(1); behavior: url(a.htc) }\n", FileKind::kCss},
      {"<html><head><!--[if IE]><link rel=stylesheet href=ie.css><![endif]-->\n"
       "<script>document.all.x.attachEvent('onclick', go);</script>\n"
       "<style>p { behavior: url(p.htc) }</style></head>\n"
       "<body><object classid=\"clsid:ABC\"></object>\n"
       "<script language=vbscript>MsgBox \"hi\"</script></body></html>\n",
       FileKind::kHtml},
      {"<p>No IE constructs here.</p>\n", FileKind::kHtml},
      {"el.addEventListener('click', f);\n", FileKind::kJs},
  };
  V all;
  for (const auto& [text, kind] : inputs) {
    std::vector<Finding> on = ScanFindings(catalog, text, kind, true);
    std::vector<Finding> off = ScanFindings(catalog, text, kind, false);
    ASSERT_EQ(on.size(), off.size()) << text;
    for (size_t i = 0; i < on.size(); ++i) {
      EXPECT_EQ(testing::Render(on[i]), testing::Render(off[i])) << text;
      EXPECT_EQ(on[i].message, off[i].message) << text;
      EXPECT_EQ(on[i].end_offset, off[i].end_offset) << text;
      all.push_back(testing::Render(on[i]));
    }
  }
  EXPECT_EQ(all, (V{"1:5 dom.document-all", "1:24 events.attach-event",  // input 1
                    "1:9 activex.new",                                   // input 2
                    "1:11 activex.new", "2:1 vbscript.msgbox",           // input 3
                    "1:13 css.expression", "1:28 css.behavior",          // input 4
                    "1:1 mode.quirks", "1:13 markup.conditional",        // input 5
                    "2:9 dom.document-all", "2:24 events.attach-event", "3:12 css.behavior",
                    "4:7 activex.object", "5:27 vbscript.msgbox"}));
}

// Every prefix of a page mixing all languages: truncated tokens at every position must
// neither crash nor report outside the text.
TEST(EngineTest, EveryPrefixOfAPageScansCleanly) {
  Catalog catalog = CatalogOf(
      {RuleJson("dom.document-all", {"js"},
                json::array({{{"js-member", "all"}, {"object", {"document"}}, {"call", true}}}),
                {"all"}),
       RuleJson("activex.new", {"js", "vbs"},
                json::array({{{"js-new", "ActiveXObject"}},
                             {{"js-string-arg", "ActiveXObject"}},
                             {{"vbs-string-arg", "CreateObject"}},
                             {{"vbs-call", "MsgBox"}}}),
                {"ActiveXObject", "CreateObject", "MsgBox"}),
       RuleJson("css.all", {"css"},
                json::array({{{"css-property", "behavior"}, {"value", "url"}},
                             {{"css-function", "expression"}},
                             {{"css-value", "progid"}},
                             {{"css-at-rule", "screen"}}}),
                {"behavior", "expression", "progid", "screen"}),
       RuleJson("markup.all", {"html"},
                json::array({{{"html-element", "object"}, {"attribute", "classid"}},
                             {{"html-attribute", "datasrc"}},
                             {{"html-comment", "if"}},
                             {{"regex", "(?i)<marquee"}}}),
                {"object", "datasrc", "if", "marquee"})});
  const std::string page =
      "<!--[if IE]><marquee>x</marquee><![endif]-->\n"
      "<script>var d = document['all'](0); new ActiveXObject(\"a\");</script>\n"
      "<style>@media \\0screen { p { behavior: url(a.htc); width: expression(1) } }</style>\n"
      "<div style=\"filter: progid:DX.Alpha(opacity=5)\" datasrc=\"#d\"></div>\n"
      "<object classid=\"clsid:1\"></object>\n"
      "<script language=vbscript>Set o = CreateObject(\"x\") : MsgBox \"a\"</script>\n";
  EngineOptions options;
  options.prefilter = false;
  Engine engine(catalog, options);
  V last;
  for (size_t n = 0; n <= page.size(); ++n) {
    scanner::TextFile file = MakeFile(page.substr(0, n));
    Result<FileScan> scan = engine.ScanFile(file, testing::Kind(FileKind::kHtml));
    ASSERT_TRUE(scan.ok()) << n;
    for (const Finding& f : scan->findings) {
      ASSERT_LE(f.offset, f.end_offset) << n;
      ASSERT_LE(f.end_offset, n) << n;
    }
    last.clear();
    for (const Finding& f : scan->findings) last.push_back(testing::Render(f));
  }
  EXPECT_EQ(last,
            (V{"1:1 markup.all", "1:13 markup.all", "1:33 markup.all",  // [if, <marquee, [endif
               "2:17 dom.document-all", "2:37 activex.new", "2:41 activex.new", "3:8 css.all",
               "3:30 css.all", "3:59 css.all", "4:21 css.all", "4:49 markup.all", "5:1 markup.all",
               "6:35 activex.new", "6:55 activex.new"}));
}

// One Engine, many threads: every thread gets the findings a lone call gets.
TEST(EngineTest, ConcurrentScansAgree) {
  Catalog catalog =
      CatalogOf({RuleJson("dom.document-all", {"js"},
                          json::array({{{"js-member", "all"}, {"object", {"document"}}}}), {"all"}),
                 RuleJson("css.behavior", {"css"}, json::array({{{"css-property", "behavior"}}}),
                          {"behavior"}),
                 RuleJson("js.exec-script", {"js"}, json::array({{{"regex", "execScript\\("}}}),
                          {"execScript"})});
  Engine engine(catalog, EngineOptions{});
  const std::vector<scanner::TextFile> files = {
      MakeFile("<script>if (document.all) execScript('x');</script>\n"
               "<p style=\"behavior: url(a.htc)\">x</p>\n"),
      MakeFile("<style>a { behavior: url(b.htc) }</style><script>document.all.x</script>\n"),
      MakeFile("<p>clean</p>\n")};
  auto scan_all = [&]() {
    V out;
    for (const scanner::TextFile& file : files) {
      Result<FileScan> scan = engine.ScanFile(file, testing::Kind(FileKind::kHtml));
      if (!scan.ok()) return V{"error"};
      for (const Finding& f : scan->findings) out.push_back(testing::Render(f));
      out.push_back("--");
    }
    return out;
  };
  const V expected = scan_all();
  EXPECT_EQ(expected, (V{"1:13 dom.document-all", "1:27 js.exec-script", "2:11 css.behavior", "--",
                         "1:12 css.behavior", "1:50 dom.document-all", "--", "--"}));
  std::vector<V> results(4);
  std::vector<std::thread> threads;
  for (V& result : results) {
    threads.emplace_back([&result, &scan_all]() {
      for (int i = 0; i < 50; ++i) result = scan_all();
    });
  }
  for (std::thread& t : threads) t.join();
  for (const V& result : results) EXPECT_EQ(result, expected);
}

}  // namespace
}  // namespace iescan::rules
