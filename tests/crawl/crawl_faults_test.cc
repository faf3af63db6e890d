// The crawler against a misbehaving server: retries, timeouts, redirects, huge
// bodies, infinite URL spaces, robots.txt, sitemaps, charset labels, HTTP
// headers.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <map>
#include <sstream>

#include "cli/scan_runner.h"
#include "tests/crawl/crawl_test_util.h"

namespace iescan::testing {
namespace {

using Clock = std::chrono::steady_clock;

class CrawlFaults : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_NE(server().port(), 0); }
  TestServer& server() { return TestServer::Shared(); }
  std::string Url(const std::string& path) { return server().Url("/_faults/" + path); }

  // Skipped items by origin.
  static std::map<std::string, std::string> Skips(const app::CrawlOutcome& crawl) {
    std::map<std::string, std::string> out;
    for (const scanner::Skipped& s : crawl.skipped) out[s.origin] = s.reason;
    return out;
  }
  static const report::FileResult* File(const app::CrawlOutcome& crawl, const std::string& url) {
    for (const report::FileResult& f : crawl.files) {
      if (f.origin.display == url) return &f;
    }
    return nullptr;
  }
  static std::vector<std::string> Findings(const report::FileResult& file) {
    std::vector<std::string> out;
    for (const rules::Finding& f : file.findings) {
      out.push_back(std::to_string(f.begin.line) + ":" + std::to_string(f.begin.column) + " " +
                    f.rule->id);
    }
    return out;
  }
  int Count(const std::string& path) {
    int n = 0;
    for (const TestServer::Request& r : server().Requests()) n += r.path == path;
    return n;
  }
};

TEST_F(CrawlFaults, ServerErrorIsRetriedAfterRetryAfter) {
  // A folder of its own, so that the server's "first request fails" holds for
  // this run.
  static int run = 0;
  const std::string folder =
      "flaky/" + std::to_string(getpid()) + "-" + std::to_string(++run) + "/";
  app::CrawlOutcome crawl = CrawlAndScan({Url(folder)}, FastOptions());
  const report::FileResult* page = File(crawl, Url(folder + "page.html"));
  ASSERT_NE(page, nullptr);
  EXPECT_EQ(Findings(*page), std::vector<std::string>{"6:9 dom.document-all"});
  EXPECT_TRUE(Skips(crawl).empty());
  std::vector<double> times;
  for (const TestServer::Request& r : server().Requests()) {
    if (r.path == "/_faults/" + folder + "page.html") times.push_back(r.time);
  }
  ASSERT_EQ(times.size(), 2u);
  EXPECT_GE(times[1] - times[0],
            0.95);  // Retry-After: 1 beats the 50 ms backoff
}

TEST_F(CrawlFaults, SlowResponseTimesOutAndIsSkippedWhileTheCrawlGoesOn) {
  scanner::CrawlOptions options = FastOptions();
  options.timeout_ms = 1000;
  options.retries = 1;
  Clock::time_point start = Clock::now();
  app::CrawlOutcome crawl = CrawlAndScan({Url("slow/")}, options);
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(8));
  EXPECT_EQ(Skips(crawl), (std::map<std::string, std::string>{
                              {Url("slow/slow.html"), "timed out after 1 s (after 1 retry)"}}));
  EXPECT_NE(File(crawl, Url("slow/fast.html")), nullptr);
  EXPECT_TRUE(crawl.summary.complete);
}

TEST_F(CrawlFaults, RedirectLoopIsRecorded) {
  app::CrawlOutcome crawl = CrawlAndScan({Url("loop/")}, FastOptions());
  EXPECT_EQ(Skips(crawl),
            (std::map<std::string, std::string>{
                {Url("loop/a.html"), "redirect loop: " + Url("loop/a.html") + " -> " +
                                         Url("loop/b.html") + " -> " + Url("loop/a.html")}}));
  EXPECT_EQ(Count("/_faults/loop/a.html"), 1);
  EXPECT_EQ(Count("/_faults/loop/b.html"), 1);
}

TEST_F(CrawlFaults, RedirectToAnotherHostIsNotFollowed) {
  app::CrawlOutcome crawl = CrawlAndScan({Url("offsite/")}, FastOptions());
  const std::string other = "http://127.0.0.2:" + std::to_string(server().port());
  EXPECT_EQ(Skips(crawl), (std::map<std::string, std::string>{
                              {Url("offsite/go.html"),
                               "HTTP 302 redirect to " + other +
                                   "/elsewhere.html is out of the crawl's scope: not followed"}}));
  ASSERT_EQ(crawl.files.size(), 1u);
  EXPECT_EQ(crawl.files[0].origin.display, Url("offsite/"));
}

