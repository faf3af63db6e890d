// libcurl easy-handle setup and response capture. See transfer.h.

#include "scanner/crawl/transfer.h"

#include <mutex>
#include <string>

namespace iescan::scanner {
namespace {

// What Internet Explorer 11 sends.
constexpr char kAcceptHeader[] = "Accept: text/html, application/xhtml+xml, image/jxr, */*";

long AuthMask(const std::string& auth) {
  if (auth == "basic") return static_cast<long>(CURLAUTH_BASIC);
  if (auth == "digest") return static_cast<long>(CURLAUTH_DIGEST);
  if (auth == "ntlm") return static_cast<long>(CURLAUTH_NTLM);
  if (auth == "negotiate") return static_cast<long>(CURLAUTH_NEGOTIATE);
  return static_cast<long>(CURLAUTH_ANY);
}

std::string LowerAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

std::string_view TrimWhite(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' ||
                           text.back() == '\n')) {
    text.remove_suffix(1);
  }
  return text;
}

void SetTls(CURL* easy, const CrawlOptions& options) {
  if (!options.ca_bundle.empty()) curl_easy_setopt(easy, CURLOPT_CAINFO, options.ca_bundle.c_str());
  if (!options.client_cert.empty()) {
    curl_easy_setopt(easy, CURLOPT_SSLCERT, options.client_cert.c_str());
  }
  if (!options.client_key.empty())
    curl_easy_setopt(easy, CURLOPT_SSLKEY, options.client_key.c_str());
  if (!options.key_password.empty()) {
    curl_easy_setopt(easy, CURLOPT_KEYPASSWD, options.key_password.c_str());
  }
  if (options.insecure) {
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 0L);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 0L);
  }
}

void SetCredentials(CURL* easy, const CrawlOptions& options) {
  curl_easy_setopt(easy, CURLOPT_HTTPAUTH, AuthMask(options.auth));
  if (!options.user.empty()) {
    curl_easy_setopt(easy, CURLOPT_USERNAME, options.user.c_str());
    curl_easy_setopt(easy, CURLOPT_PASSWORD, options.password.c_str());
  } else if (options.auth == "negotiate") {
    curl_easy_setopt(easy, CURLOPT_USERPWD,
                     ":");  // the Kerberos ticket of the session
  }
  if (!options.netrc_file.empty()) {
    curl_easy_setopt(easy, CURLOPT_NETRC, static_cast<long>(CURL_NETRC_OPTIONAL));
    curl_easy_setopt(easy, CURLOPT_NETRC_FILE, options.netrc_file.c_str());
  }
}

}  // namespace

Status EnsureCurlGlobal() {
  static std::once_flag once;
  static CURLcode code = CURLE_OK;
  std::call_once(once, [] { code = curl_global_init(CURL_GLOBAL_DEFAULT); });
  if (code != CURLE_OK) return Status::Error(std::string("libcurl: ") + curl_easy_strerror(code));
  return Status::Ok();
}

Result<std::unique_ptr<TransportShared>> TransportShared::Create(const CrawlOptions& options) {
  std::unique_ptr<TransportShared> shared(new TransportShared());
  shared->share_ = curl_share_init();
  shared->jar_ = curl_easy_init();
  if (shared->share_ == nullptr || shared->jar_ == nullptr) {
    return Status::Error("libcurl: cannot create a handle");
  }
  curl_share_setopt(shared->share_, CURLSHOPT_SHARE, CURL_LOCK_DATA_COOKIE);
  curl_easy_setopt(shared->jar_, CURLOPT_SHARE, shared->share_);
  curl_easy_setopt(shared->jar_, CURLOPT_COOKIEFILE, options.cookie_file.c_str());
  if (!options.cookie_jar.empty()) {
    curl_easy_setopt(shared->jar_, CURLOPT_COOKIEJAR, options.cookie_jar.c_str());
    shared->write_jar_ = true;
  }
  if (!options.cookie_file.empty()) curl_easy_setopt(shared->jar_, CURLOPT_COOKIELIST, "RELOAD");

  shared->other_headers_ = curl_slist_append(nullptr, kAcceptHeader);
  shared->seed_headers_ = curl_slist_append(nullptr, kAcceptHeader);
  for (const std::string& header : options.headers) {
    shared->seed_headers_ = curl_slist_append(shared->seed_headers_, header.c_str());
  }
  return shared;
}

