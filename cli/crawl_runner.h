// Crawling as part of a scan: the command-line flags of the crawler, their
// conversion to scanner::CrawlOptions (credentials from the environment, never
// from the command line), and RunCrawl, which crawls URL roots and scans every
// fetched resource through ScanBlob on worker threads while the crawl goes on.
//
// Environment: IESCAN_HTTP_USER and IESCAN_HTTP_PASSWORD (HTTP authentication),
// IESCAN_HTTP_KEY_PASSWORD (the client certificate key's passphrase).
//
// Thread-safety: RunCrawl is re-entrant; it owns its worker threads for the
// call.
#pragma once

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include "report/scan_result.h"
#include "rules/engine/engine.h"
#include "scanner/crawl/crawler.h"
#include "scanner/crawl/url.h"

namespace CLI {
class App;
}  // namespace CLI

namespace iescan::app {

inline constexpr char kUserEnv[] = "IESCAN_HTTP_USER";
inline constexpr char kPasswordEnv[] = "IESCAN_HTTP_PASSWORD";
inline constexpr char kKeyPasswordEnv[] = "IESCAN_HTTP_KEY_PASSWORD";

// The crawl flags as typed; converted by FillCrawlOptions.
struct CrawlFlags {
  std::vector<std::string> allow;
  std::vector<std::string> deny;
  uint64_t max_pages = 10000;
  int max_depth = 25;
  std::string max_bytes = "32MiB";
  std::string timeout = "30s";
  std::string time_budget;  // empty: none
  uint32_t max_per_pattern = 50;
  bool ignore_robots = false;
  bool no_sitemap = false;
  bool follow_forms = false;
  bool fold_case = false;
  std::vector<std::string> strip_params;
  std::vector<std::string> redact_params;
  std::string auth = "any";
  std::string netrc;
  std::string cookies;
  std::string cookie_jar;
  std::vector<std::string> headers;
  std::string cacert;
  std::string cert;
  std::string key;
  std::string proxy;
  bool insecure = false;
  std::string user_agent = scanner::kIe11UserAgent;
  int concurrency = 4;
  std::string delay = "0";
  int retries = 3;
  std::string save;
};

// Adds the crawl flags to `cmd` in their own group.
void AddCrawlOptions(CLI::App* cmd, CrawlFlags* flags);

// Parses "30s", "500ms", "2m", "1h" or plain seconds ("30") into milliseconds.
bool ParseDuration(const std::string& text, int64_t* ms);

// Fills `out` from the flags and the environment. When `crawling` (some root is
// a URL) and
// --insecure is given, writes a warning to `err`. Fails on a malformed value.
Status FillCrawlOptions(const CrawlFlags& flags, bool crawling, std::ostream& err,
                        scanner::CrawlOptions* out);

// A progress printer for a terminal: rewrites one line on `err` (pages fetched,
// queued, errors, rate) and ends it when the crawl is done.
std::function<void(const scanner::CrawlProgress&)> TerminalProgress(std::ostream& err);

struct CrawlOutcome {
  std::vector<report::FileResult> files;  // sorted by origin.display
  std::vector<scanner::Skipped> skipped;  // sorted by origin, then reason
  scanner::CrawlSummary summary;
};

// Crawls `seeds` and scans what it fetched with `engine` on `jobs` threads (0 =
// all cores). Fails only on a usage problem (see scanner::Crawl). When a budget
// stopped the crawl early, a Skipped item on the first seed says so.
Result<CrawlOutcome> RunCrawl(const rules::Engine& engine, const std::vector<std::string>& seeds,
                              const scanner::CrawlOptions& options, unsigned jobs,
                              std::function<void(const scanner::CrawlProgress&)> progress = {});

}  // namespace iescan::app
