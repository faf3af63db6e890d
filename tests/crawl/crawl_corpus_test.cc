// Walking and crawling share one oracle: corpus/apps/<app> served by the
// loopback test server and crawled gives exactly the findings (relative path,
// line, column, rule) of the file scan of the same directory, which the corpus
// test holds to the annotations.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>
#include <tuple>

#include "cli/scan_runner.h"
#include "scanner/crawl/url.h"
#include "tests/crawl/crawl_test_util.h"

namespace iescan::testing {
namespace {

using Key = std::tuple<std::string, uint32_t, uint32_t, std::string>;

const std::string kApps = std::string(IESCAN_SOURCE_DIR) + "/corpus/apps";

// Path relative to `prefix`, without query, percent-decoded; "" when outside
// it.
std::string Relative(const std::string& display, const std::string& prefix) {
  if (display.compare(0, prefix.size(), prefix) != 0) return "";
  std::string rest = display.substr(prefix.size());
  rest = rest.substr(0, rest.find('?'));
  return scanner::PercentDecode(rest);
}

std::set<Key> FileScan(const std::string& app, std::set<std::string>* files) {
  rules::Engine engine(Catalog(), rules::EngineOptions{});
  app::ScanOptions options;
  const std::string root = kApps + "/" + app;
  options.roots = {root};
  options.jobs = 2;
  Result<report::ScanResult> result = app::RunScan(engine, options);
  EXPECT_TRUE(result.ok()) << result.status().message();
  std::set<Key> keys;
  if (!result.ok()) return keys;
  EXPECT_TRUE(result->skipped.empty());
  for (const report::FileResult& file : result->files) {
    std::string rel = Relative(file.origin.display, root + "/");
    files->insert(rel);
    for (const rules::Finding& f : file.findings) {
      keys.emplace(rel, f.begin.line, f.begin.column, f.rule->id);
    }
  }
  return keys;
}

std::string Describe(const std::set<Key>& keys) {
  std::ostringstream out;
  for (const auto& [path, line, column, rule] : keys) {
    out << "  " << path << ":" << line << ":" << column << " " << rule << "\n";
  }
  return out.str();
}

class CrawlCorpus : public ::testing::TestWithParam<std::string> {};

TEST_P(CrawlCorpus, SameFindingsAsTheFileScanWithUrlLocations) {
  TestServer& server = TestServer::Shared();
  ASSERT_NE(server.port(), 0);
  const std::string app = GetParam();
  const std::string seed = server.Url("/" + app + "/");
  app::CrawlOutcome crawl = CrawlAndScan({seed}, FastOptions());
  EXPECT_TRUE(crawl.summary.complete) << crawl.summary.stop_reason;

  std::set<Key> crawled;
  std::set<std::string> crawled_files;
  for (const report::FileResult& file : crawl.files) {
    EXPECT_TRUE(file.origin.is_url);
    EXPECT_EQ(file.origin.root, seed);
    EXPECT_EQ(file.origin.fs_path, "");
    std::string rel = Relative(file.origin.display, seed);
    ASSERT_EQ(file.origin.display.rfind(seed, 0), 0u) << file.origin.display;
    if ((rel.empty() || rel.back() == '/') &&
        std::filesystem::exists(kApps + "/" + app + "/" + rel + "index.html")) {
      rel += "index.html";  // the server answers a directory with its index.html
    }
    if (rel.empty() || rel.back() == '/') {
      // A directory listing of the test server: a page of links, nothing to
      // report.
      EXPECT_TRUE(file.findings.empty()) << file.origin.display;
      continue;
    }
    crawled_files.insert(rel);
    for (const rules::Finding& f : file.findings) {
      crawled.emplace(rel, f.begin.line, f.begin.column, f.rule->id);
    }
  }
  std::set<std::string> scanned_files;
  std::set<Key> scanned = FileScan(app, &scanned_files);
  EXPECT_FALSE(scanned.empty() && app != "shisetsu-yoyaku");
  EXPECT_EQ(crawled_files, scanned_files);

  std::set<Key> missing;
  std::set<Key> extra;
  std::set_difference(scanned.begin(), scanned.end(), crawled.begin(), crawled.end(),
                      std::inserter(missing, missing.end()));
  std::set_difference(crawled.begin(), crawled.end(), scanned.begin(), scanned.end(),
                      std::inserter(extra, extra.end()));
  EXPECT_TRUE(missing.empty()) << "found by the file scan only:\n" << Describe(missing);
  EXPECT_TRUE(extra.empty()) << "found by the crawl only:\n" << Describe(extra);
  // Every skipped item is a broken link of the app (a page its server code
  // would make), never a transport failure.
  for (const scanner::Skipped& s : crawl.skipped) {
    EXPECT_EQ(s.reason, "HTTP 404 Not Found") << s.origin;
  }
}

INSTANTIATE_TEST_SUITE_P(Apps, CrawlCorpus,
                         ::testing::Values("juminhyo", "jinji", "shisetsu-yoyaku"),
                         [](const auto& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

TEST(CrawlCorpus, FramesetReachesItsPagesByLinksAlone) {
  TestServer& server = TestServer::Shared();
  ASSERT_NE(server.port(), 0);
  const std::string seed = server.Url("/juminhyo/index.asp");
  app::CrawlOutcome crawl = CrawlAndScan({seed}, FastOptions());
  std::set<std::string> reached;
  const std::string base = server.Url("/juminhyo/");
  for (const report::FileResult& file : crawl.files) {
    reached.insert(file.origin.display.substr(base.size()));
  }
  // Frames, style sheet, script, HTC behaviour (from CSS), help page (link),
  // pages opened from script (showModalDialog literal, VBScript location.href).
  std::set<std::string> expected = {
      "index.asp",    "menu.asp",   "search.asp",    "search.asp?mode=setai",
      "css/juki.css", "js/juki.js", "htc/hover.htc", "help/help.htm"};
  for (const std::string& page : expected) EXPECT_EQ(reached.count(page), 1u) << page;
  std::set<std::string> skipped;
  for (const scanner::Skipped& s : crawl.skipped) skipped.insert(s.origin.substr(base.size()));
  EXPECT_EQ(skipped.count("logout.asp"), 1u);
  // Findings of every reached page are those of the same file scanned from
  // disk.
  std::set<std::string> unused;
  std::set<Key> on_disk = FileScan("juminhyo", &unused);
  for (const report::FileResult& file : crawl.files) {
    std::string rel = Relative(file.origin.display, base);
    std::set<Key> crawled;
    std::set<Key> expected_keys;
    for (const rules::Finding& f : file.findings) {
      crawled.emplace(rel, f.begin.line, f.begin.column, f.rule->id);
    }
    for (const Key& k : on_disk) {
      if (std::get<0>(k) == rel) expected_keys.insert(k);
    }
    EXPECT_EQ(crawled, expected_keys) << file.origin.display;
    EXPECT_FALSE(crawled.empty()) << file.origin.display;
  }
  // Every request was made with Internet Explorer 11's User-Agent.
  for (const TestServer::Request& r : server.Requests()) {
    EXPECT_EQ(r.user_agent, scanner::kIe11UserAgent) << r.path;
  }
}

}  // namespace
}  // namespace iescan::testing
