// ParseRule: accepted rules and the exact error for each kind of mistake.
#include "rules/engine/rule.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include "rules_test_util.h"

namespace iescan::rules {
namespace {

using nlohmann::json;
using testing::RuleJson;

std::string ErrorOf(const std::string& text) {
  Result<Rule> rule = ParseRule(text, "", "rules/x/y.json");
  EXPECT_FALSE(rule.ok());
  return rule.ok() ? std::string() : rule.status().message();
}

const json kAttachMatch = json::array({{{"js-member", "attachEvent"}, {"call", true}}});

TEST(ParseRuleTest, ParsesEveryField) {
  std::string text =
      RuleJson("events.attach-event", {"js"},
               json::array({{{"js-member", "attachEvent"}, {"call", true}},
                            {{"js-call", "detachEvent"}, {"object", {"window", "document"}}},
                            {{"js-string-arg", "ActiveXObject"}, {"pattern", "(?i)^msxml"}}}),
               {"attachEvent", "detachEvent"},
               {{"supersedes", {"events.generic"}},
                {"severity", "blocker"},
                {"effort", "trivial"},
                {"confidence", "medium"},
                {"message", "{match}() with {arg}"}});
  std::string doc = "```\n# not a title\n```\n# attachEvent / detachEvent\n\n## What breaks\n";
  Result<Rule> rule = ParseRule(text, doc, "builtin:events/attach-event.json");
  ASSERT_TRUE(rule.ok()) << rule.status().message();
  EXPECT_EQ(rule->id, "events.attach-event");
  EXPECT_EQ(rule->category, "events");
  EXPECT_EQ(rule->title, "attachEvent / detachEvent");  // from the doc's '# ' heading
  EXPECT_EQ(rule->languages, std::vector<std::string>{"js"});
  ASSERT_EQ(rule->matchers.size(), 3u);
  EXPECT_EQ(rule->matchers[0].kind, MatcherKind::kJsMember);
  EXPECT_EQ(rule->matchers[0].name, "attachEvent");
  EXPECT_TRUE(rule->matchers[0].require_call);
  EXPECT_FALSE(rule->matchers[0].require_assign);
  EXPECT_EQ(rule->matchers[1].kind, MatcherKind::kJsCall);
  EXPECT_EQ(rule->matchers[1].objects, (std::vector<std::string>{"window", "document"}));
  EXPECT_EQ(rule->matchers[2].kind, MatcherKind::kJsStringArg);
  ASSERT_NE(rule->matchers[2].re, nullptr);
  EXPECT_TRUE(RE2::PartialMatch("MSXML2.DOMDocument", *rule->matchers[2].re));
  EXPECT_EQ(rule->prefilter, (std::vector<std::string>{"attachEvent", "detachEvent"}));
  EXPECT_EQ(rule->severity, Severity::kBlocker);
  EXPECT_EQ(rule->confidence, Confidence::kMedium);
  EXPECT_EQ(rule->effort, Effort::kTrivial);
  EXPECT_EQ(rule->supersedes, std::vector<std::string>{"events.generic"});
  EXPECT_EQ(rule->doc, doc);
  EXPECT_EQ(rule->source, "builtin:events/attach-event.json");
}

TEST(ParseRuleTest, TitleFromJsonWhenDocHasNoHeading) {
  Result<Rule> rule = ParseRule(RuleJson("a.b", {"js"}, kAttachMatch, {"attachEvent"}),
                                "no heading here\n", "x.json");
  ASSERT_TRUE(rule.ok()) << rule.status().message();
  EXPECT_EQ(rule->title, "Rule a.b");
}

TEST(ParseRuleTest, EnumNamesRoundTrip) {
  for (Severity s : {Severity::kLow, Severity::kMedium, Severity::kHigh, Severity::kBlocker}) {
    Severity parsed = Severity::kLow;
    ASSERT_TRUE(ParseSeverity(SeverityName(s), &parsed));
    EXPECT_EQ(parsed, s);
  }
  EXPECT_EQ(SeverityName(Severity::kBlocker), "blocker");
  EXPECT_EQ(ConfidenceName(Confidence::kLow), "low");
  EXPECT_EQ(EffortName(Effort::kLarge), "large");
  Effort e = Effort::kSmall;
  EXPECT_FALSE(ParseEffort("huge", &e));
  Confidence c = Confidence::kHigh;
  EXPECT_TRUE(ParseConfidence("medium", &c));
  EXPECT_EQ(c, Confidence::kMedium);
}

TEST(ParseRuleTest, UnknownKey) {
  EXPECT_EQ(ErrorOf(RuleJson("a.b", {"js"}, kAttachMatch, {"attachEvent"}, {{"colour", "red"}})),
            "rules/x/y.json: key 'colour': unknown key (expected one of confidence, effort, id, "
            "languages, match, message, prefilter, references, replacement, severity, "
            "supersedes, title)");
}

TEST(ParseRuleTest, BadSeverity) {
  EXPECT_EQ(
      ErrorOf(RuleJson("a.b", {"js"}, kAttachMatch, {"attachEvent"}, {{"severity", "fatal"}})),
      "rules/x/y.json: key 'severity': expected one of blocker, high, medium, low, got 'fatal'");
  EXPECT_EQ(ErrorOf(RuleJson("a.b", {"js"}, kAttachMatch, {"attachEvent"}, {{"effort", 3}})),
            "rules/x/y.json: key 'effort': expected a string");
}

TEST(ParseRuleTest, BadRegexNamesTheKeyAndGivesRe2Error) {
  json match =
      json::array({{{"html-element", "object"}},
                   {{"html-element", "object"}, {"attribute", "classid"}, {"value", "(clsid"}}});
  EXPECT_EQ(ErrorOf(RuleJson("a.b", {"html"}, match, {"object"})),
            "rules/x/y.json: key 'match[1].value': invalid RE2 pattern: missing ): (clsid");
  EXPECT_EQ(ErrorOf(RuleJson("a.b", {"css"}, json::array({{{"css-value", "a[b"}}}), {"a"})),
            "rules/x/y.json: key 'match[0].css-value': invalid RE2 pattern: missing ]: [b");
}

TEST(ParseRuleTest, MissingOrEmptyPrefilter) {
  json rule = json::parse(RuleJson("a.b", {"js"}, kAttachMatch, {"attachEvent"}));
  rule.erase("prefilter");
  EXPECT_EQ(ErrorOf(rule.dump()),
            "rules/x/y.json: key 'prefilter': required key missing (expected a non-empty array "
            "of strings)");
  EXPECT_EQ(ErrorOf(RuleJson("a.b", {"js"}, kAttachMatch, json::array())),
            "rules/x/y.json: key 'prefilter': expected a non-empty array of strings");
  EXPECT_EQ(ErrorOf(RuleJson("a.b", {"js"}, kAttachMatch, {"attachEvent", ""})),
            "rules/x/y.json: key 'prefilter[1]': expected a non-empty string");
}

TEST(ParseRuleTest, MatcherShapeErrors) {
  EXPECT_EQ(
      ErrorOf(RuleJson("a.b", {"js"}, json::array({{{"js-member", "all"}, {"elements", {"div"}}}}),
                       {"all"})),
      "rules/x/y.json: key 'match[0].elements': not allowed for js-member (allowed: "
      "object, call, assign)");
  EXPECT_EQ(
      ErrorOf(RuleJson("a.b", {"js"}, json::array({{{"js-call", "f"}, {"js-new", "F"}}}), {"f"})),
      "rules/x/y.json: key 'match[0]': expected exactly one matcher kind key, got "
      "'js-call' and 'js-new'");
  EXPECT_EQ(ErrorOf(RuleJson("a.b", {"js"}, json::array({{{"object", {"x"}}}}), {"f"})),
            "rules/x/y.json: key 'match[0]': expected one matcher kind key: js-member, js-call, "
            "js-new, js-identifier, js-string-arg, vbs-present, vbs-call, vbs-string-arg, "
            "vbs-identifier, html-element, html-attribute, html-comment, css-property, "
            "css-function, css-value, css-at-rule, regex, check");
  EXPECT_EQ(
      ErrorOf(RuleJson("a.b", {"js"}, json::array({{{"js-new", "F"}}, {{"js-new", 7}}}), {"F"})),
      "rules/x/y.json: key 'match[1].js-new': expected a non-empty name without spaces");
  EXPECT_EQ(ErrorOf(RuleJson("a.b", {"css"},
                             json::array({{{"css-property", "zoom"}, {"hack", "#"}}}), {"zoom"})),
            "rules/x/y.json: key 'match[0].hack': expected \"*\" or \"_\"");
  EXPECT_EQ(ErrorOf(RuleJson("a.b", {"vbs"}, json::array({{{"vbs-present", false}}}), {"vbs"})),
            "rules/x/y.json: key 'match[0].vbs-present': expected true");
  EXPECT_EQ(ErrorOf(RuleJson("a.b", {"js"}, json::array({{{"check", "no-such-check"}}}), {"x"})),
            "rules/x/y.json: key 'match[0].check': unknown check 'no-such-check'");
  EXPECT_EQ(
      ErrorOf(RuleJson("a.b", {"html"}, json::array({{{"html-element", "object"}, {"value", "x"}}}),
                       {"object"})),
      "rules/x/y.json: key 'match[0].value': needs 'attribute' (the attribute whose value "
      "it tests)");
  EXPECT_EQ(ErrorOf(RuleJson("a.b", {"js"}, json::object(), {"x"})),
            "rules/x/y.json: key 'match': expected a non-empty array of matcher objects");
}

TEST(ParseRuleTest, LineTailIsABoundedCountOnRegexMatchersOnly) {
  const auto with_tail = [](json tail) {
    return RuleJson("a.b", {"js"}, json::array({{{"regex", "@if\\b"}, {"line-tail", tail}}}),
                    {"@if"});
  };
  Result<Rule> rule = ParseRule(with_tail(500), "", "rules/x/y.json");
  ASSERT_TRUE(rule.ok()) << rule.status().message();
  EXPECT_EQ(rule.value().matchers[0].line_tail, 500u);
  EXPECT_EQ(ParseRule(with_tail(10000), "", "t").value().matchers[0].line_tail, 10000u);
  const std::string bound = "rules/x/y.json: key 'match[0].line-tail': expected a whole number "
                            "from 1 to 10000";
  EXPECT_EQ(ErrorOf(with_tail(0)), bound);
  EXPECT_EQ(ErrorOf(with_tail(-5)), bound);
  EXPECT_EQ(ErrorOf(with_tail(10001)), bound);
  EXPECT_EQ(ErrorOf(with_tail(2.5)), bound);
  EXPECT_EQ(ErrorOf(with_tail("500")), bound);
  EXPECT_EQ(ErrorOf(RuleJson("a.b", {"css"},
                             json::array({{{"css-value", "expression"}, {"line-tail", 10}}}),
                             {"expression"})),
            "rules/x/y.json: key 'match[0].line-tail': not allowed for css-value (allowed: none)");
}

// Which patterns are searched without their leading \b (the engine then checks the
// boundary itself): only where that is the same search and RE2 gains a literal first byte.
TEST(ParseRuleTest, LeadingWordBoundaryIsDroppedOnlyWhereTheSearchStaysTheSame) {
  EXPECT_EQ(WithoutLeadingWordBoundary("\\bnew\\s+ActiveXObject\\s*\\("),
            "new\\s+ActiveXObject\\s*\\(");
  EXPECT_EQ(WithoutLeadingWordBoundary("\\b_x(?:a|b)[|(]\\|c"), "_x(?:a|b)[|(]\\|c");
  EXPECT_EQ(WithoutLeadingWordBoundary("\\bab?[]|]c"), "ab?[]|]c");  // `]` first is literal
  EXPECT_EQ(WithoutLeadingWordBoundary("\\b9+x"), "9+x");
  // A top-level alternative: \b belongs to the first branch only.
  EXPECT_EQ(WithoutLeadingWordBoundary("\\bnew\\b|old"), "");
  EXPECT_EQ(WithoutLeadingWordBoundary("\\bnew(?:a|b)|(c)"), "");
  EXPECT_EQ(WithoutLeadingWordBoundary("\\bnew[^]]|x"), "");
  EXPECT_EQ(WithoutLeadingWordBoundary("\\bx[[:alpha:]|]"), "");  // refused, never wrong
  // Not a required word character right after the \b, or case-folded, or not at the start.
  EXPECT_EQ(WithoutLeadingWordBoundary("\\b(?:new|old)"), "");
  EXPECT_EQ(WithoutLeadingWordBoundary("\\b\\w+\\.x"), "");
  EXPECT_EQ(WithoutLeadingWordBoundary("\\b[Nn]ew"), "");
  EXPECT_EQ(WithoutLeadingWordBoundary("\\b$x"), "");
  EXPECT_EQ(WithoutLeadingWordBoundary("\\bn?ew"), "");
  EXPECT_EQ(WithoutLeadingWordBoundary("\\bn*ew"), "");
  EXPECT_EQ(WithoutLeadingWordBoundary("\\bn{0,2}ew"), "");
  EXPECT_EQ(WithoutLeadingWordBoundary("(?i)\\bnew"), "");
  EXPECT_EQ(WithoutLeadingWordBoundary("\\Bnew"), "");
  EXPECT_EQ(WithoutLeadingWordBoundary("new\\b"), "");
  EXPECT_EQ(WithoutLeadingWordBoundary("\\b"), "");
  EXPECT_EQ(WithoutLeadingWordBoundary("\\bx\\Q|\\E"), "");
  // The parsed regex matcher carries the search without it; other kinds never do.
  const std::string text =
      RuleJson("a.b", {"js", "css"},
               json::array({{{"regex", "\\bnew\\s+X"}}, {{"regex", "\\bnew|X"}},
                            {{"css-value", "\\bexpression"}}}),
               {"new"});
  Result<Rule> rule = ParseRule(text, "", "t");
  ASSERT_TRUE(rule.ok()) << rule.status().message();
  ASSERT_NE(rule->matchers[0].search, nullptr);
  EXPECT_EQ(rule->matchers[0].search->pattern(), "new\\s+X");
  EXPECT_EQ(rule->matchers[0].re->pattern(), "\\bnew\\s+X");
  EXPECT_EQ(rule->matchers[1].search, nullptr);
  EXPECT_EQ(rule->matchers[2].search, nullptr);
}

TEST(ParseRuleTest, MatcherNeedsItsLanguage) {
  EXPECT_EQ(ErrorOf(RuleJson("a.b", {"html"}, kAttachMatch, {"attachEvent"})),
            "rules/x/y.json: key 'match[0].js-member': needs \"js\" in languages");
  EXPECT_EQ(ErrorOf(RuleJson("a.b", {"css"}, json::array({{{"html-comment", "if"}}}), {"if"})),
            "rules/x/y.json: key 'match[0].html-comment': needs \"html\" or \"xml\" in languages");
  EXPECT_EQ(ErrorOf(RuleJson("a.b", {"js", "jscript"}, kAttachMatch, {"attachEvent"})),
            "rules/x/y.json: key 'languages[1]': expected one of js, vbs, css, html, xml, got "
            "'jscript'");
}

TEST(ParseRuleTest, IdAndOtherFields) {
  EXPECT_EQ(ErrorOf(RuleJson("Events.attach", {"js"}, kAttachMatch, {"attachEvent"})),
            "rules/x/y.json: key 'id': expected '<category>.<name>' of lower-case letters, "
            "digits and hyphens, got 'Events.attach'");
  EXPECT_EQ(ErrorOf(RuleJson("events", {"js"}, kAttachMatch, {"attachEvent"})),
            "rules/x/y.json: key 'id': expected '<category>.<name>' of lower-case letters, "
            "digits and hyphens, got 'events'");
  EXPECT_EQ(ErrorOf(RuleJson("a.b", {"js"}, kAttachMatch, {"attachEvent"},
                             {{"message", "{matched} is old"}})),
            "rules/x/y.json: key 'message': unknown placeholder '{matched}' (expected {match} or "
            "{arg})");
  EXPECT_EQ(ErrorOf(RuleJson("a.b", {"js"}, kAttachMatch, {"attachEvent"},
                             {{"references", {"developer.mozilla.org"}}})),
            "rules/x/y.json: key 'references[0]': expected an http:// or https:// URL, got "
            "'developer.mozilla.org'");
  EXPECT_EQ(
      ErrorOf(RuleJson("a.b", {"js"}, kAttachMatch, {"attachEvent"}, {{"supersedes", {"a.b"}}})),
      "rules/x/y.json: key 'supersedes[0]': expected the id of another rule, got 'a.b'");
}

TEST(ParseRuleTest, InvalidJsonAndWrongTopLevel) {
  Result<Rule> rule = ParseRule("{\"id\": \"a.b\",", "", "bad.json");
  ASSERT_FALSE(rule.ok());
  EXPECT_EQ(rule.status().message().rfind("bad.json: invalid JSON: [json.exception.parse_error", 0),
            0u)
      << rule.status().message();
  EXPECT_NE(rule.status().message().find("line 1, column 14"), std::string::npos)
      << rule.status().message();
  EXPECT_EQ(ParseRule("[1, 2]", "", "arr.json").status().message(),
            "arr.json: expected a JSON object at the top level");
}

}  // namespace
}  // namespace iescan::rules
