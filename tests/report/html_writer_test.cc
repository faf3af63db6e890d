// The HTML writer: page structure, the Content-Security-Policy and its hashes, no external
// load of any kind, escaping of a hostile plan in text, attribute and JSON contexts, the
// safe Markdown subset of rule docs, row caps, and determinism.
#include "report/writers/html.h"

#include <gtest/gtest.h>

#include <regex>
#include <sstream>
#include <string>

#include "report/writers/html_assets.h"
#include "report/writers/html_escape.h"
#include "report/writers/html_markdown.h"
#include "report/writers/writers.h"
#include "tests/report/sample_scan.h"
#include "tests/report/scan_builder.h"

namespace iescan::report {
namespace {

using testing::ScanBuilder;
using testing::TestRule;

std::string Html(const ScanResult& scan, const HtmlOptions& options = HtmlOptions{}) {
  std::ostringstream out;
  const Status status = WriteHtml(BuildPlan(scan, sample::Options()), options, out);
  EXPECT_TRUE(status.ok()) << status.message();
  return out.str();
}

size_t Count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t p = text.find(needle); p != std::string::npos; p = text.find(needle, p + 1)) ++n;
  return n;
}

// A scan whose paths, snippets, details, app names and rule docs carry script payloads.
ScanResult HostileScan() {
  static const rules::Rule& rule = [] {
    rules::Rule& r = const_cast<rules::Rule&>(
        TestRule("dom.document-all", rules::Severity::kBlocker, rules::Effort::kSmall));
    r.doc = "# Title\n\n## What breaks\n\n<script>alert(1)</script> and `</script>` here.\n\n"
            "- [click](javascript:alert(1)) item\n- second <img src=x onerror=alert(1)>\n\n"
            "```js incorrect\nif (document.all) { x = \"</script><script>alert(1)</script>\"; }\n"
            "```\n";
    return r;
  }();
  ScanBuilder b("intranet");
  b.File("<script>alert(1)</script>/\"><img src=x onerror=alert(1)>.htm", scanner::FileKind::kHtml,
         20)
      .Finding(rule, 3, 7, rules::Guard::kUnguarded, "\"><svg onload=alert(1)>",
               "var s = '</script><script>alert(1)</script>'; // \xE2\x80\xA8 end")
      .Finding(rule, 5, 1, rules::Guard::kNone, "", "<!-- <script> x = 'https://evil.example/a.js'")
      .Skipped("intranet/</script>/bad.htm", "unreadable: \"><img src=x onerror=alert(1)>");
  return b.scan();
}

TEST(HtmlWriterTest, StructureOfTheSampleReport) {
  const std::string html = Html(sample::SampleScan());
  EXPECT_EQ(html.substr(0, 39), "<!DOCTYPE html>\n<html lang=\"en\">\n<head>");
  EXPECT_EQ(html.substr(html.size() - 16), "</body>\n</html>\n");
  for (const char* id : {"id=\"overview\"", "id=\"order\"", "id=\"apps\"", "id=\"details\"",
                         "id=\"rules\"", "id=\"skipped\"", "id=\"report-data\""}) {
    EXPECT_EQ(Count(html, id), 1u) << id;
  }
  // One section per app, in plan order: apps, hr, 勤怠管理.
  EXPECT_EQ(Count(html, "<section class=\"block app collapsible\""), 3u);
  const size_t hr = html.find("<h3 id=\"app-2-h\">hr</h3>");
  const size_t kintai = html.find("<h3 id=\"app-3-h\">勤怠管理</h3>");
  ASSERT_NE(hr, std::string::npos);
  ASSERT_NE(kintai, std::string::npos);
  EXPECT_LT(hr, kintai);
  // Four charts, each an inline SVG.
  EXPECT_EQ(Count(html, "<svg class=\"bars\""), 4u);
  EXPECT_NE(html.find("aria-label=\"Readiness per app (0-100)\""), std::string::npos);
  // Totals as in the Markdown summary: 5 files, 8 findings, 26.4 h; hr needs IE mode now.
  EXPECT_NE(html.find("<span class=\"value\">8</span><span class=\"label\">findings"),
            std::string::npos);
  EXPECT_NE(html.find("<span class=\"value\">26.4 h</span>"), std::string::npos);
  EXPECT_EQ(Count(html, "<tr class=\"ie-now\">"), 1u);
  EXPECT_NE(html.find("<a href=\"#app-2\">hr</a></td><td data-v=\"3\"><span class=\"badge "
                      "st-blocked\">Blocked: needs IE mode</span></td><td><span class=\"flag\">"
                      "IE mode now</span>"),
            std::string::npos);
  // Japanese system fonts, no web font.
  EXPECT_NE(html.find("\"Hiragino Sans\",\"Yu Gothic\",\"Meiryo\",\"Noto Sans CJK JP\""),
            std::string::npos);
  EXPECT_EQ(html.find("@font-face"), std::string::npos);
  EXPECT_NE(html.find("@media print{"), std::string::npos);
}

