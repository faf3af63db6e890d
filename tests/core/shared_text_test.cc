// SharedText keeps one copy of each distinct string for the whole process, compares and
// orders like the string it holds, and may be made from many threads at once.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "scanner/core/shared_text.h"

namespace iescan {
namespace {

TEST(SharedText, EqualTextsShareOneCopy) {
  const std::string path = "apps/kintai/shinsei/input.asp";
  SharedText a(path);
  SharedText b(std::string("apps/kintai/") + "shinsei/input.asp");
  EXPECT_EQ(a, b);
  EXPECT_EQ(&a.str(), &b.str());
  EXPECT_EQ(a.str(), path);
  EXPECT_NE(a, SharedText("apps/kintai/shinsei/list.asp"));
}

TEST(SharedText, EmptyByDefaultAndFromEmptyText) {
  SharedText none;
  SharedText empty("");
  EXPECT_TRUE(none.empty());
  EXPECT_EQ(none, empty);
  EXPECT_EQ(none.str(), "");
  EXPECT_EQ(none.size(), 0u);
}

TEST(SharedText, OrdersAndComparesLikeItsString) {
  std::vector<std::string> words = {"window.event", "document.all", "", "勤怠", "attachEvent"};
  std::vector<SharedText> texts;
  for (const std::string& w : words) texts.emplace_back(w);
  std::sort(words.begin(), words.end());
  std::sort(texts.begin(), texts.end());
  for (size_t i = 0; i < words.size(); ++i) EXPECT_EQ(texts[i].str(), words[i]);
  EXPECT_TRUE(SharedText("abc") == "abc");
  EXPECT_FALSE(SharedText("abc") == "abd");
  std::ostringstream out;
  out << SharedText("勤怠") << "|" << (SharedText("a") + "b") << "|" << ("x" + SharedText("y"));
  EXPECT_EQ(out.str(), "勤怠|ab|xy");
  // Usable where a std::string key is expected.
  std::map<std::string, int> counts;
  std::set<std::string> seen = {"document.all"};
  SharedText key("document.all");
  ++counts[key];
  EXPECT_EQ(counts.at("document.all"), 1);
  EXPECT_EQ(seen.count(key), 1u);
}

TEST(SharedText, ManyThreadsMakingTheSameTextsAgree) {
  constexpr int kThreads = 4;
  constexpr int kTexts = 2000;
  std::vector<std::vector<const std::string*>> seen(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([t, &seen] {
      for (int i = 0; i < kTexts; ++i) {
        seen[t].push_back(&SharedText("threaded text " + std::to_string(i)).str());
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int t = 1; t < kThreads; ++t) EXPECT_EQ(seen[t], seen[0]);
  EXPECT_GE(SharedText::PoolSize(), static_cast<size_t>(kTexts));
}

}  // namespace
}  // namespace iescan
