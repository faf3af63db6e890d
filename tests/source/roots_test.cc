// How roots become display paths, file roots, missing roots and overlapping roots.

#include <unistd.h>

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "scanner/source/walker.h"
#include "tests/source/temp_tree.h"

namespace iescan::scanner {
namespace {

using testing::TempTree;
using Strings = std::vector<std::string>;

constexpr const char* kPage = "<html></html>\n";

// Runs the test body inside a directory and returns to where it was.
class ScopedChdir {
 public:
  explicit ScopedChdir(const std::string& to) : from_(getcwd(nullptr, 0)) {
    EXPECT_EQ(chdir(to.c_str()), 0);
  }
  ~ScopedChdir() {
    if (from_ != nullptr) {
      EXPECT_EQ(chdir(from_), 0);
    }
    free(from_);
  }
  ScopedChdir(const ScopedChdir&) = delete;
  ScopedChdir& operator=(const ScopedChdir&) = delete;

 private:
  char* from_;
};

Strings Displays(const Result<FileList>& list) {
  Strings out;
  EXPECT_TRUE(list.ok()) << list.status().message();
  if (!list.ok()) return out;
  for (const SourceFile& file : list->files) out.push_back(file.origin.display);
  return out;
}

class RootsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    tree_.Write("corpus/apps/hr/index.jsp", kPage);
    tree_.Write("corpus/x.html", kPage);
  }
  TempTree tree_;
};

TEST_F(RootsTest, DisplayJoinsTheRootAsGivenWithSlashes) {
  ScopedChdir here(tree_.path());
  EXPECT_EQ(Displays(ListFiles({"corpus/"}, {})),
            (Strings{"corpus/apps/hr/index.jsp", "corpus/x.html"}));
  EXPECT_EQ(Displays(ListFiles({"corpus//"}, {})),
            (Strings{"corpus/apps/hr/index.jsp", "corpus/x.html"}));
  EXPECT_EQ(Displays(ListFiles({"./corpus"}, {})),
            (Strings{"corpus/apps/hr/index.jsp", "corpus/x.html"}));
  EXPECT_EQ(Displays(ListFiles({"corpus/apps"}, {})), (Strings{"corpus/apps/hr/index.jsp"}));
  ScopedChdir inside("corpus");
  EXPECT_EQ(Displays(ListFiles({"."}, {})), (Strings{"apps/hr/index.jsp", "x.html"}));
  EXPECT_EQ(Displays(ListFiles({"./"}, {})), (Strings{"apps/hr/index.jsp", "x.html"}));
  EXPECT_EQ(Displays(ListFiles({"../corpus"}, {})),
            (Strings{"../corpus/apps/hr/index.jsp", "../corpus/x.html"}));
}

TEST_F(RootsTest, OriginCarriesPathToOpenAndRoot) {
  ScopedChdir here(tree_.path());
  Result<FileList> list = ListFiles({"./corpus/"}, {});
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->files.size(), 2u);
  const Origin& origin = list->files[0].origin;
  EXPECT_EQ(origin.display, "corpus/apps/hr/index.jsp");
  EXPECT_EQ(origin.fs_path, "./corpus/apps/hr/index.jsp");
  EXPECT_EQ(origin.root, "./corpus/");
  EXPECT_FALSE(origin.is_url);
  EXPECT_EQ(list->files[0].kind.server, ServerDialect::kJsp);
  EXPECT_EQ(list->files[0].size, 14u);
}

