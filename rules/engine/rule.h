// A rule of the catalogue: data loaded from rules/catalog/<category>/<name>.json (compiled
// into the binary) or from an organisation's --rules directory. The format is documented
// in docs/rule-format.md; this header is its in-memory form.
//
// Thread-safety: immutable after loading.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "scanner/core/status.h"

namespace re2 {
class RE2;
}

namespace iescan::rules {

enum class Severity : uint8_t { kLow = 0, kMedium = 1, kHigh = 2, kBlocker = 3 };
enum class Confidence : uint8_t { kLow = 0, kMedium = 1, kHigh = 2 };
enum class Effort : uint8_t { kTrivial = 0, kSmall = 1, kMedium = 2, kLarge = 3 };

std::string_view SeverityName(Severity s);      // "blocker", "high", "medium", "low"
std::string_view ConfidenceName(Confidence c);  // "high", "medium", "low"
std::string_view EffortName(Effort e);          // "trivial", "small", "medium", "large"
bool ParseSeverity(std::string_view name, Severity* out);
bool ParseConfidence(std::string_view name, Confidence* out);
bool ParseEffort(std::string_view name, Effort* out);

// One way a rule can match. A rule fires where any of its matchers matches.
// Matcher kinds and their JSON keys are listed in docs/rule-format.md.
enum class MatcherKind : uint8_t {
  kJsMember,      // {"js-member": "all", "object": ["document"], "call": false, "assign": false}
  kJsCall,        // {"js-call": "showModalDialog", "object": ["window", ...]}
  kJsNew,         // {"js-new": "ActiveXObject"}
  kJsIdentifier,  // {"js-identifier": "XDomainRequest"}
  kJsStringArg,   // {"js-string-arg": "ActiveXObject", "pattern": "(?i)^msxml"}
  kVbsPresent,    // {"vbs-present": true}
  kVbsCall,       // {"vbs-call": "CreateObject"} (case-insensitive; call or statement)
  kVbsStringArg,  // {"vbs-string-arg": "CreateObject", "pattern": "..."}
  kVbsIdentifier, // {"vbs-identifier": "MsgBox"}
  kHtmlElement,   // {"html-element": "xml", "attribute": "src", "value": "regex"}
  kHtmlAttribute, // {"html-attribute": "datasrc", "elements": [...], "value": "regex"}
  kHtmlComment,   // {"html-comment": "regex"} over each comment's text
  kCssProperty,   // {"css-property": "behavior", "value": "regex", "hack": "*"}
  kCssFunction,   // {"css-function": "expression"}
  kCssValue,      // {"css-value": "regex"} over each declaration's value text
  kCssAtRule,     // {"css-at-rule": "regex"} over an at-rule's prelude ("@media \\0screen")
  kRegex,         // {"regex": "...", "strings": "blank"|"keep", "line-tail": 500} over
                  // comment-masked code
  kCheck,         // {"check": "name"}: a C++ check from rules/checks
};

struct Matcher {
  MatcherKind kind;
  std::string name;                  // the member / callee / element / attribute / property
  std::vector<std::string> objects;  // js-member / js-call: allowed receivers; empty = any
  bool require_call = false;         // js-member: must be followed by "("
  bool require_assign = false;       // js-member: must be assigned to ("=", not "==")
  bool keep_strings = false;         // regex: string contents visible
  // regex: a match in which the pattern's first group took part (every match, when the
  // pattern has no group) runs on through its line, at most this many characters further;
  // 0: no tail. What `[^\r\n]{0,N}` after the match would take, without the regex engine
  // paying for a counter of N states.
  uint32_t line_tail = 0;
  char hack = 0;                     // css-property: '*' or '_' prefix required
  std::string attribute;             // html-element: attribute that must be present
  std::string pattern;               // source of `re` (value / comment / arg / regex pattern)
  std::vector<std::string> elements; // html-attribute: restrict to these tags
  std::shared_ptr<const re2::RE2> re;  // compiled `pattern`, null when none
  // regex: `pattern` without its leading `\b`, when what follows is a case-sensitive word
  // character and the pattern has no top-level `|`; null otherwise. A match of it counts
  // where the byte before is not an ASCII word character, which is where `\b` held. RE2
  // skips to a literal first character with memchr, but not past a leading `\b`.
  std::shared_ptr<const re2::RE2> search;
};

struct Rule {
  std::string id;            // "events.attach-event": "<category>.<name>", stable forever
  std::string category;      // "events"
  std::string title;         // one line, for lists and reports
  std::vector<std::string> languages;  // "js", "vbs", "css", "html", "xml"
  std::vector<Matcher> matchers;
  std::vector<std::string> prefilter;  // literal words; at least one must occur (ASCII
                                       // case-insensitive) for the rule to be tried
  std::string message;       // may use {match} (matched text) and {arg} (string argument)
  Severity severity = Severity::kMedium;
  Confidence confidence = Confidence::kHigh;
  Effort effort = Effort::kSmall;
  std::string replacement;   // the modern replacement, one line
  std::vector<std::string> references;  // URLs
  // Ids of more general rules that this one refines: where both fire at the same offset,
  // only this rule's finding is kept (a ProgID family rule supersedes the generic
  // ActiveXObject rule).
  std::vector<std::string> supersedes;
  std::string doc;           // the Markdown documentation (<name>.md)
  std::string source;        // where it was loaded from ("builtin:events/attach-event.json")
};

// The rest of a regex pattern after its leading `\b`, or "" when searching that rest and
// keeping the matches whose preceding byte is not an ASCII word character would not be
// the same search: the pattern must start `\b` (no flags before it), go on with a word
// character that is neither escaped, optional nor case-folded, and have no `|` outside
// groups (a `\b` of the first branch says nothing of the others).
std::string WithoutLeadingWordBoundary(std::string_view pattern);

// Parses one rule from its JSON text and Markdown doc. `source` names the file in errors:
// "rules/x.json: key 'severity': expected one of blocker, high, medium, low".
Result<Rule> ParseRule(std::string_view json_text, std::string_view doc_text,
                       std::string_view source);

}  // namespace iescan::rules
