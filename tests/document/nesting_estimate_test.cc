// The nesting estimate decides whether a page is too deep to parse, so it must follow the
// tree builder's implied end tags (a <li> closes the open <li>, a <td> the open <td>, a
// block closes an open <p>), stop at the elements that bound them (a <li> inside a nested
// list leaves the outer <li> open), and never count void or raw-text elements.
#include <gtest/gtest.h>

#include <string>

#include "scanner/document/markup_scan.h"

namespace iescan::scanner::testing {
namespace {

using document_internal::EstimateNesting;

TEST(NestingEstimate, PlainNestingAndEndTags) {
  EXPECT_EQ(EstimateNesting(""), 0u);
  EXPECT_EQ(EstimateNesting("just text, 1 < 2"), 0u);
  EXPECT_EQ(EstimateNesting("<html><body><div><span>x</span></div></body></html>"), 4u);
  // An end tag pops to its element, closing what is open inside it.
  EXPECT_EQ(EstimateNesting("<div><b><i>x</div><div><span>y</span></div>"), 3u);
  // Names are compared without case.
  EXPECT_EQ(EstimateNesting("<DIV><Div><div></DIV></dIv></div><div>"), 3u);
}

TEST(NestingEstimate, VoidRawTextCommentsAndInstructionsDoNotNest) {
  EXPECT_EQ(EstimateNesting("<div><br><img src=a><input><hr><meta><link></div>"), 1u);
  // Raw-text elements are skipped whole, their own start tag included.
  EXPECT_EQ(EstimateNesting("<div><script>var s = '<div><div><div>';</script></div>"), 1u);
  EXPECT_EQ(EstimateNesting("<div><!-- <div><div> --><?xml <div>?></div>"), 1u);
  EXPECT_EQ(EstimateNesting("<div><textarea><div><div></textarea></div>"), 1u);
  // Quoted attribute values may hold '>' and '<'.
  EXPECT_EQ(EstimateNesting("<div title=\"a > <div> b\"><span>x</span></div>"), 2u);
}

TEST(NestingEstimate, ImpliedEndsCloseTheirKind) {
  // Unclosed <li>, <td>, <tr>, <option>, <p> of legacy pages do not pile up.
  std::string list = "<ul>";
  for (int i = 0; i < 50; ++i) list += "<li>item";
  EXPECT_EQ(EstimateNesting(list), 2u);
  std::string table = "<table>";
  for (int i = 0; i < 20; ++i) table += "<tr><td>a<td>b<th>c";
  EXPECT_EQ(EstimateNesting(table), 3u);
  std::string select = "<select>";
  for (int i = 0; i < 30; ++i) select += "<option>o";
  EXPECT_EQ(EstimateNesting(select), 2u);
  EXPECT_EQ(EstimateNesting("<p>a<p>b<p>c"), 1u);
  EXPECT_EQ(EstimateNesting("<dl><dt>a<dd>b<dt>c<dd>d</dl>"), 2u);
  // An <optgroup> closes the open <option>, the nearest element of its family, and only
  // that one: the estimate errs towards deeper (4 here; the tree builder reaches 3).
  EXPECT_EQ(EstimateNesting("<select><optgroup><option>a<optgroup><option>b"), 4u);
  // A block start tag closes an open <p>.
  EXPECT_EQ(EstimateNesting("<body><p>text<div>block</div>"), 2u);
  // ... but an inline one does not.
  EXPECT_EQ(EstimateNesting("<body><p>text<span>inline</span>"), 3u);
}

TEST(NestingEstimate, BarriersStopTheSearch) {
  // A <li> in a nested list leaves the outer <li> open.
  EXPECT_EQ(EstimateNesting("<ul><li>a<ul><li>b<li>c</ul>"), 4u);
  // A <td> in a nested table leaves the outer cell open.
  EXPECT_EQ(EstimateNesting("<table><tr><td><table><tr><td>x<td>y"), 6u);
  // A <p> inside a <button> does not close the <p> outside it.
  EXPECT_EQ(EstimateNesting("<p>a<button><p>b"), 3u);
}

TEST(NestingEstimate, DeepNestingIsCountedWhole) {
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "<div>";
  EXPECT_EQ(EstimateNesting(deep), 5000u);
  std::string lists;
  for (int i = 0; i < 1000; ++i) lists += "<ul><li>";
  EXPECT_EQ(EstimateNesting(lists), 2000u);
}

}  // namespace
}  // namespace iescan::scanner::testing
