// Reference resolution and reach: which pages load a file, directly or through shared
// scripts, style sheets, behaviours and server includes.
#include "report/reach.h"

#include <gtest/gtest.h>

#include <deque>

#include <string>
#include <vector>

#include "report/plan.h"
#include "tests/report/scan_builder.h"

namespace iescan::report {
namespace {

using scanner::FileKind;
using Strings = std::vector<std::string>;

TEST(ReachTest, ResolvesRelativeReferencesAgainstTheReferencingFile) {
  const std::string from = "corpus/apps/juminhyo/sub/menu.asp";
  EXPECT_EQ(ResolveReference(from, "corpus/apps", false, "js/juki.js"),
            Strings{"corpus/apps/juminhyo/sub/js/juki.js"});
  EXPECT_EQ(ResolveReference(from, "corpus/apps", false, "../js/juki.js?v=20240401#x"),
            Strings{"corpus/apps/juminhyo/js/juki.js"});
  EXPECT_EQ(ResolveReference(from, "corpus/apps", false, "  .\\css\\juki.css "),
            Strings{"corpus/apps/juminhyo/sub/css/juki.css"});
  EXPECT_EQ(ResolveReference(from, "corpus/apps", false, "../../../../../x.js"), Strings{});
}

TEST(ReachTest, RootRelativeTriesTheAppThenTheScanRoot) {
  // <jsp:include page="/common/head.jsp"/> in jinji: the app is the context root.
  EXPECT_EQ(ResolveReference("corpus/apps/jinji/shain/edit.jsp", "corpus/apps", false,
                             "/common/head.jsp"),
            (Strings{"corpus/apps/jinji/common/head.jsp", "corpus/apps/common/head.jsp",
                     "corpus/apps/jinji/shain/common/head.jsp"}));
  // Scanning a level higher, the app directory is "apps"; the context root is found
  // among the deeper directories.
  EXPECT_EQ(
      ResolveReference("corpus/apps/jinji/shain/edit.jsp", "corpus", false, "/common/head.jsp"),
      (Strings{"corpus/apps/common/head.jsp", "corpus/common/head.jsp",
               "corpus/apps/jinji/common/head.jsp", "corpus/apps/jinji/shain/common/head.jsp"}));
  // What is left of src="<%= ctx %>/js/jinji.js" once the server code is masked.
  EXPECT_EQ(ResolveReference("corpus/apps/jinji/index.jsp", "corpus/apps/", false,
                             "        /js/jinji.js"),
            (Strings{"corpus/apps/jinji/js/jinji.js", "corpus/apps/js/jinji.js"}));
  // A file directly in the root has no app directory.
  EXPECT_EQ(ResolveReference("apps/index.htm", "apps", false, "/menu.js"), Strings{"apps/menu.js"});
  EXPECT_EQ(ResolveReference("apps/index.htm", "apps", false, "///"), Strings{});
}

TEST(ReachTest, ExternalReferencesAreIgnoredInFileTrees) {
  for (const char* ref : {"http://cdn.example.com/jquery.js", "https://intra/x.css",
                          "//cdn.example.com/x.js", "javascript:void(0)", "vbscript:Go()",
                          "data:text/css,body{}", "C:/scripts/x.js", "#xmlJumin", "?x=1", ""}) {
    SCOPED_TRACE(ref);
    EXPECT_EQ(ResolveReference("root/hr/a.htm", "root", false, ref), Strings{});
  }
}

TEST(ReachTest, CrawledPagesResolveUrls) {
  const std::string from = "http://Intra.example.jp:8080/hr/menu/top.asp?id=3";
  EXPECT_EQ(ResolveReference(from, "http://intra.example.jp:8080/", true, "../js/a.js"),
            Strings{"http://intra.example.jp:8080/hr/js/a.js"});
  EXPECT_EQ(ResolveReference(from, "", true, "/common/b.css"),
            Strings{"http://intra.example.jp:8080/common/b.css"});
  EXPECT_EQ(ResolveReference(from, "", true, "//intra.example.jp:8080/c.js"),
            Strings{"http://intra.example.jp:8080/c.js"});
  EXPECT_EQ(ResolveReference(from, "", true, "HTTPS://Other.example.jp/d.js"),
            Strings{"https://other.example.jp/d.js"});
  EXPECT_EQ(ResolveReference(from, "", true, "javascript:go()"), Strings{});
}

TEST(ReachTest, PagesAreHtmlAndHtaButNotIncludeFragments) {
  EXPECT_TRUE(IsPage(FileKind::kHtml, "a/index.asp"));
  EXPECT_TRUE(IsPage(FileKind::kHtml, "a/list.jsp"));
  EXPECT_TRUE(IsPage(FileKind::kHta, "a/tool.hta"));
  EXPECT_TRUE(IsPage(FileKind::kHtml, "http://intra/hr/"));
  EXPECT_FALSE(IsPage(FileKind::kHtml, "a/common.inc"));
  EXPECT_FALSE(IsPage(FileKind::kHtml, "a/COMMON.INC"));
  EXPECT_FALSE(IsPage(FileKind::kHtml, "a/header.jspf"));
  EXPECT_FALSE(IsPage(FileKind::kHtml, "a/Menu.ascx"));
  EXPECT_FALSE(IsPage(FileKind::kHtc, "a/hover.htc"));
  EXPECT_FALSE(IsPage(FileKind::kJs, "a/app.js"));
  EXPECT_FALSE(IsPage(FileKind::kCss, "a/app.css"));
}

std::vector<SharedText> Shared(const Strings& texts) {
  std::vector<SharedText> out;
  for (const std::string& t : texts) out.emplace_back(t);
  return out;
}

// ReachFile borrows its strings: the test's are kept here for the life of the test program.
ReachFile File(std::string display, FileKind kind, Strings refs = {}) {
  static std::deque<std::string> displays;
  static std::deque<std::vector<SharedText>> references;
  displays.push_back(std::move(display));
  references.push_back(Shared(refs));
  return {displays.back(), "intranet", false, kind, &references.back()};
}

TEST(ReachTest, SharedScriptIncludedByThreePages) {
  const std::vector<ReachFile> files = {
      File("intranet/kintai/a.htm", FileKind::kHtml, {"js/common.js"}),
      File("intranet/kintai/b.htm", FileKind::kHtml, {"./js/common.js", "js/common.js"}),
      File("intranet/kintai/sub/c.asp", FileKind::kHtml, {"../JS/Common.js"}),
      File("intranet/kintai/js/common.js", FileKind::kJs),
      File("intranet/kintai/js/unused.js", FileKind::kJs),
  };
  const ReachResult r = ComputeReach(files);
  EXPECT_EQ(r.page, (std::vector<bool>{true, true, true, false, false}));
  EXPECT_EQ(r.reach, (std::vector<uint32_t>{1, 1, 1, 3, 0}));
  EXPECT_EQ(r.loads[0], std::vector<size_t>{3});
  EXPECT_EQ(r.loads[1], std::vector<size_t>{3});  // duplicates merged
  EXPECT_EQ(r.loads[2], std::vector<size_t>{3});  // case-insensitive, as IIS serves it
  EXPECT_TRUE(r.loads[3].empty());
}

TEST(ReachTest, ReachFlowsThroughIncludesStyleSheetsAndBehaviours) {
  // index.asp includes common.inc, which links juki.css, whose behavior: url() loads
  // hover.htc; menu.asp (a frame of index.asp) links juki.css too.
  const std::vector<ReachFile> files = {
      File("intranet/juminhyo/common.inc", FileKind::kHtml, {"css/juki.css"}),
      File("intranet/juminhyo/css/juki.css", FileKind::kCss, {"../htc/hover.htc"}),
      File("intranet/juminhyo/htc/hover.htc", FileKind::kHtc),
      File("intranet/juminhyo/index.asp", FileKind::kHtml, {"common.inc", "menu.asp"}),
      File("intranet/juminhyo/menu.asp", FileKind::kHtml, {"css/juki.css"}),
  };
  const ReachResult r = ComputeReach(files);
  EXPECT_EQ(r.page, (std::vector<bool>{false, false, false, true, true}));
  // common.inc: index.asp; juki.css and hover.htc: index.asp and menu.asp; menu.asp:
  // itself and index.asp, which frames it.
  EXPECT_EQ(r.reach, (std::vector<uint32_t>{1, 2, 2, 1, 2}));
}

TEST(ReachTest, CyclesAndSelfReferencesTerminate) {
  const std::vector<ReachFile> files = {
      File("intranet/a/x.htm", FileKind::kHtml, {"y.htm", "x.htm"}),
      File("intranet/a/y.htm", FileKind::kHtml, {"x.htm"}),
  };
  const ReachResult r = ComputeReach(files);
  EXPECT_EQ(r.reach, (std::vector<uint32_t>{2, 2}));
  EXPECT_EQ(r.loads[0], std::vector<size_t>{1});  // the self-reference is dropped
}

TEST(ReachTest, LongIncludeChainIsWalkedIteratively) {
  std::vector<ReachFile> files;
  const int kDepth = 20000;
  for (int i = 0; i < kDepth; ++i) {
    files.push_back(File("intranet/deep/f" + std::to_string(i) + ".inc", FileKind::kHtml,
                         {"f" + std::to_string(i + 1) + ".inc"}));
  }
  files.push_back(File("intranet/deep/page.htm", FileKind::kHtml, {"f0.inc"}));
  const ReachResult r = ComputeReach(files);
  EXPECT_EQ(r.reach[kDepth - 1], 1u);
  EXPECT_EQ(r.reach[kDepth], 1u);
}

TEST(ReachTest, LookupIsExactThenUniqueCaseFoldedWithinOneRoot) {
  // a.htm's "Lib.js" names Lib.js exactly although lib.js exists too; b.htm's "LIB.JS"
  // folds to two files and names neither; c.htm's "Menu.JS" folds to one. A file of
  // another scan root with the same path is never a target; crawled pages resolve by
  // normalized URL, the host case-insensitively.
  std::vector<ReachFile> files = {
      File("intranet/a.htm", FileKind::kHtml, {"Lib.js"}),
      File("intranet/b.htm", FileKind::kHtml, {"LIB.JS"}),
      File("intranet/c.htm", FileKind::kHtml, {"Menu.JS"}),
      File("intranet/Lib.js", FileKind::kJs),
      File("intranet/lib.js", FileKind::kJs),
      File("intranet/menu.js", FileKind::kJs),
  };
  ReachFile other = File("intranet/other.js", FileKind::kJs);
  other.root = "elsewhere";
  files.push_back(other);
  ReachFile d = File("intranet/d.htm", FileKind::kHtml, {"other.js"});
  files.push_back(d);
  static const std::vector<SharedText> kPageRefs = Shared({"../js/app.js"});
  static const std::vector<SharedText> kNoRefs;
  files.push_back({"http://Intra:8080/hr/p/index.asp", "http://intra:8080/", true,
                   FileKind::kHtml, &kPageRefs});
  files.push_back({"http://intra:8080/hr/./js/app.js", "http://intra:8080/", true, FileKind::kJs,
                   &kNoRefs});
  const ReachResult r = ComputeReach(files);
  EXPECT_EQ(r.loads[0], std::vector<size_t>{3});
  EXPECT_TRUE(r.loads[1].empty());
  EXPECT_EQ(r.loads[2], std::vector<size_t>{5});
  EXPECT_TRUE(r.loads[7].empty());  // other.js is in another scan root
  EXPECT_EQ(r.loads[8], std::vector<size_t>{9});
  EXPECT_EQ(r.reach[9], 1u);
}

TEST(ReachTest, PlanCarriesReachIntoFilesAndFindings) {
  const Plan plan = BuildPlan(testing::OrgScan(), PlanOptions{});
  for (const PlanFile& f : plan.files) {
    SCOPED_TRACE(f.path);
    if (f.path == "intranet/kintai/js/common.js") {
      EXPECT_FALSE(f.page);
      EXPECT_EQ(f.reach, 3u);
    } else if (f.path == "intranet/kintai/sub/c.asp") {
      EXPECT_TRUE(f.page);
      EXPECT_EQ(f.reach, 1u);
      ASSERT_EQ(f.loads.size(), 1u);  // both spellings name common.js
      EXPECT_EQ(plan.files[f.loads[0]].path, "intranet/kintai/js/common.js");
    }
  }
}

}  // namespace
}  // namespace iescan::report
