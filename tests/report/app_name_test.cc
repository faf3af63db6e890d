#include "report/app_name.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace iescan::report {
namespace {

scanner::Origin PathOrigin(std::string display, std::string fs_path, std::string root) {
  return scanner::Origin{std::move(display), std::move(fs_path), std::move(root), false};
}

scanner::Origin UrlOrigin(std::string url, std::string root) {
  return scanner::Origin{std::move(url), "", std::move(root), true};
}

TEST(AppNameTest, FirstDirectoryUnderTheRoot) {
  EXPECT_EQ(
      AppName(PathOrigin("hr/scripts/menu.js", "corpus/apps/hr/scripts/menu.js", "corpus/apps")),
      "hr");
  EXPECT_EQ(AppName(PathOrigin("勤怠管理/勤怠入力.htm", "corpus/apps/勤怠管理/勤怠入力.htm",
                               "corpus/apps")),
            "勤怠管理");
  // Without fs_path (fetched or hand-made origins) the root is taken as a directory.
  EXPECT_EQ(AppName(PathOrigin("hr/index.asp", "", "corpus/apps")), "hr");
}

TEST(AppNameTest, DisplayPrefixedWithTheRootAndRootSpellings) {
  EXPECT_EQ(AppName(PathOrigin("corpus/apps/hr/index.asp", "", "corpus/apps")), "hr");
  EXPECT_EQ(AppName(PathOrigin("hr/index.asp", "", "./corpus/apps/")), "hr");
  EXPECT_EQ(AppName(PathOrigin("./hr/index.asp", "", "corpus/apps")), "hr");
  EXPECT_EQ(AppName(PathOrigin("/srv/intranet/hr/index.asp", "", "/srv/intranet")), "hr");
}

TEST(AppNameTest, FileDirectlyInTheRootBelongsToTheRoot) {
  EXPECT_EQ(AppName(PathOrigin("index.html", "corpus/apps/index.html", "corpus/apps")), "apps");
  EXPECT_EQ(AppName(PathOrigin("index.html", "", "/srv/イントラ/")), "イントラ");
  EXPECT_EQ(AppName(PathOrigin("index.html", "index.html", ".")), ".");
  EXPECT_EQ(AppName(PathOrigin("hr/index.asp", "hr/index.asp", ".")), "hr");
  EXPECT_EQ(AppName(PathOrigin("index.html", "/index.html", "/")), "/");
}

TEST(AppNameTest, RootThatIsAFileBelongsToItsDirectory) {
  EXPECT_EQ(
      AppName(PathOrigin("index.asp", "corpus/apps/hr/index.asp", "corpus/apps/hr/index.asp")),
      "hr");
  EXPECT_EQ(AppName(PathOrigin("page.htm", "page.htm", "page.htm")), ".");
}

TEST(AppNameTest, UrlIsHostAndFirstDirectorySegment) {
  const std::string seed = "http://portal/";
  EXPECT_EQ(AppName(UrlOrigin("http://Portal.Example.co.jp:8080/hr/menu/top.asp", seed)),
            "portal.example.co.jp:8080/hr");
  EXPECT_EQ(AppName(UrlOrigin("http://portal/index.asp", seed)), "portal");
  EXPECT_EQ(AppName(UrlOrigin("https://user:secret@portal/勤怠/a.htm?x=1", seed)), "portal/勤怠");
  EXPECT_EQ(AppName(UrlOrigin("http://portal/hr/", seed)), "portal/hr");
  EXPECT_EQ(AppName(UrlOrigin("http://portal/report?path=/a/b", seed)), "portal");
  EXPECT_EQ(AppName(UrlOrigin("http://portal/page#/spa/route", seed)), "portal");
  EXPECT_EQ(AppName(UrlOrigin("http://portal", seed)), "portal");
  EXPECT_EQ(AppName(UrlOrigin("http://portal//x.asp", seed)), "portal");
}

TEST(AppNameTest, SkippedItemsWithOnlyADisplayPath) {
  const std::vector<std::string> one = {"corpus/apps"};
  EXPECT_EQ(AppNameForSkipped("hr/setup.exe", one), "hr");
  EXPECT_EQ(AppNameForSkipped("big.htm", one), "apps");
  EXPECT_EQ(AppNameForSkipped("corpus/apps/勤怠管理/old.htm", one), "勤怠管理");
  EXPECT_EQ(AppNameForSkipped("http://Portal/hr/x.cgi", one), "portal/hr");
  const std::vector<std::string> two = {"corpus/apps", "legacy"};
  EXPECT_EQ(AppNameForSkipped("hr/setup.exe", two), "hr");
  EXPECT_EQ(AppNameForSkipped("big.htm", two), "");
  EXPECT_EQ(AppNameForSkipped("legacy/big.htm", two), "legacy");
  EXPECT_EQ(AppNameForSkipped("big.htm", {"corpus/apps/hr/big.htm"}), "hr");
}

TEST(AppNameTest, NormalizeRoot) {
  EXPECT_EQ(NormalizeRoot("corpus/apps/"), "corpus/apps");
  EXPECT_EQ(NormalizeRoot("./corpus/apps"), "corpus/apps");
  EXPECT_EQ(NormalizeRoot(".//corpus//"), "corpus");
  EXPECT_EQ(NormalizeRoot("./"), ".");
  EXPECT_EQ(NormalizeRoot(""), ".");
  EXPECT_EQ(NormalizeRoot("/"), "/");
  EXPECT_EQ(NormalizeRoot("//"), "/");
}

}  // namespace
}  // namespace iescan::report
