// Scope, de-duplication, per-pattern caps and per-host queues. See frontier.h.

#include "scanner/crawl/frontier.h"

#include <algorithm>
#include <utility>

#include "scanner/crawl/content_type.h"

namespace iescan::scanner {
namespace {

constexpr size_t kMaxSpecLength = 2048;
constexpr int kRepeatedSegmentLimit = 3;

std::string LowerAscii(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return text;
}

}  // namespace

void Frontier::AddSeed(const Url& url) {
  Url seed = url;
  StripParams(&seed, options_.strip_params);
  // "http://h/app" is read as the directory "http://h/app/": a last segment
  // without an extension names a directory far more often than a page.
  size_t last_slash = seed.path.rfind('/');
  bool directory = seed.path.find('.', last_slash) == std::string::npos;
  std::string prefix =
      directory && seed.path.back() != '/' ? seed.path + "/" : seed.path.substr(0, last_slash + 1);
  if (options_.fold_path_case) prefix = LowerAscii(prefix);
  seeds_.push_back(seed);
  seed_prefixes_.push_back(std::move(prefix));
  std::string key = DedupKey(seed, options_.fold_path_case);
  if (!seen_.insert(key).second) return;
  ++patterns_[UrlShape(seed)].taken;
  CrawlItem item;
  item.url = seed;
  item.key = std::move(key);
  item.display = Display(seed);
  item.seed = static_cast<int>(seeds_.size()) - 1;
  HostOf(seed.Origin()).queue.push_back(std::move(item));
}

bool Frontier::InScope(const Url& url) const {
  const std::string spec = url.Spec();
  for (const std::string& glob : options_.deny) {
    if (GlobMatch(glob, spec)) return false;
  }
  for (const std::string& glob : options_.allow) {
    if (GlobMatch(glob, spec)) return true;
  }
  const std::string origin = url.Origin();
  const std::string path = options_.fold_path_case ? LowerAscii(url.path) : url.path;
  for (size_t i = 0; i < seeds_.size(); ++i) {
    if (seeds_[i].Origin() != origin) continue;
    if (path.compare(0, seed_prefixes_[i].size(), seed_prefixes_[i]) == 0) return true;
    if (url.path == seeds_[i].path) return true;
  }
  return false;
}

bool Frontier::IsSeedOrigin(const std::string& origin) const {
  return std::any_of(seeds_.begin(), seeds_.end(),
                     [&](const Url& s) { return s.Origin() == origin; });
}

Frontier::Host& Frontier::HostOf(const std::string& origin) {
  auto [it, inserted] = hosts_.try_emplace(origin);
  if (inserted) {
    it->second.delay_ms = options_.delay_ms;
    if (!options_.robots) it->second.robots_state = Host::Robots::kReady;
  }
  return it->second;
}

// Records the URL's shape; false when its pattern is full or the URL looks like
// a trap.
bool Frontier::Claim(const Url& url, const std::string& key) {
  std::string shape;
  bool trap = url.Spec().size() > kMaxSpecLength || HasRepeatedSegments(url, kRepeatedSegmentLimit);
  shape = trap ? "repeated path segments or overlong URL" : UrlShape(url);
  Pattern& pattern = patterns_[shape];
  if (!trap && pattern.taken < options_.max_per_pattern) {
    ++pattern.taken;
    seen_.insert(key);
    return true;
  }
  if (pattern.dropped == 0) {
    pattern.example = Display(url);
    Result<Url> shown = ParseUrl(pattern.example);
    pattern.shown = trap ? shape : (shown.ok() ? UrlShape(*shown) : pattern.example);
  }
  ++pattern.dropped;
  ++capped_total_;
  // Remember the URL so it is counted once however often it is linked.
  seen_.insert(key);
  return false;
}

OfferResult Frontier::Offer(Url url, int depth, int seed, Purpose purpose,
                            std::vector<std::string> chain_keys,
                            std::vector<std::string> chain_display) {
  StripParams(&url, options_.strip_params);
  if (purpose == Purpose::kPage) {
    if (IsNonCodeExtension(url.path)) return OfferResult::kNonCode;
    if (!InScope(url)) return OfferResult::kOutOfScope;
  }
  std::string key = DedupKey(url, options_.fold_path_case);
  if (purpose == Purpose::kSitemap) key = "sitemap " + key;
  if (seen_.count(key) != 0) return OfferResult::kSeen;
  if (purpose == Purpose::kPage) {
    if (depth > options_.max_depth) return OfferResult::kTooDeep;
    if (!Claim(url, key)) return OfferResult::kCapped;
  } else {
    seen_.insert(key);
  }
  CrawlItem item;
  item.display = Display(url);
  item.url = std::move(url);
  item.key = std::move(key);
  item.depth = depth;
  item.seed = seed;
  item.purpose = purpose;
  item.chain_keys = std::move(chain_keys);
  item.chain_display = std::move(chain_display);
  HostOf(item.url.Origin()).queue.push_back(std::move(item));
  return OfferResult::kQueued;
}

void Frontier::Retry(CrawlItem item, CrawlClock::time_point when) {
  item.not_before = when;
  HostOf(item.url.Origin()).retries.push_back(std::move(item));
}

bool Frontier::TakeReady(Host* host, CrawlClock::time_point now, CrawlItem* out) {
  if (now < host->next_start) return false;
  for (size_t i = 0; i < host->retries.size(); ++i) {
    if (host->retries[i].not_before <= now) {
      *out = std::move(host->retries[i]);
      host->retries.erase(host->retries.begin() + static_cast<std::ptrdiff_t>(i));
      return true;
    }
  }
  if (host->queue.empty()) return false;
  *out = std::move(host->queue.front());
  host->queue.pop_front();
  return true;
}

CrawlClock::time_point Frontier::NextWake() const {
  CrawlClock::time_point wake = CrawlClock::time_point::max();
  for (const auto& [origin, host] : hosts_) {
    for (const CrawlItem& item : host.retries) {
      wake = std::min(wake, std::max(item.not_before, host.next_start));
    }
    if (!host.queue.empty()) wake = std::min(wake, host.next_start);
  }
  return wake;
}

uint64_t Frontier::Pending() const {
  uint64_t n = 0;
  for (const auto& [origin, host] : hosts_) n += host.queue.size() + host.retries.size();
  return n;
}

std::vector<Skipped> Frontier::CappedReport() const {
  std::vector<Skipped> out;
  for (const auto& [shape, pattern] : patterns_) {
    if (pattern.dropped == 0) continue;
    std::string reason = "URL pattern " + pattern.shown + " capped at --max-per-pattern " +
                         std::to_string(options_.max_per_pattern) + ": " +
                         std::to_string(pattern.dropped) + " more URL(s) not fetched";
    if (shape == "repeated path segments or overlong URL") {
      reason = "likely crawler trap (repeated path segments or overlong URL): " +
               std::to_string(pattern.dropped) + " URL(s) not fetched";
    }
    out.push_back({pattern.example, std::move(reason)});
  }
  return out;
}

}  // namespace iescan::scanner
