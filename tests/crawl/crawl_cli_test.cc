// `iescan scan URL` end to end (in-process): credentials from the environment
// and never in any output, URL locations in reports, --save and an offline
// re-scan, mixed roots, flag errors.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "cli/app_main.h"
#include "cli/scan_runner.h"
#include "tests/crawl/crawl_test_util.h"

namespace iescan::testing {
namespace {

struct RunOutput {
  int code = -1;
  std::string out;
  std::string err;
};

RunOutput Iescan(std::vector<std::string> args) {
  args.insert(args.begin(), "iescan");
  std::vector<const char*> argv;
  for (const std::string& a : args) argv.push_back(a.c_str());
  std::ostringstream out;
  std::ostringstream err;
  RunOutput run;
  run.code = app::Main(static_cast<int>(argv.size()), argv.data(), out, err);
  run.out = out.str();
  run.err = err.str();
  return run;
}

// Sets an environment variable for the lifetime of the object.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) { setenv(name, value, 1); }
  ~ScopedEnv() { unsetenv(name_); }

 private:
  const char* name_;
};

// Every file under `dir` (names and contents) concatenated.
std::string Tree(const std::string& dir) {
  std::string all;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    all += entry.path().string() + "\n";
    if (entry.is_regular_file()) all += ReadFileText(entry.path().string());
  }
  return all;
}

class CrawlCli : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_NE(TestServer::Shared().port(), 0); }
  std::string Url(const std::string& path) { return TestServer::Shared().Url(path); }
};

TEST_F(CrawlCli, BasicAuthWithCredentialsFromTheEnvironmentNeverShowsThePassword) {
  ScopedEnv user(app::kUserEnv, "kanri");
  ScopedEnv password(app::kPasswordEnv, kAuthPassword);
  TempDir dir;
  const std::string json = dir.path() + "/report.json";
  const std::string markdown = dir.path() + "/report.md";
  const std::string saved = dir.path() + "/saved";
  const std::string jar = dir.path() + "/cookies.txt";
  RunOutput run =
      Iescan({"scan", Url("/_faults/private/"), "--fail-on", "none", "--format", "text", "-o", json,
              "-o", markdown, "--save", saved, "--cookie-jar", jar, "--auth", "basic"});
  EXPECT_EQ(run.code, 0) << run.err;
  const std::string admin_js = Url("/_faults/private/admin.js");
  EXPECT_NE(run.out.find(admin_js + ":3:6: "), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("[events.attach-event]"), std::string::npos);
  const std::string report = ReadFileText(json);
  EXPECT_NE(report.find("\"" + admin_js + "\""), std::string::npos);
  // The sid query parameter of a link is a secret: shown redacted, never as it
  // was.
  EXPECT_NE(report.find("\"" + Url("/_faults/private/admin.html?sid=REDACTED") + "\""),
            std::string::npos);
  EXPECT_EQ(report.find("A1B2C3"), std::string::npos);
  EXPECT_EQ(run.out.find("A1B2C3"), std::string::npos);
  for (const std::string& text : {run.out, run.err, ReadFileText(json), ReadFileText(markdown),
                                  Tree(saved), ReadFileText(jar)}) {
    EXPECT_EQ(text.find(kAuthPassword), std::string::npos);
  }
  EXPECT_TRUE(std::filesystem::exists(saved + "/manifest.json"));
  int authorized = 0;
  for (const TestServer::Request& r : TestServer::Shared().Requests()) {
    EXPECT_EQ(r.path.find(kAuthPassword), std::string::npos);
    authorized += r.authorization && r.path.rfind("/_faults/private/", 0) == 0;
  }
  EXPECT_GE(authorized, 3);
}

TEST_F(CrawlCli, NetrcSuppliesCredentials) {
  TempDir dir;
  const std::string netrc = dir.path() + "/netrc";
  {
    std::ofstream file(netrc);
    file << "machine 127.0.0.1 login kanri password " << kAuthPassword << "\n";
  }
  RunOutput run = Iescan({"scan", Url("/_faults/private/"), "--netrc", netrc, "--fail-on", "none"});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_NE(run.out.find(Url("/_faults/private/admin.js") + ":3:6: "), std::string::npos)
      << run.out;
  EXPECT_EQ(run.out.find(kAuthPassword), std::string::npos);
}

