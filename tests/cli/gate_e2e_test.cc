// The CI gate end to end, on temporary git repositories: exit codes, baselines that survive
// line moves, duplicated offending lines counted as new, fixed findings pruned.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "tests/support/test_tree.h"

namespace iescan::testing {
namespace {

std::string Git(const TempTree& repo, const std::string& args) {
  std::string cmd = "cd '" + repo.path() + "' && git -c user.name=ci -c user.email=ci@example " +
                    args + " 2>&1";
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  return out;
}

std::string Read(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

std::string Padding(int lines) {
  std::string s;
  for (int i = 0; i < lines; ++i) s += "var filler" + std::to_string(i) + " = " + std::to_string(i) + ";\n";
  return s;
}

class GateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Git(repo_, "init -q .");
    repo_.Write("app/menu.js", Padding(60) + "el.attachEvent('onclick', openMenu);\n");
    repo_.Write("app/index.html", "<!DOCTYPE html><html><body><p>ok</p></body></html>\n");
    Git(repo_, "add -A");
    Git(repo_, "commit -qm initial");
  }
  RunOutput Scan(std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"scan", ".", "--color", "never"};
    args.insert(args.end(), extra.begin(), extra.end());
    return RunIescan(args, repo_.path());
  }
  TempTree repo_;
};

TEST_F(GateTest, NewIeOnlyLineFailsAndBaselinePasses) {
  EXPECT_EQ(Scan().exit_code, 1);
  RunOutput b = RunIescan({"baseline", ".", "-o", "iescan-baseline.json"}, repo_.path());
  ASSERT_EQ(b.exit_code, 0) << b.err;
  EXPECT_EQ(Scan({"--baseline", "iescan-baseline.json"}).exit_code, 0);
  // The baseline is sorted, stable JSON naming path, rule and count.
  nlohmann::json j = nlohmann::json::parse(Read(repo_.path() + "/iescan-baseline.json"));
  ASSERT_EQ(j["findings"].size(), 1u);
  EXPECT_EQ(j["findings"][0]["path"], "app/menu.js");
  EXPECT_EQ(j["findings"][0]["rule"], "events.attach-event");
  EXPECT_EQ(j["findings"][0]["count"], 1);
  // A new IE-only line elsewhere fails again.
  repo_.Write("app/new.js", "var r = window.showModalDialog('pick.htm');\n");
  RunOutput r = Scan({"--baseline", "iescan-baseline.json"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("1 new, 1 unchanged, 0 fixed"), std::string::npos) << r.err;
}

TEST_F(GateTest, MovingCodeUp50LinesKeepsTheBaseline) {
  ASSERT_EQ(RunIescan({"baseline", ".", "-o", "b.json"}, repo_.path()).exit_code, 0);
  repo_.Write("app/menu.js", Padding(10) + "el.attachEvent('onclick', openMenu);\n" + Padding(3));
  Git(repo_, "commit -qam move");
  RunOutput r = Scan({"--baseline", "b.json"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.err.find("0 new, 1 unchanged, 0 fixed"), std::string::npos) << r.err;
}

TEST_F(GateTest, DuplicatedOffendingLineIsNew) {
  ASSERT_EQ(RunIescan({"baseline", ".", "-o", "b.json"}, repo_.path()).exit_code, 0);
  repo_.Write("app/menu.js", Padding(60) + "el.attachEvent('onclick', openMenu);\n" +
                                 "el.attachEvent('onclick', openMenu);\n");
  RunOutput r = Scan({"--baseline", "b.json"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("1 new, 1 unchanged, 0 fixed"), std::string::npos) << r.err;
}

TEST_F(GateTest, FixedFindingsAreReportedAndPruned) {
  ASSERT_EQ(RunIescan({"baseline", ".", "-o", "b.json"}, repo_.path()).exit_code, 0);
  repo_.Write("app/menu.js", Padding(60) + "el.addEventListener('click', openMenu);\n");
  RunOutput r = Scan({"--baseline", "b.json", "--update-baseline"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.err.find("0 new, 0 unchanged, 1 fixed"), std::string::npos) << r.err;
  nlohmann::json j = nlohmann::json::parse(Read(repo_.path() + "/b.json"));
  EXPECT_EQ(j["findings"].size(), 0u);
}

TEST_F(GateTest, StrictFailsOnSkippedFiles) {
  repo_.Write("app/menu.js", "var ok = 1;\n");
  repo_.Write("app/logo.htm", std::string("GIF89a\0\0\x01", 9));
  EXPECT_EQ(Scan().exit_code, 0);
  EXPECT_EQ(Scan({"--strict"}).exit_code, 1);
}

TEST_F(GateTest, BadBaselineIsAUsageError) {
  repo_.Write("b.json", "{\"schema\": \"something-else\"}");
  RunOutput r = Scan({"--baseline", "b.json"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("key 'schema'"), std::string::npos) << r.err;
}

TEST_F(GateTest, ChangedSinceScansChangedFilesAndWhatTheyLoad) {
  repo_.Write("app/shared/common.js", "function go() { return document.all.item('x'); }\n");
  repo_.Write("app/other.js", "el.attachEvent('onload', init);\n");
  Git(repo_, "add -A");
  Git(repo_, "commit -qm shared");
  std::string head = Git(repo_, "rev-parse HEAD");
  head.resize(head.find('\n'));
  // A changed page that loads the shared script, and a new untracked file.
  repo_.Write("app/index.html",
              "<!DOCTYPE html><html><head><script src=\"shared/common.js\"></script></head>"
              "<body><p>ok</p></body></html>\n");
  repo_.Write("app/new.js", "var d = window.showModelessDialog('tool.htm');\n");
  RunOutput r = RunIescan({"scan", ".", "--changed-since", head, "--format", "json"}, repo_.path());
  nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.out << r.err;
  std::set<std::string> paths;
  for (const auto& f : j["files"]) paths.insert(f["path"].get<std::string>());
  // menu.js and other.js did not change and are not loaded by a changed page.
  EXPECT_EQ(paths, (std::set<std::string>{"app/index.html", "app/new.js", "app/shared/common.js"}));
  EXPECT_EQ(r.exit_code, 1);  // showModelessDialog in the new file is a blocker
  // The shared file's findings never gate: only the loaded file has one here.
  repo_.Write("app/new.js", "var ok = 1;\n");
  RunOutput quiet = RunIescan({"scan", ".", "--changed-since", head, "--fail-on", "low", "-q"},
                              repo_.path());
  EXPECT_EQ(quiet.exit_code, 0) << quiet.err;
  RunOutput bad = RunIescan({"scan", ".", "--changed-since", "no-such-rev"}, repo_.path());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("unknown revision"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace iescan::testing
