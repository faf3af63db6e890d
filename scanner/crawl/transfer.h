// One HTTP request of the crawler: a libcurl easy handle configured from
// CrawlOptions, and what came back (status, lower-case headers, body cut at
// max_bytes).
//
// Internal to the crawler. Thread-safety: a Transfer belongs to the crawl
// thread.
#pragma once

#include <curl/curl.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "scanner/core/status.h"
#include "scanner/crawl/crawler.h"
#include "scanner/crawl/frontier.h"

namespace iescan::scanner {

// libcurl state shared by every transfer of one crawl: the cookie share and the
// extra header list. Owns both.
class TransportShared {
 public:
  static Result<std::unique_ptr<TransportShared>> Create(const CrawlOptions& options);
  ~TransportShared();
  TransportShared(const TransportShared&) = delete;
  TransportShared& operator=(const TransportShared&) = delete;

  CURLSH* share() const { return share_; }
  curl_slist* seed_headers() const { return seed_headers_; }
  curl_slist* other_headers() const { return other_headers_; }
  // Writes the cookie jar (CrawlOptions::cookie_jar), if one was asked for.
  Status FlushCookies();

 private:
  TransportShared() = default;
  CURLSH* share_ = nullptr;
  CURL* jar_ = nullptr;                  // holds the cookie file/jar settings
  curl_slist* seed_headers_ = nullptr;   // Accept + extra headers (seed hosts)
  curl_slist* other_headers_ = nullptr;  // Accept only
  bool write_jar_ = false;
};

class Transfer {
 public:
  // `credentials`: the request goes to a seed host, so credentials and extra
  // headers may be sent.
  Transfer(CrawlItem item, const CrawlOptions& options, const TransportShared& shared,
           bool credentials);
  ~Transfer();
  Transfer(const Transfer&) = delete;
  Transfer& operator=(const Transfer&) = delete;

  CURL* handle() const { return easy_; }
  CrawlItem& item() { return item_; }

  // Filled as the response arrives.
  long status() const;
  const std::vector<std::pair<std::string, std::string>>& headers() const { return headers_; }
  std::string Header(std::string_view lower_name) const;  // last value, "" if absent
  std::string& body() { return body_; }
  bool truncated() const { return truncated_; }
  uint64_t max_bytes() const { return max_bytes_; }

 private:
  static size_t OnBody(char* data, size_t size, size_t count, void* self);
  static size_t OnHeader(char* data, size_t size, size_t count, void* self);

  CrawlItem item_;
  CURL* easy_ = nullptr;
  std::string body_;
  std::vector<std::pair<std::string, std::string>> headers_;
  uint64_t max_bytes_ = 0;
  bool truncated_ = false;
};

// Starts libcurl once per process.
Status EnsureCurlGlobal();

}  // namespace iescan::scanner