TEST_F(CrawlFaults, RedirectInsideTheScopeIsFollowed) {
  app::CrawlOutcome crawl = CrawlAndScan({Url("moved/")}, FastOptions());
  const report::FileResult* page = File(crawl, Url("moved/new.html"));
  ASSERT_NE(page, nullptr);
  EXPECT_EQ(Findings(*page), std::vector<std::string>{"6:8 events.attach-event"});
  EXPECT_EQ(File(crawl, Url("moved/old.html")), nullptr);
  EXPECT_TRUE(Skips(crawl).empty());
}

TEST_F(CrawlFaults, HugeResponsesAreCutAtMaxBytes) {
  scanner::CrawlOptions options = FastOptions();
  options.max_bytes = 1 << 20;
  Clock::time_point start = Clock::now();
  app::CrawlOutcome crawl = CrawlAndScan({Url("big/")}, options);
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(10));
  const std::string reason = "larger than --max-bytes (1 MiB): transfer stopped";
  EXPECT_EQ(Skips(crawl), (std::map<std::string, std::string>{{Url("big/big.html"), reason},
                                                              {Url("big/stream.html"), reason}}));
  EXPECT_NE(File(crawl, Url("big/small.html")), nullptr);
  EXPECT_LT(crawl.summary.bytes, 4u << 20);  // never the 100 MB on offer
}

TEST_F(CrawlFaults, CalendarTrapIsCappedPerPattern) {
  scanner::CrawlOptions options = FastOptions();
  options.max_per_pattern = 10;
  app::CrawlOutcome crawl = CrawlAndScan({Url("calendar/")}, options);
  int months = 0;
  for (const report::FileResult& f : crawl.files) {
    months += f.origin.display.find("cal.html?month=") != std::string::npos;
  }
  EXPECT_EQ(months, 10);
  ASSERT_EQ(crawl.skipped.size(), 1u);
  EXPECT_EQ(crawl.skipped[0].reason,
            "URL pattern " + Url("calendar/cal.html?month=#-#") +
                " capped at --max-per-pattern 10: 2 more URL(s) not fetched");
  EXPECT_TRUE(crawl.summary.complete);
  EXPECT_EQ(crawl.summary.capped, 2u);
}

TEST_F(CrawlFaults, SessionIdsInPathsAreFetchedOnceAndRedacted) {
  app::CrawlOutcome crawl = CrawlAndScan({Url("session/")}, FastOptions());
  ASSERT_EQ(crawl.files.size(), 2u);
  EXPECT_EQ(crawl.files[1].origin.display, Url("session/list.jsp;jsessionid=REDACTED"));
}

TEST_F(CrawlFaults, RobotsTxtIsHonouredUnlessIgnored) {
  app::CrawlOutcome crawl = CrawlAndScan({Url("robots-blocked/")}, FastOptions());
  EXPECT_TRUE(crawl.files.empty());
  EXPECT_EQ(
      Skips(crawl),
      (std::map<std::string, std::string>{{Url("robots-blocked/"), "disallowed by robots.txt"}}));
  scanner::CrawlOptions options = FastOptions();
  options.robots = false;
  app::CrawlOutcome ignored = CrawlAndScan({Url("robots-blocked/")}, options);
  ASSERT_EQ(ignored.files.size(), 1u);
  EXPECT_EQ(Findings(ignored.files[0]), std::vector<std::string>{"6:9 dom.document-all"});
}

TEST_F(CrawlFaults, SitemapLeadsToUnlinkedPages) {
  app::CrawlOutcome crawl = CrawlAndScan({Url("mapped/")}, FastOptions());
  const report::FileResult* orphan = File(crawl, Url("mapped/orphan.html"));
  ASSERT_NE(orphan, nullptr);
  EXPECT_EQ(Findings(*orphan), std::vector<std::string>{"6:9 events.window-event"});
  EXPECT_EQ(File(crawl, Url("mapped/sitemap.xml")),
            nullptr);  // read, not scanned
}