TransportShared::~TransportShared() {
  if (jar_ != nullptr) {
    curl_easy_setopt(jar_, CURLOPT_COOKIEJAR, nullptr);
    curl_easy_cleanup(jar_);
  }
  if (share_ != nullptr) curl_share_cleanup(share_);
  curl_slist_free_all(seed_headers_);
  curl_slist_free_all(other_headers_);
}

Status TransportShared::FlushCookies() {
  if (!write_jar_) return Status::Ok();
  CURLcode code = curl_easy_setopt(jar_, CURLOPT_COOKIELIST, "FLUSH");
  if (code != CURLE_OK) return Status::Error("cannot write the cookie jar");
  return Status::Ok();
}

Transfer::Transfer(CrawlItem item, const CrawlOptions& options, const TransportShared& shared,
                   bool credentials)
    : item_(std::move(item)), easy_(curl_easy_init()), max_bytes_(options.max_bytes) {
  if (easy_ == nullptr) return;
  CURL* e = easy_;
  const std::string spec = item_.url.Spec();
  curl_easy_setopt(e, CURLOPT_URL, spec.c_str());
  curl_easy_setopt(e, CURLOPT_PRIVATE, this);
  curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  if (item_.purpose == Purpose::kRobots) {
    // RFC 9309: follow at least five redirects for robots.txt.
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(e, CURLOPT_MAXREDIRS, 5L);
  }
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &Transfer::OnBody);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, this);
  curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, &Transfer::OnHeader);
  curl_easy_setopt(e, CURLOPT_HEADERDATA, this);
  curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(e, CURLOPT_USERAGENT, options.user_agent.c_str());
  curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(options.timeout_ms));
  curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options.connect_timeout_ms));
  curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options.max_bytes));
  curl_easy_setopt(e, CURLOPT_SHARE, shared.share());
  curl_easy_setopt(e, CURLOPT_COOKIEFILE, "");
  curl_easy_setopt(e, CURLOPT_PROXY, options.proxy.c_str());
  curl_easy_setopt(e, CURLOPT_HTTPHEADER,
                   credentials ? shared.seed_headers() : shared.other_headers());
  SetTls(e, options);
  if (credentials) SetCredentials(e, options);
}

Transfer::~Transfer() {
  if (easy_ != nullptr) curl_easy_cleanup(easy_);
}

long Transfer::status() const {
  long code = 0;
  if (easy_ != nullptr) curl_easy_getinfo(easy_, CURLINFO_RESPONSE_CODE, &code);
  return code;
}

std::string Transfer::Header(std::string_view lower_name) const {
  for (auto it = headers_.rbegin(); it != headers_.rend(); ++it) {
    if (it->first == lower_name) return it->second;
  }
  return "";
}

size_t Transfer::OnBody(char* data, size_t size, size_t count, void* self) {
  auto* t = static_cast<Transfer*>(self);
  size_t n = size * count;
  if (t->body_.size() + n > t->max_bytes_) {
    t->truncated_ = true;
    return 0;  // stops the transfer (CURLE_WRITE_ERROR)
  }
  t->body_.append(data, n);
  return n;
}

size_t Transfer::OnHeader(char* data, size_t size, size_t count, void* self) {
  auto* t = static_cast<Transfer*>(self);
  size_t n = size * count;
  std::string_view line(data, n);
  if (line.substr(0, 5) == "HTTP/") {
    // A new response (after a redirect followed for robots.txt, or an auth
    // round trip).
    t->headers_.clear();
    t->body_.clear();
    return n;
  }
  if (!line.empty() && (line.front() == ' ' || line.front() == '\t') && !t->headers_.empty()) {
    std::string_view more = TrimWhite(line);
    if (!more.empty()) t->headers_.back().second += " " + std::string(more);
    return n;
  }
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) return n;
  std::string name = LowerAscii(TrimWhite(line.substr(0, colon)));
  if (name.empty() || t->headers_.size() >= 200) return n;
  t->headers_.emplace_back(std::move(name), std::string(TrimWhite(line.substr(colon + 1))));
  return n;
}

}  // namespace iescan::scanner
