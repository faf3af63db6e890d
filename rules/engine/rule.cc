// Rule parsing: JSON text + Markdown doc -> Rule, with strict validation. Every error
// names the source, the key (a path such as match[2].value) and what was expected.
#include "rules/engine/rule.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>

#include "rules/checks/checks.h"
#include "rules/engine/rule_internal.h"
#include "rules/engine/text_util.h"

namespace iescan::rules {
namespace {

using nlohmann::json;

// Records the first syntax error of a JSON text without throwing.
class SyntaxErrorSax : public nlohmann::json_sax<json> {
 public:
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    message = ex.what();
    return false;
  }
  std::string message;
};

std::string JsonSyntaxError(std::string_view text) {
  SyntaxErrorSax sax;
  json::sax_parse(text, &sax);
  return sax.message.empty() ? "syntax error" : sax.message;
}

constexpr std::array<std::string_view, 12> kRuleKeys = {
    "confidence", "effort",     "id",          "languages", "match",      "message",
    "prefilter",  "references", "replacement", "severity",  "supersedes", "title"};
// The longest line tail a regex matcher may ask for (characters).
constexpr uint64_t kMaxLineTail = 10000;

constexpr std::array<std::string_view, 5> kLanguages = {"js", "vbs", "css", "html", "xml"};

enum class ValueType : uint8_t { kName, kRegex, kTrue, kCheck };

// One matcher kind: its key, what its value is, the refinements it allows, and the
// language a rule must list to use it ("" = any; "markup" = html or xml).
struct KindSpec {
  std::string_view key;
  MatcherKind kind;
  ValueType value;
  std::array<std::string_view, 3> refinements;
  std::string_view language;
};

constexpr std::array<KindSpec, 18> kKinds = {{
    {"js-member", MatcherKind::kJsMember, ValueType::kName, {"object", "call", "assign"}, "js"},
    {"js-call", MatcherKind::kJsCall, ValueType::kName, {"object"}, "js"},
    {"js-new", MatcherKind::kJsNew, ValueType::kName, {}, "js"},
    {"js-identifier", MatcherKind::kJsIdentifier, ValueType::kName, {}, "js"},
    {"js-string-arg", MatcherKind::kJsStringArg, ValueType::kName, {"pattern"}, "js"},
    {"vbs-present", MatcherKind::kVbsPresent, ValueType::kTrue, {}, "vbs"},
    {"vbs-call", MatcherKind::kVbsCall, ValueType::kName, {}, "vbs"},
    {"vbs-string-arg", MatcherKind::kVbsStringArg, ValueType::kName, {"pattern"}, "vbs"},
    {"vbs-identifier", MatcherKind::kVbsIdentifier, ValueType::kName, {}, "vbs"},
    {"html-element", MatcherKind::kHtmlElement, ValueType::kName, {"attribute", "value"}, "markup"},
    {"html-attribute",
     MatcherKind::kHtmlAttribute,
     ValueType::kName,
     {"elements", "value"},
     "markup"},
    {"html-comment", MatcherKind::kHtmlComment, ValueType::kRegex, {}, "markup"},
    {"css-property", MatcherKind::kCssProperty, ValueType::kName, {"value", "hack"}, "css"},
    {"css-function", MatcherKind::kCssFunction, ValueType::kName, {}, "css"},
    {"css-value", MatcherKind::kCssValue, ValueType::kRegex, {}, "css"},
    {"css-at-rule", MatcherKind::kCssAtRule, ValueType::kRegex, {}, "css"},
    {"regex", MatcherKind::kRegex, ValueType::kRegex, {"strings", "line-tail"}, ""},
    {"check", MatcherKind::kCheck, ValueType::kCheck, {}, ""},
}};

template <size_t N>
std::string JoinList(const std::array<std::string_view, N>& items) {
  std::string out;
  for (std::string_view item : items) {
    if (item.empty()) continue;
    if (!out.empty()) out += ", ";
    out += item;
  }
  return out;
}

template <size_t N>
bool Contains(const std::array<std::string_view, N>& items, std::string_view value) {
  return !value.empty() && std::find(items.begin(), items.end(), value) != items.end();
}

bool Contains(const std::vector<std::string>& items, std::string_view value) {
  return std::find(items.begin(), items.end(), value) != items.end();
}

bool HasSpace(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  });
}

