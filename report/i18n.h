// Report language: the message catalogue that renders rule titles, messages and
// replacements and the fixed wording of the text, Markdown and HTML reports in a chosen
// language. English rule text lives in the rules themselves (rules/catalog/**); every other
// language, and every UI string in every language, lives in catalogue files under
// rules/i18n/ that are compiled into the binary:
//
//   rules/i18n/ui.<lang>.json          {"key": "text", ...}            UI strings
//   rules/i18n/<lang>/<category>.json  {"rule.id": {"title": ..., "message": ...,
//                                                    "replacement": ...}, ...}
//
// An organisation's --rules directory may carry i18n/<lang>/*.json files of the same shape
// for its own rules (Messages::AddDirectory).
//
// Ownership: a Messages value owns copies of every string. Thread-safety: build once, then
// share read-only; BuiltinMessages() is initialised once and is safe to call from any
// thread.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "report/plan.h"
#include "rules/engine/finding.h"
#include "rules/engine/rule.h"
#include "scanner/core/status.h"

namespace iescan::report {

enum class Lang : uint8_t { kEn, kJa };

// "en" or "ja" (ASCII case-insensitive). Error naming the accepted values otherwise.
Result<Lang> ParseLang(std::string_view name);
// "en", "ja": the BCP 47 tag used in file names and in <html lang>.
std::string_view LangCode(Lang lang);

// One rule's translated text. Empty fields mean "not translated".
struct RuleText {
  std::string title;
  std::string message;
  std::string replacement;
};

// Replaces "{match}" and "{arg}" in `message` the way the engine does.
std::string FillPlaceholders(std::string_view message, std::string_view match,
                             std::string_view arg);
// Replaces every "{name}" in `text` by its value from `args`; unknown names stay as is.
std::string FormatUi(std::string_view text,
                     const std::vector<std::pair<std::string, std::string>>& args);

class Messages {
 public:
  // The built-in catalogue (embedded rules/i18n/**). Errors name the bad file.
  static Result<Messages> Builtin();

  // Adds `<dir>/i18n/<lang>/*.json` rule catalogues of an organisation's rule directory.
  // A missing i18n folder is not an error.
  Status AddDirectory(const std::string& dir);
  // Adds one rule catalogue file's text for `lang`; `source` names it in errors.
  Status AddRuleFile(Lang lang, std::string_view json_text, std::string_view source);
  // Adds one UI catalogue file's text for `lang`.
  Status AddUiFile(Lang lang, std::string_view json_text, std::string_view source);

  // The rule's title / message (placeholders filled) / replacement in `lang`. English, and
  // any rule without an entry in `lang` (an organisation rule nobody translated), use the
  // rule's own text.
  std::string RuleTitle(Lang lang, const rules::Rule& rule) const;
  std::string RuleMessage(Lang lang, const rules::Rule& rule, std::string_view match,
                          std::string_view arg) const;
  std::string RuleReplacement(Lang lang, const rules::Rule& rule) const;
  // The translated entry of `id`, or null when `lang` has none.
  const RuleText* FindRule(Lang lang, std::string_view id) const;

  // The UI string `key` in `lang`, falling back to English, then to the key itself.
  std::string Ui(Lang lang, std::string_view key) const;
  // Ui() with "{name}" placeholders filled.
  std::string Ui(Lang lang, std::string_view key,
                 const std::vector<std::pair<std::string, std::string>>& args) const;
  // "{n} file" / "{n} files": key + ".one" when n == 1, else key + ".other", with {n} filled.
  std::string UiCount(Lang lang, std::string_view key, uint64_t n) const;
  // Every UI key of `lang`, sorted.
  std::vector<std::string> UiKeys(Lang lang) const;
  // Every rule id with an entry in `lang`, sorted.
  std::vector<std::string> RuleIds(Lang lang) const;

 private:
  static constexpr size_t kLangCount = 2;
  std::map<std::string, RuleText, std::less<>> rules_[kLangCount];
  std::map<std::string, std::string, std::less<>> ui_[kLangCount];
};

// The built-in catalogue, loaded on first use. If the embedded files are malformed (a
// build defect the tests catch) it is empty and every lookup falls back to English.
const Messages& BuiltinMessages();

// Wording shared by the text, Markdown and HTML writers. `messages` null means
// BuiltinMessages(). In English each returns exactly the text the writers printed before
// they had a language (the rule's own message, SeverityName(), AppStatusLabel()...).
struct ReportText {
  Lang lang = Lang::kEn;
  const Messages* messages = nullptr;

  const Messages& catalogue() const { return messages != nullptr ? *messages : BuiltinMessages(); }
  bool english() const { return lang == Lang::kEn; }
  std::string Ui(std::string_view key) const { return catalogue().Ui(lang, key); }
  std::string Ui(std::string_view key,
                 const std::vector<std::pair<std::string, std::string>>& args) const {
    return catalogue().Ui(lang, key, args);
  }
  std::string UiCount(std::string_view key, uint64_t n) const {
    return catalogue().UiCount(lang, key, n);
  }
  // A finding's message. English: PlanFinding::message as the scan wrote it. Other
  // languages: the rule's translated message filled from `match` and `detail`, followed by
  // the "folded findings" note of a vendored library (`folded`: the file's
  // PlanFile::folded_findings).
  std::string FindingMessage(const PlanFinding& finding, uint32_t folded) const;
  // The rule's title: `english_title` in English (what the Plan holds), else translated.
  std::string RuleTitle(const rules::Rule* rule, std::string_view english_title) const;
  std::string RuleReplacement(const rules::Rule* rule, std::string_view english_text) const;
  std::string Severity(rules::Severity severity) const;  // "blocker" / "動作不可"
  std::string Effort(rules::Effort effort) const;        // "small" / "小"
  std::string Confidence(rules::Confidence confidence) const;
  std::string StatusLabel(AppStatus status) const;  // "Blocked: needs IE mode"
  std::string StatusWords(AppStatus status) const;  // "blocked (needs IE mode)"
  std::string Guard(rules::Guard guard) const;      // "" when there is no guard
  std::string Hours(std::string_view hours) const;  // "2.5 h" / "2.5 時間"
};

}  // namespace iescan::report
