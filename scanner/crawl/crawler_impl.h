// The crawler's state and its event loop, shared by crawler.cc (set-up, the
// loop, starting requests) and crawl_responses.cc (what each finished request
// leads to).
//
// Internal to the crawler. Thread-safety: one Crawler per Crawl call, on one
// thread.
#pragma once

#include <curl/curl.h>

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "scanner/crawl/crawler.h"
#include "scanner/crawl/frontier.h"
#include "scanner/crawl/save_store.h"
#include "scanner/crawl/transfer.h"

namespace iescan::scanner {

class Crawler {
 public:
  Crawler(const CrawlOptions& options, const CrawlSink& sink);
  ~Crawler();
  Crawler(const Crawler&) = delete;
  Crawler& operator=(const Crawler&) = delete;

  Status Init(const std::vector<std::string>& seeds);
  CrawlSummary Run();

 private:
  // crawler.cc
  void StartReady(CrawlClock::time_point now);
  bool StartFromHost(const std::string& origin, Frontier::Host* host, CrawlClock::time_point now);
  void Start(CrawlItem item, Frontier::Host* host);
  void DrainFinished();
  // Abandons every request in flight; pages get a Skipped item with `reason` unless it is
  // empty.
  void StopActive(const std::string& reason);
  void Finish();
  void ReportProgress(bool done);
  bool PageBudgetReached() const;

  // crawl_responses.cc
  void OnFinished(std::unique_ptr<Transfer> transfer, CURLcode code);
  void OnRobots(Transfer* t, CURLcode code);
  void OnSitemap(Transfer* t, CURLcode code);
  void OnPage(Transfer* t, CURLcode code);
  void OnRedirect(Transfer* t);
  void Deliver(Transfer* t);
  void DiscoverLinks(const Blob& blob, KindInfo kind, const CrawlItem& item);
  void QueueSitemaps(const std::string& origin, const std::vector<std::string>& extra);
  // Retries `t`'s item when attempts remain; false when it should be given up.
  bool MaybeRetry(Transfer* t, int64_t retry_after_ms);
  void Skip(std::string origin, std::string reason);

  const CrawlOptions& options_;
  const CrawlSink& sink_;
  Frontier frontier_;
  std::vector<std::string> seed_display_;
  std::unique_ptr<TransportShared> shared_;
  std::unique_ptr<SaveStore> save_;
  CURLM* multi_ = nullptr;
  std::unordered_map<CURL*, std::unique_ptr<Transfer>> active_;
  uint64_t pages_in_flight_ = 0;
  CrawlSummary summary_;
  CrawlClock::time_point start_{};
  CrawlClock::time_point last_progress_{};
};

}  // namespace iescan::scanner
