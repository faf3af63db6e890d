// A rule that supersedes another drops the other's overlapping finding, however many
// findings a file has: a minified bundle holds tens of thousands on one line, and each is
// compared only with its neighbours.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "rules/engine/catalog.h"
#include "tests/rules/rules_test_util.h"

namespace iescan::rules {
namespace {

TEST(Supersede, EveryTestOfDocumentAllOnAMinifiedLine) {
  Result<Catalog> catalog = Catalog::Builtin();
  ASSERT_TRUE(catalog.ok()) << catalog.status().message();
  // One line: 3,000 browser tests (sniffing.document-all-test supersedes the plain
  // dom.document-all at the same place) and 3,000 plain uses, which stay.
  std::string line;
  for (int i = 0; i < 3000; ++i) {
    line += "if(document.all){a" + std::to_string(i) + "()}var e" + std::to_string(i) +
            "=document.all.item('x" + std::to_string(i) + "');";
  }
  std::map<std::string, int> counts;
  for (const Finding& f : testing::ScanFindings(*catalog, line + "\n", scanner::FileKind::kJs)) {
    ++counts[f.rule->id];
    EXPECT_EQ(f.begin.line, 1u);
  }
  EXPECT_EQ(counts["sniffing.document-all-test"], 3000);
  EXPECT_EQ(counts["dom.document-all"], 3000);
}

}  // namespace
}  // namespace iescan::rules