// Validation context: the source name, and the first error found.
class RuleParser {
 public:
  explicit RuleParser(std::string_view source) : source_(source) {}

  Status Fail(std::string_view key, std::string_view what) const {
    return Status::Error(std::string(source_) + ": key '" + std::string(key) +
                         "': " + std::string(what));
  }

  Status String(const json& obj, std::string_view key, bool required, std::string* out) const;
  Status StringList(const json& obj, std::string_view key, bool required, bool non_empty,
                    std::vector<std::string>* out) const;
  Status Pattern(std::string_view key, const std::string& pattern, Matcher* m) const;
  Status Languages(const json& obj, Rule* rule) const;
  Status Enums(const json& obj, Rule* rule) const;
  Status Matchers(const json& obj, Rule* rule) const;
  Status OneMatcher(const json& m, const std::string& path, const Rule& rule, Matcher* out) const;
  Status KindValue(const json& value, const KindSpec& spec, const std::string& kind_path,
                   Matcher* out) const;
  Status Refinement(const json& value, std::string_view name, const std::string& path,
                    Matcher* m) const;
  Status Message(const std::string& message) const;
  Status References(const Rule& rule) const;

 private:
  std::string_view source_;
};

Status RuleParser::String(const json& obj, std::string_view key, bool required,
                          std::string* out) const {
  auto it = obj.find(key);
  if (it == obj.end()) {
    return required ? Fail(key, "required key missing (expected a string)") : Status::Ok();
  }
  if (!it->is_string()) return Fail(key, "expected a string");
  *out = it->get<std::string>();
  if (out->empty()) return Fail(key, "expected a non-empty string");
  return Status::Ok();
}

Status RuleParser::StringList(const json& obj, std::string_view key, bool required, bool non_empty,
                              std::vector<std::string>* out) const {
  std::string what =
      non_empty ? "expected a non-empty array of strings" : "expected an array of strings";
  auto it = obj.find(key);
  if (it == obj.end()) {
    return required ? Fail(key, "required key missing (" + what + ")") : Status::Ok();
  }
  if (!it->is_array() || (non_empty && it->empty())) return Fail(key, what);
  for (size_t i = 0; i < it->size(); ++i) {
    const json& item = (*it)[i];
    std::string item_key = std::string(key) + "[" + std::to_string(i) + "]";
    if (!item.is_string() || item.get_ref<const std::string&>().empty()) {
      return Fail(item_key, "expected a non-empty string");
    }
    out->push_back(item.get<std::string>());
  }
  return Status::Ok();
}

Status RuleParser::Pattern(std::string_view key, const std::string& pattern, Matcher* m) const {
  RE2::Options options;
  options.set_log_errors(false);
  auto re = std::make_shared<const re2::RE2>(pattern, options);
  if (!re->ok()) return Fail(key, "invalid RE2 pattern: " + re->error());
  m->pattern = pattern;
  m->re = std::move(re);
  return Status::Ok();
}

Status RuleParser::Languages(const json& obj, Rule* rule) const {
  Status s = StringList(obj, "languages", true, true, &rule->languages);
  if (!s.ok()) return s;
  for (size_t i = 0; i < rule->languages.size(); ++i) {
    const std::string& lang = rule->languages[i];
    std::string key = "languages[" + std::to_string(i) + "]";
    if (!Contains(kLanguages, lang)) {
      return Fail(key, "expected one of " + JoinList(kLanguages) + ", got '" + lang + "'");
    }
    if (std::find(rule->languages.begin(), rule->languages.begin() + i, lang) !=
        rule->languages.begin() + i) {
      return Fail(key, "duplicate language '" + lang + "'");
    }
  }
  return Status::Ok();
}