// The walk leaves out what a file's origin shares with its root or its display path (the
// root as given; a path to open that is the display path); the list has both, per root.
TEST_F(RootsTest, EveryRootsFilesCarryTheirRootAndPathToOpen) {
  ScopedChdir here(tree_.path());
  const std::string absolute = tree_.path() + "/corpus/apps";
  Result<FileList> list = ListFiles({absolute, "corpus/x.html"}, {});
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->files.size(), 2u);
  const Origin& in_absolute = list->files[0].origin;
  EXPECT_EQ(in_absolute.display, absolute + "/hr/index.jsp");
  EXPECT_EQ(in_absolute.fs_path, absolute + "/hr/index.jsp");
  EXPECT_EQ(in_absolute.root, absolute);
  const Origin& named = list->files[1].origin;
  EXPECT_EQ(named.display, "corpus/x.html");
  EXPECT_EQ(named.fs_path, "corpus/x.html");
  EXPECT_EQ(named.root, "corpus/x.html");
  Result<FileList> relative = ListFiles({"corpus/apps"}, {});
  ASSERT_TRUE(relative.ok());
  ASSERT_EQ(relative->files.size(), 1u);
  EXPECT_EQ(relative->files[0].origin.display, "corpus/apps/hr/index.jsp");
  EXPECT_EQ(relative->files[0].origin.fs_path, "corpus/apps/hr/index.jsp");
  EXPECT_EQ(relative->files[0].origin.root, "corpus/apps");
}

TEST_F(RootsTest, FileRootIsListedAsGivenWhateverTheIgnoreRules) {
  ScopedChdir here(tree_.path());
  tree_.Write("corpus/.gitignore", "*.html\n");
  tree_.Write("corpus/saved-page", "<!doctype html><title>t</title>");
  tree_.Write("corpus/notes.txt", "<html>");
  tree_.Write("corpus/other.txt", "plain");
  EXPECT_EQ(Displays(ListFiles({"corpus"}, {})),
            (Strings{"corpus/apps/hr/index.jsp", "corpus/saved-page"}));
  Result<FileList> list =
      ListFiles({"corpus/x.html", "./corpus/saved-page", "corpus/notes.txt",
                 "corpus/other.txt"},
                {});
  EXPECT_EQ(Displays(list), (Strings{"corpus/notes.txt", "corpus/saved-page", "corpus/x.html"}));
  ASSERT_EQ(list->skipped.size(), 1u);
  EXPECT_EQ(list->skipped[0].origin, "corpus/other.txt");
  EXPECT_EQ(list->skipped[0].reason,
            "unknown file kind (not a web page, script, style sheet or XML file)");
  EXPECT_EQ(list->files[1].origin.fs_path, "./corpus/saved-page");
}

TEST_F(RootsTest, MissingRootIsAnError) {
  ScopedChdir here(tree_.path());
  Result<FileList> list = ListFiles({"corpus", "no/such/dir"}, {});
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.status().message(), "no such file or directory: no/such/dir");
  list = ListFiles({"corpus/x.html/inner"}, {});
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.status().message(), "no such file or directory: corpus/x.html/inner");
}

TEST_F(RootsTest, OverlappingRootsListEachFileOnce) {
  ScopedChdir here(tree_.path());
  EXPECT_EQ(Displays(ListFiles({"corpus", "./corpus/", "corpus/apps"}, {})),
            (Strings{"corpus/apps/hr/index.jsp", "corpus/x.html"}));
  // The first root given wins for a file it also holds.
  EXPECT_EQ(Displays(ListFiles({"corpus/apps", tree_.path() + "/corpus"}, {})),
            (Strings{tree_.path() + "/corpus/x.html", "corpus/apps/hr/index.jsp"}));
  WalkOptions follow;
  follow.follow_symlinks = true;
  EXPECT_EQ(Displays(ListFiles({"corpus", "corpus/apps"}, follow)),
            (Strings{"corpus/apps/hr/index.jsp", "corpus/x.html"}));
}

TEST_F(RootsTest, HardLinksInsideOneRootKeepBothNames) {
  ScopedChdir here(tree_.path());
  ASSERT_EQ(link("corpus/x.html", "corpus/y.html"), 0);
  EXPECT_EQ(Displays(ListFiles({"corpus"}, {})),
            (Strings{"corpus/apps/hr/index.jsp", "corpus/x.html", "corpus/y.html"}));
}

}  // namespace
}  // namespace iescan::scanner