TEST_F(CrawlCli, CookiesInAndOutAndExtraHeaders) {
  TempDir dir;
  const std::string in = dir.path() + "/in.txt";
  const std::string out = dir.path() + "/out.txt";
  {
    std::ofstream file(in);
    file << "# Netscape HTTP Cookie "
            "File\n127.0.0.1\tFALSE\t/\tFALSE\t0\tTICKET\tfromfile\n";
  }
  RunOutput run = Iescan({"scan", Url("/_faults/cookie/"), "--cookies", in, "--cookie-jar", out,
                          "--header", "X-Iescan-Test: yes", "--fail-on", "none", "-q"});
  EXPECT_EQ(run.code, 0) << run.err;
  std::map<std::string, TestServer::Request> last;
  for (const TestServer::Request& r : TestServer::Shared().Requests()) last[r.path] = r;
  EXPECT_EQ(last["/_faults/cookie/"].cookie, "TICKET=fromfile");
  EXPECT_EQ(last["/_faults/cookie/"].extra_header, "yes");
  const std::string& cookie = last["/_faults/cookie/next.html"].cookie;
  EXPECT_NE(cookie.find("TICKET=fromfile"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("ASPSESSIONIDQQ=FROMSERVER"), std::string::npos) << cookie;
  EXPECT_NE(ReadFileText(out).find("ASPSESSIONIDQQ\tFROMSERVER"), std::string::npos);
}

TEST_F(CrawlCli, WithoutCredentialsTheProtectedAreaIsSkipped) {
  RunOutput run = Iescan({"scan", Url("/_faults/private/"), "--fail-on", "none"});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_NE(run.out.find(Url("/_faults/private/") +
                         ": skipped: HTTP 401 Unauthorized (credentials missing or rejected)"),
            std::string::npos)
      << run.out;
}

TEST_F(CrawlCli, PathsAndUrlsMayBeMixed) {
  TempDir dir;
  std::filesystem::create_directories(dir.path() + "/local");
  {
    std::ofstream page(dir.path() + "/local/a.htm");
    page << "<script>\nvar e = window.event;\n</script>\n";
  }
  RunOutput run = Iescan({"scan", dir.path() + "/local", Url("/_faults/moved/new.html"),
                          "--fail-on", "none", "--format", "json"});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_NE(run.out.find("\"" + dir.path() + "/local/a.htm\""), std::string::npos);
  EXPECT_NE(run.out.find("\"" + Url("/_faults/moved/new.html") + "\""), std::string::npos);
  EXPECT_EQ(run.err.find("crawl:"),
            std::string::npos);  // no progress line off a terminal
}

TEST_F(CrawlCli, BadCrawlFlagsAreUsageErrors) {
  RunOutput timeout = Iescan({"scan", Url("/x/"), "--timeout", "soon"});
  EXPECT_EQ(timeout.code, 2);
  EXPECT_EQ(timeout.err, "iescan: --timeout: expected a duration such as 30s, got 'soon'\n");
  RunOutput bytes = Iescan({"scan", Url("/x/"), "--max-bytes", "lots"});
  EXPECT_EQ(bytes.code, 2);
  EXPECT_EQ(bytes.err, "iescan: --max-bytes: expected a size such as 32MiB, got 'lots'\n");
  RunOutput netrc = Iescan({"scan", Url("/x/"), "--netrc", "/nonexistent/netrc"});
  EXPECT_EQ(netrc.code, 2);
  EXPECT_EQ(netrc.err, "iescan: --netrc: cannot read /nonexistent/netrc\n");
}

TEST_F(CrawlCli, InsecureIsLoud) {
  RunOutput run =
      Iescan({"scan", Url("/_faults/xua/page.html"), "--insecure", "--fail-on", "none", "-q"});
  EXPECT_EQ(run.code, 0);
  EXPECT_EQ(run.err.rfind("iescan: WARNING: --insecure: TLS certificates are NOT verified.", 0), 0u)
      << run.err;
}

TEST_F(CrawlCli, SavedCrawlRescansOfflineWithTheSameFindings) {
  TempDir dir;
  const std::string saved = dir.path() + "/saved";
  RunOutput crawl = Iescan({"scan", Url("/juminhyo/"), "--save", saved, "--fail-on", "none", "-q"});
  ASSERT_EQ(crawl.code, 0) << crawl.err;
  rules::Engine engine(Catalog(), rules::EngineOptions{});
  using Key = std::tuple<std::string, uint32_t, uint32_t, std::string>;
  std::set<Key> online;
  std::set<Key> offline;
  app::ScanOptions options;
  options.roots = {Url("/juminhyo/")};
  options.crawl = FastOptions();
  Result<report::ScanResult> live = app::RunScan(engine, options);
  ASSERT_TRUE(live.ok());
  for (const report::FileResult& f : live->files) {
    std::string rel = f.origin.display.substr(Url("/juminhyo/").size());
    if (rel.find('?') != std::string::npos) continue;
    for (const rules::Finding& x : f.findings)
      online.emplace(rel, x.begin.line, x.begin.column, x.rule->id);
  }
  const std::string host_dir = saved + "/127.0.0.1_" + std::to_string(TestServer::Shared().port());
  options.roots = {host_dir + "/juminhyo"};
  Result<report::ScanResult> local = app::RunScan(engine, options);
  ASSERT_TRUE(local.ok()) << local.status().message();
  for (const report::FileResult& f : local->files) {
    std::string rel = f.origin.display.substr(options.roots[0].size() + 1);
    if (rel.find('@') != std::string::npos) continue;
    for (const rules::Finding& x : f.findings)
      offline.emplace(rel, x.begin.line, x.begin.column, x.rule->id);
  }
  EXPECT_FALSE(online.empty());
  EXPECT_EQ(online, offline);
}

}  // namespace
}  // namespace iescan::testing
