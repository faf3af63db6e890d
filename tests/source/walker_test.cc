// ListFiles on real temporary trees: ignore files, globs, VCS directories, kinds, size
// caps, symbolic links, odd names, special files and determinism across thread counts.

#include "scanner/source/walker.h"

#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "tests/source/temp_tree.h"

namespace iescan::scanner {
namespace {

using testing::Below;
using testing::SkippedBelow;
using testing::TempTree;
using Strings = std::vector<std::string>;

constexpr const char* kPage = "<html><body>x</body></html>\n";

FileList MustList(const Strings& roots, const WalkOptions& options = {}) {
  Result<FileList> list = ListFiles(roots, options);
  EXPECT_TRUE(list.ok()) << list.status().message();
  return list.ok() ? std::move(list).value() : FileList{};
}

TEST(ListFilesTest, NestedGitignoreWithNegationDirectoriesAnchorsAndDoubleStar) {
  TempTree tree;
  tree.Write(".gitignore",
             "# build output\n"
             "build/\n"
             "!build/keep.js\n"
             "*.min.js\n"
             "!keep.min.js\n"
             "/top.html\n"
             "docs/**/draft.htm\n"
             "generated\n");
  for (const char* file :
       {"index.html", "index.htm", "top.html", "sub/top.html", "build/app.js", "build/keep.js",
        "sub/build/app.js", "lib/jquery.min.js", "lib/keep.min.js", "lib/app.js",
        "docs/draft.htm", "docs/a/b/draft.htm", "docs/final.htm", "other/docs/draft.htm",
        "generated/x.js", "sub/page.htm", "sub/keep.htm", "sub/deeper/old.htm"}) {
    tree.Write(file, kPage);
  }
  tree.Write("lib/build", "<!DOCTYPE html>\n<p>a file named like an ignored directory\n");
  tree.Write("build/.gitignore", "!*\n");  // never read: its directory is excluded
  tree.Write("sub/.gitignore", "*.htm\n!keep.htm\n!build/\n");

  FileList list = MustList({tree.path()});
  EXPECT_EQ(Below(list, tree.path()),
            (Strings{"docs/final.htm", "index.htm", "index.html", "lib/app.js", "lib/build",
                     "lib/keep.min.js", "other/docs/draft.htm", "sub/build/app.js",
                     "sub/keep.htm", "sub/top.html"}));
  EXPECT_TRUE(list.skipped.empty());
  EXPECT_EQ(list.ignored, 2u);  // the two .gitignore files that were walked
  EXPECT_EQ(list.files[4].kind.kind, FileKind::kHtml);

  WalkOptions no_ignore;
  no_ignore.use_ignore_files = false;
  EXPECT_EQ(MustList({tree.path()}, no_ignore).files.size(), 19u);
}

TEST(ListFilesTest, IescanignoreTakesPrecedenceOverGitignore) {
  TempTree tree;
  tree.Write(".gitignore", "*.js\n");
  tree.Write(".iescanignore", "!vendor.js\nlegacy/\n");
  for (const char* file : {"app.js", "vendor.js", "legacy/old.html", "a.html", "sub/vendor.js"}) {
    tree.Write(file, kPage);
  }
  FileList list = MustList({tree.path()});
  EXPECT_EQ(Below(list, tree.path()), (Strings{"a.html", "sub/vendor.js", "vendor.js"}));
}

TEST(ListFilesTest, IncludeAndExcludeGlobs) {
  TempTree tree;
  for (const char* file :
       {"apps/hr/index.jsp", "apps/hr/test/t.js", "apps/hr/lib/a.min.js", "apps/fin/index.jsp",
        "apps/fin/x.vbs", "tools/run.vbs", "keep.css", "other.css"}) {
    tree.Write(file, kPage);
  }
  tree.Write(".gitignore", "*.css\n");
  WalkOptions options;
  options.include = {"apps/hr/", "*.vbs", "*.css"};
  options.exclude = {"**/test/**", "*.min.js", "!keep.css"};
  FileList list = MustList({tree.path()}, options);
  EXPECT_EQ(Below(list, tree.path()),
            (Strings{"apps/fin/x.vbs", "apps/hr/index.jsp", "keep.css", "tools/run.vbs"}));
}

TEST(ListFilesTest, VcsDirectoriesAreSkippedAndInfoExcludeApplies) {
  TempTree tree;
  for (const char* file : {".git/hooks/x.js", ".git/y.html", ".svn/a.html", ".hg/b.html",
                           "CVS/c.html", "sub/CVS/d.html", "a.html", "secret.html",
                           "sub/secret.html", "sub/open.html"}) {
    tree.Write(file, kPage);
  }
  tree.Write(".git/info/exclude", "# local\nsecret.html\n");
  FileList list = MustList({tree.path()});
  EXPECT_EQ(Below(list, tree.path()), (Strings{"a.html", "sub/open.html"}));
  EXPECT_EQ(list.ignored, 0u);
}

TEST(ListFilesTest, SizeCapGivesSkippedWithReason) {
  TempTree tree;
  tree.Write("small.html", std::string(100, 'a'));
  tree.Write("big.html", std::string(150, 'a'));
  tree.Write("huge.js", "");
  ASSERT_EQ(truncate(tree.Abs("huge.js").c_str(), 40ll << 20), 0);  // sparse
  tree.Write("edge.js", "");
  ASSERT_EQ(truncate(tree.Abs("edge.js").c_str(), (32ll << 20) + 1), 0);

  FileList list = MustList({tree.path()});
  EXPECT_EQ(Below(list, tree.path()), (Strings{"big.html", "small.html"}));
  EXPECT_EQ(SkippedBelow(list, tree.path()),
            (Strings{"edge.js: larger than --max-file-size (33554433 bytes > 33554432 bytes)",
                     "huge.js: larger than --max-file-size (40.0 MiB > 32.0 MiB)"}));

  WalkOptions options;
  options.max_file_size = 100;
  list = MustList({tree.path()}, options);
  EXPECT_EQ(Below(list, tree.path()), (Strings{"small.html"}));
  EXPECT_EQ(list.files[0].size, 100u);
  EXPECT_EQ(SkippedBelow(list, tree.path()),
            (Strings{"big.html: larger than --max-file-size (150 B > 100 B)",
                     "edge.js: larger than --max-file-size (32.0 MiB > 100 B)",
                     "huge.js: larger than --max-file-size (40.0 MiB > 100 B)"}));
}

TEST(ListFilesTest, ExtensionlessFilesAreSniffedOthersCounted) {
  TempTree tree;
  tree.Write("page", "\n  <!DOCTYPE html>\n<html>");
  tree.Write("report", std::string("\xFF\xFE<\0h\0t\0m\0l\0>\0", 14));
  tree.Write("default", "<%@ LANGUAGE=\"VBSCRIPT\" %>\n");
  tree.Write("README", "Plain text.\n");
  tree.Write("empty", "");
  tree.Write(".htaccess", "<Files x>\n");
  tree.Write("notes.txt", kPage);
  tree.Write("logo.png", "\x89PNG");
  FileList list = MustList({tree.path()});
  EXPECT_EQ(Below(list, tree.path()), (Strings{"default", "page", "report"}));
  EXPECT_EQ(list.files[0].kind.server, ServerDialect::kAsp);
  EXPECT_EQ(list.files[1].kind.kind, FileKind::kHtml);
  EXPECT_EQ(list.files[2].kind.kind, FileKind::kHtml);
  EXPECT_EQ(list.ignored, 5u);

  WalkOptions options;
  options.include_unknown_kinds = true;
  list = MustList({tree.path()}, options);
  EXPECT_EQ(Below(list, tree.path()),
            (Strings{".htaccess", "README", "default", "empty", "logo.png", "notes.txt", "page",
                     "report"}));
  EXPECT_EQ(list.files[5].kind.kind, FileKind::kHtml);     // notes.txt holds a page
  EXPECT_EQ(list.files[4].kind.kind, FileKind::kUnknown);  // logo.png
  EXPECT_EQ(list.ignored, 0u);
}

TEST(ListFilesTest, SymbolicLinksAreReportedNotFollowedByDefault) {
  TempTree tree;
  tree.Write("real.html", kPage);
  tree.Write("sub/inner.js", kPage);
  tree.Link("real.html", "link.html");
  tree.Link("sub", "linkdir");
  tree.Link("real.html", "tool");         // no extension: cannot tell, counted
  tree.Link("real.html", "notes.txt");    // unknown kind: counted
  tree.Link("missing.html", "gone.html");
  tree.Write(".gitignore", "ignored-link.html\n");
  tree.Link("real.html", "ignored-link.html");

  FileList list = MustList({tree.path()});
  EXPECT_EQ(Below(list, tree.path()), (Strings{"real.html", "sub/inner.js"}));
  EXPECT_EQ(SkippedBelow(list, tree.path()),
            (Strings{"gone.html: symbolic link not followed (use --follow-symlinks)",
                     "link.html: symbolic link not followed (use --follow-symlinks)",
                     "linkdir: symbolic link not followed (use --follow-symlinks)"}));
  EXPECT_EQ(list.ignored, 3u);  // tool, notes.txt, .gitignore
}

TEST(ListFilesTest, FollowedLinksTerminateOnLoopsAndListEachFileOnce) {
  TempTree tree;
  TempTree outside;
  outside.Write("shared/x.html", kPage);
  tree.Write("a/page.html", kPage);
  tree.Link("..", "a/loop");
  tree.Link(".", "self");
  tree.Link("a", "b");
  tree.Link(outside.Abs("shared"), "ext");
  tree.Link(outside.Abs("shared"), "ext2");
  tree.Link("a/page.html", "alias.html");
  tree.Link("missing.html", "gone.html");

  WalkOptions options;
  options.follow_symlinks = true;
  FileList list = MustList({tree.path()}, options);
  EXPECT_EQ(Below(list, tree.path()), (Strings{"a/page.html", "ext/x.html"}));
  EXPECT_EQ(SkippedBelow(list, tree.path()),
            (Strings{"a/loop: symbolic link to an already walked directory",
                     "b: symbolic link to an already walked directory",
                     "ext2: symbolic link to an already walked directory",
                     "gone.html: broken symbolic link (No such file or directory)",
                     "self: symbolic link to an already walked directory"}));
  EXPECT_EQ(list.files[1].origin.fs_path, tree.path() + "/ext/x.html");
}

TEST(ListFilesTest, NamesWithNewlinesQuotesAndMarkupAreJustBytes) {
  TempTree tree;
  const std::string name = "we\"ird\n<b>'name' &amp;.html";
  tree.Write("dir <x>/" + name, kPage);
  FileList list = MustList({tree.path()});
  ASSERT_EQ(Below(list, tree.path()), (Strings{"dir <x>/" + name}));
  Result<Blob> blob = ReadBlob(list.files[0], 1 << 20);
  ASSERT_TRUE(blob.ok()) << blob.status().message();
  EXPECT_EQ(blob->bytes, kPage);
}

TEST(ListFilesTest, SpecialAndUnreadableEntries) {
  TempTree tree;
  ASSERT_EQ(mkfifo(tree.Abs("feed.html").c_str(), 0600), 0);
  ASSERT_EQ(mkfifo(tree.Abs("pipe").c_str(), 0600), 0);  // no extension, cannot sniff
  tree.Write("locked.htm", kPage);
  ASSERT_EQ(chmod(tree.Abs("locked.htm").c_str(), 0), 0);
  tree.Write("private/inside.html", kPage);
  ASSERT_EQ(chmod(tree.Abs("private").c_str(), 0), 0);

  FileList list = MustList({tree.path()});
  if (geteuid() == 0) {
    // Permissions do not deny the superuser: both are listed and readable.
    EXPECT_EQ(Below(list, tree.path()), (Strings{"locked.htm", "private/inside.html"}));
    EXPECT_EQ(SkippedBelow(list, tree.path()),
              (Strings{"feed.html: not a regular file (named pipe)"}));
    Result<Blob> blob = ReadBlob(list.files[0], 1 << 20);
    ASSERT_TRUE(blob.ok()) << blob.status().message();
    EXPECT_EQ(blob->bytes, kPage);
  } else {
    EXPECT_EQ(Below(list, tree.path()), (Strings{"locked.htm"}));
    EXPECT_EQ(SkippedBelow(list, tree.path()),
              (Strings{"feed.html: not a regular file (named pipe)",
                       "private: unreadable directory (Permission denied)"}));
    Result<Blob> blob = ReadBlob(list.files[0], 1 << 20);
    ASSERT_FALSE(blob.ok());
    EXPECT_EQ(blob.status().message(), "unreadable file (Permission denied)");
  }
  EXPECT_EQ(list.ignored, 1u);  // the extension-less pipe

  // Reading a pipe is refused at once instead of blocking.
  SourceFile fifo;
  fifo.origin.fs_path = tree.Abs("feed.html");
  Result<Blob> blob = ReadBlob(fifo, 1 << 20);
  ASSERT_FALSE(blob.ok());
  EXPECT_EQ(blob.status().message(), "not a regular file (named pipe)");
}

TEST(ListFilesTest, NestingBeyondTheDepthBudgetIsSkipped) {
  TempTree tree;
  std::string dir;
  for (int depth = 1; depth <= 257; ++depth) dir += depth == 1 ? "a" : "/a";
  const std::string deepest_listed = dir.substr(0, dir.size() - 2);  // depth 256
  tree.Write(deepest_listed + "/ok.html", kPage);
  tree.Write(dir + "/too-deep.html", kPage);
  FileList list = MustList({tree.path()});
  EXPECT_EQ(Below(list, tree.path()), (Strings{deepest_listed + "/ok.html"}));
  EXPECT_EQ(SkippedBelow(list, tree.path()),
            (Strings{dir + ": directory nested more than 256 levels deep"}));
}

// A tree with nested ignore files, links followed and a few hundred directories.
void BuildBusyTree(const TempTree& tree) {
  for (int a = 0; a < 12; ++a) {
    for (int b = 0; b < 12; ++b) {
      std::string dir = "d" + std::to_string(a) + "/e" + std::to_string(b);
      for (int c = 0; c < 6; ++c) {
        const char* ext = c % 3 == 0 ? ".html" : c % 3 == 1 ? ".js" : ".txt";
        tree.Write(dir + "/f" + std::to_string(c) + ext, kPage);
      }
      if (b % 5 == 0) tree.Write(dir + "/.gitignore", "f1.js\n");
    }
    tree.Link("../d" + std::to_string((a + 1) % 12), "d" + std::to_string(a) + "/next");
  }
  tree.Write(".iescanignore", "d3/\n");
}

TEST(ListFilesTest, SameListWhateverTheThreadCount) {
  TempTree tree;
  BuildBusyTree(tree);
  WalkOptions options;
  options.follow_symlinks = true;
  options.threads = 1;
  FileList one = MustList({tree.path()}, options);
  // d3 is excluded by name, yet reached through the link d2/next, which is not.
  EXPECT_EQ(one.files.size(), 12u * 12 * 4 - 12 * 3);
  EXPECT_EQ(one.files[0].origin.display, tree.path() + "/d0/e0/f0.html");
  const Strings shown = Below(one, tree.path());
  EXPECT_EQ(shown[225], "d2/next/e0/f0.html");  // after d0, d1, d10, d11 and d2's own files
  EXPECT_EQ(std::count(shown.begin(), shown.end(), "d3/e0/f0.html"), 0);
  for (int run = 0; run < 3; ++run) {
    options.threads = 4;
    FileList four = MustList({tree.path()}, options);
    EXPECT_EQ(Below(four, tree.path()), Below(one, tree.path()));
    EXPECT_EQ(SkippedBelow(four, tree.path()), SkippedBelow(one, tree.path()));
    EXPECT_EQ(four.ignored, one.ignored);
  }
}

}  // namespace
}  // namespace iescan::scanner
