// Crawl(): set-up, the libcurl multi loop, scheduling of requests per host.
// What a finished request leads to is in crawl_responses.cc. See crawler.h.

#include "scanner/crawl/crawler.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <utility>

#include "scanner/crawl/crawler_impl.h"

namespace iescan::scanner {
namespace {

constexpr size_t kMaxActive = 64;
constexpr auto kProgressEvery = std::chrono::milliseconds(250);
constexpr auto kMaxPoll = std::chrono::milliseconds(100);

Status CheckReadable(const std::string& path, const std::string& what) {
  if (path.empty()) return Status::Ok();
  if (::access(path.c_str(), R_OK) != 0) return Status::Error(what + ": cannot read " + path);
  return Status::Ok();
}

Status CheckOptions(const CrawlOptions& o) {
  const std::string& a = o.auth;
  if (a != "any" && a != "basic" && a != "digest" && a != "ntlm" && a != "negotiate") {
    return Status::Error("--auth: expected any, basic, digest, ntlm or negotiate; got '" + a + "'");
  }
  if (o.concurrency < 1) return Status::Error("--concurrency must be at least 1");
  if (o.max_depth < 0) return Status::Error("--max-depth must not be negative");
  if (o.retries < 0) return Status::Error("--retries must not be negative");
  if (o.timeout_ms <= 0) return Status::Error("--timeout must be positive");
  if (o.max_bytes == 0) return Status::Error("--max-bytes must be positive");
  for (const auto& [path, what] :
       {std::pair{o.netrc_file, "--netrc"}, std::pair{o.cookie_file, "--cookies"},
        std::pair{o.ca_bundle, "--cacert"}, std::pair{o.client_cert, "--cert"},
        std::pair{o.client_key, "--key"}}) {
    Status st = CheckReadable(path, what);
    if (!st.ok()) return st;
  }
  return Status::Ok();
}

}  // namespace

CrawlOptions::CrawlOptions()
    : strip_params(DefaultTrackingParams()), secret_params(DefaultSecretParams()) {}

Crawler::Crawler(const CrawlOptions& options, const CrawlSink& sink)
    : options_(options), sink_(sink), frontier_(options) {}

Crawler::~Crawler() {
  for (auto& [easy, transfer] : active_) curl_multi_remove_handle(multi_, easy);
  active_.clear();
  if (multi_ != nullptr) curl_multi_cleanup(multi_);
}

Status Crawler::Init(const std::vector<std::string>& seeds) {
  Status st = CheckOptions(options_);
  if (!st.ok()) return st;
  std::vector<Url> urls;
  for (const std::string& seed : seeds) {
    Result<Url> url = ParseUrl(seed);
    std::string shown = RedactUrlText(seed, options_.secret_params);
    if (!url.ok()) return Status::Error(shown + ": " + url.status().message());
    if (!url->userinfo.empty()) {
      return Status::Error(shown +
                           ": credentials do not belong in the URL; give them in the "
                           "environment or a netrc file");
    }
    urls.push_back(std::move(*url));
  }
  st = EnsureCurlGlobal();
  if (!st.ok()) return st;
  Result<std::unique_ptr<TransportShared>> shared = TransportShared::Create(options_);
  if (!shared.ok()) return shared.status();
  shared_ = std::move(*shared);
  multi_ = curl_multi_init();
  if (multi_ == nullptr) return Status::Error("libcurl: cannot create a multi handle");
  if (!options_.save_dir.empty()) {
    Result<std::unique_ptr<SaveStore>> store = SaveStore::Open(options_.save_dir);
    if (!store.ok()) return store.status();
    save_ = std::move(*store);
  }
  for (const Url& url : urls) {
    frontier_.AddSeed(url);
    seed_display_.push_back(frontier_.Display(frontier_.seeds().back()));
  }
  if (!options_.robots) {
    for (const Url& url : frontier_.seeds()) QueueSitemaps(url.Origin(), {});
  }
  return Status::Ok();
}

bool Crawler::PageBudgetReached() const {
  return summary_.fetched + pages_in_flight_ >= options_.max_pages;
}

// Starts what `host` may start now; returns false when it started nothing more.
bool Crawler::StartFromHost(const std::string& origin, Frontier::Host* host,
                            CrawlClock::time_point now) {
  using Robots = Frontier::Host::Robots;
  if (host->robots_state == Robots::kUnknown) {
    Result<Url> robots = ParseUrl(origin + "/robots.txt");
    host->robots_state = Robots::kFetching;
    if (!robots.ok()) {
      host->robots_state = Robots::kReady;
      return true;
    }
    CrawlItem item;
    item.url = *robots;
    item.key = "robots " + origin;
    item.display = frontier_.Display(*robots);
    item.purpose = Purpose::kRobots;
    Start(std::move(item), host);
    return false;
  }
  CrawlItem item;
  if (host->robots_state == Robots::kFetching) {
    // Only a retry of robots.txt itself may start.
    auto it = std::find_if(host->retries.begin(), host->retries.end(), [&](const CrawlItem& i) {
      return i.purpose == Purpose::kRobots && i.not_before <= now;
    });
    if (it == host->retries.end()) return false;
    item = std::move(*it);
    host->retries.erase(it);
    Start(std::move(item), host);
    return false;
  }
  if (PageBudgetReached()) return false;
  if (!frontier_.TakeReady(host, now, &item)) return false;
  if (item.purpose == Purpose::kPage &&
      !host->robots.Allowed(item.url.path +
                            (item.url.has_query ? "?" + item.url.query : std::string()))) {
    Skip(item.display, "disallowed by robots.txt");
    return true;
  }
  Start(std::move(item), host);
  if (host->delay_ms > 0) {
    host->next_start = now + std::chrono::milliseconds(host->delay_ms);
    return false;
  }
  return true;
}

void Crawler::StartReady(CrawlClock::time_point now) {
  for (auto& [origin, host] : frontier_.hosts()) {
    while (host.active < options_.concurrency && active_.size() < kMaxActive) {
      if (!StartFromHost(origin, &host, now)) break;
    }
  }
}

void Crawler::Start(CrawlItem item, Frontier::Host* host) {
  bool credentials = frontier_.IsSeedOrigin(item.url.Origin());
  bool page = item.purpose == Purpose::kPage;
  auto transfer = std::make_unique<Transfer>(std::move(item), options_, *shared_, credentials);
  if (transfer->handle() == nullptr ||
      curl_multi_add_handle(multi_, transfer->handle()) != CURLM_OK) {
    Skip(transfer->item().display, "libcurl could not start the request");
    return;
  }
  ++host->active;
  if (page) ++pages_in_flight_;
  ++summary_.requests;
  CURL* easy = transfer->handle();
  active_[easy] = std::move(transfer);
}

void Crawler::DrainFinished() {
  int left = 0;
  while (CURLMsg* msg = curl_multi_info_read(multi_, &left)) {
    if (msg->msg != CURLMSG_DONE) continue;
    CURL* easy = msg->easy_handle;
    CURLcode code = msg->data.result;
    curl_multi_remove_handle(multi_, easy);
    auto it = active_.find(easy);
    if (it == active_.end()) continue;
    std::unique_ptr<Transfer> transfer = std::move(it->second);
    active_.erase(it);
    Frontier::Host& host = frontier_.HostOf(transfer->item().url.Origin());
    --host.active;
    if (transfer->item().purpose == Purpose::kPage) --pages_in_flight_;
    OnFinished(std::move(transfer), code);
  }
}

void Crawler::StopActive(const std::string& reason) {
  for (auto& [easy, transfer] : active_) {
    curl_multi_remove_handle(multi_, easy);
    if (transfer->item().purpose == Purpose::kPage && !reason.empty()) {
      Skip(transfer->item().display, reason);
    }
  }
  active_.clear();
  pages_in_flight_ = 0;
}

void Crawler::ReportProgress(bool done) {
  if (!sink_.on_progress) return;
  CrawlClock::time_point now = CrawlClock::now();
  if (!done && now - last_progress_ < kProgressEvery) return;
  last_progress_ = now;
  CrawlProgress p;
  p.fetched = summary_.fetched;
  p.queued = frontier_.Pending();
  p.active = active_.size();
  p.errors = summary_.skipped;
  p.elapsed_seconds = std::chrono::duration<double>(now - start_).count();
  p.done = done;
  sink_.on_progress(p);
}

CrawlSummary Crawler::Run() {
  start_ = CrawlClock::now();
  const auto budget = std::chrono::milliseconds(options_.time_budget_ms);
  while (true) {
    CrawlClock::time_point now = CrawlClock::now();
    if (options_.cancel != nullptr && options_.cancel->load(std::memory_order_relaxed)) {
      summary_.complete = false;
      summary_.stop_reason = "interrupted";
      StopActive("");
      break;
    }
    if (options_.time_budget_ms > 0 && now - start_ >= budget) {
      summary_.complete = false;
      summary_.stop_reason =
          "the time budget (" + std::to_string(options_.time_budget_ms) + " ms) ran out";
      StopActive("not finished when the time budget ran out");
      break;
    }
    StartReady(now);
    if (active_.empty()) {
      if (frontier_.Pending() == 0 || PageBudgetReached()) break;
    }
    int running = 0;
    curl_multi_perform(multi_, &running);
    DrainFinished();
    ReportProgress(false);
    StartReady(CrawlClock::now());
    // Sleep until a transfer has news, or until a delayed or retried request
    // may start.
    now = CrawlClock::now();
    auto wait = kMaxPoll;
    CrawlClock::time_point wake = frontier_.NextWake();
    if (wake != CrawlClock::time_point::max() && wake > now) {
      wait = std::min(wait, std::chrono::duration_cast<std::chrono::milliseconds>(wake - now) +
                                std::chrono::milliseconds(1));
    }
    curl_multi_poll(multi_, nullptr, 0, static_cast<int>(wait.count()), nullptr);
  }
  Finish();
  return summary_;
}

void Crawler::Finish() {
  if (summary_.complete && PageBudgetReached() && frontier_.Pending() > 0) {
    summary_.complete = false;
    summary_.stop_reason = "--max-pages (" + std::to_string(options_.max_pages) + ") reached";
  }
  summary_.queued_left = summary_.complete ? 0 : frontier_.Pending();
  for (Skipped& s : frontier_.CappedReport()) Skip(std::move(s.origin), std::move(s.reason));
  summary_.capped = frontier_.capped();
  if (shared_ != nullptr) {
    Status st = shared_->FlushCookies();
    if (!st.ok()) Skip(options_.cookie_jar, st.message());
  }
  if (save_ != nullptr) {
    Status st = save_->WriteManifest();
    if (!st.ok()) Skip(options_.save_dir, st.message());
  }
  summary_.seconds = std::chrono::duration<double>(CrawlClock::now() - start_).count();
  ReportProgress(true);
}

void Crawler::Skip(std::string origin, std::string reason) {
  ++summary_.skipped;
  if (sink_.on_skipped) sink_.on_skipped(Skipped{std::move(origin), std::move(reason)});
}

Result<CrawlSummary> Crawl(const std::vector<std::string>& seeds, const CrawlOptions& options,
                           const CrawlSink& sink) {
  Crawler crawler(options, sink);
  Status st = crawler.Init(seeds);
  if (!st.ok()) return st;
  return crawler.Run();
}

}  // namespace iescan::scanner