TEST(HtmlWriterTest, ContentSecurityPolicyAllowsOnlyItsOwnCode) {
  const std::string html = Html(sample::SampleScan());
  const std::string csp =
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
      "'sha256-" + Sha256Base64(HtmlReportStyle()) + "'; script-src 'sha256-" +
      Sha256Base64(HtmlReportScript()) + "'; img-src data:; base-uri 'none'; form-action 'none'\">";
  EXPECT_NE(html.find(csp), std::string::npos);
  EXPECT_LT(html.find(csp), html.find("<title>"));
  // Exactly one style and one executable script, holding the hashed text.
  EXPECT_EQ(Count(html, "<style>"), 1u);
  EXPECT_EQ(Count(html, "<script>"), 1u);
  EXPECT_EQ(Count(html, "<script"), 2u);  // plus the JSON island
  EXPECT_NE(html.find("<style>" + std::string(HtmlReportStyle()) + "</style>"), std::string::npos);
  EXPECT_NE(html.find("<script>" + std::string(HtmlReportScript()) + "</script>"),
            std::string::npos);
  // No inline handler or style attribute, which the policy would block anyway.
  EXPECT_FALSE(std::regex_search(html, std::regex("\\son[a-z]+=")));
  EXPECT_EQ(html.find(" style=\""), std::string::npos);
}

TEST(HtmlWriterTest, Sha256MatchesKnownDigests) {
  EXPECT_EQ(Sha256Base64(""), "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
  EXPECT_EQ(Sha256Base64("abc"), "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
  EXPECT_EQ(Sha256Base64(std::string(56, 'a')), "s1Q5pKxvCUi21vnjxq8PX1kM4g8b3nCQ73lwaG7Gc4o=");
}

TEST(HtmlWriterTest, NothingIsLoadedFromTheNetwork) {
  const std::string html = Html(sample::SampleScan());
  // References appear as text only: never as src, href, action, srcset or url().
  EXPECT_NE(html.find("https://developer.mozilla.org"), std::string::npos);
  EXPECT_FALSE(std::regex_search(
      html, std::regex("(src|href|action|srcset|data|poster)\\s*=\\s*\"?(https?:)?//",
                       std::regex::icase)));
  EXPECT_FALSE(std::regex_search(html, std::regex("url\\(", std::regex::icase)));
  EXPECT_FALSE(std::regex_search(html, std::regex("@import", std::regex::icase)));
  // Every href is a fragment of this page.
  const std::regex href("href=\"([^\"]*)\"");
  size_t hrefs = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), href); it != std::sregex_iterator();
       ++it, ++hrefs) {
    EXPECT_EQ((*it)[1].str().substr(0, 1), "#") << (*it)[1].str();
  }
  EXPECT_GT(hrefs, 10u);
}

