// The crawl frontier: which URLs are in scope, which were already seen, how
// many of each URL shape were taken (the defence against calendars and session
// IDs in paths), and the per-host queues of work, with retries and per-host
// pacing.
//
// Internal to the crawler. Thread-safety: not thread-safe; owned by one Crawl
// call.
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <unordered_set>
#include <vector>

#include "scanner/crawl/crawler.h"
#include "scanner/crawl/robots.h"
#include "scanner/crawl/url.h"

namespace iescan::scanner {

using CrawlClock = std::chrono::steady_clock;

enum class Purpose : uint8_t { kPage, kRobots, kSitemap };

struct CrawlItem {
  Url url;
  std::string key;      // DedupKey
  std::string display;  // redacted URL
  int depth = 0;
  int seed = 0;     // index of the seed it was found from
  int attempt = 0;  // retries done so far
  Purpose purpose = Purpose::kPage;
  CrawlClock::time_point not_before{};
  std::vector<std::string> chain_keys;  // redirects that led here, oldest first
  std::vector<std::string> chain_display;
};

enum class OfferResult : uint8_t { kQueued, kSeen, kOutOfScope, kNonCode, kTooDeep, kCapped };

class Frontier {
 public:
  explicit Frontier(const CrawlOptions& options) : options_(options) {}

  // Adds a seed; it is always in scope and queued.
  void AddSeed(const Url& url);
  const std::vector<Url>& seeds() const { return seeds_; }

  bool InScope(const Url& url) const;
  // True when `origin` ("http://h:8080") is a seed's origin (credentials go
  // there only).
  bool IsSeedOrigin(const std::string& origin) const;

  // Offers a discovered URL (tracking parameters already stripped by the caller
  // or not: Offer strips them). `chain` holds the redirects leading to it.
  OfferResult Offer(Url url, int depth, int seed, Purpose purpose,
                    std::vector<std::string> chain_keys = {},
                    std::vector<std::string> chain_display = {});
  // Puts an item back for another attempt, not before `when`.
  void Retry(CrawlItem item, CrawlClock::time_point when);

  // Per-host state.
  struct Host {
    std::deque<CrawlItem> queue;
    std::vector<CrawlItem> retries;
    int active = 0;
    CrawlClock::time_point next_start{};
    enum class Robots : uint8_t { kUnknown, kFetching, kReady } robots_state = Robots::kUnknown;
    RobotsRules robots = RobotsRules::AllowAll();
    int64_t delay_ms = 0;
  };
  std::map<std::string, Host>& hosts() { return hosts_; }
  Host& HostOf(const std::string& origin);

  // Takes the next item of `host` that may start at `now` (retries first), if
  // any.
  bool TakeReady(Host* host, CrawlClock::time_point now, CrawlItem* out);
  // The earliest time a waiting item of any host could start (max() when none
  // waits).
  CrawlClock::time_point NextWake() const;
  uint64_t Pending() const;

  // One Skipped item per capped shape: "URL pattern ... capped ...".
  std::vector<Skipped> CappedReport() const;
  uint64_t capped() const { return capped_total_; }
  std::string Display(const Url& url) const { return RedactUrl(url, options_.secret_params); }

 private:
  bool Claim(const Url& url, const std::string& key);

  const CrawlOptions& options_;
  std::vector<Url> seeds_;
  std::vector<std::string> seed_prefixes_;
  std::unordered_set<std::string> seen_;
  struct Pattern {
    uint32_t taken = 0;
    uint64_t dropped = 0;
    std::string example;  // first dropped URL, redacted
    std::string shown;    // the shape of the redacted URL
  };
  std::map<std::string, Pattern> patterns_;
  uint64_t capped_total_ = 0;
  std::map<std::string, Host> hosts_;
};

}  // namespace iescan::scanner
