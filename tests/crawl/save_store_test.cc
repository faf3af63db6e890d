// --save: safe paths derived from URLs, collisions, and the manifest.
#include "scanner/crawl/save_store.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/crawl/crawl_test_util.h"

namespace iescan::scanner {
namespace {

constexpr KindInfo kHtml{FileKind::kHtml, ServerDialect::kNone};
constexpr KindInfo kAsp{FileKind::kHtml, ServerDialect::kAsp};
constexpr KindInfo kJs{FileKind::kJs, ServerDialect::kNone};

std::string PathOf(std::string_view url, KindInfo kind) {
  Result<Url> parsed = ParseUrl(url);
  EXPECT_TRUE(parsed.ok());
  return SavePath(*parsed, kind);
}

TEST(SavePath, KeepsNamesAndKindsForAnOfflineRescan) {
  EXPECT_EQ(PathOf("http://Intranet/juki/menu.asp", kAsp), "intranet_80/juki/menu.asp");
  EXPECT_EQ(PathOf("https://h:8443/app/", kHtml), "h_8443/app/index.html");
  EXPECT_EQ(PathOf("http://h/app/list.do", kHtml), "h_80/app/list.do.html");
  EXPECT_EQ(PathOf("http://h/app/list.asp", kHtml), "h_80/app/list.asp.html");
  EXPECT_EQ(PathOf("http://h/js/app", kJs), "h_80/js/app.js");
  EXPECT_EQ(PathOf("http://h/a/list.asp?id=1", kAsp),
            "h_80/a/list@" + HashHex("id=1").substr(0, 12) + ".asp");
  EXPECT_EQ(PathOf("http://h/%E4%BD%8F%E6%B0%91/a.htm", kHtml), "h_80/住民/a.htm");
  EXPECT_EQ(PathOf("http://[::1]:8080/x.htm", kHtml), "___1__8080/x.htm");
}

TEST(SavePath, NeverLeavesTheDirectory) {
  // "..%2F" is not a dot segment; decoded, its '/' becomes '_' and its leading
  // dot too.
  EXPECT_EQ(PathOf("http://h/..%2F..%2Fetc/passwd", kHtml), "h_80/_._.._etc/passwd.html");
  EXPECT_EQ(PathOf("http://h/%2e%2e/%2e%2e/x.htm", kHtml), "h_80/x.htm");
  EXPECT_EQ(PathOf("http://h/.htaccess", kHtml), "h_80/_htaccess.html");
  EXPECT_EQ(PathOf("http://h/a%00b/c%5Cd.htm", kHtml), "h_80/a_b/c_d.htm");
  EXPECT_EQ(PathOf("http://h/con.htm", kHtml), "h_80/_con.htm");
  EXPECT_EQ(PathOf("http://h/%FF%FE.htm", kHtml), "h_80/__.htm");
  std::string long_name = PathOf("http://h/" + std::string(300, 'x') + ".htm", kHtml);
  EXPECT_EQ(long_name.size(), std::string("h_80/").size() + 40 + 1 + 16 + 4);
  EXPECT_EQ(long_name.substr(0, 45), "h_80/" + std::string(40, 'x'));
  std::string deep;
  for (int i = 0; i < 60; ++i) deep += "/dir" + std::to_string(i);
  std::string hashed = PathOf("http://h" + deep + "/x.htm", kHtml);
  EXPECT_EQ(hashed.rfind("h_80/_long/", 0), 0u);
  for (const std::string& p : {long_name, hashed}) {
    EXPECT_EQ(p.find(".."), std::string::npos) << p;
    EXPECT_NE(p.front(), '/');
  }
}

TEST(SaveStore, WritesFilesCollisionsAndManifest) {
  testing::TempDir dir;
  Result<std::unique_ptr<SaveStore>> store = SaveStore::Open(dir.path() + "/out/");
  ASSERT_TRUE(store.ok()) << store.status().message();
  Result<Url> a = ParseUrl("http://h/app/page.htm");
  Result<Url> b = ParseUrl("http://h/app/page.htm/inner.htm");  // "page.htm" is a file
  Result<Url> c = ParseUrl("http://h/app/Page.htm");
  SavedResource meta{"http://h/app/page.htm", 200, "text/html", "Shift_JIS", "IE=7"};
  Result<std::string> pa = (*store)->Save(*a, kHtml, meta, "<p>a</p>");
  ASSERT_TRUE(pa.ok());
  EXPECT_EQ(*pa, "h_80/app/page.htm");
  meta.display_url = "http://h/app/page.htm/inner.htm";
  Result<std::string> pb = (*store)->Save(*b, kHtml, meta, "<p>b</p>");
  ASSERT_TRUE(pb.ok());
  EXPECT_EQ(*pb, "h_80/_hashed/" + HashHex(b->Spec()) + ".html");
  meta.display_url = "http://h/app/Page.htm";
  Result<std::string> pc = (*store)->Save(*c, kHtml, meta, "<p>c</p>");
  EXPECT_EQ(*pc, "h_80/app/Page.htm");
  EXPECT_EQ(testing::ReadFileText(dir.path() + "/out/h_80/app/page.htm"), "<p>a</p>");
  EXPECT_EQ(testing::ReadFileText(dir.path() + "/out/" + *pb), "<p>b</p>");
  ASSERT_TRUE((*store)->WriteManifest().ok());
  nlohmann::json manifest = nlohmann::json::parse(
      testing::ReadFileText(dir.path() + "/out/manifest.json"), nullptr, false);
  ASSERT_FALSE(manifest.is_discarded());
  EXPECT_EQ(manifest["format"], "iescan-crawl-manifest");
  ASSERT_EQ(manifest["resources"].size(), 3u);
  EXPECT_EQ(manifest["resources"][0]["url"], "http://h/app/Page.htm");
  EXPECT_EQ(manifest["resources"][1]["path"], "h_80/app/page.htm");
  EXPECT_EQ(manifest["resources"][1]["charset"], "Shift_JIS");
  EXPECT_EQ(manifest["resources"][1]["x_ua_compatible"], "IE=7");
  EXPECT_EQ(manifest["resources"][1]["bytes"], 8);
}

TEST(SaveStore, DoesNotFollowASymlinkPlantedInTheTree) {
  testing::TempDir dir;
  testing::TempDir elsewhere;
  Result<std::unique_ptr<SaveStore>> store = SaveStore::Open(dir.path());
  ASSERT_TRUE(store.ok());
  std::filesystem::create_directories(dir.path() + "/h_80");
  std::filesystem::create_directory_symlink(elsewhere.path(), dir.path() + "/h_80/app");
  Result<Url> url = ParseUrl("http://h/app/x.htm");
  Result<std::string> saved = (*store)->Save(*url, kHtml, SavedResource{}, "x");
  ASSERT_TRUE(saved.ok());
  EXPECT_EQ(*saved, "h_80/_hashed/" + HashHex(url->Spec()) + ".html");
  EXPECT_FALSE(std::filesystem::exists(elsewhere.path() + "/x.htm"));
}

}  // namespace
}  // namespace iescan::scanner
