// A start tag with 100,000 attributes must not reach the HTML parser, whose duplicate-
// attribute check is quadratic: the file fails fast with a reason (and is skipped by the
// caller), while an ordinary tag with many attributes is still parsed.
#include <gtest/gtest.h>

#include <chrono>

#include "scanner/document/document.h"
#include "scanner/document/markup_scan.h"
#include "tests/document/document_test_util.h"

namespace iescan::scanner::testing {
namespace {

TEST(AttributeFlood, HundredThousandAttributesFailFastWithAReason) {
  std::string html = "<html><body><div";
  for (int i = 0; i < 100000; ++i) html += " a" + std::to_string(i) + "=\"v\"";
  html += " onclick=\"document.all.x.click()\"></div></body></html>\n";
  auto file = MakeFile(html);
  auto start = std::chrono::steady_clock::now();
  Result<Document> doc = BuildDocument(*file, KindInfo{FileKind::kHtml, ServerDialect::kNone});
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                std::chrono::steady_clock::now() - start).count();
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().message(),
            "markup has an element with more than 10000 attributes (about 100001); not parsed");
  EXPECT_LT(ms, 2000);
}

TEST(AttributeFlood, EstimateCountsAttributesOutsideQuotes) {
  EXPECT_EQ(document_internal::EstimateMaxAttributes("<a href=\"x y z\" id='q r'>"), 2u);
  EXPECT_EQ(document_internal::EstimateMaxAttributes("<p>a b c d</p><img a b c>"), 3u);
  EXPECT_EQ(document_internal::EstimateMaxAttributes("text only, 1 < 2 and a > b"), 0u);
  // A quoted '>' does not end the tag; the other quote character inside is plain text.
  EXPECT_EQ(document_internal::EstimateMaxAttributes("<a t=\"x > 'y' z\" b c>"), 3u);
  EXPECT_EQ(document_internal::EstimateMaxAttributes("<a t='x \" y' b>"), 2u);
  // An unclosed quote runs to the end of the text: nothing after it counts.
  EXPECT_EQ(document_internal::EstimateMaxAttributes("<a b c=\"d e f g h"), 2u);
}

TEST(AttributeFlood, ManyOrdinaryAttributesStillParse) {
  std::string html = "<html><body><input";
  for (int i = 0; i < 200; ++i) html += " data-x" + std::to_string(i) + "=\"1\"";
  html += " onclick=\"go()\"></body></html>\n";
  auto file = MakeFile(html);
  Result<Document> doc = BuildDocument(*file, KindInfo{FileKind::kHtml, ServerDialect::kNone});
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  bool handler = false;
  for (const Region& r : doc->regions) handler |= r.context == RegionContext::kEventHandler;
  EXPECT_TRUE(handler);
}

}  // namespace
}  // namespace iescan::scanner::testing
