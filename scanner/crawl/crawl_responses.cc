// What a finished request leads to: robots rules, sitemap URLs, a redirect
// followed or recorded, a retry, a skipped item, or a resource handed to the
// sink with its links queued. See crawler.h.

#include <chrono>
#include <ctime>
#include <string>
#include <utility>

#include "scanner/crawl/content_type.h"
#include "scanner/crawl/crawler_impl.h"
#include "scanner/crawl/links.h"
#include "scanner/decode/text_file.h"
#include "scanner/document/document.h"
#include "scanner/source/walker.h"

namespace iescan::scanner {
namespace {

constexpr size_t kMaxRedirects = 10;
constexpr size_t kMaxSitemapUrls = 50000;
constexpr int64_t kMaxCrawlDelayMs = 30000;
constexpr size_t kSniffBytes = 1024;

std::string StatusText(long status) {
  const char* phrase = nullptr;
  switch (status) {
    case 400:
      phrase = "Bad Request";
      break;
    case 401:
      phrase = "Unauthorized (credentials missing or rejected)";
      break;
    case 403:
      phrase = "Forbidden";
      break;
    case 404:
      phrase = "Not Found";
      break;
    case 405:
      phrase = "Method Not Allowed";
      break;
    case 407:
      phrase = "Proxy Authentication Required";
      break;
    case 408:
      phrase = "Request Timeout";
      break;
    case 410:
      phrase = "Gone";
      break;
    case 429:
      phrase = "Too Many Requests";
      break;
    case 500:
      phrase = "Internal Server Error";
      break;
    case 501:
      phrase = "Not Implemented";
      break;
    case 502:
      phrase = "Bad Gateway";
      break;
    case 503:
      phrase = "Service Unavailable";
      break;
    case 504:
      phrase = "Gateway Timeout";
      break;
    default:
      break;
  }
  std::string out = "HTTP " + std::to_string(status);
  if (phrase != nullptr) out += std::string(" ") + phrase;
  return out;
}

std::string Seconds(int64_t ms) {
  if (ms % 1000 == 0) return std::to_string(ms / 1000) + " s";
  return std::to_string(ms) + " ms";
}

std::string SizeText(uint64_t bytes) {
  if (bytes >= (1ull << 20) && bytes % (1ull << 20) == 0) {
    return std::to_string(bytes >> 20) + " MiB";
  }
  if (bytes >= 1024 && bytes % 1024 == 0) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " bytes";
}

bool Retryable(CURLcode code) {
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_COULDNT_CONNECT:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
      return true;
    default:
      return false;
  }
}

std::string Attempts(const CrawlItem& item) {
  if (item.attempt == 0) return "";
  return " (after " + std::to_string(item.attempt) + (item.attempt == 1 ? " retry)" : " retries)");
}

// Retry-After as milliseconds from now: delta-seconds or an HTTP date; -1 when
// absent.
int64_t RetryAfterMs(const std::string& value) {
  if (value.empty()) return -1;
  bool digits = value.find_first_not_of("0123456789") == std::string::npos;
  if (digits) return value.size() > 9 ? INT64_MAX / 2 : std::stoll(value) * 1000;
  time_t when = curl_getdate(value.c_str(), nullptr);
  if (when < 0) return -1;
  int64_t delta = static_cast<int64_t>(when - std::time(nullptr));
  return delta < 0 ? 0 : delta * 1000;
}

bool IsHeaderKept(const std::string& name) {
  return name != "set-cookie" && name != "www-authenticate" && name != "authorization" &&
         name != "proxy-authenticate" && name != "cookie";
}

}  // namespace

void Crawler::OnFinished(std::unique_ptr<Transfer> transfer, CURLcode code) {
  summary_.bytes += transfer->body().size();
  switch (transfer->item().purpose) {
    case Purpose::kRobots:
      OnRobots(transfer.get(), code);
      break;
    case Purpose::kSitemap:
      OnSitemap(transfer.get(), code);
      break;
    case Purpose::kPage:
      OnPage(transfer.get(), code);
      break;
  }
}

bool Crawler::MaybeRetry(Transfer* t, int64_t retry_after_ms) {
  CrawlItem& item = t->item();
  if (item.attempt >= options_.retries) return false;
  int64_t wait = options_.backoff_ms << std::min(item.attempt, 16);
  CrawlClock::time_point now = CrawlClock::now();
  if (retry_after_ms >= 0) {
    if (retry_after_ms > options_.max_retry_wait_ms) return false;
    wait = std::max(wait, retry_after_ms);
    // The server asked the whole host to slow down.
    Frontier::Host& host = frontier_.HostOf(item.url.Origin());
    host.next_start = std::max(host.next_start, now + std::chrono::milliseconds(retry_after_ms));
  }
  ++item.attempt;
  frontier_.Retry(std::move(item), now + std::chrono::milliseconds(wait));
  return true;
}

