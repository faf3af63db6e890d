// Prefilter: which word groups occur in a text, case-insensitively, in short texts and in
// long ones scanned as interleaved slices.
#include "rules/engine/prefilter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace iescan::rules {
namespace {

std::vector<uint8_t> Hits(const Prefilter& p, std::string_view text) {
  std::vector<uint8_t> hits;
  p.Scan(text, &hits);
  return hits;
}

TEST(PrefilterTest, FindsGroupsCaseInsensitively) {
  Prefilter p({{"attachEvent", "detachEvent"}, {"ActiveXObject"}, {"expression("}, {"\\9"}});
  EXPECT_EQ(Hits(p, "el.ATTACHEVENT('onclick', f);"), (std::vector<uint8_t>{1, 0, 0, 0}));
  EXPECT_EQ(Hits(p, "x = new activexobject('a'); y.detachEvent()"),
            (std::vector<uint8_t>{1, 1, 0, 0}));
  EXPECT_EQ(Hits(p, ".a { width: Expression(1); color: red\\9 }"),
            (std::vector<uint8_t>{0, 0, 1, 1}));
  EXPECT_EQ(Hits(p, "addEventListener('click', f)"), (std::vector<uint8_t>{0, 0, 0, 0}));
  EXPECT_EQ(Hits(p, ""), (std::vector<uint8_t>{0, 0, 0, 0}));
  EXPECT_EQ(Hits(p, "expression"), (std::vector<uint8_t>{0, 0, 0, 0}));  // no "("
}

TEST(PrefilterTest, OverlappingAndNestedWords) {
  // "all" inside "document.all" and "call"; "he" inside "she" (suffix links).
  Prefilter p({{"document.all"}, {"all"}, {"she"}, {"he"}, {"hers"}});
  EXPECT_EQ(Hits(p, "document.al"), (std::vector<uint8_t>{0, 0, 0, 0, 0}));
  EXPECT_EQ(Hits(p, "f.call(x)"), (std::vector<uint8_t>{0, 1, 0, 0, 0}));
  EXPECT_EQ(Hits(p, "DOCUMENT.ALL"), (std::vector<uint8_t>{1, 1, 0, 0, 0}));
  EXPECT_EQ(Hits(p, "ushers"), (std::vector<uint8_t>{0, 0, 1, 1, 1}));
}

TEST(PrefilterTest, NonAsciiBytesMatchExactly) {
  Prefilter p({{"\xC3\xA9t\xC3\xA9"}, {"x"}});                              // "été"
  EXPECT_EQ(Hits(p, "L'\xC3\x89T\xC3\x89"), (std::vector<uint8_t>{0, 0}));  // "ÉTÉ"
  EXPECT_EQ(Hits(p, "un \xC3\xA9T\xC3\xA9 chaud"), (std::vector<uint8_t>{1, 0}));
}

TEST(PrefilterTest, KeepsMarksAlreadySetAndCountsNewOnes) {
  Prefilter p({{"aaa"}, {"bbb"}});
  std::vector<uint8_t> hits = {1, 0};
  EXPECT_EQ(p.Scan("xx bbb aaa", &hits), 1u);
  EXPECT_EQ(hits, (std::vector<uint8_t>{1, 1}));
  EXPECT_EQ(p.Scan("nothing", &hits), 0u);
}

// Long texts are cut into slices scanned together; a word across any slice boundary, at
// the very start or at the very end must still be found.
TEST(PrefilterTest, LongTextWordsAtEveryBoundary) {
  const std::vector<std::string> words = {"showModalDialog", "XDomainRequest", "onpropertychange"};
  Prefilter p({{words[0]}, {words[1]}, {words[2]}});
  for (size_t size : {2048u, 4099u, 100000u, 100003u}) {
    for (size_t slice : {size / 4, size / 2, 3 * (size / 4)}) {
      for (size_t back = 1; back < 16; ++back) {
        std::string text(size, 'x');
        text.replace(slice - back, words[1].size(), words[1]);
        EXPECT_EQ(Hits(p, text), (std::vector<uint8_t>{0, 1, 0}))
            << "size " << size << " boundary " << slice << " back " << back;
      }
    }
    std::string text(size, ' ');
    text.replace(0, words[0].size(), words[0]);
    text.replace(size - words[2].size(), words[2].size(), words[2]);
    EXPECT_EQ(Hits(p, text), (std::vector<uint8_t>{1, 0, 1})) << "size " << size;
  }
}

TEST(PrefilterTest, NoGroups) {
  Prefilter p(std::vector<std::vector<std::string>>{});
  std::vector<uint8_t> hits;
  EXPECT_EQ(p.Scan("anything", &hits), 0u);
  EXPECT_TRUE(hits.empty());
}

}  // namespace
}  // namespace iescan::rules