Status RuleParser::Enums(const json& obj, Rule* rule) const {
  std::string value;
  Status s = String(obj, "severity", true, &value);
  if (!s.ok()) return s;
  if (!ParseSeverity(value, &rule->severity)) {
    return Fail("severity", "expected one of blocker, high, medium, low, got '" + value + "'");
  }
  s = String(obj, "confidence", true, &value);
  if (!s.ok()) return s;
  if (!ParseConfidence(value, &rule->confidence)) {
    return Fail("confidence", "expected one of high, medium, low, got '" + value + "'");
  }
  s = String(obj, "effort", true, &value);
  if (!s.ok()) return s;
  if (!ParseEffort(value, &rule->effort)) {
    return Fail("effort", "expected one of trivial, small, medium, large, got '" + value + "'");
  }
  return Status::Ok();
}

Status RuleParser::Matchers(const json& obj, Rule* rule) const {
  auto it = obj.find("match");
  if (it == obj.end()) {
    return Fail("match", "required key missing (expected a non-empty array of matchers)");
  }
  if (!it->is_array() || it->empty()) {
    return Fail("match", "expected a non-empty array of matcher objects");
  }
  for (size_t i = 0; i < it->size(); ++i) {
    Matcher m;
    Status s = OneMatcher((*it)[i], "match[" + std::to_string(i) + "]", *rule, &m);
    if (!s.ok()) return s;
    rule->matchers.push_back(std::move(m));
  }
  return Status::Ok();
}

const KindSpec* FindKind(std::string_view key) {
  for (const KindSpec& spec : kKinds) {
    if (spec.key == key) return &spec;
  }
  return nullptr;
}

std::string AllKindKeys() {
  std::string out;
  for (const KindSpec& spec : kKinds) {
    if (!out.empty()) out += ", ";
    out += spec.key;
  }
  return out;
}

Status RuleParser::OneMatcher(const json& m, const std::string& path, const Rule& rule,
                              Matcher* out) const {
  if (!m.is_object()) return Fail(path, "expected a matcher object");
  const KindSpec* spec = nullptr;
  for (auto it = m.begin(); it != m.end(); ++it) {
    const KindSpec* k = FindKind(it.key());
    if (k == nullptr) continue;
    if (spec != nullptr) {
      return Fail(path, "expected exactly one matcher kind key, got '" + std::string(spec->key) +
                            "' and '" + it.key() + "'");
    }
    spec = k;
  }
  if (spec == nullptr) return Fail(path, "expected one matcher kind key: " + AllKindKeys());
  out->kind = spec->kind;
  const std::string kind_path = path + "." + std::string(spec->key);
  if (Status s = KindValue(m[std::string(spec->key)], *spec, kind_path, out); !s.ok()) return s;
  for (auto it = m.begin(); it != m.end(); ++it) {
    if (it.key() == spec->key) continue;
    const std::string key_path = path + "." + it.key();
    if (!Contains(spec->refinements, it.key())) {
      std::string allowed = JoinList(spec->refinements);
      return Fail(key_path, "not allowed for " + std::string(spec->key) +
                                " (allowed: " + (allowed.empty() ? "none" : allowed) + ")");
    }
    if (Status s = Refinement(it.value(), it.key(), key_path, out); !s.ok()) return s;
  }
  if (out->kind == MatcherKind::kRegex) {
    if (std::string rest = WithoutLeadingWordBoundary(out->pattern); !rest.empty()) {
      RE2::Options options;
      options.set_log_errors(false);
      auto search = std::make_shared<const re2::RE2>(rest, options);
      if (search->ok()) out->search = std::move(search);
    }
  }
  if (out->kind == MatcherKind::kHtmlElement && out->re && out->attribute.empty()) {
    return Fail(path + ".value", "needs 'attribute' (the attribute whose value it tests)");
  }
  const bool markup = Contains(rule.languages, "html") || Contains(rule.languages, "xml");
  if ((spec->language == "markup" && !markup) ||
      (spec->language != "markup" && !spec->language.empty() &&
       !Contains(rule.languages, spec->language))) {
    std::string need = spec->language == "markup" ? "\"html\" or \"xml\""
                                                  : "\"" + std::string(spec->language) + "\"";
    return Fail(kind_path, "needs " + need + " in languages");
  }
  return Status::Ok();
}