TEST(HtmlWriterTest, HostilePlanIsEscapedEverywhere) {
  const std::string html = Html(HostileScan());
  // No payload survives as markup.
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<svg onload"), std::string::npos);
  EXPECT_EQ(html.find("alert(1)</script>"), std::string::npos);
  EXPECT_EQ(Count(html, "</script>"), 2u);  // the island's and the script's own
  EXPECT_EQ(Count(html, "<script"), 2u);
  EXPECT_EQ(html.find("<!-- <script>"), std::string::npos);
  EXPECT_EQ(html.find("\xE2\x80\xA8"), std::string::npos);  // U+2028 never raw
  // Element text.
  EXPECT_NE(html.find("intranet/&lt;script&gt;alert(1)&lt;/script&gt;/\"&gt;&lt;img src=x "
                      "onerror=alert(1)&gt;.htm:3:7"),
            std::string::npos);
  EXPECT_NE(html.find("<code class=\"snippet\">var s = '&lt;/script&gt;&lt;script&gt;alert(1)"
                      "&lt;/script&gt;'; // &#x2028; end</code>"),
            std::string::npos);
  EXPECT_NE(html.find("(\"&gt;&lt;svg onload=alert(1)&gt;)"), std::string::npos);
  EXPECT_NE(html.find("unreadable: \"&gt;&lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
  // Attribute context: the location's sort key.
  EXPECT_NE(html.find("data-v=\"intranet/&lt;script&gt;alert(1)&lt;/script&gt;/&quot;&gt;&lt;img "
                      "src=x onerror=alert(1)&gt;.htm&#x9;0000000003"),
            std::string::npos);
  // The rule doc: raw HTML escaped, links as text, code escaped.
  EXPECT_NE(html.find("<p>&lt;script&gt;alert(1)&lt;/script&gt; and <code>&lt;/script&gt;</code> "
                      "here.</p>"),
            std::string::npos);
  EXPECT_NE(html.find("<li>click (<span class=\"url\">javascript:alert(1)</span>) item</li>"),
            std::string::npos);
  EXPECT_NE(html.find("x = \"&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"; }"),
            std::string::npos);
}

TEST(HtmlWriterTest, JsonIslandCannotEndTheScript) {
  ScanBuilder b("intranet");
  const rules::Rule& rule =
      TestRule("x.</script><script>alert(1)</script>", rules::Severity::kHigh, rules::Effort::kSmall);
  b.File("a/p.htm", scanner::FileKind::kHtml, 3).Finding(rule, 1, 1);
  const std::string html = Html(b.scan());
  const std::string open = "<script type=\"application/json\" id=\"report-data\">";
  const size_t island = html.find(open);
  ASSERT_NE(island, std::string::npos);
  const size_t end = html.find("</script>", island);
  EXPECT_EQ(html.substr(island + open.size(), end - island - open.size()),
            "{\"apps\":[{\"name\":\"a\",\"rules\":[\"x.\\u003c/script\\u003e\\u003cscript\\u003e"
            "alert(1)\\u003c/script\\u003e\"]}]}");
  // The rule's anchor keeps only safe characters.
  EXPECT_NE(html.find("id=\"rule-x.__script__script_alert_1___script_\""), std::string::npos);
}

TEST(HtmlWriterTest, EscapingFunctions) {
  EXPECT_EQ(HtmlText("a<b>&\"'\t\n"), "a&lt;b&gt;&amp;\"'\t\n");
  EXPECT_EQ(HtmlAttr("a<b>&\"'\t\n"), "a&lt;b&gt;&amp;&quot;&#39;&#x9;&#xA;");
  EXPECT_EQ(HtmlText(std::string("x\0y\x01\xE2\x80\xA9", 7)), "x\xEF\xBF\xBDy\xEF\xBF\xBD&#x2029;");
  EXPECT_EQ(HtmlText("\xFF" "ok"), "\xEF\xBF\xBDok");
  EXPECT_EQ(JsonScriptString("</script>\"\\\n\xE2\x80\xA8&"),
            "\"\\u003c/script\\u003e\\\"\\\\\\u000a\\u2028\\u0026\"");
  EXPECT_EQ(JsonScriptString("勤怠"), "\"勤怠\"");
}

TEST(HtmlWriterTest, SafeMarkdownSubset) {
  EXPECT_EQ(RenderSafeMarkdown("## What breaks\n\nOne `a<b`\nline **two**.\n\n1. first\n"
                               "   more\n2. [MDN](https://developer.mozilla.org/x(y))\n",
                               2),
            "<h4>What breaks</h4>\n<p>One <code>a&lt;b</code>\nline <strong>two</strong>.</p>\n"
            "<ol>\n<li>first\nmore</li>\n<li>MDN (<span class=\"url\">https://developer.mozilla."
            "org/x(y)</span>)</li>\n</ol>\n");
  EXPECT_EQ(RenderSafeMarkdown("```html\n<b>x</b>\n", 0),
            "<pre class=\"code\"><span class=\"code-label\">html</span><code>&lt;b&gt;x&lt;/b&gt;\n"
            "</code></pre>\n");
  EXPECT_EQ(RenderSafeMarkdown("####### seven\n", 0), "<p>####### seven</p>\n");
}

TEST(HtmlWriterTest, RowsAreCappedPerAppAndInTotal) {
  const rules::Rule& rule =
      TestRule("dom.document-all", rules::Severity::kHigh, rules::Effort::kSmall);
  ScanBuilder b("intranet");
  b.File("big/a.js", scanner::FileKind::kJs, 5000);
  for (uint32_t line = 1; line <= 30; ++line) b.Finding(rule, line, 2, rules::Guard::kUnguarded);
  b.File("small/b.js", scanner::FileKind::kJs, 10);
  for (uint32_t line = 1; line <= 8; ++line) b.Finding(rule, line, 2, rules::Guard::kUnguarded);
  HtmlOptions options;
  options.max_findings_per_app = 25;
  options.max_findings_total = 30;
  const std::string html = Html(b.scan(), options);
  EXPECT_EQ(Count(html, "<td class=\"loc\" data-v=\"intranet/big/a.js"), 25u);
  EXPECT_EQ(Count(html, "<td class=\"loc\" data-v=\"intranet/small/b.js"), 5u);
  EXPECT_NE(html.find("Showing the first 25 of 30 findings of this app."), std::string::npos);
  EXPECT_NE(html.find("Showing the first 5 of 8 findings of this app."), std::string::npos);
  EXPECT_NE(html.find("intranet/big/a.js:25:2</td>"), std::string::npos);
  EXPECT_EQ(html.find("intranet/big/a.js:26:2</td>"), std::string::npos);
}

TEST(HtmlWriterTest, DeterministicAndRegistered) {
  const std::string first = Html(sample::SampleScan());
  EXPECT_EQ(first, Html(sample::SampleScan()));
  ASSERT_TRUE(FormatFromName("html").ok());
  EXPECT_EQ(*FormatFromName("html"), Format::kHtml);
  EXPECT_EQ(*FormatFromPath("share/移行レポート.HTML"), Format::kHtml);
  EXPECT_EQ(*FormatFromPath("report.htm"), Format::kHtml);
  std::ostringstream via_registry;
  ASSERT_TRUE(Write(BuildPlan(sample::SampleScan(), sample::Options()), Format::kHtml,
                    WriteOptions{}, via_registry)
                  .ok());
  EXPECT_EQ(via_registry.str(), first);
  std::ostringstream bad;
  bad.setstate(std::ios::badbit);
  EXPECT_FALSE(WriteHtml(BuildPlan(sample::SampleScan(), sample::Options()), HtmlOptions{}, bad).ok());
}

}  // namespace
}  // namespace iescan::report
