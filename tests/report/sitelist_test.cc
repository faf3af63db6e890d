// The Enterprise Mode site list: entries for apps that need IE mode, their compat-mode and
// evidence, and the format's rules (no protocol, no query, valid values, well-formed XML).
#include "report/writers/sitelist.h"

#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "report/readiness.h"
#include "tests/report/scan_builder.h"
#include "tests/report/xml_parse.h"

namespace iescan::report {
namespace {

using testing::XmlNode;

constexpr int64_t kCreated = 1715904000 + 3 * 3600 + 4 * 60 + 5;  // 2024-05-17 03:04:05 UTC

PlanOptions OrgOptions() {
  PlanOptions options;
  options.tool_version = "0.1.0";
  options.created = kCreated;
  options.app_map = {
      {"soumu", {"soumu/**"}, {"HTTP://Intra.Example.jp/soumu/?from=menu#top"}, "", 40},
      {"kintai", {"kintai/**"}, {"https://intra.example.jp/kintai"}, "", 300},
  };
  return options;
}

std::string SiteList(const ScanResult& scan, const PlanOptions& options,
                     const SiteListOptions& site_options = {}) {
  std::ostringstream out;
  const Status status = WriteSiteList(BuildPlan(scan, options), site_options, out);
  EXPECT_TRUE(status.ok()) << status.message();
  return out.str();
}

std::vector<XmlNode> Parsed(const std::string& xml) {
  std::vector<XmlNode> nodes;
  std::string error;
  EXPECT_TRUE(testing::ParseXml(xml, &nodes, &error)) << error << "\n" << xml;
  return nodes;
}

// Checks the rules every site entry must follow; returns the site URLs in order.
std::vector<std::string> CheckSites(const std::vector<XmlNode>& nodes) {
  const std::set<std::string> modes = {"Default", "IE5",  "IE7",           "IE8",          "IE9",
                                       "IE10",    "IE11", "IE7Enterprise", "IE8Enterprise"};
  std::vector<std::string> urls;
  for (size_t i = 0; i < nodes.size(); ++i) {
    const XmlNode& n = nodes[i];
    if (n.comment) {
      EXPECT_EQ(n.text.find("--"), std::string::npos) << n.text;
      EXPECT_NE(n.text.back(), '-');
    }
    if (n.comment || n.path != "site-list/site") continue;
    const std::string url = n.Attr("url");
    SCOPED_TRACE(url);
    EXPECT_EQ(url.find("://"), std::string::npos);
    EXPECT_EQ(url.find_first_of("?#* "), std::string::npos);
    EXPECT_FALSE(url.empty());
    EXPECT_NE(url.back(), '/');
    if (i + 2 >= nodes.size() || i == 0) {
      ADD_FAILURE() << "site entry without children or comment: " << url;
      break;
    }
    EXPECT_EQ(nodes[i + 1].path, "site-list/site/compat-mode");
    EXPECT_EQ(modes.count(nodes[i + 1].text), 1u) << nodes[i + 1].text;
    EXPECT_EQ(nodes[i + 2].path, "site-list/site/open-in");
    EXPECT_TRUE(nodes[i + 2].text == "IE11" || nodes[i + 2].text == "MSEdge");
    EXPECT_TRUE(nodes[i - 1].comment) << "no evidence comment before " << url;
    urls.push_back(url);
  }
  return urls;
}

TEST(SiteListTest, BlockedAppWithItsEvidence) {
  const std::string xml = SiteList(testing::OrgScan(), OrgOptions());
  const std::string expected =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<site-list version=\"1\">\n"
      "  <created-by>\n"
      "    <tool>iescan</tool>\n"
      "    <version>0.1.0</version>\n"
      "    <date-created>20240517.030405</date-created>\n"
      "  </created-by>\n"
      "  <!-- soumu: Blocked: needs IE mode. IE-mode dependencies: activex.object-classid x1 "
      "(first: intranet/soumu/print.htm:12:3, clsid:1234ABCD-0000-0000-0000-000000000001). "
      "document modes of its pages: IE8 x1; compat-mode IE8 (most common, ties to the most "
      "legacy) (evidence: intranet/soumu/print.htm: line 3: X-UA-Compatible IE=EmulateIE8). "
      "-->\n"
      "  <site url=\"intra.example.jp/soumu\">\n"
      "    <compat-mode>IE8</compat-mode>\n"
      "    <open-in>IE11</open-in>\n"
      "  </site>\n"
      "</site-list>\n";
  EXPECT_EQ(xml, expected);
  EXPECT_EQ(CheckSites(Parsed(xml)), std::vector<std::string>{"intra.example.jp/soumu"});
}

TEST(SiteListTest, NonBlockedAppsOnRequestOpenInEdge) {
  SiteListOptions options;
  options.version = 42;
  options.include_non_blocked = true;
  const std::vector<XmlNode> nodes = Parsed(SiteList(testing::OrgScan(), OrgOptions(), options));
  EXPECT_EQ(nodes[0].Attr("version"), "42");
  EXPECT_EQ(CheckSites(nodes),
            (std::vector<std::string>{"intra.example.jp/soumu", "intra.example.jp/kintai"}));
  bool edge = false;
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].Attr("url") != "intra.example.jp/kintai") continue;
    EXPECT_EQ(nodes[i + 1].text, "Default");
    EXPECT_EQ(nodes[i + 2].text, "MSEdge");
    EXPECT_EQ(nodes[i - 1].text,
              " kintai: Minor fixes; no IE-mode dependency, open in Microsoft Edge. ");
    edge = true;
  }
  EXPECT_TRUE(edge);
}

