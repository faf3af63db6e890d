// The configuration file: every error names the file, the key and the expected type, and
// settings reach the scan (rules off / severity overrides, excludes, fail_on).
#include <gtest/gtest.h>

#include "cli/config.h"
#include "tests/support/test_tree.h"

namespace iescan::app {
namespace {

TEST(Config, ParsesEveryKey) {
  Result<Config> c = ParseConfig(R"({
    // comments are allowed
    "include": ["apps/**"], "exclude": ["**/old/**"],
    "rules": {"dom.document-all": "off", "style.current-style": "low"},
    "rule_dirs": ["our-rules"],
    "apps": [{"name": "juminhyo", "paths": ["apps/juminhyo/**"], "urls": ["intra.example/jumin/"],
              "owner": "Citizen services", "users": 120}],
    "priority": {"severity.blocker": 10},
    "fail_on": "high", "outputs": ["r.json"], "max_file_size": "8MiB", "lang": "ja"
  })", "/x/.iescan.json");
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->include, std::vector<std::string>{"apps/**"});
  EXPECT_EQ(c->rules.at("dom.document-all"), "off");
  ASSERT_EQ(c->apps.size(), 1u);
  EXPECT_EQ(c->apps[0].users, 120);
  EXPECT_EQ(c->apps[0].urls[0], "intra.example/jumin/");
  EXPECT_EQ(c->priority.at("severity.blocker"), 10.0);
  EXPECT_EQ(*c->fail_on, "high");
}

TEST(Config, ErrorsNameFileKeyAndType) {
  struct Case {
    const char* text;
    const char* message;
  } cases[] = {
      {R"({"exclude": "old/**"})",
       "cfg.json: key 'exclude': expected an array of strings, got a string"},
      {R"({"exclude": ["a", 3]})", "cfg.json: key 'exclude[1]': expected a string, got a number"},
      {R"({"colour": "red"})", "cfg.json: unknown key 'colour'"},
      {R"({"apps": [{"name": "a", "users": "many"}]})",
       "cfg.json: key 'apps[0].users': expected a whole number of users (0 or more), got a string"},
      {R"({"apps": [{"name": "a", "team": "x"}]})", "cfg.json: unknown key 'apps[0].team'"},
      {R"({"rules": {"dom.document-all": "maybe"}})",
       "cfg.json: key 'rules.dom.document-all': expected one of off, on, blocker, high, medium, "
       "low, got a string 'maybe'"},
      {R"({"fail_on": 1})", "cfg.json: key 'fail_on': expected a string, got a number"},
      {R"([1, 2])", "cfg.json: expected a JSON object at the top level"},
      {R"({"include": [)", "cfg.json: not valid JSON"},
  };
  for (const Case& c : cases) {
    Result<Config> r = ParseConfig(c.text, "cfg.json");
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_EQ(r.status().message(), c.message);
  }
}

TEST(ConfigE2E, MalformedConfigExitsTwoNamingTheKey) {
  testing::TempTree tree;
  tree.Write("app/a.js", "el.attachEvent('onclick', f);\n");
  tree.Write(".iescan.json", R"({"exclude": {"x": 1}})");
  testing::RunOutput r = testing::RunIescan({"scan", "app"}, tree.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("key 'exclude'"), std::string::npos) << r.err;
}

TEST(ConfigE2E, SettingsReachTheScan) {
  testing::TempTree tree;
  tree.Write("app/a.js", "el.attachEvent('onclick', f);\nvar d = document.all;\n");
  tree.Write("app/old/b.js", "el.attachEvent('onclick', f);\n");
  tree.Write(".iescan.json",
             R"({"exclude": ["old/"], "rules": {"events.attach-event": "off",
                 "dom.document-all": "blocker"}, "fail_on": "blocker"})");
  testing::RunOutput r = testing::RunIescan({"scan", ".", "--color", "never"}, tree.path());
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;  // document.all raised to blocker
  EXPECT_NE(r.out.find("app/a.js:2:9: blocker:"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("attach-event"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("old/b.js"), std::string::npos) << r.out;
  // A flag overrides the file.
  testing::RunOutput none = testing::RunIescan({"scan", ".", "--fail-on", "none", "-q"}, tree.path());
  EXPECT_EQ(none.exit_code, 0);
}

TEST(ConfigE2E, PriorityWeightsAndPriorityGate) {
  testing::TempTree tree;
  tree.Write("app/a.css", ".link { cursor: hand; }\n");  // low severity
  // Default weights: a low finding is not P1.
  EXPECT_EQ(testing::RunIescan({"scan", ".", "--fail-on", "P1", "-q"}, tree.path()).exit_code, 0);
  EXPECT_EQ(testing::RunIescan({"scan", ".", "--fail-on", "P4", "-q"}, tree.path()).exit_code, 1);
  // Weights that make every finding P1.
  tree.Write(".iescan.json", R"({"priority": {"p1": 0, "p2": 0, "p3": 0}})");
  EXPECT_EQ(testing::RunIescan({"scan", ".", "--fail-on", "P1", "-q"}, tree.path()).exit_code, 1);
  tree.Write(".iescan.json", R"({"priority": {"severity.urgent": 2}})");
  testing::RunOutput bad = testing::RunIescan({"scan", ".", "-q"}, tree.path());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("key 'priority.severity.urgent': unknown weight"), std::string::npos)
      << bad.err;
  testing::RunOutput flag = testing::RunIescan({"scan", ".", "--fail-on", "P5"}, tree.path());
  EXPECT_EQ(flag.exit_code, 2);
}

TEST(ConfigE2E, InitWritesAStarterThatParses) {
  testing::TempTree tree;
  testing::RunOutput r = testing::RunIescan({"init"}, tree.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  testing::RunOutput again = testing::RunIescan({"init"}, tree.path());
  EXPECT_EQ(again.exit_code, 2);
  tree.Write("app/a.js", "var x = 1;\n");
  testing::RunOutput scan = testing::RunIescan({"scan", "."}, tree.path());
  EXPECT_EQ(scan.exit_code, 0) << scan.err;
}

}  // namespace
}  // namespace iescan::app
