// FlatObjectText writes the same bytes as dumping a JSON value at the same depth, for the
// strings reports really hold: invalid UTF-8 from legacy files, control characters,
// quotes and backslashes, Japanese text, and doubles with one decimal.
#include <gtest/gtest.h>

#include <string>

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
      "lone continuation \x80\x80 end"};
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

TEST(FlatObjectText, EmptyObject) {
  std::string text;
  FlatObjectText(&text, 2).End();
  EXPECT_EQ(text, DumpAt(OrderedJson::object(), 2));
}

}  // namespace
}  // namespace iescan::report
