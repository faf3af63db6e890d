// Crawl credentials and cookies never reach any output: not the terminal, not a report,
// not the --save tree. Only the cookie jar asked for with --cookie-jar holds cookies.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "cli/app_main.h"
#include "tests/crawl/crawl_test_util.h"

namespace iescan::testing {
namespace {

constexpr char kCookieValue[] = "TKT-5e3c9a1f";
constexpr char kHeaderToken[] = "hdr-7c1d2e3f";
constexpr char kServerCookie[] = "FROMSERVER";

struct CliRun {
  int code = -1;
  std::string out;
  std::string err;
};

CliRun Iescan(std::vector<std::string> args) {
  args.insert(args.begin(), "iescan");
  std::vector<const char*> argv;
  for (const std::string& a : args) argv.push_back(a.c_str());
  std::ostringstream out, err;
  CliRun run;
  run.code = app::Main(static_cast<int>(argv.size()), argv.data(), out, err);
  run.out = out.str();
  run.err = err.str();
  return run;
}

// Every file under `dir`, names and contents, except `skip`.
std::string TreeText(const std::string& dir, const std::string& skip) {
  std::string all;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.path().string() == skip) continue;
    all += entry.path().string() + "\n";
    if (entry.is_regular_file()) all += ReadFileText(entry.path().string());
  }
  return all;
}

TEST(CrawlSecrets, CookiesAndHeadersAreSentButNeverWritten) {
  ASSERT_NE(TestServer::Shared().port(), 0);
  TempDir dir;
  const std::string in = dir.path() + "/in.txt";
  const std::string jar = dir.path() + "/jar.txt";
  {
    std::ofstream file(in);
    file << "# Netscape HTTP Cookie File\n127.0.0.1\tFALSE\t/\tFALSE\t0\tTICKET\t" << kCookieValue
         << "\n";
  }
  const std::string out = dir.path() + "/out";
  std::vector<std::string> args = {
      "scan",         TestServer::Shared().Url("/_faults/cookie/"),
      "--cookies",    in,
      "--cookie-jar", jar,
      "--header",     std::string("Authorization: Bearer ") + kHeaderToken,
      "--save",       out + "/saved",
      "--stats",      "--fail-on",
      "none"};
  for (const char* ext : {"json", "sarif", "csv", "md", "html", "junit.xml", "txt"}) {
    args.push_back("-o");
    args.push_back(out + "/report." + ext);
  }
  CliRun run = Iescan(args);
  ASSERT_EQ(run.code, 0) << run.err;
  // The cookies and the header did reach the server...
  std::map<std::string, TestServer::Request> last;
  for (const TestServer::Request& r : TestServer::Shared().Requests()) last[r.path] = r;
  EXPECT_NE(last["/_faults/cookie/next.html"].cookie.find(kCookieValue), std::string::npos);
  EXPECT_NE(last["/_faults/cookie/next.html"].cookie.find(kServerCookie), std::string::npos);
  EXPECT_TRUE(last["/_faults/cookie/"].authorization);
  // ...and the jar, which the user asked for, holds them...
  EXPECT_NE(ReadFileText(jar).find(kServerCookie), std::string::npos);
  // ...but nothing else does.
  const std::string written = TreeText(out, "");
  EXPECT_NE(written.find("report.json"), std::string::npos);
  EXPECT_NE(written.find("manifest.json"), std::string::npos);
  for (const char* secret : {kCookieValue, kHeaderToken, kServerCookie}) {
    EXPECT_EQ(run.out.find(secret), std::string::npos) << secret << " in stdout:\n" << run.out;
    EXPECT_EQ(run.err.find(secret), std::string::npos) << secret << " in stderr:\n" << run.err;
    EXPECT_EQ(written.find(secret), std::string::npos) << secret << " in the written files";
  }
}

TEST(CrawlSecrets, ASeedWithCredentialsIsRefusedWithoutShowingThem) {
  ASSERT_NE(TestServer::Shared().port(), 0);
  const std::string url = "http://kanri:" + std::string(kAuthPassword) +
                          "@127.0.0.1:" + std::to_string(TestServer::Shared().port()) +
                          "/_faults/private/";
  CliRun run = Iescan({"scan", url, "--fail-on", "none"});
  EXPECT_EQ(run.code, 2) << run.out << run.err;
  EXPECT_NE(run.err.find("credentials do not belong in the URL"), std::string::npos) << run.err;
  EXPECT_EQ(run.err.find(kAuthPassword), std::string::npos) << run.err;
  EXPECT_EQ(run.out.find(kAuthPassword), std::string::npos) << run.out;
}

}  // namespace
}  // namespace iescan::testing
