// RegexGate: which regexes may match a text, from the literals RE2 says they need.
#include "rules/engine/regex_gate.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <memory>
#include <string>
#include <vector>

namespace iescan::rules {
namespace {

using Bits = std::vector<uint8_t>;

class RegexGateTest : public ::testing::Test {
 protected:
  RegexGateTest() {
    for (const char* p : {R"(\bcancelBubble\s*=)", R"((?i)navigator\s*\.\s*userAgent\b.*MSIE)",
                          R"(\*[A-Za-z][A-Za-z0-9-]*\s*:)", R"(@set\b|@cc_on\b)"}) {
      owned_.push_back(std::make_unique<re2::RE2>(p));
      patterns_.push_back(owned_.back().get());
    }
    patterns_.push_back(nullptr);  // a matcher without a regex: always possible
  }
  Bits Possible(const std::string& text) {
    RegexGate gate(patterns_);
    Bits out;
    gate.Possible(text, &out);
    return out;
  }
  std::vector<std::unique_ptr<re2::RE2>> owned_;
  std::vector<const re2::RE2*> patterns_;
};

TEST_F(RegexGateTest, OnlyPatternsWhoseLiteralsOccurRemain) {
  // "*" alone is shorter than an atom: the star-hack pattern is always possible.
  EXPECT_EQ(Possible("var x = 1; // nothing here"), (Bits{0, 0, 1, 0, 1}));
  EXPECT_EQ(Possible("e.CANCELBUBBLE = true"), (Bits{1, 0, 1, 0, 1}));
  // Both literals of the second pattern are needed: one is not enough.
  EXPECT_EQ(Possible("navigator.userAgent"), (Bits{0, 0, 1, 0, 1}));
  EXPECT_EQ(Possible("Navigator.UserAgent has msie"), (Bits{0, 1, 1, 0, 1}));
  // Either branch of an alternation keeps its pattern.
  EXPECT_EQ(Possible("/*@cc_on @*/"), (Bits{0, 0, 1, 1, 1}));
}

TEST_F(RegexGateTest, CharactersFoldingToAsciiDisableTheGate) {
  EXPECT_EQ(Possible("navigator.userAgent M\xC5\xBFIE"), (Bits{1, 1, 1, 1, 1}));
  EXPECT_EQ(Possible("\xE2\x84\xAA"), (Bits{1, 1, 1, 1, 1}));
  RE2 re(R"((?i)navigator\s*\.\s*userAgent\b.*MSIE)");
  EXPECT_TRUE(RE2::PartialMatch("navigator.userAgent M\xC5\xBFIE", re));
}

// One pass over the copy of a code region that keeps string contents gates the copy that
// blanks them too: blanking adds only spaces, so only a literal holding a space can appear.
TEST(RegexGateBlanked, OnePassServesTheBlankedCopy) {
  RE2 spaced(R"((?i)\bfoo bar\d)");
  RE2 plain(R"(\bcancelBubble\s*=)");
  RegexGate gate({&spaced, &plain});
  const std::string kept = R"(x = "foo1bar2"; y.cancelBubble)";
  const std::string blanked = R"(x = "        "; y.cancelBubble)";
  const RegexGate::Found found = gate.Scan(kept);
  Bits from_kept, as_blanked, direct;
  gate.Possible(found, false, &from_kept);
  gate.Possible(found, true, &as_blanked);
  gate.Possible(blanked, &direct);
  EXPECT_EQ(from_kept, (Bits{0, 1}));
  // The answer holds for any blanking of the kept copy, so the pattern that needs a literal
  // with a space stays possible; the other pattern's answer is the blanked copy's own.
  EXPECT_EQ(as_blanked, (Bits{1, 1}));
  EXPECT_EQ(direct, (Bits{0, 1}));
  // Where blanking does make the spaced literal, the pattern matches: it had to stay.
  const std::string made = "foo bar2";
  EXPECT_TRUE(RE2::PartialMatch(made, spaced));
  Bits made_direct;
  gate.Possible(made, &made_direct);
  EXPECT_EQ(made_direct[0], 1);
  // A text the gate cannot read (a character that folds to ASCII) leaves every pattern.
  Bits unreadable;
  gate.Possible(gate.Scan("\xE2\x84\xAA foo"), true, &unreadable);
  EXPECT_EQ(unreadable, (Bits{1, 1}));
}

// A caller's own literal pass over the atoms (the engine folds them into its prefilter)
// gives the same answer as the gate's pass, text by text, folding characters included.
TEST_F(RegexGateTest, HitsOfAnotherPassGiveTheSameAnswer) {
  RegexGate gate(patterns_);
  ASSERT_FALSE(gate.atoms().empty());
  std::vector<std::vector<std::string>> groups;
  for (const std::string& atom : gate.atoms()) groups.push_back({atom});
  const Prefilter own(groups);
  for (const std::string text :
       {"var x = 1;", "e.CANCELBUBBLE = true", "Navigator.UserAgent has msie", "/*@cc_on @*/",
        "navigator.userAgent M\xC5\xBFIE", "@set @x = 1; cancelBubble", ""}) {
    Bits hits;
    own.Scan(text, &hits);
    Bits via_hits, via_scan;
    gate.Possible(gate.FromHits(text, hits.data()), false, &via_hits);
    gate.Possible(gate.Scan(text), false, &via_scan);
    EXPECT_EQ(via_hits, via_scan) << text;
  }
}

TEST_F(RegexGateTest, NoPatterns) {
  RegexGate gate({});
  Bits out{1, 1};
  gate.Possible("anything", &out);
  EXPECT_TRUE(out.empty());
}

}  // namespace
}  // namespace iescan::rules