TEST(SiteListTest, BlockedAppWithoutUrlIsOnlyAComment) {
  PlanOptions options;
  options.created = kCreated;
  const std::vector<XmlNode> nodes = Parsed(SiteList(testing::OrgScan(), options));
  EXPECT_TRUE(CheckSites(nodes).empty());
  ASSERT_EQ(nodes.back().comment, true);
  EXPECT_EQ(nodes.back().path, "site-list");
  const std::string& text = nodes.back().text;
  EXPECT_EQ(text.substr(0, 38), " soumu: Blocked: needs IE mode. IE-mod");
  const std::string end =
      "No site entry: its URL is unknown; give the app a URL in the app map (urls). ";
  ASSERT_GT(text.size(), end.size());
  EXPECT_EQ(text.substr(text.size() - end.size()), end);
}

TEST(SiteListTest, CompatModeFromTheMostCommonPageMode) {
  testing::ScanBuilder b("intranet");
  const rules::Rule& vbs =
      testing::TestRule("vbscript.script-block", rules::Severity::kBlocker, rules::Effort::kLarge);
  b.File("jinji/a.asp", scanner::FileKind::kHtml, 10)
      .Finding(vbs, 4, 1)
      .DocMode("quirks", "IE5", {"line 1: no doctype (quirks mode)"});
  b.File("jinji/b.asp", scanner::FileKind::kHtml, 10)
      .DocMode("quirks", "IE5", {"line 1: no doctype (quirks mode)"});
  b.File("jinji/c.asp", scanner::FileKind::kHtml, 10)
      .DocMode("IE7", "IE7Enterprise", {"line 2: X-UA-Compatible IE=EmulateIE7"});
  PlanOptions options;
  options.app_map = {{"jinji", {"jinji/**"}, {"http://jinji.intra/"}, "", std::nullopt}};
  const std::vector<XmlNode> nodes = Parsed(SiteList(b.scan(), options));
  EXPECT_EQ(CheckSites(nodes), std::vector<std::string>{"jinji.intra"});
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].path != "site-list/site") continue;
    EXPECT_EQ(nodes[i + 1].text, "IE5");
    EXPECT_NE(nodes[i - 1].text.find("document modes of its pages: IE5 x2, IE7Enterprise x1; "
                                     "compat-mode IE5"),
              std::string::npos);
    EXPECT_NE(nodes[i - 1].text.find("(evidence: intranet/jinji/a.asp: line 1: no doctype "
                                     "(quirks mode))"),
              std::string::npos);
  }
}

TEST(SiteListTest, HostileNamesCannotBreakTheList) {
  testing::ScanBuilder b("intranet");
  const rules::Rule& classid =
      testing::TestRule("activex.object-classid", rules::Severity::kBlocker, rules::Effort::kLarge);
  b.File("x/a.htm", scanner::FileKind::kHtml, 10)
      .Finding(classid, 1, 1, rules::Guard::kNone, "clsid:--><script>\x01</script><!--")
      .DocMode("quirks", "IE5", {"line 1: <!-- no doctype -->"});
  PlanOptions options;
  options.app_map = {{"a--b-->c-", {"x/**"}, {"http://intra/a\"b?<x>"}, "", std::nullopt}};
  const std::string xml = SiteList(b.scan(), options);
  const std::vector<XmlNode> nodes = Parsed(xml);
  EXPECT_EQ(CheckSites(nodes), std::vector<std::string>{"intra/a\"b"});
  EXPECT_NE(xml.find("<site url=\"intra/a&quot;b\">"), std::string::npos) << xml;
  // The markup in the CLSID and the evidence stays inside the one comment.
  size_t comments = 0;
  for (const XmlNode& n : nodes) {
    comments += n.comment ? 1 : 0;
    EXPECT_TRUE(n.comment || n.path.rfind("site-list", 0) == 0) << n.path;
    EXPECT_EQ(n.path.find("script"), std::string::npos) << n.path;
  }
  EXPECT_EQ(comments, 1u);
  EXPECT_NE(nodes[5].text.find("a- -b- ->c-: Blocked"), std::string::npos) << nodes[5].text;
  EXPECT_NE(nodes[5].text.find("clsid:- -><script>\xEF\xBF\xBD</script><!- -"), std::string::npos)
      << nodes[5].text;
}

TEST(SiteListTest, AppsSharingAUrlGiveOneSite) {
  PlanOptions options = OrgOptions();
  options.app_map[1].urls = {"http://intra.example.jp/soumu/"};
  options.app_map.push_back({"keiri", {"keiri/**"}, {"intra.example.jp/soumu"}, "", 1});
  const std::string xml = SiteList(testing::OrgScan(), options);
  EXPECT_EQ(CheckSites(Parsed(xml)), std::vector<std::string>{"intra.example.jp/soumu"});
}

TEST(SiteListTest, CrawledBlockedAppUsesItsHostAndPath) {
  ScanResult scan;
  scan.roots = {"http://portal.example.co.jp/"};
  FileResult page;
  page.origin = {"http://portal.example.co.jp/kintai/menu.asp?id=3", "",
                 "http://portal.example.co.jp/", true};
  page.kind = {scanner::FileKind::kHta, scanner::ServerDialect::kNone};
  scan.files.push_back(page);
  const std::vector<XmlNode> nodes = Parsed(SiteList(scan, PlanOptions{}));
  EXPECT_EQ(CheckSites(nodes), std::vector<std::string>{"portal.example.co.jp/kintai"});
}

TEST(SiteListTest, DateCreated) {
  EXPECT_EQ(SiteListDate(0), "19700101.000000");
  EXPECT_EQ(SiteListDate(kCreated), "20240517.030405");
  EXPECT_EQ(SiteListDate(-5), "19700101.000000");
}

}  // namespace
}  // namespace iescan::report
