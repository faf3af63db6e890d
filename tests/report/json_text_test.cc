// FlatObjectText writes the same bytes as dumping a JSON value at the same depth, for the
// strings reports really hold: invalid UTF-8 from legacy files, control characters,
// quotes and backslashes, Japanese text, and doubles with one decimal.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "report/writers/json_text.h"

namespace iescan::report {
namespace {

TEST(FlatObjectText, SameBytesAsADumpAtEveryDepth) {
  const std::string strings[] = {
      "plain ascii",
      "",
      "quote \" and backslash \\ and slash /",
      "tab\tnewline\ncarriage\rbell\x07 del\x7f",
      "\xe4\xbd\x8f\xe6\xb0\x91\xe7\xa5\xa8 (UTF-8)",
      "Shift_JIS bytes \x8f\x5a\x96\xaf left undecoded",
      "cut \xe4\xbd",
      "lone continuation \x80\x80 end",
      // Every escape the library writes, and the edges of well-formed UTF-8.
      std::string("nul \0 soh \x01 bs \b ff \f us \x1f sp", 29),
      "two-byte \xc2\x80 \xdf\xbf; overlong \xc0\xaf \xc1\xbf",
      "three-byte \xe0\xa0\x80 \xed\x9f\xbf \xef\xbf\xbf; overlong \xe0\x9f\xbf",
      "surrogate \xed\xa0\x80 end",
      "four-byte \xf0\x90\x80\x80 \xf4\x8f\xbf\xbf; past U+10FFFF \xf4\x90\x80\x80",
      "bad lead \xf5\x80\x80\x80 \xff",
      "cut at the end \xf0\x9f\x98",
      "\xe5\x8b\xa4\xe6\x80\xa0 \"quoted\" back\\slash \xf0\x9f\x98\x80 emoji"};
  for (int depth = 0; depth < 4; ++depth) {
    for (const std::string& s : strings) {
      OrderedJson value = OrderedJson::object();
      value["text"] = s;
      value["line"] = 12;
      value["score"] = 30.0;
      value["fraction"] = 12.5;
      value["flag"] = true;
      value["nothing"] = nullptr;
      value[s] = false;  // keys are escaped the same way
      std::string text;
      FlatObjectText(&text, depth)
          .String("text", s)
          .Unsigned("line", 12)
          .Double("score", 30.0)
          .Double("fraction", 12.5)
          .Bool("flag", true)
          .Null("nothing")
          .Bool(s, false)
          .End();
      EXPECT_EQ(text, DumpAt(value, depth)) << "depth " << depth << ": " << s;
    }
  }
}

// Strings are tested eight bytes at a time for anything to escape or check: a byte that
// needs care, at every position of strings of 0 to 24 bytes (inside a word, at its edges,
// in the tail after the last whole word), must give what the library writes.
TEST(AppendJsonString, EveryByteThatNeedsCareAtEveryPosition) {
  const std::string specials[] = {"\"", "\\", std::string(1, '\0'), "\x01", "\n", "\x1f",
                                  "\x7f", "\x80", "\xff", "\xc3\xa9", "\xe3\x81\x82", " "};
  for (const std::string& special : specials) {
    for (size_t size = 0; size <= 24; ++size) {
      for (size_t at = 0; at <= size; ++at) {
        std::string s(size, 'a');
        s.insert(at, special);
        std::string text = "prefix";
        AppendJsonString(s, &text);
        const std::string expected =
            "prefix" + OrderedJson(s).dump(-1, ' ', false, OrderedJson::error_handler_t::replace);
        ASSERT_EQ(text, expected) << "size " << size << ", at " << at;
      }
    }
  }
  // Bytes next to the ones tested: '!' (0x21), '#' (0x23), '[' and ']' around '\\', ' '.
  std::string around = "!#[]~ \x20\x21\x7e";
  std::string text;
  AppendJsonString(around, &text);
  EXPECT_EQ(text, "\"" + around + "\"");
}

TEST(FlatObjectText, EmptyObject) {
  std::string text;
  FlatObjectText(&text, 2).End();
  EXPECT_EQ(text, DumpAt(OrderedJson::object(), 2));
}

// Arrays of strings (empty, one, several) and nested objects (empty, flat, holding an
// array) as the "files" array writes them, at every depth.
TEST(FlatObjectText, StringArraysAndNestedObjectsAsADump) {
  const std::vector<std::string> none;
  const std::vector<std::string> one = {"line 1: no doctype (quirks mode)"};
  const std::vector<std::string> several = {"js/a.js", "\xe5\x85\xb1\xe9\x80\x9a.css", "q\"uote"};
  for (int depth = 0; depth < 4; ++depth) {
    OrderedJson value = OrderedJson::object();
    value["path"] = "app/index.htm";
    value["loads"] = several;
    value["empty"] = none;
    OrderedJson mode = OrderedJson::object();
    mode["built_for"] = "IE7";
    mode["evidence"] = one;
    value["doc_mode"] = mode;
    value["nothing_inside"] = OrderedJson::object();
    value["library"] = nullptr;
    value["warnings"] = one;
    std::string text;
    FlatObjectText o(&text, depth);
    o.String("path", "app/index.htm").StringArray("loads", several).StringArray("empty", none);
    FlatObjectText inner = o.Object("doc_mode");
    inner.String("built_for", "IE7").StringArray("evidence", one);
    inner.End();
    o.Object("nothing_inside").End();
    o.Null("library").StringArray("warnings", one);
    o.End();
    EXPECT_EQ(text, DumpAt(value, depth)) << "depth " << depth;
  }
}

// Doubles are formatted once per thread and value, then copied: values that share a cache
// slot or differ in the last bit still come out as a dump writes them.
TEST(FlatObjectText, RepeatedAndNearbyDoublesAsADump) {
  std::vector<double> values = {100.0, 12.0, 70.0, 0.1, 0.30000000000000004, 1e-5, 12.5, -0.0};
  for (int i = 0; i < 64; ++i) values.push_back(i * 1.5);
  values.push_back(std::nextafter(12.0, 13.0));
  for (int round = 0; round < 3; ++round) {
    for (double v : values) {
      std::string text;
      FlatObjectText(&text, 1).Double("priority_score", v).End();
      OrderedJson value = OrderedJson::object();
      value["priority_score"] = v;
      EXPECT_EQ(text, DumpAt(value, 1)) << v;
    }
  }
}

}  // namespace
}  // namespace iescan::report
