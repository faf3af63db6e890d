// The HTTP crawler: turns seed URLs into the Blobs of every page, script, style
// sheet and component it reaches inside the crawl's scope, for the same
// pipeline a file scan uses.
//
// Built on libcurl's multi interface: one thread drives every transfer, with a
// limit of concurrent requests per host, an optional delay between requests to
// a host, retries with exponential backoff on 429, 5xx and network timeouts
// (honouring Retry-After), and robots.txt read before anything else from a host
// (unless ignored). Redirects are followed by the crawler itself, only inside
// the scope; a redirect that leaves the scope, a redirect loop, and every
// resource that failed are reported as Skipped items and the crawl goes on.
// Links are discovered with scanner/crawl/links.h from the Document the scanner
// builds of each fetched resource.
//
// Scope: the seed's scheme, host and port, and the seed's directory as a path
// prefix ("http://h/app/index.asp" gives "http://h/app/"); --allow globs add
// URLs, --deny globs remove them (deny wins). Only http and https are ever
// requested.
//
// Secrets: credentials (CrawlOptions::user/password, a netrc file) and extra
// headers are sent only to the hosts of the seeds. Every URL this module hands
// out (Origin::display, Skipped::origin and reasons, the manifest) has passed
// through RedactUrl.
//
// Thread-safety: Crawl may run on several threads at once (each call owns its
// handles); the sink is called from the calling thread only.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "scanner/core/status.h"
#include "scanner/source/blob.h"
#include "scanner/source/file_kind.h"

namespace iescan::scanner {

// Internet Explorer 11 on Windows 7: many intranet servers sniff it and serve
// their IE-only branch.
inline constexpr char kIe11UserAgent[] =
    "Mozilla/5.0 (Windows NT 6.1; Trident/7.0; rv:11.0) like Gecko";

struct CrawlOptions {
  // Scope and limits.
  std::vector<std::string> allow;    // URL globs added to the scope
  std::vector<std::string> deny;     // URL globs removed from it
  uint64_t max_pages = 10000;        // resources scanned (not counting robots.txt, sitemaps)
  int max_depth = 25;                // links followed from a seed (redirects do not count)
  uint64_t max_bytes = 32ull << 20;  // per response body (after content decoding)
  int64_t timeout_ms = 30000;        // per request
  int64_t connect_timeout_ms = 10000;
  int64_t time_budget_ms = 0;              // whole crawl; 0 = no limit
  uint32_t max_per_pattern = 50;           // URLs of one shape (see UrlShape)
  bool robots = true;                      // honour robots.txt
  bool sitemaps = true;                    // read sitemap.xml (seed directory, robots.txt lines)
  bool forms = false;                      // follow GET form actions
  bool fold_path_case = false;             // treat paths as case-insensitive (IIS)
  std::vector<std::string> strip_params;   // tracking parameters removed from URLs
  std::vector<std::string> secret_params;  // parameters redacted from every URL shown

  // Authentication and transport.
  std::string user;  // with `password`: sent only to the seeds' hosts
  std::string password;
  std::string auth = "any";  // any, basic, digest, ntlm, negotiate
  std::string netrc_file;
  std::string cookie_file;           // cookies read at start (Netscape format)
  std::string cookie_jar;            // cookies written at the end
  std::vector<std::string> headers;  // "Name: value", sent only to the seeds' hosts
  std::string ca_bundle;
  std::string client_cert;
  std::string client_key;
  std::string key_password;
  std::string proxy;      // empty: no proxy (environment variables are ignored)
  bool insecure = false;  // do not verify TLS certificates
  std::string user_agent = kIe11UserAgent;
  std::string robots_agent = "iescan";  // product token matched in robots.txt

  // Politeness and retries.
  int concurrency = 4;                // concurrent requests per host
  int64_t delay_ms = 0;               // between request starts to one host
  int retries = 3;                    // per resource, on 429, 5xx and network failures
  int64_t backoff_ms = 500;           // first retry wait, doubled each time
  int64_t max_retry_wait_ms = 60000;  // a longer Retry-After gives up instead

  // Keeping what was fetched (empty: nothing saved).
  std::string save_dir;

  // Set (from a signal handler) to stop the crawl: requests in flight are abandoned and
  // the summary says "interrupted". Borrowed; may be null.
  const std::atomic<bool>* cancel = nullptr;

  CrawlOptions();
};

struct CrawlProgress {
  uint64_t fetched = 0;  // resources handed to the sink
  uint64_t queued = 0;   // URLs waiting
  uint64_t active = 0;   // requests in flight
  uint64_t errors = 0;   // skipped items so far
  double elapsed_seconds = 0;
  bool done = false;  // the final report
};

struct CrawledResource {
  Blob blob;      // origin.display = redacted URL, is_url, root = redacted seed
  KindInfo kind;  // from the URL's extension, else Content-Type, else content
  int depth = 0;
  int status = 200;
};

struct CrawlSummary {
  uint64_t fetched = 0;      // resources handed to the sink
  uint64_t requests = 0;     // HTTP requests made, retries, robots.txt and sitemaps included
  uint64_t skipped = 0;      // skipped items reported
  uint64_t ignored = 0;      // responses that are not web code (images, PDFs, unknown kinds)
  uint64_t capped = 0;       // URLs not fetched because of --max-per-pattern
  uint64_t bytes = 0;        // body bytes received
  uint64_t queued_left = 0;  // URLs still queued when a budget stopped the crawl
  bool complete = true;      // false when --max-pages or the time budget stopped the crawl
  std::string stop_reason;   // why it stopped early, empty when complete
  double seconds = 0;
};

// What the crawler hands out. Called on the crawling thread; must not block for
// long.
struct CrawlSink {
  std::function<void(CrawledResource&&)> on_resource;
  std::function<void(Skipped&&)> on_skipped;
  std::function<void(const CrawlProgress&)> on_progress;  // optional, a few times a second
};

// Crawls from `seeds` (absolute http or https URLs). Fails only on a usage
// problem: a seed that is not an http(s) URL, a bad --auth value, an unreadable
// netrc or cookie file, a --save directory that cannot be created, libcurl
// failing to start. Every per-resource problem is a Skipped item.
Result<CrawlSummary> Crawl(const std::vector<std::string>& seeds, const CrawlOptions& options,
                           const CrawlSink& sink);

}  // namespace iescan::scanner
