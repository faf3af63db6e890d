// Hostile trees: symlink loops and links leaving the root, file names with newlines,
// quotes and markup, unreadable entries. Each ends in findings or a skip with a reason;
// the control file keeps its finding.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>

#include "tests/hostile/hostile_util.h"

namespace iescan::hostile {
namespace {

namespace fs = std::filesystem;
using std::chrono::seconds;

constexpr const char* kControl = "control/ok.html:1:29 dom.document-all";
constexpr const char* kNotFollowed = "symbolic link not followed (use --follow-symlinks)";

TEST(HostileTree, SymlinksAreNotFollowedByDefault) {
  Scratch tree;
  tree.WriteControl();
  Scratch outside;
  outside.Write("secret/page.html", "<script>document.all</script>\n");
  tree.Write("loop/a.js", "document.all;\n");
  fs::create_directory_symlink("..", tree.path() + "/loop/up");
  fs::create_directory_symlink(tree.path() + "/loop", tree.path() + "/loop/self");
  fs::create_directory_symlink(outside.path() + "/secret", tree.path() + "/escape");
  fs::create_symlink(outside.path() + "/secret/page.html", tree.path() + "/link.html");
  auto report = ScanJson(tree, seconds(60));
  EXPECT_EQ(SkipReason(report, "loop/up"), kNotFollowed);
  EXPECT_EQ(SkipReason(report, "loop/self"), kNotFollowed);
  EXPECT_EQ(SkipReason(report, "escape"), kNotFollowed);
  EXPECT_EQ(SkipReason(report, "link.html"), kNotFollowed);
  auto findings = Findings(report);
  EXPECT_PRED2(Has, findings, std::string("loop/a.js:1:1 dom.document-all"));
  EXPECT_PRED2(Has, findings, kControl);
  EXPECT_EQ(findings.size(), 2u) << report["findings"].dump(1);
}

TEST(HostileTree, FollowedSymlinkLoopsTerminate) {
  Scratch tree;
  tree.WriteControl();
  tree.Write("loop/a.js", "document.all;\n");
  fs::create_directory_symlink("..", tree.path() + "/loop/up");
  fs::create_directory_symlink(tree.path() + "/loop", tree.path() + "/loop/self");
  auto report = ScanJson(tree, seconds(60), {"--follow-symlinks"});
  EXPECT_EQ(SkipReason(report, "loop/self"), "symbolic link to an already walked directory");
  EXPECT_EQ(SkipReason(report, "loop/up"), "symbolic link to an already walked directory");
  auto findings = Findings(report);
  EXPECT_PRED2(Has, findings, std::string("loop/a.js:1:1 dom.document-all"));
  EXPECT_PRED2(Has, findings, kControl);
  EXPECT_EQ(findings.size(), 2u) << report["findings"].dump(1);
}

TEST(HostileTree, NamesWithNewlinesQuotesAndMarkup) {
  Scratch tree;
  tree.WriteControl();
  const std::string newline = "odd/new\nline.js";
  const std::string markup = "odd/<script>alert(\"x'y\")<\\script>.js";
  tree.Write(newline, "document.all;\n");
  tree.Write(markup, "document.all;\n");
  RunResult run;
  auto report = ScanJson(tree, seconds(60), {}, &run);
  auto findings = Findings(report);
  EXPECT_PRED2(Has, findings, newline + ":1:1 dom.document-all");
  EXPECT_PRED2(Has, findings, markup + ":1:1 dom.document-all");
  EXPECT_PRED2(Has, findings, kControl);
  // The raw JSON carries the names escaped: no raw newline inside a string, quotes escaped.
  EXPECT_NE(run.out.find("\"odd/new\\nline.js\""), std::string::npos);
  EXPECT_NE(run.out.find("odd/<script>alert(\\\"x'y\\\")<\\\\script>.js"), std::string::npos);
  // Markup-carrying reports never carry the name as live markup.
  for (const char* format : {"junit", "markdown"}) {
    RunResult other = RunWithBudget({"scan", ".", "--format", format}, tree.path(), seconds(60));
    EXPECT_TRUE(other.exit_code == 0 || other.exit_code == 1) << format << "\n" << other.err;
    EXPECT_EQ(other.out.find("<script>alert("), std::string::npos) << format;
    EXPECT_NE(other.out.find("&lt;script&gt;alert("), std::string::npos) << format;
  }
}

TEST(HostileTree, UnreadableEntries) {
  Scratch tree;
  tree.WriteControl();
  tree.Write("pipe/keep.txt", "");
  ASSERT_EQ(mkfifo((tree.path() + "/pipe/page.html").c_str(), 0600), 0);
  tree.Write("locked/a.js", "document.all;\n");
  ASSERT_EQ(chmod((tree.path() + "/locked/a.js").c_str(), 0), 0);
  ASSERT_EQ(chmod((tree.path() + "/locked").c_str(), 0), 0);
  auto report = ScanJson(tree, seconds(60));
  // A FIFO is never opened (opening it would block).
  EXPECT_EQ(SkipReason(report, "pipe/page.html"), "not a regular file (named pipe)");
  auto findings = Findings(report);
  if (geteuid() == 0) {
    // Root reads through missing permissions: the file is scanned like any other.
    EXPECT_PRED2(Has, findings, std::string("locked/a.js:1:1 dom.document-all"));
  } else {
    EXPECT_FALSE(SkipReason(report, "locked").empty()) << report["skipped"].dump(1);
  }
  EXPECT_PRED2(Has, findings, kControl);
}

}  // namespace
}  // namespace iescan::hostile