TEST_F(CrawlFaults, MetaCharsetWinsOverAWrongHeaderAndAHeaderAloneIsUsed) {
  app::CrawlOutcome crawl = CrawlAndScan({Url("charset/")}, FastOptions());
  const report::FileResult* meta = File(crawl, Url("charset/meta.html"));
  const report::FileResult* header = File(crawl, Url("charset/header.html"));
  ASSERT_NE(meta, nullptr);
  ASSERT_NE(header, nullptr);
  EXPECT_EQ(meta->encoding, "Shift_JIS");
  EXPECT_EQ(meta->encoding_source, "meta");
  // The column counts characters of the Shift_JIS text: 一覧表 are three, and
  // the 0x5C byte of 表 does not escape the quote.
  EXPECT_EQ(Findings(*meta), std::vector<std::string>{"7:24 dom.document-all"});
  EXPECT_EQ(header->encoding, "Shift_JIS");
  EXPECT_EQ(header->encoding_source, "http-header");
  EXPECT_EQ(Findings(*header), std::vector<std::string>{"4:24 dom.document-all"});
}

TEST_F(CrawlFaults, XUaCompatibleHeaderFeedsTheDocumentModeCheck) {
  app::CrawlOutcome crawl = CrawlAndScan({Url("xua/page.html")}, FastOptions());
  ASSERT_EQ(crawl.files.size(), 1u);
  EXPECT_EQ(Findings(crawl.files[0]), std::vector<std::string>{"1:1 html.x-ua-compatible"});
}

TEST_F(CrawlFaults, MaxPagesStopsTheCrawlAndSaysSo) {
  scanner::CrawlOptions options = FastOptions();
  options.max_pages = 3;
  app::CrawlOutcome crawl = CrawlAndScan({server().Url("/juminhyo/")}, options);
  EXPECT_EQ(crawl.files.size(), 3u);
  EXPECT_FALSE(crawl.summary.complete);
  EXPECT_EQ(crawl.summary.stop_reason, "--max-pages (3) reached");
  bool reported = false;
  for (const scanner::Skipped& s : crawl.skipped) {
    reported |= s.origin == server().Url("/juminhyo/") &&
                s.reason.rfind("crawl stopped early: --max-pages (3) reached; ", 0) == 0;
  }
  EXPECT_TRUE(reported);
}

TEST_F(CrawlFaults, DelaySpacesRequestsToAHost) {
  scanner::CrawlOptions options = FastOptions();
  options.delay_ms = 200;
  const std::string seed = server().Url("/shisetsu-yoyaku/");
  size_t before = server().Requests().size();
  app::CrawlOutcome crawl = CrawlAndScan({seed}, options);
  EXPECT_EQ(crawl.files.size(), 4u);
  std::vector<TestServer::Request> all = server().Requests();
  std::vector<double> times;
  for (size_t i = before; i < all.size(); ++i) {
    if (all[i].path.rfind("/shisetsu-yoyaku/", 0) == 0) times.push_back(all[i].time);
  }
  ASSERT_GE(times.size(), 4u);
  for (size_t i = 1; i < times.size(); ++i) EXPECT_GE(times[i] - times[i - 1], 0.18) << i;
}

TEST_F(CrawlFaults, AllowAndDenyGlobsAdjustTheScope) {
  // The style sheet's behaviour lives outside the seed's folder: only --allow reaches it.
  const std::string seed = server().Url("/juminhyo/css/");
  const std::string htc = server().Url("/juminhyo/htc/hover.htc");
  app::CrawlOutcome narrow = CrawlAndScan({seed}, FastOptions());
  EXPECT_EQ(File(narrow, htc), nullptr);
  EXPECT_NE(File(narrow, seed + "juki.css"), nullptr);
  scanner::CrawlOptions options = FastOptions();
  options.allow = {"*/juminhyo/htc/*"};
  app::CrawlOutcome wide = CrawlAndScan({seed}, options);
  EXPECT_NE(File(wide, htc), nullptr);
  options.deny = {"*.htc", "*/css/*.css"};
  app::CrawlOutcome denied = CrawlAndScan({seed}, options);
  ASSERT_EQ(denied.files.size(), 1u);  // the folder listing alone
  EXPECT_EQ(denied.files[0].origin.display, seed);
}

