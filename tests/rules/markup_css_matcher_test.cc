// Markup (elements, attributes, comments) and CSS (properties, functions, values,
// at-rules) matchers.
#include <gtest/gtest.h>

#include "rules_test_util.h"

namespace iescan::rules {
namespace {

using nlohmann::json;
using scanner::FileKind;
using testing::CatalogOf;
using testing::RuleJson;
using testing::Scan;
using testing::ScanFindings;
using V = std::vector<std::string>;

TEST(MarkupMatcherTest, ElementWithAttributeValue) {
  Catalog catalog = CatalogOf({RuleJson(
      "activex.object-classid", {"html"},
      json::array(
          {{{"html-element", "object"}, {"attribute", "classid"}, {"value", "(?i)^clsid:"}}}),
      {"classid"}, {{"message", "<{match}> loads ActiveX control {arg}"}})});
  const std::string html =
      "<html><body>\n"
      "  <OBJECT id=\"player\" classid=\"clsid:6BF52A52-394A-11D3-B153-00C04F79FAA6\"></OBJECT>\n"
      "<object data=\"movie.swf\" type=\"application/x-shockwave-flash\"></object>\n"
      "<!-- <object classid=\"clsid:0002E559-0000-0000-C000-000000000046\"></object> -->\n"
      "<p>Install the object with classid clsid:1234 first.</p>\n"
      "</body></html>\n";
  std::vector<Finding> f = ScanFindings(catalog, html, FileKind::kHtml);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(testing::Render(f[0]), "2:3 activex.object-classid");
  EXPECT_EQ(f[0].detail, "clsid:6BF52A52-394A-11D3-B153-00C04F79FAA6");
  EXPECT_EQ(f[0].message,
            "<OBJECT> loads ActiveX control clsid:6BF52A52-394A-11D3-B153-00C04F79FAA6");
  EXPECT_EQ(f[0].end.column, 10u);  // "<OBJECT"
  EXPECT_EQ(f[0].language, scanner::Language::kHtml);
  EXPECT_EQ(f[0].guard, Guard::kNone);
}

TEST(MarkupMatcherTest, PrefixedElementAndDataIsland) {
  Catalog catalog = CatalogOf(
      {RuleJson("hta.application", {"html"}, json::array({{{"html-element", "hta:application"}}}),
                {"hta:application"}),
       RuleJson("data.xml-island", {"html"}, json::array({{{"html-element", "xml"}}}), {"<xml"})});
  const std::string hta =
      "<html>\n"
      "<head>\n"
      "<HTA:APPLICATION ID=\"app\" APPLICATIONNAME=\"Payroll\" SINGLEINSTANCE=\"yes\">\n"
      "<xml id=\"staff\" src=\"staff.xml\"></xml>\n"
      "</head>\n"
      "<body><p>xml and hta:application in text</p></body>\n"
      "</html>\n";
  EXPECT_EQ(Scan(catalog, hta, FileKind::kHta), (V{"3:1 hta.application", "4:1 data.xml-island"}));
}

TEST(MarkupMatcherTest, AttributeRestrictedToElementsWithValue) {
  Catalog catalog = CatalogOf(
      {RuleJson("data.datasrc", {"html"},
                json::array({{{"html-attribute", "datasrc"}, {"elements", {"table", "span"}}}}),
                {"datasrc"}),
       RuleJson(
           "vbscript.language", {"html"},
           json::array(
               {{{"html-attribute", "language"}, {"elements", {"script"}}, {"value", "(?i)^vbs"}}}),
           {"language"}, {{"message", "{match}={arg}"}})});
  const std::string html =
      "<table DATASRC=\"#staff\"><tr><td><span datafld=\"name\"></span></td></tr></table>\n"
      "<div datasrc=\"#staff\"></div>\n"
      "<script language=\"VBScript\">MsgBox 1</script>\n"
      "<script language=\"JavaScript\">var a;</script>\n";
  std::vector<Finding> f = ScanFindings(catalog, html, FileKind::kHtml);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(testing::Render(f[0]), "1:8 data.datasrc");
  EXPECT_EQ(f[0].detail, "#staff");
  EXPECT_EQ(testing::Render(f[1]), "3:9 vbscript.language");
  EXPECT_EQ(f[1].message, "language=VBScript");
}

TEST(MarkupMatcherTest, ConditionalComments) {
  Catalog catalog =
      CatalogOf({RuleJson("markup.conditional-comment", {"html"},
                          json::array({{{"html-comment", "^\\[if [^\\]]*IE"}}}), {"[if"})});
  const std::string html =
      "<html><head>\n"
      "<!-- page header: works in IE and others -->\n"
      "  <!--[if lt IE 9]><script src=\"html5shiv.js\"></script><![endif]-->\n"
      "</head></html>\n";
  std::vector<Finding> f = ScanFindings(catalog, html, FileKind::kHtml);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(testing::Render(f[0]), "3:3 markup.conditional-comment");
  EXPECT_EQ(f[0].message, "[if lt IE is IE-only");
}

TEST(CssMatcherTest, PropertyWithValueAndHack) {
  Catalog catalog =
      CatalogOf({RuleJson("css.behavior", {"css"},
                          json::array({{{"css-property", "behavior"}, {"value", "(?i)url\\("}}}),
                          {"behavior"}),
                 RuleJson("css.star-hack", {"css"},
                          json::array({{{"css-property", "zoom"}, {"hack", "*"}}}), {"zoom"})});
  const std::string css =
      ".menu { behavior: url(menu.htc); color: red }\n"
      "/* .old { behavior: url(old.htc) } */\n"
      ".a { *zoom: 1; zoom: 1; BEHAVIOR: URL(\"hover.htc\") }\n"
      ".b { behavior: none }\n";
  std::vector<Finding> f = ScanFindings(catalog, css, FileKind::kCss);
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(testing::Render(f[0]), "1:9 css.behavior");
  EXPECT_EQ(f[0].detail, "url(menu.htc)");
  EXPECT_EQ(testing::Render(f[1]), "3:6 css.star-hack");
  EXPECT_EQ(f[1].message, "*zoom is IE-only");
  EXPECT_EQ(testing::Render(f[2]), "3:25 css.behavior");
  EXPECT_EQ(f[2].language, scanner::Language::kCss);
}

TEST(CssMatcherTest, FunctionValueAndAtRule) {
  Catalog catalog = CatalogOf(
      {RuleJson("css.expression", {"css"}, json::array({{{"css-function", "expression"}}}),
                {"expression("}),
       RuleJson("css.dx-filter", {"css"},
                json::array({{{"css-value", "(?i)progid:DXImageTransform"}}}), {"progid"}),
       RuleJson("css.media-hack", {"css"},
                json::array({{{"css-at-rule", "^@media\\s+\\\\0screen"}}}), {"\\0screen"})});
  const std::string css =
      ".w { width: Expression(document.body.clientWidth > 800 ? \"800px\" : \"auto\"); }\n"
      ".o { filter: progid:DXImageTransform.Microsoft.Alpha(opacity=50); }\n"
      "@media \\0screen { .x { color: red } }\n"
      "@media screen { .y { content: \"expression(1)\" } }\n";
  EXPECT_EQ(Scan(catalog, css, FileKind::kCss),
            (V{"1:13 css.expression", "2:14 css.dx-filter", "3:1 css.media-hack"}));
}

TEST(CssMatcherTest, StyleAttributeAndStyleBlockInHtml) {
  Catalog catalog = CatalogOf({RuleJson(
      "css.behavior", {"css"}, json::array({{{"css-property", "behavior"}}}), {"behavior"})});
  const std::string html =
      "<html><head><style>\n"
      "  a { behavior: url(#default#AnchorClick) }\n"
      "</style></head>\n"
      "<body><div style=\"color: red; behavior: url(menu.htc)\">x</div></body></html>\n";
  EXPECT_EQ(Scan(catalog, html, FileKind::kHtml), (V{"2:7 css.behavior", "4:31 css.behavior"}));
}

}  // namespace
}  // namespace iescan::rules
