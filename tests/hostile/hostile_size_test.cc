// Hostile sizes: a 200 MB single-line file, a file too large for the memory the process
// may use, a million nested elements, an element with 100,000 attributes. Each ends in
// findings or a skip with a reason, within a stated wall-clock budget, and the control file
// beside it keeps its finding.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <string>
#include <vector>

#include "tests/hostile/hostile_util.h"

namespace iescan::hostile {
namespace {

using std::chrono::seconds;

constexpr const char* kControl = "control/ok.html:1:29 dom.document-all";

// A minified bundle of about 200 MB on one line: code, a 200 MiB inline data string, code.
TEST(HostileSize, TwoHundredMegabyteSingleLine) {
  Scratch tree;
  tree.WriteControl();
  const std::string head = "document.all; var data = \"";
  const std::string tail = "\"; el.attachEvent(\"onclick\", f);";
  std::string chunk;
  while (chunk.size() < (1u << 20)) chunk += "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0123456789+/";
  chunk.resize(1u << 20);
  std::ofstream f(tree.Write("bundle/app.min.js", ""), std::ios::binary | std::ios::trunc);
  f << head;
  for (int i = 0; i < 200; ++i) f.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
  f << tail;
  f.close();
  // The finding points at "attachEvent", 7 characters into the tail ("; el.).
  const uint64_t tail_column = head.size() + 200ull * chunk.size() + 7;

  RunResult run;
  // Budget: 300 s (about 45 s in a release build on 2 cores; slower under sanitizers).
  auto report = ScanJson(tree, seconds(300), {"--max-file-size", "256MiB", "-j", "2"}, &run);
  std::printf("[ measure ] 200 MB single line scanned in %.1f s\n", run.seconds);
  auto findings = Findings(report);
  EXPECT_PRED2(Has, findings, ("bundle/app.min.js:1:1 dom.document-all"));
  EXPECT_PRED2(Has, findings, ("bundle/app.min.js:1:" + std::to_string(tail_column) +
                                 " events.attach-event"));
  EXPECT_PRED2(Has, findings, (kControl));
}

// Memory runs out on one file: with the process's address space limited, as `ulimit -v`
// or a container's limit does, a file too large to scan within it is skipped with the
// reason, and the scan ends normally with the other files' findings (before, the first
// std::bad_alloc ended the process and every result was lost).
TEST(HostileSize, OutOfMemoryOnOneFileSkipsThatFileOnly) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "AddressSanitizer maps terabytes of shadow memory: an address-space limit "
                  "stops it from starting, so this runs in the release build only";
#else
  Scratch tree;
  tree.WriteControl();
  // 150 MiB of minified code on one line; scanning it needs about 330 MB resident and more
  // address space, far past the limit.
  std::string chunk;
  while (chunk.size() < (1u << 20)) chunk += "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0123456789+/";
  chunk.resize(1u << 20);
  std::ofstream f(tree.Write("bundle/huge.min.js", ""), std::ios::binary | std::ios::trunc);
  f << "document.all; var data = \"";
  for (int i = 0; i < 150; ++i) f.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
  f << "\"; el.attachEvent(\"onclick\", f);";
  f.close();
  tree.Write("small/page.html", "<html><body onload=\"window.attachEvent('onunload', f)\">\n");

  for (const char* jobs : {"1", "2"}) {
    SCOPED_TRACE(std::string("-j") + jobs);
    // 400 MiB: room for the program and the small files, not for the huge one.
    RunResult run = testing::RunIescan({"scan", ".", "--format", "json", "--max-file-size",
                                        "256MiB", "-j", jobs},
                                       tree.path(), seconds(120), uint64_t{400} << 20);
    ASSERT_FALSE(run.timed_out);
    ASSERT_TRUE(run.exit_code == 0 || run.exit_code == 1) << "exit " << run.exit_code << "\n"
                                                          << run.err.substr(0, 2000);
    nlohmann::json report = nlohmann::json::parse(run.out, nullptr, false);
    ASSERT_FALSE(report.is_discarded()) << run.out.substr(0, 2000);
    EXPECT_EQ(SkipReason(report, "bundle/huge.min.js"),
              "ran out of memory while scanning this file; not scanned");
    const std::vector<std::string> findings = Findings(report);
    EXPECT_PRED2(Has, findings, (kControl));
    EXPECT_PRED2(Has, findings, ("small/page.html:1:28 events.attach-event"));
    EXPECT_TRUE(Scanned(report, "small/page.html"));
    EXPECT_FALSE(Scanned(report, "bundle/huge.min.js"));
  }
#endif
}

TEST(HostileSize, MillionNestedElements) {
  Scratch tree;
  tree.WriteControl();
  std::string page = "<html><body>";
  page.reserve(12'000'000);
  for (int i = 0; i < 1'000'000; ++i) page += "<div>";
  page += "x";
  for (int i = 0; i < 1'000'000; ++i) page += "</div>";
  page += "</body></html>\n";
  tree.Write("deep/nest.html", page);
  RunResult run;
  auto report = ScanJson(tree, seconds(60), {}, &run);  // about 2 s in a release build
  std::printf("[ measure ] a million nested elements in %.1f s\n", run.seconds);
  EXPECT_EQ(SkipReason(report, "deep/nest.html"),
            "markup nests deeper than 4000 elements (about 1000002); not parsed");
  EXPECT_PRED2(Has, Findings(report), (kControl));
}

TEST(HostileSize, HundredThousandAttributes) {
  Scratch tree;
  tree.WriteControl();
  std::string page = "<html><body><div";
  for (int i = 0; i < 100'000; ++i) page += " a" + std::to_string(i) + "=\"v\"";
  page += " onclick=\"document.all.x.click()\"></div></body></html>\n";
  tree.Write("wide/attrs.html", page);
  RunResult run;
  auto report = ScanJson(tree, seconds(60), {}, &run);
  std::printf("[ measure ] 100,000 attributes in %.1f s\n", run.seconds);
  // Either the handler is found (on line 1, after the 100,000 attributes) or the file is
  // skipped with a reason; nothing else.
  const std::string reason = SkipReason(report, "wide/attrs.html");
  bool found = false;
  for (const std::string& f : Findings(report)) {
    if (f.rfind("wide/attrs.html:1:", 0) == 0 && f.find(" dom.document-all") != std::string::npos)
      found = true;
  }
  EXPECT_TRUE(found || !reason.empty()) << report.dump(1).substr(0, 2000);
  EXPECT_PRED2(Has, Findings(report), (kControl));
}

}  // namespace
}  // namespace iescan::hostile