TEST_F(CrawlFaults, ProgressReports) {
  std::vector<scanner::CrawlProgress> seen;
  rules::Engine engine(Catalog(), rules::EngineOptions{});
  Result<app::CrawlOutcome> crawl =
      app::RunCrawl(engine, {server().Url("/shisetsu-yoyaku/")}, FastOptions(), 1,
                    [&](const scanner::CrawlProgress& p) { seen.push_back(p); });
  ASSERT_TRUE(crawl.ok());
  ASSERT_FALSE(seen.empty());
  EXPECT_TRUE(seen.back().done);
  EXPECT_EQ(seen.back().fetched, 4u);
  EXPECT_EQ(seen.back().queued, 0u);
  EXPECT_EQ(seen.back().active, 0u);
  std::ostringstream line;
  scanner::CrawlProgress p;
  p.fetched = 12;
  p.queued = 30;
  p.active = 4;
  p.errors = 1;
  p.elapsed_seconds = 4;
  p.done = true;
  app::TerminalProgress(line)(p);
  EXPECT_EQ(line.str(),
            "\r\033[Kcrawl: 12 fetched, 30 queued, 4 in flight, 1 "
            "errors, 3.0 pages/s\n");
}

TEST_F(CrawlFaults, TimeBudgetStopsTheCrawlAndSaysSo) {
  scanner::CrawlOptions options = FastOptions();
  options.time_budget_ms = 1500;
  Clock::time_point start = Clock::now();
  app::CrawlOutcome crawl = CrawlAndScan({Url("slow/")}, options);
  EXPECT_LT(Clock::now() - start, std::chrono::milliseconds(2500));
  EXPECT_FALSE(crawl.summary.complete);
  EXPECT_EQ(crawl.summary.stop_reason, "the time budget (1500 ms) ran out");
  EXPECT_EQ(Skips(crawl),
            (std::map<std::string, std::string>{
                {Url("slow/"),
                 "crawl stopped early: the time budget (1500 ms) ran out; 0 "
                 "queued URL(s) were not fetched"},
                {Url("slow/slow.html"), "not finished when the time budget ran out"}}));
  EXPECT_NE(File(crawl, Url("slow/fast.html")), nullptr);
}

TEST_F(CrawlFaults, InterruptStopsTheCrawlQuickly) {
  std::atomic<bool> cancel{false};
  rules::Engine engine(Catalog(), rules::EngineOptions{});
  app::ScanOptions options;
  options.roots = {Url("slow/")};
  options.crawl = FastOptions();
  options.cancel = &cancel;
  std::thread interrupter([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    cancel.store(true);
  });
  Clock::time_point start = Clock::now();
  Result<report::ScanResult> result = app::RunScan(engine, options);
  interrupter.join();
  EXPECT_LT(Clock::now() - start, std::chrono::milliseconds(2000));
  ASSERT_TRUE(result.ok());
  EXPECT_FALSE(result->complete);
  ASSERT_EQ(result->skipped.size(), 1u);
  EXPECT_EQ(result->skipped[0].reason,
            "crawl stopped early: interrupted; 0 queued URL(s) were not fetched");
}

TEST_F(CrawlFaults, ProxyCarriesEveryRequest) {
  // The test server doubles as the proxy: it answers absolute-form requests for a host
  // that does not exist, which proves the requests went through it.
  scanner::CrawlOptions options = FastOptions();
  options.proxy = server().Url("");
  app::CrawlOutcome crawl = CrawlAndScan({"http://proxied.invalid/_faults/xua/page.html"}, options);
  ASSERT_EQ(crawl.files.size(), 1u);
  EXPECT_EQ(crawl.files[0].origin.display, "http://proxied.invalid/_faults/xua/page.html");
  EXPECT_EQ(Count("http://proxied.invalid/_faults/xua/page.html"), 1);
  EXPECT_EQ(Count("http://proxied.invalid/robots.txt"), 1);
}

TEST_F(CrawlFaults, SeedsMustBeHttpUrlsWithoutCredentials) {
  rules::Engine engine(Catalog(), rules::EngineOptions{});
  Result<app::CrawlOutcome> bad = app::RunCrawl(engine, {"ftp://h/"}, FastOptions(), 1);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "ftp://h/: not an http or https URL");
  Result<app::CrawlOutcome> creds =
      app::RunCrawl(engine, {"http://kanri:hunter2@127.0.0.1:1/"}, FastOptions(), 1);
  ASSERT_FALSE(creds.ok());
  EXPECT_EQ(creds.status().message(),
            "http://127.0.0.1:1/: credentials do not "
            "belong in the URL; give them in the "
            "environment or a netrc file");
  scanner::CrawlOptions options = FastOptions();
  options.auth = "kerberos";
  Result<app::CrawlOutcome> auth = app::RunCrawl(engine, {Url("flaky/")}, options, 1);
  ASSERT_FALSE(auth.ok());
  EXPECT_EQ(auth.status().message(),
            "--auth: expected any, basic, digest, ntlm or negotiate; got 'kerberos'");
}

}  // namespace
}  // namespace iescan::testing
