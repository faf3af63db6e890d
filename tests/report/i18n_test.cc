// The report message catalogue: every built-in rule and every UI key has a Japanese entry,
// placeholders survive translation, and lookups fill them like the engine does.
#include "report/i18n.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <string>

#include "rules/engine/catalog.h"

namespace iescan::report {
namespace {

const rules::Catalog& Builtin() {
  static const rules::Catalog* const kCatalog = [] {
    Result<rules::Catalog> catalog = rules::Catalog::Builtin();
    EXPECT_TRUE(catalog.ok()) << catalog.status().message();
    return new rules::Catalog(std::move(catalog).value());
  }();
  return *kCatalog;
}

Messages LoadedMessages() {
  Result<Messages> messages = Messages::Builtin();
  EXPECT_TRUE(messages.ok()) << messages.status().message();
  return messages.ok() ? std::move(messages).value() : Messages();
}

std::set<std::string> Placeholders(const std::string& text) {
  static const std::regex kPlaceholder(R"(\{[a-z_]+\})");
  std::set<std::string> out;
  for (std::sregex_iterator it(text.begin(), text.end(), kPlaceholder), end; it != end; ++it) {
    out.insert(it->str());
  }
  return out;
}

// True when `text` reads as English prose rather than code or a name: it contains one of a
// few English function words as a separate word.
bool LooksLikeProse(const std::string& text) {
  static const std::set<std::string> kWords = {
      "the", "and",  "or", "with", "without", "instead", "use", "only", "when", "this",
      "is",  "are",  "an", "to",   "by",      "from",    "as",  "at",   "not",  "no",
      "nothing", "delete", "see", "its", "their"};
  static const std::regex kWord("[A-Za-z]+");
  for (std::sregex_iterator it(text.begin(), text.end(), kWord), end; it != end; ++it) {
    std::string word = it->str();
    for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (kWords.count(word) != 0) return true;
  }
  return false;
}

TEST(I18nTest, EveryBuiltinRuleHasJapaneseTitleMessageAndReplacement) {
  const Messages messages = LoadedMessages();
  ASSERT_GE(Builtin().rules().size(), 190u);
  size_t translated = 0;
  for (const rules::Rule* rule : Builtin().rules()) {
    const RuleText* ja = messages.FindRule(Lang::kJa, rule->id);
    ASSERT_NE(ja, nullptr) << "add \"" << rule->id << "\" to rules/i18n/ja/" << rule->category
                           << ".json";
    EXPECT_FALSE(ja->title.empty()) << rule->id;
    EXPECT_FALSE(ja->message.empty()) << rule->id;
    EXPECT_EQ(ja->replacement.empty(), rule->replacement.empty()) << rule->id;
    ++translated;
  }
  EXPECT_EQ(translated, Builtin().rules().size());
}

TEST(I18nTest, EveryJapaneseEntryNamesABuiltinRule) {
  const Messages messages = LoadedMessages();
  for (const std::string& id : messages.RuleIds(Lang::kJa)) {
    EXPECT_NE(Builtin().Find(id), nullptr) << "rules/i18n/ja has an entry for unknown rule " << id;
  }
  EXPECT_EQ(messages.RuleIds(Lang::kJa).size(), Builtin().rules().size());
}

TEST(I18nTest, JapaneseMessagesKeepTheEnglishPlaceholders) {
  const Messages messages = LoadedMessages();
  for (const rules::Rule* rule : Builtin().rules()) {
    const RuleText* ja = messages.FindRule(Lang::kJa, rule->id);
    ASSERT_NE(ja, nullptr) << rule->id;
    EXPECT_EQ(Placeholders(ja->message), Placeholders(rule->message)) << rule->id;
  }
}

TEST(I18nTest, JapaneseRuleTextIsNotEnglishExceptForCode) {
  const Messages messages = LoadedMessages();
  for (const rules::Rule* rule : Builtin().rules()) {
    const RuleText* ja = messages.FindRule(Lang::kJa, rule->id);
    ASSERT_NE(ja, nullptr) << rule->id;
    const std::pair<const std::string*, const std::string*> fields[] = {
        {&ja->title, &rule->title}, {&ja->message, &rule->message},
        {&ja->replacement, &rule->replacement}};
    for (const auto& [translated, english] : fields) {
      if (*translated != *english) continue;
      EXPECT_FALSE(LooksLikeProse(*english)) << rule->id << ": untranslated \"" << *english << '"';
    }
    EXPECT_NE(ja->message, rule->message) << rule->id;
  }
}

TEST(I18nTest, UiKeysMatchBetweenEnglishAndJapanese) {
  const Messages messages = LoadedMessages();
  const std::vector<std::string> en = messages.UiKeys(Lang::kEn);
  const std::vector<std::string> ja = messages.UiKeys(Lang::kJa);
  EXPECT_GE(en.size(), 100u);
  EXPECT_EQ(en, ja);
  for (const std::string& key : en) {
    const std::string en_text = messages.Ui(Lang::kEn, key);
    const std::string ja_text = messages.Ui(Lang::kJa, key);
    EXPECT_EQ(Placeholders(en_text), Placeholders(ja_text)) << key;
    if (en_text == ja_text) {
      EXPECT_FALSE(LooksLikeProse(en_text)) << key << ": untranslated \"" << en_text << '"';
      EXPECT_LE(en_text.size(), 2u) << key << " is identical in English and Japanese";
    }
  }
}

TEST(I18nTest, UiLookupsInBothLanguages) {
  const Messages messages = LoadedMessages();
  EXPECT_EQ(messages.Ui(Lang::kEn, "status.blocked"), "Blocked: needs IE mode");
  EXPECT_EQ(messages.Ui(Lang::kJa, "status.blocked"), "動作不可: IE モードが必要");
  EXPECT_EQ(messages.Ui(Lang::kEn, "table.app"), "app");
  EXPECT_EQ(messages.Ui(Lang::kJa, "table.app"), "アプリ");
  EXPECT_EQ(messages.Ui(Lang::kJa, "html.lang"), "ja");
  EXPECT_NE(messages.Ui(Lang::kJa, "html.font_family").find("\"Noto Sans CJK JP\""),
            std::string::npos);
  EXPECT_EQ(messages.Ui(Lang::kJa, "no.such.key"), "no.such.key");
  EXPECT_EQ(messages.UiCount(Lang::kEn, "count.file", 1), "1 file");
  EXPECT_EQ(messages.UiCount(Lang::kEn, "count.file", 3), "3 files");
  EXPECT_EQ(messages.UiCount(Lang::kJa, "count.finding", 12), "検出 12 件");
  EXPECT_EQ(messages.Ui(Lang::kEn, "text.summary_totals",
                        {{"files", messages.UiCount(Lang::kEn, "count.file", 2)},
                         {"skipped", "0"},
                         {"findings", messages.UiCount(Lang::kEn, "count.finding", 1)}}),
            "2 files scanned, 0 skipped, 1 finding");
  EXPECT_EQ(messages.Ui(Lang::kJa, "text.summary_totals",
                        {{"files", messages.UiCount(Lang::kJa, "count.file", 2)},
                         {"skipped", "0"},
                         {"findings", messages.UiCount(Lang::kJa, "count.finding", 1)}}),
            "2 ファイルを検査、0 件をスキップ、検出 1 件");
}

TEST(I18nTest, ParseLang) {
  ASSERT_TRUE(ParseLang("en").ok());
  EXPECT_EQ(*ParseLang("en"), Lang::kEn);
  ASSERT_TRUE(ParseLang("ja").ok());
  EXPECT_EQ(*ParseLang("ja"), Lang::kJa);
  EXPECT_EQ(*ParseLang("JA"), Lang::kJa);
  EXPECT_EQ(LangCode(Lang::kJa), "ja");
  const Result<Lang> bad = ParseLang("jp");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "unknown language 'jp': expected en or ja");
  EXPECT_FALSE(ParseLang("").ok());
  EXPECT_FALSE(ParseLang("ja-JP").ok());
}

TEST(I18nTest, RuleMessageFillsPlaceholders) {
  const Messages& messages = BuiltinMessages();
  const rules::Rule* rule = Builtin().Find("activex.wscript-shell");
  ASSERT_NE(rule, nullptr);
  const std::string ja = messages.RuleMessage(Lang::kJa, *rule, "CreateObject", "WScript.Shell");
  EXPECT_EQ(ja.rfind("CreateObject(\"WScript.Shell\") はページから利用者の PC 上で", 0), 0u) << ja;
  EXPECT_EQ(ja.find('{'), std::string::npos);
  const std::string en = messages.RuleMessage(Lang::kEn, *rule, "CreateObject", "WScript.Shell");
  EXPECT_EQ(en.rfind("CreateObject(\"WScript.Shell\") lets the page run programs", 0), 0u) << en;
  EXPECT_EQ(messages.RuleTitle(Lang::kEn, *rule), rule->title);
  EXPECT_EQ(messages.RuleTitle(Lang::kJa, *rule),
            "WScript.Shell (プログラム起動、レジストリ、SendKeys)");
  EXPECT_EQ(messages.RuleReplacement(Lang::kEn, *rule), rule->replacement);
  EXPECT_NE(messages.RuleReplacement(Lang::kJa, *rule), rule->replacement);
}

TEST(I18nTest, FillPlaceholdersReplacesEveryOccurrenceOnce) {
  EXPECT_EQ(FillPlaceholders("{match} and {match}({arg})", "all", "{arg}"),
            "all and all({arg})");
  EXPECT_EQ(FillPlaceholders("no placeholders", "x", "y"), "no placeholders");
  EXPECT_EQ(FormatUi("{n} of {total}", {{"n", "3"}, {"total", "7"}}), "3 of 7");
}

rules::Rule OrganisationRule() {
  rules::Rule rule;
  rule.id = "inhouse.stamp-control";
  rule.category = "inhouse";
  rule.title = "In-house stamp control";
  rule.message = "{match} loads the stamp control {arg}";
  rule.replacement = "the stamp web service";
  rule.source = "rules/inhouse/stamp-control.json";
  return rule;
}

TEST(I18nTest, OrganisationRuleWithoutEntryFallsBackToEnglish) {
  const rules::Rule rule = OrganisationRule();
  const Messages& messages = BuiltinMessages();
  EXPECT_EQ(messages.RuleTitle(Lang::kJa, rule), "In-house stamp control");
  EXPECT_EQ(messages.RuleMessage(Lang::kJa, rule, "new ActiveXObject", "Stamp.Ctl"),
            "new ActiveXObject loads the stamp control Stamp.Ctl");
  EXPECT_EQ(messages.RuleReplacement(Lang::kJa, rule), "the stamp web service");
}

TEST(I18nTest, OrganisationDirectoryAddsTranslations) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("iescan_i18n_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir / "i18n" / "ja");
  {
    std::ofstream out(dir / "i18n" / "ja" / "inhouse.json");
    out << R"({"inhouse.stamp-control": {"title": "庁内の電子印コントロール",
               "message": "{match} が電子印コントロール {arg} を読み込みます",
               "replacement": "電子印 Web サービス"}})";
  }
  Messages messages = LoadedMessages();
  ASSERT_TRUE(messages.AddDirectory(dir.string()).ok());
  const rules::Rule rule = OrganisationRule();
  EXPECT_EQ(messages.RuleTitle(Lang::kJa, rule), "庁内の電子印コントロール");
  EXPECT_EQ(messages.RuleMessage(Lang::kJa, rule, "CreateObject", "Stamp.Ctl"),
            "CreateObject が電子印コントロール Stamp.Ctl を読み込みます");
  EXPECT_EQ(messages.RuleReplacement(Lang::kJa, rule), "電子印 Web サービス");
  EXPECT_EQ(messages.RuleTitle(Lang::kEn, rule), "In-house stamp control");
  // The same file twice is a duplicate translation.
  const Status again = messages.AddDirectory(dir.string());
  EXPECT_FALSE(again.ok());
  EXPECT_NE(again.message().find("'inhouse.stamp-control' is translated twice"), std::string::npos)
      << again.message();
  std::filesystem::remove_all(dir);
}

TEST(I18nTest, MalformedCatalogueFilesAreErrors) {
  Messages messages;
  EXPECT_EQ(messages.AddRuleFile(Lang::kJa, "[1]", "x.json").message(),
            "x.json: not a JSON object");
  EXPECT_EQ(messages.AddRuleFile(Lang::kJa, R"({"a.b": {"titel": "x"}})", "x.json").message(),
            "x.json: 'a.b': key 'titel': expected title, message or replacement as a string");
  EXPECT_EQ(messages.AddUiFile(Lang::kJa, R"({"k": 3})", "ui.ja.json").message(),
            "ui.ja.json: 'k': expected a string");
  EXPECT_TRUE(messages.AddDirectory("/nonexistent-iescan-dir").ok());
}

}  // namespace
}  // namespace iescan::report