void Crawler::OnRobots(Transfer* t, CURLcode code) {
  const std::string origin = t->item().url.Origin();
  long status = code == CURLE_OK ? t->status() : 0;
  RobotsRules rules = RobotsRules::AllowAll();
  if (code == CURLE_OK && status >= 200 && status < 300) {
    rules = RobotsRules::Parse(t->body(), options_.robots_agent);
  } else if (code == CURLE_OK && status >= 400 && status < 500) {
    rules = RobotsRules::AllowAll();
  } else {
    if (MaybeRetry(t, code == CURLE_OK ? RetryAfterMs(t->Header("retry-after")) : -1)) return;
    std::string why = code == CURLE_OK ? StatusText(status) : curl_easy_strerror(code);
    Skip(t->item().display, "robots.txt could not be read (" + why +
                                "): nothing is fetched from this host; use --ignore-robots "
                                "for a site you own");
    rules = RobotsRules::DisallowAll();
  }
  Frontier::Host& host = frontier_.HostOf(origin);
  int64_t crawl_delay = static_cast<int64_t>(rules.crawl_delay() * 1000);
  host.delay_ms = std::max(host.delay_ms, std::min(crawl_delay, kMaxCrawlDelayMs));
  std::vector<std::string> sitemaps = rules.sitemaps();
  host.robots = std::move(rules);
  host.robots_state = Frontier::Host::Robots::kReady;
  QueueSitemaps(origin, sitemaps);
}

void Crawler::QueueSitemaps(const std::string& origin, const std::vector<std::string>& extra) {
  if (!options_.sitemaps) return;
  const std::vector<Url>& seeds = frontier_.seeds();
  for (size_t i = 0; i < seeds.size(); ++i) {
    if (seeds[i].Origin() != origin) continue;
    for (const std::string& text : extra) {
      Result<Url> url = ParseUrl(text);
      if (url.ok() && url->Origin() == origin) {
        frontier_.Offer(*url, 0, static_cast<int>(i), Purpose::kSitemap);
      }
    }
    Result<Url> own = ResolveUrl(seeds[i], "sitemap.xml");
    if (own.ok()) frontier_.Offer(*own, 0, static_cast<int>(i), Purpose::kSitemap);
  }
}

void Crawler::OnSitemap(Transfer* t, CURLcode code) {
  const CrawlItem& item = t->item();
  long status = code == CURLE_OK ? t->status() : 0;
  if (status < 200 || status >= 300) return;  // no sitemap: nothing to say
  for (const std::string& loc : SitemapLocations(t->body(), kMaxSitemapUrls)) {
    Result<Url> url = ParseUrl(loc);
    if (!url.ok()) continue;
    bool nested = url->path.size() > 4 && url->path.compare(url->path.size() - 4, 4, ".xml") == 0 &&
                  url->Origin() == item.url.Origin();
    if (nested && item.depth < 1) {
      frontier_.Offer(*url, item.depth + 1, item.seed, Purpose::kSitemap);
    } else {
      frontier_.Offer(*url, 1, item.seed, Purpose::kPage);
    }
  }
}

void Crawler::OnPage(Transfer* t, CURLcode code) {
  const CrawlItem& item = t->item();
  if (code != CURLE_OK) {
    if (t->truncated() || code == CURLE_FILESIZE_EXCEEDED) {
      Skip(item.display,
           "larger than --max-bytes (" + SizeText(options_.max_bytes) + "): transfer stopped");
      return;
    }
    if (Retryable(code) && MaybeRetry(t, -1)) return;
    std::string why = code == CURLE_OPERATION_TIMEDOUT
                          ? "timed out after " + Seconds(options_.timeout_ms)
                          : std::string("network error: ") + curl_easy_strerror(code);
    Skip(item.display, why + Attempts(item));
    return;
  }
  long status = t->status();
  if (status >= 300 && status < 400 && status != 304) {
    OnRedirect(t);
    return;
  }
  if (status == 429 || status >= 500) {
    int64_t retry_after = RetryAfterMs(t->Header("retry-after"));
    if (MaybeRetry(t, retry_after)) return;
    std::string why = StatusText(status);
    if (retry_after > options_.max_retry_wait_ms) {
      why += " (Retry-After " + Seconds(retry_after) + " is longer than the wait limit)";
    }
    Skip(item.display, why + Attempts(item));
    return;
  }
  if (status < 200 || status >= 300) {
    Skip(item.display, StatusText(status));
    return;
  }
  Deliver(t);
}

