// SharedText keeps one copy of each distinct string for the whole process, compares and
// orders like the string it holds, and may be made from many threads at once.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "scanner/core/inline_text.h"
#include "scanner/core/shared_text.h"

namespace iescan {
namespace {

TEST(SharedText, EqualTextsShareOneCopy) {
  const std::string path = "apps/kintai/shinsei/input.asp";
  SharedText a(path);
  SharedText b(std::string("apps/kintai/") + "shinsei/input.asp");
  EXPECT_EQ(a, b);
  EXPECT_EQ(a.data(), b.data());
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

// The pool keeps texts of any length and content: one past its 1 MiB blocks, one with NUL
// bytes inside (kept whole, and still terminated for c_str), and enough distinct ones to
// grow its table several times; each comes back the same and is found again.
TEST(SharedText, KeepsLongTextsNulBytesAndManyTexts) {
  const std::string big(3 * 1024 * 1024 + 7, 'x');
  SharedText a(big);
  EXPECT_EQ(a.size(), big.size());
  EXPECT_EQ(a.view(), big);
  EXPECT_EQ(a.data(), SharedText(big).data());
  const std::string with_nul("before\0after", 12);
  SharedText b(with_nul);
  EXPECT_EQ(b.size(), 12u);
  EXPECT_EQ(b.view(), with_nul);
  EXPECT_NE(b, SharedText("before"));
  EXPECT_EQ(std::string(SharedText("plain").c_str()), "plain");
  EXPECT_EQ(b.c_str()[12], '\0');
  const size_t before = SharedText::PoolSize();
  std::vector<SharedText> many;
  for (int i = 0; i < 50000; ++i) many.emplace_back("pool growth " + std::to_string(i));
  EXPECT_EQ(SharedText::PoolSize(), before + 50000);
  for (int i = 0; i < 50000; i += 997) {
    const std::string text = "pool growth " + std::to_string(i);
    EXPECT_EQ(many[i].view(), text);
    EXPECT_EQ(many[i].data(), SharedText(text).data());
  }
  EXPECT_EQ(SharedText::PoolSize(), before + 50000);
  // The table finding them is one word a slot, at least 30% full: under 23 bytes a text.
  EXPECT_LT(SharedText::PoolTableBytes(), SharedText::PoolSize() * 23);
  const std::string copy = many[5];  // converts to a std::string where one is needed
  EXPECT_EQ(copy, "pool growth 5");
}

TEST(SharedText, ManyThreadsMakingTheSameTextsAgree) {
  constexpr int kThreads = 4;
  constexpr int kTexts = 2000;
  std::vector<std::vector<const char*>> seen(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([t, &seen] {
      for (int i = 0; i < kTexts; ++i) {
        seen[t].push_back(SharedText("threaded text " + std::to_string(i)).data());
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int t = 1; t < kThreads; ++t) EXPECT_EQ(seen[t], seen[0]);
  EXPECT_GE(SharedText::PoolSize(), static_cast<size_t>(kTexts));
}

// An inline text holds up to N bytes in place and pools only longer ones; whatever it held
// before, the bytes past its text are zero, so equal texts are equal bytes on disk.
TEST(InlineText, HoldsShortTextsInPlaceAndPoolsLongerOnes) {
  using Snippet = BasicInlineText<254>;
  const std::string fits(254, 'a');
  const std::string longer = std::string(255, 'b');
  const size_t before = SharedText::PoolSize();
  Snippet a(fits);
  EXPECT_EQ(a.view(), fits);
  EXPECT_EQ(SharedText::PoolSize(), before);
  Snippet b(longer);
  EXPECT_EQ(b.view(), longer);
  EXPECT_EQ(SharedText::PoolSize(), before + 1);

  Snippet fresh("if (document.all) go();");
  for (Snippet* reused : {&a, &b}) {
    *reused = "if (document.all) go();";
    EXPECT_EQ(*reused, fresh);
    EXPECT_EQ(std::memcmp(reused, &fresh, sizeof(Snippet)), 0);
  }
  a = std::string_view();
  EXPECT_TRUE(a.empty());
  const Snippet none;
  EXPECT_EQ(std::memcmp(&a, &none, sizeof(Snippet)), 0);

  InlineText fingerprint("0123456789abcdef:7");
  EXPECT_EQ(fingerprint.str(), "0123456789abcdef:7");
  EXPECT_EQ(sizeof(fingerprint), 32u);
}

}  // namespace
}  // namespace iescan
