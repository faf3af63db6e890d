// End-to-end tests of `iescan scan` on small realistic trees: exact locations through
// encodings and embeddings, nothing from comments or strings, hostile files skipped with a
// reason while the other files' findings stay intact, deterministic output.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <fstream>
#include <set>
#include <string>

#include "tests/support/test_tree.h"

namespace iescan::testing {
namespace {

using nlohmann::json;

json ScanJson(const TempTree& tree, std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {"scan", ".", "--format", "json"};
  args.insert(args.end(), extra.begin(), extra.end());
  RunOutput r = RunIescan(args, tree.path());
  EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
  json j = json::parse(r.out, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << r.out;
  return j;
}

// (path:line:column rule) strings of every finding.
std::set<std::string> Locations(const json& report) {
  std::set<std::string> out;
  for (const json& f : report["findings"]) {
    out.insert(f["path"].get<std::string>() + ":" + std::to_string(f["line"].get<int>()) + ":" +
               std::to_string(f["column"].get<int>()) + " " + f["rule_id"].get<std::string>());
  }
  return out;
}

std::set<std::string> SkippedPaths(const json& report) {
  std::set<std::string> out;
  for (const json& s : report["skipped"]) out.insert(s["path"].get<std::string>());
  return out;
}

TEST(ScanE2E, VersionAndUsage) {
  RunOutput v = RunIescan({"--version"});
  EXPECT_EQ(v.exit_code, 0);
  EXPECT_EQ(v.out.rfind("iescan ", 0), 0u) << v.out;
  RunOutput bad = RunIescan({"scan", "/nonexistent/iescan-root"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("nonexistent"), std::string::npos) << bad.err;
  RunOutput flag = RunIescan({"scan", ".", "--no-such-flag"});
  EXPECT_EQ(flag.exit_code, 2);
}

TEST(ScanE2E, CommentsAndStringsProduceNothing) {
  TempTree tree;
  tree.Write("app/a.js",
             "// document.all is IE only; use getElementById\n"
             "/* el.attachEvent('onclick', f) */\n"
             "var msg = \"document.all and showModalDialog are gone\";\n"
             "var all = document.allowed;\n"
             "el.addEventListener('click', f);\n"
             "var x = document.all;\n");
  json report = ScanJson(tree);
  EXPECT_EQ(Locations(report), std::set<std::string>{"app/a.js:6:9 dom.document-all"});
}

TEST(ScanE2E, TextFormatLine) {
  TempTree tree;
  tree.Write("app/a.js", "var x = 1;\nel.attachEvent('onclick', go);\n");
  RunOutput r = RunIescan({"scan", ".", "--color", "never"}, tree.path());
  EXPECT_EQ(r.exit_code, 1) << r.err;  // a blocker finding fails the default gate
  EXPECT_NE(r.out.find("app/a.js:2:4: blocker: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("[events.attach-event]"), std::string::npos) << r.out;
  RunOutput none = RunIescan({"scan", ".", "--fail-on", "none", "-q"}, tree.path());
  EXPECT_EQ(none.exit_code, 0);
}

// Options before the path: each -o, --include or --exclude takes one value, so the path to
// scan is never read as an output file or a glob.
TEST(ScanE2E, RepeatableOptionsTakeOneValueEach) {
  TempTree tree;
  tree.Write("app/a.js", "el.attachEvent('onclick', go);\n");
  RunOutput r = RunIescan({"scan", "-o", "r.json", "--include", "*.js", "-o", "r.csv", "app",
                           "--fail-on", "none", "-q"},
                          tree.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  RunOutput check = RunIescan({"scan", "app", "--format", "json", "--fail-on", "none"},
                              tree.path());
  json direct = json::parse(check.out, nullptr, false);
  ASSERT_FALSE(direct.is_discarded());
  EXPECT_EQ(Locations(direct), (std::set<std::string>{"app/a.js:1:4 events.attach-event"}));
  std::ifstream csv(tree.path() + "/r.csv");
  EXPECT_TRUE(csv.good()) << "second -o was not written";
  std::ifstream written(tree.path() + "/r.json");
  json saved = json::parse(written, nullptr, false);
  ASSERT_FALSE(saved.is_discarded());
  EXPECT_EQ(saved["findings"].size(), 1u);
}

TEST(ScanE2E, DocumentWriteObjectFoundOnItsOwnLine) {
  TempTree tree;
  tree.Write("app/page.html",
             "<html><body>\n"
             "<script type=\"text/javascript\">\n"
             "var v = 1;\n"
             "document.write('<object id=\"pr\" classid=\"clsid:0F6A2C11-5B7E-4D1A-9C3B-2A51E0D4C7A9\"></object>');\n"
             "</script>\n"
             "</body></html>\n");
  json report = ScanJson(tree);
  EXPECT_EQ(Locations(report),
            std::set<std::string>{"app/page.html:4:17 activex.object-classid"});
}

TEST(ScanE2E, ShiftJisTrailByte5cKeepsLines) {
  TempTree tree;
  // var t = "表"; (0x95 0x5C) then document.all on line 3, CRLF line endings.
  std::string sjis =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">"
      "</head><body><script>\r\n"
      "var t = \"\x88\xea\x97\x97\x95\x5c\";\r\n"
      "var d = document.all;\r\n"
      "</script></body></html>\r\n";
  tree.Write("app/list.htm", sjis);
  json report = ScanJson(tree);
  EXPECT_EQ(Locations(report), std::set<std::string>{"app/list.htm:3:9 dom.document-all"});
  ASSERT_EQ(report["files"].size(), 1u);
  EXPECT_EQ(report["files"][0]["encoding"], "Shift_JIS");
}

TEST(ScanE2E, EucJpUtf16AndLineEndings) {
  TempTree tree;
  // EUC-JP: 日本 = 0xC6 0xFC 0xCB 0xDC
  tree.Write("app/euc.htm",
             "<html><head><meta charset=\"EUC-JP\"></head><body>\n"
             "<p>\xc6\xfc\xcb\xdc</p><script>var a = \"\xc6\xfc\xcb\xdc\"; el.attachEvent('onload', f);</script>\n"
             "</body></html>\n");
  // UTF-16LE with BOM, document.all on line 2, column 5.
  std::string utf16 = "\xff\xfe";
  for (char c : std::string("var\r\nx = document.all;\r\n")) {
    utf16.push_back(c);
    utf16.push_back('\0');
  }
  tree.Write("app/u16.js", utf16);
  // Lone CR line endings.
  tree.Write("app/cr.js", "var a = 1;\rvar b = 2;\rwindow.showModalDialog('x.htm');\r");
  json report = ScanJson(tree);
  EXPECT_EQ(Locations(report),
            (std::set<std::string>{"app/euc.htm:2:35 events.attach-event",
                                   "app/u16.js:2:5 dom.document-all",
                                   "app/cr.js:3:8 windows.show-modal-dialog"}));
}

TEST(ScanE2E, HostileFilesAreSkippedAndOthersIntact) {
  TempTree tree;
  std::string deep;
  for (int i = 0; i < 200000; ++i) deep += "<div>";
  deep += "<script>document.all</script>";
  tree.Write("app/deep.htm", deep);
  constexpr char kBinary[] = "<html>\0\0\0\x01\x02" "binary";
  std::string binary(kBinary, sizeof(kBinary) - 1);
  tree.Write("app/image.htm", binary);
  tree.Write("app/empty.html", "");
  tree.Write("app/bad-utf8.js", "var s = \"\xff\xfe\xc3\"; var d = document.all;\n");
  tree.Write("app/good.js", "el.attachEvent('onclick', go);\n");
  json report = ScanJson(tree);
  std::set<std::string> locations = Locations(report);
  EXPECT_TRUE(locations.count("app/good.js:1:4 events.attach-event")) << report.dump(1);
  EXPECT_TRUE(locations.count("app/bad-utf8.js:1:24 dom.document-all")) << report.dump(1);
  std::set<std::string> skipped = SkippedPaths(report);
  EXPECT_TRUE(skipped.count("app/deep.htm")) << report.dump(1);
  EXPECT_TRUE(skipped.count("app/image.htm")) << report.dump(1);
  for (const json& s : report["skipped"]) {
    EXPECT_FALSE(s["reason"].get<std::string>().empty());
  }
  bool empty_listed = false;
  for (const json& f : report["files"]) empty_listed |= f["path"] == "app/empty.html";
  EXPECT_TRUE(empty_listed) << "an empty file is scanned (and clean), not lost";
}

TEST(ScanE2E, OutputIsIdenticalWhateverTheThreadCount) {
  std::string corpus = std::string(IESCAN_SOURCE_DIR) + "/corpus";
  RunOutput one = RunIescan({"scan", corpus, "--format", "json", "--jobs", "1"});
  RunOutput two = RunIescan({"scan", corpus, "--format", "json", "--jobs", "2"});
  RunOutput eight = RunIescan({"scan", corpus, "--format", "json", "--jobs", "8"});
  ASSERT_FALSE(one.out.empty());
  EXPECT_EQ(one.out, two.out);
  EXPECT_EQ(one.out, eight.out);
}

TEST(ScanE2E, RulesAndExplain) {
  RunOutput rules = RunIescan({"rules", "--format", "json"});
  ASSERT_EQ(rules.exit_code, 0) << rules.err;
  json list = json::parse(rules.out, nullptr, false);
  ASSERT_TRUE(list.is_array());
  EXPECT_GE(list.size(), 150u);
  for (const auto& rule : list) {
    EXPECT_FALSE(rule["prefilter"].empty()) << rule["id"];  // bench/ derives rg patterns from it
  }
  RunOutput explain = RunIescan({"explain", "dom.document-all"});
  EXPECT_EQ(explain.exit_code, 0);
  EXPECT_NE(explain.out.find("## Replacement"), std::string::npos);
  RunOutput unknown = RunIescan({"explain", "no.such-rule"});
  EXPECT_EQ(unknown.exit_code, 2);
}

}  // namespace
}  // namespace iescan::testing
