// robots.txt groups, longest match, wildcards, Crawl-delay and Sitemap lines.
#include "scanner/crawl/robots.h"

#include <gtest/gtest.h>

namespace iescan::scanner {
namespace {

constexpr char kRobots[] =
    "# comment\n"
    "User-agent: *\n"
    "Disallow: /\n"
    "\n"
    "User-agent: Googlebot\n"
    "User-agent: IEScan\n"
    "Disallow: /app/admin/\n"
    "Allow: /app/admin/help.htm\n"
    "Disallow: /*.cgi$\n"
    "Disallow: /tmp*/x\n"
    "Crawl-delay: 2.5\n"
    "Sitemap: http://h/sitemap.xml\r\n"
    "\n"
    "User-agent: other\n"
    "Disallow: /app/\n";

TEST(Robots, PicksTheGroupNamingOurTokenAndAppliesLongestMatch) {
  RobotsRules rules = RobotsRules::Parse(kRobots, "iescan");
  EXPECT_TRUE(rules.Allowed("/app/index.asp"));
  EXPECT_FALSE(rules.Allowed("/app/admin/"));
  EXPECT_FALSE(rules.Allowed("/app/admin/users.asp?id=1"));
  EXPECT_TRUE(rules.Allowed("/app/admin/help.htm"));
  EXPECT_FALSE(rules.Allowed("/bin/run.cgi"));
  EXPECT_TRUE(rules.Allowed("/bin/run.cgi?x"));
  EXPECT_FALSE(rules.Allowed("/tmp123/x"));
  EXPECT_TRUE(rules.Allowed("/robots.txt"));
  EXPECT_DOUBLE_EQ(rules.crawl_delay(), 2.5);
  ASSERT_EQ(rules.sitemaps().size(), 1u);
  EXPECT_EQ(rules.sitemaps()[0], "http://h/sitemap.xml");
}

TEST(Robots, FallsBackToTheStarGroup) {
  RobotsRules rules = RobotsRules::Parse(kRobots, "somebot");
  EXPECT_FALSE(rules.Allowed("/app/index.asp"));
  EXPECT_TRUE(rules.Allowed("/robots.txt"));
  EXPECT_DOUBLE_EQ(rules.crawl_delay(), 0);
}

TEST(Robots, EmptyDisallowAndTiesFavourAllow) {
  RobotsRules open = RobotsRules::Parse("User-agent: *\nDisallow:\n", "iescan");
  EXPECT_TRUE(open.Allowed("/anything"));
  RobotsRules tie = RobotsRules::Parse("User-agent: *\nDisallow: /a\nAllow: /a\n", "iescan");
  EXPECT_TRUE(tie.Allowed("/a/b"));
  EXPECT_TRUE(RobotsRules::AllowAll().Allowed("/x"));
  EXPECT_FALSE(RobotsRules::DisallowAll().Allowed("/x"));
  EXPECT_TRUE(RobotsRules::DisallowAll().Allowed("/robots.txt"));
}

TEST(Robots, PatternMatching) {
  EXPECT_TRUE(RobotsPatternMatches("/a*b$", "/axxb"));
  EXPECT_FALSE(RobotsPatternMatches("/a*b$", "/axxbc"));
  EXPECT_TRUE(RobotsPatternMatches("/a*b", "/axxbc"));
  EXPECT_TRUE(RobotsPatternMatches("*", "/"));
  EXPECT_FALSE(RobotsPatternMatches("/x", "/"));
  EXPECT_FALSE(RobotsPatternMatches("/*/*/*/*/*/*/*z", std::string(3000, '/')));
}

}  // namespace
}  // namespace iescan::scanner
