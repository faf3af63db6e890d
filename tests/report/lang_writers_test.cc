// The text, Markdown and HTML writers in Japanese (--lang ja): rule titles, messages and
// replacements come from rules/i18n/ja, fixed wording from rules/i18n/ui.ja.json, and the
// English output stays as it was.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "report/i18n.h"
#include "report/plan.h"
#include "report/writers/html_assets.h"
#include "report/writers/html_escape.h"
#include "report/writers/writers.h"
#include "rules/engine/catalog.h"

namespace iescan::report {
namespace {

const rules::Catalog& BuiltinCatalog() {
  static const rules::Catalog* const kCatalog = [] {
    Result<rules::Catalog> catalog = rules::Catalog::Builtin();
    EXPECT_TRUE(catalog.ok()) << catalog.status().message();
    return new rules::Catalog(std::move(catalog).value());
  }();
  return *kCatalog;
}

rules::Finding MakeFinding(const std::string& id, uint32_t line, uint32_t column,
                           const std::string& match, const std::string& arg,
                           const std::string& snippet) {
  const rules::Rule* rule = BuiltinCatalog().Find(id);
  EXPECT_NE(rule, nullptr) << id;
  rules::Finding f;
  f.rule = rule;
  f.match = match;
  f.detail = arg;
  f.message = SharedText(FillPlaceholders(rule->message, match, arg));
  f.begin = {line, column};
  f.end = {line, column + static_cast<uint32_t>(match.size())};
  f.snippet = snippet;
  f.language = scanner::Language::kJs;
  return f;
}

FileResult MakeFile(const std::string& path, scanner::FileKind kind, uint32_t lines) {
  FileResult file;
  file.origin.display = "intranet/" + path;
  file.origin.fs_path = file.origin.display;
  file.origin.root = "intranet";
  file.kind = {kind, scanner::ServerDialect::kNone};
  file.encoding = "UTF-8";
  file.encoding_source = "detected";
  file.bytes = lines * 40ull;
  file.lines = lines;
  return file;
}

// One app, 勤怠 ("attendance"): a page with attachEvent and showModalDialog, and a bundled
// jQuery whose three other findings were folded under vendored.library.
Plan JapanesePlan() {
  ScanResult scan;
  scan.roots = {"intranet"};
  scan.catalog = &BuiltinCatalog();
  FileResult page = MakeFile("勤怠/入力.htm", scanner::FileKind::kHtml, 60);
  page.findings.push_back(MakeFinding("events.attach-event", 12, 5, "attachEvent", "",
                                      "btn.attachEvent(\"onclick\", save);"));
  page.findings.push_back(MakeFinding("windows.show-modal-dialog", 30, 9, "showModalDialog", "",
                                      "window.showModalDialog(\"pick.htm\");"));
  FileResult library = MakeFile("勤怠/js/jquery.js", scanner::FileKind::kJs, 9000);
  library.findings.push_back(
      MakeFinding("vendored.library", 1, 1, "version 1.4.2", "jQuery 1.4.2", "/*! jQuery v1.4.2"));
  library.findings.back().message = SharedText(
      library.findings.back().message +
      " (3 finding(s) inside this library are folded under this one; --include-vendored lists "
      "them)");
  library.folded_findings = 3;
  scan.files = {std::move(library), std::move(page)};
  scan.skipped.push_back({"intranet/勤怠/old.htm", "binary file (NUL byte at offset 2)"});
  PlanOptions options;
  options.tool_version = "0.1.0";
  return BuildPlan(scan, options);
}

std::string Written(const Plan& plan, Format format, Lang lang) {
  WriteOptions options;
  options.lang = lang;
  std::ostringstream out;
  const Status status = Write(plan, format, options, out);
  EXPECT_TRUE(status.ok()) << status.message();
  return out.str();
}

constexpr std::string_view kAttachEventJa =
    "attachEvent() は Internet Explorer 10 以前にしかありません。他では TypeError になり、"
    "ハンドラーは登録されません。\"on\" を除いたイベント名で "
    "addEventListener()/removeEventListener() を使ってください";

TEST(LangWritersTest, TextFindingLinesUseJapaneseSeverityAndMessage) {
  const std::string text = Written(JapanesePlan(), Format::kText, Lang::kJa);
  EXPECT_NE(text.find("intranet/勤怠/入力.htm:12:5: 動作不可: " + std::string(kAttachEventJa) +
                      " [events.attach-event]\n"),
            std::string::npos)
      << text;
  // The vendored library's message, with the folded count rendered in Japanese.
  EXPECT_NE(text.find("intranet/勤怠/js/jquery.js:1:1: 中: 同梱された jQuery 1.4.2 の複製: "
                      "version 1.4.2 (このライブラリ内の検出 3 件はこの 1 件にまとめています。"
                      "--include-vendored で個別に表示します) [vendored.library]\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("intranet/勤怠/old.htm: スキップ: binary file (NUL byte at offset 2)\n"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("exists only in Internet Explorer"), std::string::npos) << text;
  EXPECT_EQ(text.find("folded under this one"), std::string::npos) << text;
}

TEST(LangWritersTest, TextSummaryAndTableInJapaneseLineUpByDisplayWidth) {
  const std::string text = Written(JapanesePlan(), Format::kText, Lang::kJa);
  // Columns are padded by display width: "アプリ" and "勤怠" take six and four columns.
  EXPECT_EQ(text.substr(text.find("\n\n") + 2),
            "2 ファイルを検査、1 件をスキップ、検出 3 件 (動作不可 2、高 0、中 1、低 0)\n"
            "優先度: P1 2、P2 0、P3 1、P4 0、想定工数 8.6 時間\n"
            "アプリ: 移行可能 0、軽微な修正 0、改修が必要 1、動作不可 (IE モードが必要) 0\n"
            "\n"
            "アプリ  ファイル  スキップ  動作不可  高  中  低  P1  スコア  工数(時間)  状態\n"
            "勤怠           2         1         2   0   1   0   2      62         8.6  改修が必要\n"
            "移行順序: 1. 勤怠\n");
}

TEST(LangWritersTest, EnglishTextIsUnchanged) {
  const std::string text = Written(JapanesePlan(), Format::kText, Lang::kEn);
  EXPECT_NE(text.find("intranet/勤怠/入力.htm:12:5: blocker: attachEvent() exists only in "
                      "Internet Explorer 10 and older; elsewhere it throws TypeError"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("2 files scanned, 1 skipped, 3 findings (2 blocker, 0 high, 1 medium, "
                      "0 low)\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("app   files  skipped  blocker  high  medium  low  P1  score  effort(h)  "
                      "status\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find(" (3 finding(s) inside this library are folded under this one; "
                      "--include-vendored lists them) [vendored.library]\n"),
            std::string::npos)
      << text;
}

TEST(LangWritersTest, MarkdownHeadingsTableAndMessagesInJapanese) {
  const std::string md = Written(JapanesePlan(), Format::kMarkdown, Lang::kJa);
  EXPECT_EQ(md.substr(0, md.find("\n\n")), "## iescan: Internet Explorer 移行レポート");
  EXPECT_NE(md.find("**2 ファイル** を検査、1 件をスキップ、1 件のアプリ: **検出 3 件** "
                    "(動作不可 2、高 0、中 1、低 0 / P1: 2 件、P2: 0 件、P3: 1 件、P4: 0 件)。"
                    "想定工数: **8.6 時間**。\n"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("| アプリ | 状態 | スコア | 工数 (時間) | P1 | 検出 | ファイル |\n"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("| 勤怠 | 改修が必要 | 62 | 8.6 | 2 | 3 | 2 |\n"), std::string::npos) << md;
  EXPECT_NE(
      md.find("### 優先度の高い検出 3 件\n\n| # | 優先度 | ルール | 場所 | 内容 | コード |\n"),
      std::string::npos)
      << md;
  EXPECT_NE(md.find("| 1 | P1 (100.0) | `events.attach-event` | intranet/勤怠/入力.htm:12:5 | " +
                    std::string(kAttachEventJa) + " | `btn.attachEvent(\"onclick\", save);` |\n"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("| 3 | P3 (40.0) | `vendored.library` | intranet/勤怠/js/jquery.js:1:1 | "
                    "同梱された jQuery 1.4.2 の複製: version 1.4.2 (このライブラリ内の検出 3 件は"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("### 移行順序\n\n1. 勤怠: 改修が必要 (1 ページ、8.6 時間)\n"),
            std::string::npos)
      << md;
  EXPECT_EQ(md.find("Top 3 findings"), std::string::npos);
  EXPECT_EQ(md.find("exists only in"), std::string::npos);
}

TEST(LangWritersTest, HtmlPageIsJapanese) {
  const std::string html = Written(JapanesePlan(), Format::kHtml, Lang::kJa);
  EXPECT_EQ(html.substr(0, 32), "<!DOCTYPE html>\n<html lang=\"ja\">");
  EXPECT_NE(html.find("<title>Internet Explorer 移行レポート</title>"), std::string::npos);
  EXPECT_NE(html.find("<h2>概要</h2>"), std::string::npos);
  EXPECT_NE(html.find("<h2>移行順序</h2>"), std::string::npos);
  EXPECT_NE(html.find("<h2>ルールと代替手段</h2>"), std::string::npos);
  EXPECT_NE(html.find("<span class=\"badge st-migration-needed\">改修が必要</span>"),
            std::string::npos);
  EXPECT_NE(html.find("<option value=\"blocked\">動作不可: IE モードが必要</option>"),
            std::string::npos);
  EXPECT_NE(html.find("<span class=\"badge sev-blocker\">動作不可</span>"), std::string::npos);
  // Rule title, message and replacement from rules/i18n/ja.
  EXPECT_NE(html.find("<code>vendored.library</code> 同梱されたサードパーティのライブラリ</h3>"),
            std::string::npos);
  EXPECT_NE(html.find("<td>" + HtmlText(kAttachEventJa)), std::string::npos);
  EXPECT_NE(html.find("<p><strong>代替手段:</strong> HTMLDialogElement.showModal() と "
                      "close/submit のリスナー"),
            std::string::npos);
  EXPECT_NE(html.find("<p class=\"note\">以下のルール解説は英語のみです"), std::string::npos);
  EXPECT_EQ(html.find("Bundled third-party library"), std::string::npos);
  EXPECT_EQ(html.find("Rules and replacements"), std::string::npos);
  EXPECT_EQ(html.find(">Hide<"), std::string::npos);
}

TEST(LangWritersTest, HtmlStyleAndScriptFollowTheLanguageAndKeepTheirCspHashes) {
  const std::string html = Written(JapanesePlan(), Format::kHtml, Lang::kJa);
  const ReportText ja{Lang::kJa, nullptr};
  const std::string style = HtmlReportStyleFor(ja);
  const std::string script = HtmlReportScriptFor(ja);
  EXPECT_NE(style.find("\nhtml{font-family:system-ui, -apple-system, \"Hiragino Sans\", "
                       "\"Hiragino Kaku Gothic ProN\", \"Yu Gothic UI\", \"Yu Gothic\", Meiryo, "
                       "\"Noto Sans CJK JP\", \"Noto Sans JP\", sans-serif;font-size:15px;"),
            std::string::npos);
  EXPECT_NE(script.find("collapsed ? \"表示\" : \"隠す\""), std::string::npos);
  EXPECT_NE(html.find("<style>" + style + "</style>"), std::string::npos);
  EXPECT_NE(html.find("style-src 'sha256-" + Sha256Base64(style) + "'"), std::string::npos);
  EXPECT_NE(html.find("script-src 'sha256-" + Sha256Base64(script) + "'"), std::string::npos);
  // English keeps the constant assets.
  const ReportText en{Lang::kEn, nullptr};
  EXPECT_EQ(HtmlReportStyleFor(en), HtmlReportStyle());
  EXPECT_EQ(HtmlReportScriptFor(en), HtmlReportScript());
}

TEST(LangWritersTest, EnglishHtmlKeepsEnglishWording) {
  const std::string html = Written(JapanesePlan(), Format::kHtml, Lang::kEn);
  EXPECT_EQ(html.substr(0, 32), "<!DOCTYPE html>\n<html lang=\"en\">");
  EXPECT_NE(html.find("<title>Internet Explorer migration report</title>"), std::string::npos);
  EXPECT_NE(html.find("<code>vendored.library</code> Bundled third-party library</h3>"),
            std::string::npos);
  EXPECT_EQ(html.find("以下のルール解説"), std::string::npos);
  EXPECT_EQ(html.find("動作不可"), std::string::npos);
}

TEST(LangWritersTest, OrganisationTranslationsReachTheWriters) {
  Result<Messages> messages = Messages::Builtin();
  ASSERT_TRUE(messages.ok()) << messages.status().message();
  ASSERT_TRUE(
      messages->AddUiFile(Lang::kJa, R"({"text.migration_order": "移行の順番:"})", "test").ok());
  WriteOptions options;
  options.lang = Lang::kJa;
  options.messages = &*messages;
  std::ostringstream out;
  ASSERT_TRUE(Write(JapanesePlan(), Format::kText, options, out).ok());
  EXPECT_NE(out.str().find("\n移行の順番: 1. 勤怠\n"), std::string::npos) << out.str();
}

TEST(LangWritersTest, FormatUiSubstitutesInOnePass) {
  EXPECT_EQ(FormatUi("{path}: skipped: {reason}", {{"path", "a/{reason}.htm"}, {"reason", "x"}}),
            "a/{reason}.htm: skipped: x");
  EXPECT_EQ(FormatUi("{a} {unknown} {", {{"a", "1"}}), "1 {unknown} {");
}

}  // namespace
}  // namespace iescan::report
