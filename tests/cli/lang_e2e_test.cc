// End-to-end tests of `iescan scan --lang`: the bundled corpus reported in Japanese as text,
// Markdown and HTML keeps no English catalogue text (rule titles, filled messages, fixed
// headings), while JSON stays English machine output and English runs are unchanged.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "report/i18n.h"
#include "report/writers/html_escape.h"
#include "rules/engine/catalog.h"
#include "tests/support/test_tree.h"

namespace iescan::testing {
namespace {

using nlohmann::json;
using report::Lang;

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string ReplaceAll(std::string text, std::string_view from, std::string_view to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// Removes every `open` ... `close` span (both kept out).
std::string Without(std::string text, std::string_view open, std::string_view close) {
  for (size_t at = text.find(open); at != std::string::npos; at = text.find(open, at)) {
    const size_t end = text.find(close, at);
    text.erase(at, end == std::string::npos ? std::string::npos : end + close.size() - at);
  }
  return text;
}

// The visible text of the HTML report, less what is English by design: the rule
// documentation (shown in English with a note) and the code snippets from the corpus.
std::string HtmlProse(std::string html) {
  html = Without(std::move(html), "<div class=\"body doc\"", "</div></article>");
  html = Without(std::move(html), "<code", "</code>");
  html = Without(std::move(html), "<style>", "</style>");
  html = Without(std::move(html), "<script", "</script>");
  for (auto [entity, c] : std::initializer_list<std::pair<std::string_view, std::string_view>>{
           {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}}) {
    html = ReplaceAll(std::move(html), entity, c);
  }
  return html;
}

// The Markdown report less its code spans (snippets), with backslash escapes and entities
// undone.
std::string MarkdownProse(std::string md) {
  std::string out;
  bool in_code = false;
  for (size_t i = 0; i < md.size(); ++i) {
    if (md[i] == '`') {
      in_code = !in_code;
    } else if (!in_code && md[i] == '\\' && i + 1 < md.size()) {
      out += md[++i];
    } else if (!in_code) {
      out += md[i];
    }
  }
  out = ReplaceAll(std::move(out), "&lt;", "<");
  out = ReplaceAll(std::move(out), "&gt;", ">");
  return ReplaceAll(std::move(out), "&amp;", "&");
}

struct Reports {
  std::string text;
  std::string markdown;
  std::string html;
  json english_json;
};

// Scans the bundled corpus once in Japanese, writing every human report and the JSON.
const Reports& JapaneseCorpusReports() {
  static const Reports* const kReports = [] {
    static TempTree out;
    RunOutput r = RunIescan(
        {"scan", "corpus", "--lang", "ja", "--fail-on", "none", "-o", out.path() + "/r.txt", "-o",
         out.path() + "/r.md", "-o", out.path() + "/r.html", "-o", out.path() + "/r.json"},
        IESCAN_SOURCE_DIR);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    auto* reports = new Reports{Slurp(out.path() + "/r.txt"), Slurp(out.path() + "/r.md"),
                                Slurp(out.path() + "/r.html"),
                                json::parse(Slurp(out.path() + "/r.json"), nullptr, false)};
    EXPECT_FALSE(reports->english_json.is_discarded());
    return reports;
  }();
  return *kReports;
}

const rules::Catalog& Catalog() {
  static const rules::Catalog* const kCatalog = [] {
    Result<rules::Catalog> catalog = rules::Catalog::Builtin();
    EXPECT_TRUE(catalog.ok()) << catalog.status().message();
    return new rules::Catalog(std::move(catalog).value());
  }();
  return *kCatalog;
}

// The runs of fixed English text in a rule's message template, between its placeholders,
// long enough to be prose rather than an API name.
std::vector<std::string> EnglishMessagePieces(const rules::Rule& rule) {
  std::vector<std::string> pieces;
  std::string rest = ReplaceAll(rule.message, "{arg}", "{match}");
  for (size_t at = rest.find("{match}"); at != std::string::npos; at = rest.find("{match}")) {
    pieces.push_back(rest.substr(0, at));
    rest.erase(0, at + 7);
  }
  pieces.push_back(rest);
  std::erase_if(pieces, [](const std::string& p) { return p.size() < 24; });
  return pieces;
}

TEST(LangE2E, CorpusHasFindingsOfManyRules) {
  const Reports& r = JapaneseCorpusReports();
  ASSERT_GT(r.english_json["findings"].size(), 500u);
  ASSERT_GT(r.english_json["rules"].size(), 100u);
}

// Every Japanese rule title, message and replacement, one per line: the code names the
// translations keep ("new ActiveXObject()", "\\9") are not English left behind.
std::string JapaneseRuleText() {
  const report::Messages& messages = report::BuiltinMessages();
  std::string all;
  for (const std::string& id : messages.RuleIds(Lang::kJa)) {
    const report::RuleText* text = messages.FindRule(Lang::kJa, id);
    all += text->title + "\n" + text->message + "\n" + text->replacement + "\n";
  }
  return all;
}

TEST(LangE2E, NoEnglishRuleTitleRemains) {
  const Reports& r = JapaneseCorpusReports();
  const report::Messages& messages = report::BuiltinMessages();
  const std::string japanese = JapaneseRuleText();
  const std::string md = MarkdownProse(r.markdown);
  const std::string html = HtmlProse(r.html);
  size_t checked = 0;
  for (const rules::Rule* rule : Catalog().rules()) {
    // Titles that are API names ("document.all", "showModalDialog()") read the same in both.
    if (japanese.find(rule->title) != std::string::npos) continue;
    ++checked;
    EXPECT_EQ(r.text.find(rule->title), std::string::npos) << rule->id << ": " << rule->title;
    EXPECT_EQ(md.find(rule->title), std::string::npos) << rule->id << ": " << rule->title;
    EXPECT_EQ(html.find(rule->title), std::string::npos) << rule->id << ": " << rule->title;
  }
  EXPECT_GT(checked, 100u);
  // Each fired rule is listed under its Japanese title in the HTML rules section.
  for (const json& rule : r.english_json["rules"]) {
    const rules::Rule* found = Catalog().Find(rule["id"].get<std::string>());
    ASSERT_NE(found, nullptr);
    EXPECT_NE(r.html.find("<code>" + report::HtmlText(found->id) + "</code> " +
                          report::HtmlText(messages.RuleTitle(Lang::kJa, *found)) + "</h3>"),
              std::string::npos)
        << found->id;
  }
}

TEST(LangE2E, NoFilledEnglishMessageRemains) {
  const Reports& r = JapaneseCorpusReports();
  const std::string md = MarkdownProse(r.markdown);
  const std::string html = HtmlProse(r.html);
  size_t checked = 0;
  for (const json& f : r.english_json["findings"]) {
    const std::string message = f["message"].get<std::string>();
    const std::string where =
        f["path"].get<std::string>() + ":" + std::to_string(f["line"].get<int>());
    EXPECT_EQ(r.text.find(message), std::string::npos) << where << ": " << message;
    EXPECT_EQ(html.find(message), std::string::npos) << where << ": " << message;
    ++checked;
  }
  EXPECT_GT(checked, 500u);
  // Catalogue-wide: no fixed sentence of any English message template, even cut short.
  for (const rules::Rule* rule : Catalog().rules()) {
    for (const std::string& piece : EnglishMessagePieces(*rule)) {
      EXPECT_EQ(r.text.find(piece), std::string::npos) << rule->id << ": " << piece;
      EXPECT_EQ(md.find(piece.substr(0, 40)), std::string::npos) << rule->id << ": " << piece;
      EXPECT_EQ(html.find(piece), std::string::npos) << rule->id << ": " << piece;
    }
  }
  // The folded-findings note of a vendored library is rendered in Japanese too.
  EXPECT_EQ(r.text.find("are folded under this one"), std::string::npos);
  EXPECT_NE(r.text.find(report::BuiltinMessages().Ui(Lang::kJa, "finding.folded", {{"n", "2"}})),
            std::string::npos);
}

TEST(LangE2E, HeadingsAndLabelsAreJapanese) {
  const Reports& r = JapaneseCorpusReports();
  const report::Messages& m = report::BuiltinMessages();
  auto ja = [&m](std::string_view key) { return m.Ui(Lang::kJa, key); };
  auto en = [&m](std::string_view key) { return m.Ui(Lang::kEn, key); };
  // Text: summary, table heading, migration order.
  const int files = r.english_json["summary"]["files"].get<int>();
  ASSERT_GT(files, 250);
  EXPECT_NE(r.text.find(m.UiCount(Lang::kJa, "count.file", files) + "を検査、"), std::string::npos);
  EXPECT_NE(r.text.find("\n" + ja("table.app") + "  "), std::string::npos);
  EXPECT_NE(r.text.find("  " + ja("table.status") + "\n"), std::string::npos);
  EXPECT_NE(r.text.find("\n" + ja("text.migration_order") + " 1. "), std::string::npos);
  EXPECT_EQ(r.text.find(" files scanned, "), std::string::npos);
  EXPECT_EQ(r.text.find("\nmigration order:"), std::string::npos);
  EXPECT_EQ(r.text.find(": blocker: "), std::string::npos);
  // Markdown.
  EXPECT_EQ(r.markdown.rfind("## " + ja("md.title") + "\n", 0), 0u);
  EXPECT_NE(r.markdown.find("\n### " + ja("md.migration_order") + "\n"), std::string::npos);
  EXPECT_NE(r.markdown.find("| " + ja("md.col.app") + " | " + ja("md.col.status") + " |"),
            std::string::npos);
  EXPECT_EQ(r.markdown.find(en("md.title")), std::string::npos);
  EXPECT_EQ(r.markdown.find("### Migration order"), std::string::npos);
  // HTML.
  EXPECT_EQ(r.html.rfind("<!DOCTYPE html>\n<html lang=\"ja\">\n", 0), 0u);
  EXPECT_NE(r.html.find("<title>" + ja("html.title") + "</title>"), std::string::npos);
  EXPECT_NE(r.html.find("html{font-family:" + ja("html.font_family") + ";"), std::string::npos);
  for (std::string_view key :
       {"html.overview", "html.migration_order", "html.apps", "html.findings_per_app",
        "html.rules_and_replacements", "html.skipped_files"}) {
    EXPECT_NE(r.html.find("<h2>" + ja(key) + "</h2>"), std::string::npos) << key;
    EXPECT_EQ(r.html.find("<h2>" + en(key) + "</h2>"), std::string::npos) << key;
  }
  EXPECT_NE(r.html.find(">" + ja("html.doc_in_english") + "<"), std::string::npos);
}

TEST(LangE2E, JsonStaysEnglishMachineOutput) {
  const Reports& r = JapaneseCorpusReports();
  for (const json& f : r.english_json["findings"]) {
    const rules::Rule* rule = Catalog().Find(f["rule_id"].get<std::string>());
    ASSERT_NE(rule, nullptr);
    EXPECT_EQ(f["title"].get<std::string>(), rule->title);
    EXPECT_EQ(f["severity"].get<std::string>(), rules::SeverityName(rule->severity));
  }
}

TEST(LangE2E, EnglishIsTheDefaultAndUnchanged) {
  TempTree tree;
  tree.Write("app/page.htm",
             "<html><body>\n<script>\nbtn.attachEvent(\"onclick\", save);\n</script>\n"
             "</body></html>\n");
  const RunOutput plain = RunIescan({"scan", ".", "--fail-on", "none"}, tree.path());
  const RunOutput en = RunIescan({"scan", ".", "--fail-on", "none", "--lang", "en"}, tree.path());
  EXPECT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_EQ(plain.out, en.out);
  EXPECT_NE(plain.out.find("app/page.htm:3:5: blocker: attachEvent() exists only in Internet "
                           "Explorer 10 and older;"),
            std::string::npos)
      << plain.out;
  EXPECT_NE(plain.out.find("1 file scanned, 0 skipped, 1 finding (1 blocker, 0 high, 0 medium, "
                           "0 low)\n"),
            std::string::npos)
      << plain.out;
}

TEST(LangE2E, ConfigLangAndCommandLineOverride) {
  TempTree tree;
  tree.Write(".iescan.json", "{\"lang\": \"ja\"}\n");
  tree.Write("app/page.htm",
             "<html><body>\n<script>\nbtn.attachEvent(\"onclick\", save);\n</script>\n"
             "</body></html>\n");
  const RunOutput from_config = RunIescan({"scan", ".", "--fail-on", "none"}, tree.path());
  EXPECT_EQ(from_config.exit_code, 0) << from_config.err;
  EXPECT_NE(from_config.out.find("app/page.htm:3:5: 動作不可: attachEvent() は Internet "
                                 "Explorer 10 以前にしかありません。"),
            std::string::npos)
      << from_config.out;
  EXPECT_NE(from_config.out.find("1 ファイルを検査、0 件をスキップ、検出 1 件"), std::string::npos);
  const RunOutput overridden =
      RunIescan({"scan", ".", "--fail-on", "none", "--lang", "en"}, tree.path());
  EXPECT_NE(overridden.out.find("1 file scanned, 0 skipped, 1 finding"), std::string::npos)
      << overridden.out;
}

TEST(LangE2E, UnknownLanguageIsAUsageError) {
  TempTree tree;
  tree.Write("a.htm", "<p>hello</p>\n");
  const RunOutput bad = RunIescan({"scan", ".", "--lang", "fr"}, tree.path());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.out, "");
  EXPECT_NE(bad.err.find("'fr'"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("en or ja"), std::string::npos) << bad.err;
  tree.Write(".iescan.json", "{\"lang\": \"de\"}\n");
  const RunOutput bad_config = RunIescan({"scan", "."}, tree.path());
  EXPECT_EQ(bad_config.exit_code, 2);
  EXPECT_NE(bad_config.err.find("'de'"), std::string::npos) << bad_config.err;
}

}  // namespace
}  // namespace iescan::testing