Status RuleParser::KindValue(const json& value, const KindSpec& spec, const std::string& kind_path,
                             Matcher* out) const {
  switch (spec.value) {
    case ValueType::kTrue:
      if (!value.is_boolean() || !value.get<bool>()) return Fail(kind_path, "expected true");
      break;
    case ValueType::kName:
    case ValueType::kCheck:
      if (!value.is_string() || value.get_ref<const std::string&>().empty() ||
          HasSpace(value.get_ref<const std::string&>())) {
        return Fail(kind_path, "expected a non-empty name without spaces");
      }
      out->name = value.get<std::string>();
      if (spec.value == ValueType::kCheck && FindCheck(out->name) == nullptr) {
        return Fail(kind_path, "unknown check '" + out->name + "'");
      }
      break;
    case ValueType::kRegex:
      if (!value.is_string() || value.get_ref<const std::string&>().empty()) {
        return Fail(kind_path, "expected a non-empty RE2 pattern string");
      }
      if (Status s = Pattern(kind_path, value.get<std::string>(), out); !s.ok()) return s;
      break;
  }
  return Status::Ok();
}

Status RuleParser::Refinement(const json& value, std::string_view name, const std::string& path,
                              Matcher* m) const {
  if (name == "call" || name == "assign") {
    if (!value.is_boolean()) return Fail(path, "expected true or false");
    (name == "call" ? m->require_call : m->require_assign) = value.get<bool>();
  } else if (name == "object" || name == "elements") {
    if (!value.is_array() || value.empty()) {
      return Fail(path, "expected a non-empty array of names");
    }
    auto& list = name == "object" ? m->objects : m->elements;
    for (size_t i = 0; i < value.size(); ++i) {
      if (!value[i].is_string() || value[i].get_ref<const std::string&>().empty()) {
        return Fail(path + "[" + std::to_string(i) + "]", "expected a non-empty name");
      }
      list.push_back(value[i].get<std::string>());
    }
  } else if (name == "pattern" || name == "value") {
    if (!value.is_string() || value.get_ref<const std::string&>().empty()) {
      return Fail(path, "expected a non-empty RE2 pattern string");
    }
    return Pattern(path, value.get<std::string>(), m);
  } else if (name == "attribute") {
    if (!value.is_string() || value.get_ref<const std::string&>().empty()) {
      return Fail(path, "expected a non-empty attribute name");
    }
    m->attribute = value.get<std::string>();
  } else if (name == "hack") {
    if (!value.is_string() || (value != "*" && value != "_")) {
      return Fail(path, "expected \"*\" or \"_\"");
    }
    m->hack = value.get_ref<const std::string&>()[0];
  } else if (name == "strings") {
    if (!value.is_string() || (value != "blank" && value != "keep")) {
      return Fail(path, "expected \"blank\" or \"keep\"");
    }
    m->keep_strings = value == "keep";
  } else if (name == "line-tail") {
    if (!value.is_number_unsigned() || value.get<uint64_t>() < 1 ||
        value.get<uint64_t>() > kMaxLineTail) {
      return Fail(path, "expected a whole number from 1 to " + std::to_string(kMaxLineTail));
    }
    m->line_tail = value.get<uint32_t>();
  }
  return Status::Ok();
}

// Placeholders are {match} and {arg}; any other {word} is a typo.
Status RuleParser::Message(const std::string& message) const {
  for (size_t open = message.find('{'); open != std::string::npos;
       open = message.find('{', open + 1)) {
    size_t close = open + 1;
    while (close < message.size() && IsAsciiAlpha(message[close])) ++close;
    if (close == open + 1 || close >= message.size() || message[close] != '}') continue;
    std::string_view word(message.data() + open, close - open + 1);
    if (word != "{match}" && word != "{arg}") {
      return Fail("message",
                  "unknown placeholder '" + std::string(word) + "' (expected {match} or {arg})");
    }
  }
  return Status::Ok();
}

