// SIGINT during a scan of a large tree: the run stops within a second, writes every
// requested report for what was done, marked incomplete, and exits 130; no temporary or
// half-written file is left behind.
#include <gtest/gtest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "tests/support/test_tree.h"

namespace iescan::testing {
namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

TEST(Interrupt, SigintWritesIncompleteReportsAndExits130) {
  TempTree tree;
  std::string page;
  // Large enough that a scan at full speed on two cores still runs for several seconds.
  for (int i = 0; i < 200; ++i) {
    page += "<div class=\"row\"><span>line " + std::to_string(i) +
            "</span><input type=\"text\" onclick=\"select(this)\"></div>\n";
  }
  for (int app = 0; app < 40; ++app) {
    for (int i = 0; i < 200; ++i) {
      tree.Write("apps/app" + std::to_string(app) + "/page" + std::to_string(i) + ".htm",
                 "<html><body>\n" + page + "<script>document.all.item('x');</script></body></html>\n");
    }
  }
  std::string json_path = tree.path() + "/out.json";
  std::string sarif_path = tree.path() + "/out.sarif";
  pid_t pid = fork();
  if (pid == 0) {
    int devnull = open("/dev/null", O_WRONLY);
    dup2(devnull, 1);
    dup2(devnull, 2);
    if (chdir(tree.path().c_str()) != 0) _exit(126);
    execl(IESCAN_BINARY, IESCAN_BINARY, "scan", "apps", "-o", "out.json", "-o", "out.sarif",
          "--jobs", "2", static_cast<char*>(nullptr));
    _exit(127);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(900));
  auto sent = std::chrono::steady_clock::now();
  ASSERT_EQ(kill(pid, SIGINT), 0);
  int status = 0;
  waitpid(pid, &status, 0);
  auto took = std::chrono::steady_clock::now() - sent;
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 130) << "the scan finished before the signal: make the tree larger";
  // Files already started finish and every report is written; on a loaded 2-core CI
  // machine that takes longer than on an idle one (well under a second there).
  EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(took).count(), 2500);

  nlohmann::json report = nlohmann::json::parse(ReadAll(json_path), nullptr, false);
  ASSERT_FALSE(report.is_discarded());
  EXPECT_EQ(report["complete"], false);
  // Whatever was done before the signal (possibly nothing on a loaded machine), not all.
  EXPECT_LT(report["files"].size(), 8000u);
  EXPECT_EQ(report["summary"]["files"], report["files"].size());

  nlohmann::json sarif = nlohmann::json::parse(ReadAll(sarif_path), nullptr, false);
  ASSERT_FALSE(sarif.is_discarded());
  EXPECT_EQ(sarif["version"], "2.1.0");
  EXPECT_EQ(sarif["runs"][0]["invocations"][0]["executionSuccessful"], false);
  for (const auto& entry : std::filesystem::directory_iterator(tree.path())) {
    EXPECT_EQ(entry.path().string().find(".tmp-iescan"), std::string::npos) << entry.path();
  }
}

}  // namespace
}  // namespace iescan::testing
