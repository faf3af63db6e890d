// Guard analysis: every shape of docs/guards.md, with the exact guard of each finding.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "rules/engine/finding.h"
#include "rules/engine/guard.h"
#include "rules_test_util.h"

namespace iescan::rules {
namespace {

using testing::CatalogOf;
using testing::RuleJson;
using testing::ScanFindings;

// A rule's "match" array holding one matcher.
nlohmann::json One(nlohmann::json matcher) { return nlohmann::json::array({std::move(matcher)}); }

const Catalog& GuardCatalog() {
  static const Catalog catalog = CatalogOf({
      RuleJson("t.attach", {"js"}, One({{"js-member", "attachEvent"}, {"call", true}}),
               {"attachEvent"}),
      RuleJson("t.all", {"js"}, One({{"js-member", "all"}, {"object", {"document"}}}),
               {"all"}),
      RuleJson("t.event", {"js"}, One({{"js-member", "event"}, {"object", {"window"}}}),
               {"event"}),
      RuleJson("t.src", {"js"}, One({{"js-member", "srcElement"}}),
               {"srcElement"}),
      RuleJson("t.style", {"js"}, One({{"js-member", "currentStyle"}}),
               {"currentStyle"}),
      RuleJson("t.ax", {"js"}, One({{"js-new", "ActiveXObject"}}),
               {"ActiveXObject"}),
      RuleJson("t.sel", {"js"}, One({{"js-member", "selection"}, {"object", {"document"}}}),
               {"selection"}),
  });
  return catalog;
}

struct Case {
  const char* name;
  const char* code;
  std::vector<std::string> expected;  // "line:column rule guard"
  scanner::FileKind kind = scanner::FileKind::kJs;
};

std::vector<std::string> Guards(const Case& c) {
  std::vector<std::string> out;
  for (const Finding& f : ScanFindings(GuardCatalog(), c.code, c.kind)) {
    out.push_back(std::to_string(f.begin.line) + ":" + std::to_string(f.begin.column) + " " +
                  f.rule->id + " " + std::string(GuardName(f.guard)));
  }
  return out;
}

const std::vector<Case>& Cases() {
  static const std::vector<Case> cases = {
      {"else of standard test",
       "if (window.addEventListener) {\n  el.addEventListener('load', f, false);\n} else {\n"
       "  el.attachEvent('onload', f);\n}\n",
       {"4:6 t.attach guarded"}},
      {"IE test with standard else",
       "if (el.attachEvent) {\n  el.attachEvent('onclick', go);\n} else {\n"
       "  el.addEventListener('click', go, false);\n}\n",
       {"2:6 t.attach guarded"}},
      {"IE test without else",
       "if (document.all) {\n  document.all.menu.style.display = 'none';\n}\n",
       {"1:5 t.all ie-only-branch", "2:3 t.all ie-only-branch"}},
      {"document.all with else",
       "if (document.all) {\n  x = document.all[id];\n} else {\n  x = document.getElementById(id);\n}\n",
       {"1:5 t.all guarded", "2:7 t.all guarded"}},
      {"single statements without braces",
       "if (e.addEventListener) e.addEventListener('click', h, false);\n"
       "else e.attachEvent('onclick', h);\n",
       {"2:8 t.attach guarded"}},
      {"else if chain",
       "if (el.addEventListener) {\n  el.addEventListener('click', h, false);\n"
       "} else if (el.attachEvent) {\n  el.attachEvent('onclick', h);\n}\n",
       {"4:6 t.attach guarded"}},
      {"nested: IE-only inside an else of a standard test",
       "if (window.getSelection) {\n  s = window.getSelection();\n} else {\n"
       "  if (document.selection) {\n    r = document.selection.createRange();\n  }\n}\n",
       {"4:7 t.sel guarded", "5:9 t.sel guarded"}},
      {"nested: standard guard inside an IE-only branch",
       "if (document.all) {\n  if (window.addEventListener) { window.addEventListener('load', f, false); }\n"
       "  else { window.attachEvent('onload', f); }\n}\n",
       {"1:5 t.all ie-only-branch", "3:17 t.attach guarded"}},
      {"minified one-liner",
       "function on(a,b,c){a.addEventListener?a.addEventListener(b,c,!1):a.attachEvent(\"on\"+b,c)}"
       "function off(a){if(document.all)document.all[a].style.display=\"none\"}\n",
       {"1:68 t.attach guarded", "1:109 t.all ie-only-branch", "1:122 t.all ie-only-branch"}},
      {"ternary XMLHttpRequest",
       "var xhr = window.XMLHttpRequest ? new XMLHttpRequest() : new ActiveXObject('Microsoft.XMLHTTP');\n",
       {"1:58 t.ax guarded"}},
      {"ternary with IE test first",
       "var r = window.ActiveXObject ? new ActiveXObject('Msxml2.XMLHTTP') : new XMLHttpRequest();\n",
       {"1:32 t.ax guarded"}},
      {"or chains",
       "function h(e) {\n  e = e || window.event;\n  var t = e.target || e.srcElement;\n"
       "  var x = window.XMLHttpRequest || new ActiveXObject('Microsoft.XMLHTTP');\n}\n",
       {"2:12 t.event guarded", "3:25 t.src guarded", "4:36 t.ax guarded"}},
      {"or with a literal is no fallback",
       "var t = window.event.srcElement || null;\n",
       {"1:9 t.event unguarded", "1:22 t.src unguarded"}},
      {"typeof tests",
       "if (typeof window.getComputedStyle != 'undefined') {\n  v = getComputedStyle(el, null).color;\n"
       "} else {\n  v = el.currentStyle.color;\n}\n"
       "if (typeof XMLHttpRequest === 'undefined') { x = new ActiveXObject('Msxml2.XMLHTTP'); }\n",
       {"4:10 t.style guarded", "6:50 t.ax guarded"}},
      {"in test",
       "if ('ActiveXObject' in window) {\n  x = new ActiveXObject('Msxml2.DOMDocument');\n}\n"
       "if (!('addEventListener' in window)) {\n  window.attachEvent('onload', init);\n}\n",
       {"2:7 t.ax ie-only-branch", "5:10 t.attach guarded"}},
      {"try with a non-empty catch",
       "try {\n  x = new ActiveXObject('Msxml2.XMLHTTP');\n} catch (e) {\n  x = new XMLHttpRequest();\n}\n"
       "try { x = new XMLHttpRequest(); } catch (e) { x = new ActiveXObject('Microsoft.XMLHTTP'); }\n"
       "try { y = new ActiveXObject('Msxml2.DOMDocument'); } catch (e) {}\n",
       {"2:7 t.ax guarded", "6:51 t.ax guarded", "7:11 t.ax unguarded"}},
      {"conditional compilation",
       "/*@cc_on\n@if (@_jscript_version >= 5)\nx = new ActiveXObject('Msxml2.XMLHTTP');\n@end @*/\n"
       "/*@cc_on @if (@_jscript) y = new ActiveXObject('Msxml2.XMLHTTP'); @else @*/\n"
       "y = new XMLHttpRequest();\n/*@end @*/\n",
       {"3:5 t.ax ie-only-branch", "5:30 t.ax guarded"}},
      {"conditional-comment region",
       "<!DOCTYPE html>\n<html><head>\n<!--[if IE]>\n<script>\n"
       "document.attachEvent('onclick', fix);\n</script>\n<![endif]-->\n</head></html>\n",
       {"5:10 t.attach ie-only-branch"},
       scanner::FileKind::kHtml},
      {"user-agent sniff",
       "if (navigator.userAgent.indexOf('MSIE') != -1) {\n  window.event.returnValue = false;\n}\n"
       "if (navigator.appName == 'Microsoft Internet Explorer') document.attachEvent('onclick', f);\n"
       "else document.addEventListener('click', f, false);\n",
       {"2:3 t.event ie-only-branch", "4:66 t.attach guarded"}},
      {"browser flags and alias",
       "var isIE = !!document.all;\nif (isIE) el.attachEvent('onclick', f);\n"
       "var hasAdd = !!window.addEventListener;\nif (hasAdd) { el.addEventListener('click', f, false); }\n"
       "else { el.attachEvent('onclick', f); }\n",
       {"1:14 t.all guarded", "2:14 t.attach ie-only-branch", "5:11 t.attach guarded"}},
      {"and gates",
       "window.event && (window.event.cancelBubble = true);\n"
       "!window.addEventListener && window.attachEvent('onload', init);\n",
       {"1:1 t.event ie-only-branch", "1:18 t.event ie-only-branch", "2:36 t.attach guarded"}},
      {"handler function inside a guarded branch",
       "if (document.addEventListener) {\n  document.addEventListener('click', h, false);\n} else {\n"
       "  document.attachEvent('onclick', function () {\n    var src = window.event.srcElement;\n  });\n}\n",
       {"4:12 t.attach guarded", "5:15 t.event guarded", "5:28 t.src guarded"}},
      {"negative: IE call after an unrelated if",
       "if (document.getElementById('x')) x = 1\nel.attachEvent('onclick', f);\n"
       "if (window.addEventListener) { el.addEventListener('click', f, false); }\n"
       "el.attachEvent('onclick', g);\n",
       {"2:4 t.attach unguarded", "4:4 t.attach unguarded"}},
      {"negative: IE call in the branch of the standard test",
       "if (window.addEventListener) {\n  el.attachEvent('onclick', f);\n}\n",
       {"2:6 t.attach unguarded"}},
      {"negative: plain use",
       "var c = el.currentStyle.width;\nfunction h() { return window.event.keyCode; }\n",
       {"1:12 t.style unguarded", "2:23 t.event unguarded"}},
      {"early return after a standard test",
       "function text() {\n  if (window.getSelection) return window.getSelection().toString();\n"
       "  return document.selection.createRange().text;\n}\n"
       "function dom() {\n  if (typeof DOMParser != 'undefined') {\n    return new DOMParser();\n  }\n"
       "  return new ActiveXObject('Msxml2.DOMDocument');\n}\n",
       {"3:10 t.sel guarded", "9:10 t.ax guarded"}},
      {"ternary on the event argument",
       "function h(e) { var s = e ? e.target : window.event.srcElement; }\n",
       {"1:40 t.event guarded", "1:53 t.src guarded"}},
      {"negated standard test",
       "if (!el.addEventListener) {\n  el.attachEvent('onclick', f);\n}\n",
       {"2:6 t.attach guarded"}},
      {"document.documentMode test",
       "if (document.documentMode && document.documentMode < 9) {\n  el.attachEvent('onclick', f);\n}\n",
       {"2:6 t.attach ie-only-branch"}},
      {"event handler attribute",
       "<!DOCTYPE html>\n<html><body>\n"
       "<a href=\"#\" onclick=\"if (window.event) window.event.returnValue = false;\">x</a>\n"
       "</body></html>\n",
       {"3:26 t.event ie-only-branch", "3:40 t.event ie-only-branch"},
       scanner::FileKind::kHtml},
  };
  return cases;
}

TEST(GuardTest, EveryShape) {
  for (const Case& c : Cases()) {
    EXPECT_EQ(Guards(c), c.expected) << c.name;
  }
}

TEST(GuardTest, AtLeastTwentyShapes) { EXPECT_GE(Cases().size(), 20u); }

TEST(GuardTest, UnbalancedAndHostileInputStaysBounded) {
  std::string code = "if (window.addEventListener) {";
  for (int i = 0; i < 20000; ++i) code += "(";
  code += "\n} else { el.attachEvent('onclick', f); }\n";
  for (int i = 0; i < 20000; ++i) code += ")]}";
  code += "\nel.attachEvent('onclick', g);\n";
  std::vector<std::string> got;
  for (const Finding& f : ScanFindings(GuardCatalog(), code, scanner::FileKind::kJs)) {
    got.push_back(std::to_string(f.begin.line) + " " + std::string(GuardName(f.guard)));
  }
  EXPECT_EQ(got, (std::vector<std::string>{"2 unguarded", "4 unguarded"}));
}

TEST(GuardTest, ContextOnlyHookKeepsItsAnswer) {
  scanner::Region region;
  region.language = scanner::Language::kJs;
  EXPECT_EQ(ClassifyJsGuard(region, nullptr), Guard::kUnguarded);
  region.ie_only = true;
  EXPECT_EQ(ClassifyJsGuard(region, nullptr), Guard::kIeOnlyBranch);
}

}  // namespace
}  // namespace iescan::rules