void Crawler::OnRedirect(Transfer* t) {
  const CrawlItem& item = t->item();
  const std::string location = t->Header("location");
  const std::string status = StatusText(t->status());
  if (location.empty()) {
    Skip(item.display, status + " redirect without a Location header");
    return;
  }
  Result<Url> target = ResolveUrl(item.url, location);
  if (!target.ok()) {
    Skip(item.display, status + " redirect to a location that is not an http(s) URL");
    return;
  }
  StripParams(&*target, options_.strip_params);
  std::vector<std::string> keys = item.chain_keys;
  std::vector<std::string> shown = item.chain_display;
  keys.push_back(item.key);
  shown.push_back(item.display);
  const std::string target_key = DedupKey(*target, options_.fold_path_case);
  const std::string target_shown = frontier_.Display(*target);
  for (const std::string& key : keys) {
    if (key != target_key) continue;
    std::string path;
    for (const std::string& s : shown) path += s + " -> ";
    Skip(shown.front(), "redirect loop: " + path + target_shown);
    return;
  }
  if (keys.size() > kMaxRedirects) {
    Skip(shown.front(), "more than " + std::to_string(kMaxRedirects) + " redirects");
    return;
  }
  if (!IsNonCodeExtension(target->path) && !frontier_.InScope(*target)) {
    Skip(item.display,
         status + " redirect to " + target_shown + " is out of the crawl's scope: not followed");
    return;
  }
  frontier_.Offer(std::move(*target), item.depth, item.seed, Purpose::kPage, std::move(keys),
                  std::move(shown));
}

void Crawler::Deliver(Transfer* t) {
  const CrawlItem& item = t->item();
  ContentType type = ParseContentType(t->Header("content-type"));
  std::string& body = t->body();
  std::string_view head = std::string_view(body).substr(0, kSniffBytes);
  KindInfo by_name = CrawledKind(item.url.path, "", "");
  if (IsNonCodeMediaType(type.media_type) &&
      !(type.media_type == "application/octet-stream" && by_name.kind != FileKind::kUnknown)) {
    ++summary_.ignored;
    return;
  }
  KindInfo kind = CrawledKind(item.url.path, type.media_type, head);
  if (kind.kind == FileKind::kUnknown) {
    ++summary_.ignored;
    return;
  }
  uint64_t nul = 0;
  if (LooksBinary(head, &nul)) {
    Skip(item.display, "binary file (NUL byte at offset " + std::to_string(nul) + ")");
    return;
  }
  CrawledResource resource;
  resource.kind = kind;
  resource.depth = item.depth;
  resource.status = static_cast<int>(t->status());
  Blob& blob = resource.blob;
  blob.origin.display = item.display;
  blob.origin.root = seed_display_[static_cast<size_t>(item.seed)];
  blob.origin.is_url = true;
  blob.declared_charset = type.charset;
  blob.content_type = type.media_type;
  for (const auto& header : t->headers()) {
    if (IsHeaderKept(header.first)) blob.headers.push_back(header);
  }
  blob.bytes = std::move(body);
  if (item.depth < options_.max_depth) DiscoverLinks(blob, kind, item);
  if (save_ != nullptr) {
    SavedResource meta{item.display, resource.status, type.media_type, type.charset,
                       t->Header("x-ua-compatible")};
    Result<std::string> saved = save_->Save(item.url, kind, meta, blob.bytes);
    if (!saved.ok()) Skip(item.display, "--save: " + saved.status().message());
  }
  ++summary_.fetched;
  if (sink_.on_resource) sink_.on_resource(std::move(resource));
}

void Crawler::DiscoverLinks(const Blob& blob, KindInfo kind, const CrawlItem& item) {
  Result<TextFile> text = Decode(blob);
  if (!text.ok()) return;
  Result<Document> doc = BuildDocument(*text, kind);
  if (!doc.ok()) return;
  PageLinks links = ExtractLinks(*doc, LinkOptions{options_.forms});
  Url base = item.url;
  if (!links.base.empty()) {
    Result<Url> resolved = ResolveUrl(item.url, links.base);
    if (resolved.ok()) base = std::move(*resolved);
  }
  for (const std::string& link : links.links) {
    Result<Url> url = ResolveUrl(base, link);
    if (url.ok()) frontier_.Offer(std::move(*url), item.depth + 1, item.seed, Purpose::kPage);
  }
}

}  // namespace iescan::scanner
