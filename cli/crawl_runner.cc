#include "cli/crawl_runner.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <iomanip>
#include <mutex>
#include <ostream>
#include <sstream>
#include <thread>
#include <utility>

#include "cli/scan_runner.h"
#include "scanner/crawl/url.h"

namespace iescan::app {
namespace {

std::string EnvOrEmpty(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

// Parses "32MiB", "512k", "1048576" into bytes.
bool ParseBytes(const std::string& text, uint64_t* out) {
  size_t pos = 0;
  uint64_t value = 0;
  while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
    if (value > (UINT64_MAX - 9) / 10) return false;
    value = value * 10 + static_cast<uint64_t>(text[pos++] - '0');
  }
  if (pos == 0) return false;
  std::string unit = text.substr(pos);
  for (char& c : unit) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  uint64_t mult = 0;
  if (unit.empty() || unit == "b") mult = 1;
  if (unit == "k" || unit == "kb" || unit == "kib") mult = 1ull << 10;
  if (unit == "m" || unit == "mb" || unit == "mib") mult = 1ull << 20;
  if (unit == "g" || unit == "gb" || unit == "gib") mult = 1ull << 30;
  if (mult == 0 || value > UINT64_MAX / mult) return false;
  *out = value * mult;
  return true;
}

// A bounded hand-over of fetched resources from the crawl thread to the scan
// workers.
class ResourceQueue {
 public:
  explicit ResourceQueue(size_t capacity) : capacity_(capacity) {}
  void Push(scanner::CrawledResource&& r) {
    std::unique_lock<std::mutex> lock(mu_);
    room_.wait(lock, [&] { return items_.size() < capacity_; });
    items_.push_back(std::move(r));
    ready_.notify_one();
  }
  bool Pop(scanner::CrawledResource* out) {
    std::unique_lock<std::mutex> lock(mu_);
    ready_.wait(lock, [&] { return !items_.empty() || closed_; });
    if (items_.empty()) return false;
    *out = std::move(items_.front());
    items_.pop_front();
    room_.notify_one();
    return true;
  }
  void Close() {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
    ready_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable ready_;
  std::condition_variable room_;
  std::deque<scanner::CrawledResource> items_;
  size_t capacity_;
  bool closed_ = false;
};

}  // namespace

void AddCrawlOptions(CLI::App* cmd, CrawlFlags* f) {
  const std::string group = "Crawling (for http:// and https:// roots)";
  const auto add = [&](const std::string& name, auto& value, const std::string& help) {
    cmd->add_option(name, value, help)->group(group);
  };
  add("--allow", f->allow, "Also crawl URLs matching this glob (* matches anything)");
  add("--deny", f->deny, "Never crawl URLs matching this glob (wins over --allow)");
  add("--max-pages", f->max_pages, "Stop after scanning this many resources (default 10000)");
  add("--max-depth", f->max_depth, "Follow links at most this deep from a seed (default 25)");
  add("--max-bytes", f->max_bytes, "Stop and skip a response larger than this (default 32MiB)");
  add("--timeout", f->timeout, "Per-request timeout, e.g. 30s or 500ms (default 30s)");
  add("--time-budget", f->time_budget, "Stop the whole crawl after this long, e.g. 10m");
  add("--max-per-pattern", f->max_per_pattern,
      "Fetch at most this many URLs of one shape: calendars, IDs (default 50)");
  cmd->add_flag("--ignore-robots", f->ignore_robots, "Do not read robots.txt (your own site)")
      ->group(group);
  cmd->add_flag("--no-sitemap", f->no_sitemap, "Do not read sitemap.xml")->group(group);
  cmd->add_flag("--follow-forms", f->follow_forms, "Also fetch the actions of GET forms")
      ->group(group);
  cmd->add_flag("--fold-case", f->fold_case, "Treat URL paths as case-insensitive (IIS)")
      ->group(group);
  add("--strip-param", f->strip_params,
      "Drop this query parameter from URLs (utm_* and "
      "other tracking parameters are dropped already; NAME* is a prefix)");
  add("--redact-param", f->redact_params, "Also hide this query parameter's value in output");
  add("--auth", f->auth,
      "any (default), basic, digest, ntlm or negotiate; credentials come "
      "from IESCAN_HTTP_USER / IESCAN_HTTP_PASSWORD or --netrc");
  add("--netrc", f->netrc, "Read credentials from this netrc file");
  add("--cookies", f->cookies, "Send the cookies of this file (Netscape format)");
  add("--cookie-jar", f->cookie_jar, "Write the cookies to this file at the end");
  add("--header", f->headers, "Send this extra header to the seeds' hosts (\"Name: value\")");
  add("--cacert", f->cacert, "Trust the CA certificates of this PEM file");
  add("--cert", f->cert, "Client certificate (PEM); passphrase from IESCAN_HTTP_KEY_PASSWORD");
  add("--key", f->key, "Private key of the client certificate");
  add("--proxy", f->proxy, "Use this proxy (proxy environment variables are ignored)");
  cmd->add_flag("--insecure", f->insecure, "Do not verify TLS certificates (dangerous)")
      ->group(group);
  add("--user-agent", f->user_agent, "User-Agent header (default: Internet Explorer 11)");
  add("--concurrency", f->concurrency, "Concurrent requests per host (default 4)");
  add("--delay", f->delay, "Wait this long between requests to a host, e.g. 200ms");
  add("--retries", f->retries, "Retries on 429, 5xx and timeouts (default 3)");
  add("--save", f->save, "Keep every fetched resource under this directory, with a manifest");
}

bool ParseDuration(const std::string& text, int64_t* ms) {
  size_t pos = 0;
  int64_t whole = 0;
  while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
    if (whole > INT64_MAX / 100000) return false;
    whole = whole * 10 + (text[pos++] - '0');
  }
  int64_t fraction_ms = 0;
  if (pos < text.size() && text[pos] == '.') {
    int64_t scale = 100;
    for (++pos; pos < text.size() && text[pos] >= '0' && text[pos] <= '9'; ++pos) {
      fraction_ms += (text[pos] - '0') * scale;
      scale /= 10;
    }
  }
  if (pos == 0) return false;
  std::string unit = text.substr(pos);
  if (unit == "ms") {
    *ms = whole;
  } else if (unit.empty() || unit == "s") {
    *ms = whole * 1000 + fraction_ms;
  } else if (unit == "m" || unit == "min") {
    *ms = (whole * 1000 + fraction_ms) * 60;
  } else if (unit == "h") {
    *ms = (whole * 1000 + fraction_ms) * 3600;
  } else {
    return false;
  }
  return true;
}

Status FillCrawlOptions(const CrawlFlags& f, bool crawling, std::ostream& err,
                        scanner::CrawlOptions* out) {
  scanner::CrawlOptions o;
  o.allow = f.allow;
  o.deny = f.deny;
  o.max_pages = f.max_pages;
  o.max_depth = f.max_depth;
  if (!ParseBytes(f.max_bytes, &o.max_bytes) || o.max_bytes == 0) {
    return Status::Error("--max-bytes: expected a size such as 32MiB, got '" + f.max_bytes + "'");
  }
  if (!ParseDuration(f.timeout, &o.timeout_ms) || o.timeout_ms <= 0) {
    return Status::Error("--timeout: expected a duration such as 30s, got '" + f.timeout + "'");
  }
  if (!f.time_budget.empty() && !ParseDuration(f.time_budget, &o.time_budget_ms)) {
    return Status::Error("--time-budget: expected a duration such as 10m, got '" + f.time_budget +
                         "'");
  }
  if (!ParseDuration(f.delay, &o.delay_ms)) {
    return Status::Error("--delay: expected a duration such as 200ms, got '" + f.delay + "'");
  }
  o.connect_timeout_ms = std::min<int64_t>(o.timeout_ms, 10000);
  o.max_per_pattern = f.max_per_pattern;
  o.robots = !f.ignore_robots;
  o.sitemaps = !f.no_sitemap;
  o.forms = f.follow_forms;
  o.fold_path_case = f.fold_case;
  for (const std::string& p : f.strip_params) o.strip_params.push_back(p);
  for (const std::string& p : f.redact_params) o.secret_params.push_back(p);
  o.auth = f.auth;
  o.user = EnvOrEmpty(kUserEnv);
  o.password = EnvOrEmpty(kPasswordEnv);
  o.key_password = EnvOrEmpty(kKeyPasswordEnv);
  o.netrc_file = f.netrc;
  o.cookie_file = f.cookies;
  o.cookie_jar = f.cookie_jar;
  for (const std::string& h : f.headers) {
    if (h.find(':') == std::string::npos) {
      return Status::Error("--header: expected \"Name: value\"");
    }
    o.headers.push_back(h);
  }
  o.ca_bundle = f.cacert;
  o.client_cert = f.cert;
  o.client_key = f.key;
  o.proxy = f.proxy;
  o.insecure = f.insecure;
  o.user_agent = f.user_agent;
  o.concurrency = f.concurrency;
  o.retries = f.retries;
  o.save_dir = f.save;
  if (crawling && o.insecure) {
    err << "iescan: WARNING: --insecure: TLS certificates are NOT verified. "
           "Anyone on the "
           "network path can impersonate the server, read the credentials sent "
           "to it and "
           "change the pages being scanned.\n";
  }
  *out = std::move(o);
  return Status::Ok();
}

std::function<void(const scanner::CrawlProgress&)> TerminalProgress(std::ostream& err) {
  return [&err](const scanner::CrawlProgress& p) {
    double rate = p.elapsed_seconds > 0 ? static_cast<double>(p.fetched) / p.elapsed_seconds : 0;
    std::ostringstream line;
    line << "\r\033[Kcrawl: " << p.fetched << " fetched, " << p.queued << " queued, " << p.active
         << " in flight, " << p.errors << " errors, " << std::fixed << std::setprecision(1) << rate
         << " pages/s";
    if (p.done) line << "\n";
    err << line.str() << std::flush;
  };
}

Result<CrawlOutcome> RunCrawl(const rules::Engine& engine, const std::vector<std::string>& seeds,
                              const scanner::CrawlOptions& options, unsigned jobs,
                              std::function<void(const scanner::CrawlProgress&)> progress) {
  unsigned workers = jobs != 0 ? jobs : std::max(1u, std::thread::hardware_concurrency());
  ResourceQueue queue(4 * workers + 16);
  std::mutex mu;
  CrawlOutcome outcome;
  auto work = [&]() {
    scanner::CrawledResource resource;
    while (queue.Pop(&resource)) {
      BlobOutcome scanned = ScanBlob(engine, resource.blob, resource.kind);
      std::lock_guard<std::mutex> lock(mu);
      if (scanned.scanned) {
        outcome.files.push_back(std::move(scanned.file));
      } else {
        outcome.skipped.push_back(std::move(scanned.skipped));
      }
    }
  };
  std::vector<std::thread> threads;
  for (unsigned i = 0; i < workers; ++i) threads.emplace_back(work);

  scanner::CrawlSink sink;
  sink.on_resource = [&](scanner::CrawledResource&& r) { queue.Push(std::move(r)); };
  sink.on_skipped = [&](scanner::Skipped&& s) {
    std::lock_guard<std::mutex> lock(mu);
    outcome.skipped.push_back(std::move(s));
  };
  sink.on_progress = std::move(progress);
  Result<scanner::CrawlSummary> summary = scanner::Crawl(seeds, options, sink);
  queue.Close();
  for (std::thread& t : threads) t.join();
  if (!summary.ok()) return summary.status();
  outcome.summary = *summary;
  if (!summary->complete && !seeds.empty()) {
    outcome.skipped.push_back({scanner::RedactUrlText(seeds.front(), options.secret_params),
                               "crawl stopped early: " + summary->stop_reason + "; " +
                                   std::to_string(summary->queued_left) +
                                   " queued URL(s) were not fetched"});
  }
  std::sort(outcome.files.begin(), outcome.files.end(),
            [](const report::FileResult& a, const report::FileResult& b) {
              return a.origin.display < b.origin.display;
            });
  std::sort(outcome.skipped.begin(), outcome.skipped.end(),
            [](const scanner::Skipped& a, const scanner::Skipped& b) {
              return a.origin != b.origin ? a.origin < b.origin : a.reason < b.reason;
            });
  return outcome;
}

}  // namespace iescan::app