Status RuleParser::References(const Rule& rule) const {
  for (size_t i = 0; i < rule.references.size(); ++i) {
    const std::string& url = rule.references[i];
    if (url.rfind("https://", 0) != 0 && url.rfind("http://", 0) != 0) {
      return Fail("references[" + std::to_string(i) + "]",
                  "expected an http:// or https:// URL, got '" + url + "'");
    }
  }
  return Status::Ok();
}

}  // namespace

std::string WithoutLeadingWordBoundary(std::string_view pattern) {
  if (pattern.size() < 3 || pattern.substr(0, 2) != "\\b" || !IsAsciiWordChar(pattern[2])) {
    return "";
  }
  if (pattern.size() > 3 && (pattern[3] == '?' || pattern[3] == '*' || pattern[3] == '{')) {
    return "";
  }
  // A top-level `|` anywhere after. The scan may end a class early at a POSIX class's `]`
  // (`[[:alpha:]|]`); that only ever refuses a pattern it could have taken.
  int depth = 0;
  bool in_class = false;
  for (size_t i = 2; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      if (i + 1 < pattern.size() && pattern[i + 1] == 'Q') return "";  // \Q...\E: give up
      ++i;
    } else if (in_class) {
      in_class = c != ']';
    } else if (c == '[') {
      in_class = true;
      if (i + 1 < pattern.size() && pattern[i + 1] == '^') ++i;
      if (i + 1 < pattern.size() && pattern[i + 1] == ']') ++i;  // a leading `]` is literal
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (c == '|' && depth <= 0) {
      return "";
    }
  }
  return std::string(pattern.substr(2));
}

Result<Rule> ParseRule(std::string_view json_text, std::string_view doc_text,
                       std::string_view source) {
  json obj = json::parse(json_text, nullptr, false);
  if (obj.is_discarded()) {
    return Status::Error(std::string(source) + ": invalid JSON: " + JsonSyntaxError(json_text));
  }
  if (!obj.is_object()) {
    return Status::Error(std::string(source) + ": expected a JSON object at the top level");
  }
  RuleParser p(source);
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    if (!Contains(kRuleKeys, it.key())) {
      return p.Fail(it.key(), "unknown key (expected one of " + JoinList(kRuleKeys) + ")");
    }
  }
  Rule rule;
  rule.source = std::string(source);
  rule.doc = std::string(doc_text);
  Status s = p.String(obj, "id", true, &rule.id);
  if (s.ok() && !IsValidRuleId(rule.id)) {
    s = p.Fail("id",
               "expected '<category>.<name>' of lower-case letters, digits and "
               "hyphens, got '" +
                   rule.id + "'");
  }
  if (s.ok()) s = p.String(obj, "title", true, &rule.title);
  if (s.ok()) s = p.Languages(obj, &rule);
  if (s.ok()) s = p.Matchers(obj, &rule);
  if (s.ok()) s = p.StringList(obj, "prefilter", true, true, &rule.prefilter);
  if (s.ok()) s = p.String(obj, "message", true, &rule.message);
  if (s.ok()) s = p.Message(rule.message);
  if (s.ok()) s = p.Enums(obj, &rule);
  if (s.ok()) s = p.String(obj, "replacement", true, &rule.replacement);
  if (s.ok()) s = p.StringList(obj, "references", true, false, &rule.references);
  if (s.ok()) s = p.References(rule);
  if (s.ok()) s = p.StringList(obj, "supersedes", false, false, &rule.supersedes);
  for (size_t i = 0; s.ok() && i < rule.supersedes.size(); ++i) {
    const std::string& other = rule.supersedes[i];
    if (!IsValidRuleId(other) || other == rule.id) {
      s = p.Fail("supersedes[" + std::to_string(i) + "]",
                 "expected the id of another rule, got '" + other + "'");
    }
  }
  if (!s.ok()) return s;
  rule.category = rule.id.substr(0, rule.id.find('.'));
  if (std::string doc_title = TitleFromDoc(doc_text); !doc_title.empty()) {
    rule.title = std::move(doc_title);
  }
  return rule;
}

}  // namespace iescan::rules
