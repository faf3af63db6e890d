// NameMap (rules/engine/engine_internal.h): the dispatch tables' name lookup, whose table of
// (length, first byte) bits answers most misses before hashing. It must never answer a miss
// for a name it holds, whatever the length (past 62 bytes lengths share one slot) and first
// byte (ASCII case folded; other bytes as they are).
#include <gtest/gtest.h>

#include <string>

#include "rules/engine/engine_internal.h"

namespace iescan::rules {
namespace {

TEST(NameMapTest, FindsEveryNameItHoldsAndRulesOutOthersBeforeHashing) {
  NameMap<int> map;
  const std::string long_name(80, 'q');
  const std::string longer_name(200, 'q');
  const std::string utf8_name = "\xE6\x97\xA5\xE4\xBB\x98";  // 日付
  map["attachEvent"] = 1;
  map["all"] = 2;
  map[long_name] = 3;
  map[longer_name] = 4;
  map[utf8_name] = 5;
  map["$"] = 6;
  ASSERT_EQ(map.size(), 6u);
  for (const auto& [name, value] : map) {
    auto it = map.find(name);
    ASSERT_NE(it, map.end()) << name;
    EXPECT_EQ(it->second, value);
  }
  // Absent names: ruled out by the bits (another length, another first letter) or by
  // the lookup they still reach (same length and first letter).
  EXPECT_FALSE(map.MayHold("detachEvent"));
  EXPECT_FALSE(map.MayHold("al"));
  EXPECT_FALSE(map.MayHold(""));
  EXPECT_TRUE(map.MayHold("attachXvent"));
  EXPECT_EQ(map.find("attachXvent"), map.end());
  EXPECT_EQ(map.find("detachEvent"), map.end());
  // Lengths of 63 and more share a slot: any of them may be held.
  EXPECT_TRUE(map.MayHold(std::string(100, 'q')));
  EXPECT_EQ(map.find(std::string(100, 'q')), map.end());
  // Case is folded in the bits only: a lower-case map is asked with the name as written,
  // then looked up lower-cased.
  EXPECT_TRUE(map.MayHold("ALL"));
  EXPECT_TRUE(map.MayHold("AttachEvent"));
  EXPECT_EQ(map.find("ALL"), map.end());
}

TEST(NameMapTest, AnEmptyMapHoldsNothing) {
  const NameMap<int> map;
  EXPECT_TRUE(map.empty());
  EXPECT_FALSE(map.MayHold("document"));
  EXPECT_EQ(map.find("document"), map.end());
}

}  // namespace
}  // namespace iescan::rules
