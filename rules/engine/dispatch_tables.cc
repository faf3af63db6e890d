// Compiles the catalogue into dispatch tables (see engine_internal.h).
#include <map>

#include "rules/checks/checks.h"
#include "rules/engine/engine_internal.h"
#include "rules/engine/text_util.h"

namespace iescan::rules {
namespace {

uint8_t LanguagesMask(const Rule& rule) {
  using scanner::Language;
  uint8_t mask = 0;
  for (const std::string& name : rule.languages) {
    for (Language lang :
         {Language::kHtml, Language::kJs, Language::kVbs, Language::kCss, Language::kXml}) {
      if (scanner::LanguageName(lang) == name) mask |= LanguageBit(lang);
    }
  }
  return mask;
}

}  // namespace

DispatchTables::DispatchTables(const std::vector<const Rule*>& catalogue_rules)
    : rules(catalogue_rules),
      rule_languages(catalogue_rules.size(), 0),
      structural_kinds(catalogue_rules.size(), 0),
      superseded(catalogue_rules.size()) {
  std::map<std::string_view, uint32_t> index;
  for (uint32_t r = 0; r < rules.size(); ++r) index.emplace(rules[r]->id, r);
  for (uint32_t r = 0; r < rules.size(); ++r) {
    const Rule& rule = *rules[r];
    rule_languages[r] = LanguagesMask(rule);
    for (const std::string& id : rule.supersedes) {
      auto it = index.find(id);
      if (it != index.end()) superseded[r].push_back(it->second);
    }
    for (const Matcher& m : rule.matchers) {
      Entry e{r, &m};
      switch (m.kind) {
        case MatcherKind::kJsMember:
          js[m.name].member.push_back(e);
          break;
        case MatcherKind::kJsCall:
          js[m.name].call.push_back(e);
          break;
        case MatcherKind::kJsNew:
          js[m.name].construct.push_back(e);
          break;
        case MatcherKind::kJsIdentifier:
          js[m.name].identifier.push_back(e);
          break;
        case MatcherKind::kJsStringArg:
          js[m.name].string_arg.push_back(e);
          break;
        case MatcherKind::kVbsPresent:
          vbs_present.push_back(e);
          structural_kinds[r] |= KindBit(scanner::FileKind::kVbs);
          break;
        case MatcherKind::kVbsCall:
          vbs[LowerAscii(m.name)].call.push_back(e);
          break;
        case MatcherKind::kVbsIdentifier:
          vbs[LowerAscii(m.name)].identifier.push_back(e);
          break;
        case MatcherKind::kVbsStringArg:
          vbs[LowerAscii(m.name)].string_arg.push_back(e);
          break;
        case MatcherKind::kHtmlElement:
          html_element[LowerAscii(m.name)].push_back(e);
          break;
        case MatcherKind::kHtmlAttribute:
          html_attribute[LowerAscii(m.name)].push_back(e);
          break;
        case MatcherKind::kHtmlComment:
          html_comment.push_back(e);
          break;
        case MatcherKind::kCssProperty:
          css_property[LowerAscii(m.name)].push_back(e);
          break;
        case MatcherKind::kCssFunction:
          css_function[LowerAscii(m.name)].push_back(e);
          break;
        case MatcherKind::kCssValue:
          css_value.push_back(e);
          break;
        case MatcherKind::kCssAtRule:
          css_at_rule.push_back(e);
          break;
        case MatcherKind::kRegex:
          regex.push_back(e);
          break;
        case MatcherKind::kCheck:
          checks.push_back(e);
          if (const CheckInfo* check = FindCheck(m.name)) {
            structural_kinds[r] |= check->structural_kinds;
          }
          break;
      }
    }
  }
  std::vector<const re2::RE2*> patterns;
  patterns.reserve(regex.size());
  for (const Entry& e : regex) patterns.push_back(e.matcher->re.get());
  regex_gate = std::make_shared<const RegexGate>(patterns);
}

}  // namespace iescan::rules
