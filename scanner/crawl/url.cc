// URL parsing, normalisation and resolution. See url.h. Redaction, globs and
// shapes are in url_policy.cc.

#include "scanner/crawl/url.h"

#include <cstddef>
#include <string>
#include <vector>

namespace iescan::scanner {
namespace {

constexpr size_t kMaxUrlLength = 8192;

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsUnreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

bool MustEscape(unsigned char c) {
  if (c <= 0x20 || c >= 0x7F) return true;
  switch (c) {
    case '"':
    case '<':
    case '>':
    case '`':
    case '{':
    case '}':
    case '|':
    case '^':
    case '\\':
      return true;
    default:
      return false;
  }
}

void AppendEscape(unsigned char c, std::string* out) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out->push_back('%');
  out->push_back(kHex[c >> 4]);
  out->push_back(kHex[c & 15]);
}

// Normalises the percent-encoding of one component (path or query).
std::string NormalizeEscapes(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(in[i]);
    if (c == '%') {
      int hi = i + 1 < in.size() ? HexValue(in[i + 1]) : -1;
      int lo = i + 2 < in.size() ? HexValue(in[i + 2]) : -1;
      if (hi >= 0 && lo >= 0) {
        unsigned char decoded = static_cast<unsigned char>(hi * 16 + lo);
        if (IsUnreserved(decoded)) {
          out.push_back(static_cast<char>(decoded));
        } else {
          AppendEscape(decoded, &out);
        }
        i += 2;
      } else {
        out += "%25";
      }
      continue;
    }
    if (MustEscape(c)) {
      AppendEscape(c, &out);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

// RFC 3986 section 5.2.4, iteratively over segments.
std::string RemoveDotSegments(std::string_view path) {
  std::vector<std::string_view> segments;
  size_t pos = 1;  // path starts with '/'
  bool trailing_slash = false;
  while (pos <= path.size()) {
    size_t slash = path.find('/', pos);
    if (slash == std::string_view::npos) slash = path.size();
    std::string_view seg = path.substr(pos, slash - pos);
    bool last = slash == path.size();
    if (seg == ".") {
      trailing_slash = last;
    } else if (seg == "..") {
      if (!segments.empty()) segments.pop_back();
      trailing_slash = last;
    } else {
      segments.push_back(seg);
      trailing_slash = false;
    }
    pos = slash + 1;
  }
  std::string out;
  out.reserve(path.size());
  for (std::string_view seg : segments) {
    out.push_back('/');
    out.append(seg);
  }
  if (trailing_slash || out.empty()) out.push_back('/');
  return out;
}

std::string NormalizePath(std::string_view raw) {
  std::string path(raw);
  for (char& c : path) {
    if (c == '\\') c = '/';
  }
  if (path.empty() || path.front() != '/') path.insert(path.begin(), '/');
  return RemoveDotSegments(NormalizeEscapes(path));
}

// Removes leading/trailing C0 controls and spaces, and every tab and newline
// inside.
std::string CleanReference(std::string_view text) {
  size_t begin = 0;
  size_t end = text.size();
  while (begin < end && static_cast<unsigned char>(text[begin]) <= 0x20) ++begin;
  while (end > begin && static_cast<unsigned char>(text[end - 1]) <= 0x20) --end;
  std::string out;
  out.reserve(end - begin);
  for (size_t i = begin; i < end; ++i) {
    char c = text[i];
    if (c != '\t' && c != '\n' && c != '\r') out.push_back(c);
  }
  return out;
}

// Length of a scheme followed by ':' at the start of `text`, 0 if none.
size_t SchemeLength(std::string_view text) {
  if (text.empty() || !((text[0] >= 'a' && text[0] <= 'z') || (text[0] >= 'A' && text[0] <= 'Z'))) {
    return 0;
  }
  for (size_t i = 1; i < text.size(); ++i) {
    char c = text[i];
    if (c == ':') return i;
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '+' || c == '-' || c == '.';
    if (!ok) return 0;
  }
  return 0;
}

bool IsSlash(char c) { return c == '/' || c == '\\'; }

// Splits "path?query#fragment" into the Url's path and query (fragment
// dropped).
void SetPathAndQuery(std::string_view rest, Url* url) {
  size_t hash = rest.find('#');
  if (hash != std::string_view::npos) rest = rest.substr(0, hash);
  size_t question = rest.find('?');
  std::string_view path = rest.substr(0, question);
  url->path = NormalizePath(path);
  url->has_query = question != std::string_view::npos;
  url->query = url->has_query ? NormalizeEscapes(rest.substr(question + 1)) : std::string();
}

Status ParseAuthority(std::string_view authority, Url* url) {
  size_t at = authority.rfind('@');
  if (at != std::string_view::npos) {
    url->userinfo = std::string(authority.substr(0, at));
    authority.remove_prefix(at + 1);
  }
  std::string_view host = authority;
  std::string_view port;
  if (!authority.empty() && authority.front() == '[') {
    size_t close = authority.find(']');
    if (close == std::string_view::npos) return Status::Error("bad IPv6 host");
    host = authority.substr(0, close + 1);
    std::string_view after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return Status::Error("bad host");
      port = after.substr(1);
    }
  } else {
    size_t colon = authority.rfind(':');
    if (colon != std::string_view::npos) {
      host = authority.substr(0, colon);
      port = authority.substr(colon + 1);
    }
  }
  if (host.empty()) return Status::Error("missing host");
  url->host.clear();
  for (char c : host) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u <= 0x20 || c == '/' || c == '\\' || c == '?' || c == '#' || c == '@' || c == '%' ||
        c == '<' || c == '>' || c == '"' || c == '^' || c == '|') {
      return Status::Error("bad character in host");
    }
    url->host.push_back(Lower(c));
  }
  while (!url->host.empty() && url->host.back() == '.') url->host.pop_back();
  if (url->host.empty()) return Status::Error("missing host");
  url->port = 0;
  if (!port.empty()) {
    long value = 0;
    for (char c : port) {
      if (c < '0' || c > '9') return Status::Error("bad port");
      value = value * 10 + (c - '0');
      if (value > 65535) return Status::Error("bad port");
    }
    url->port = static_cast<int>(value);
  }
  int default_port = url->scheme == "https" ? 443 : 80;
  if (url->port == default_port) url->port = 0;
  return Status::Ok();
}

// Parses "//authority/path?query" (slashes may be backslashes) after the
// scheme.
Result<Url> ParseAfterScheme(std::string scheme, std::string_view rest) {
  Url url;
  url.scheme = std::move(scheme);
  size_t slashes = 0;
  while (slashes < rest.size() && IsSlash(rest[slashes])) ++slashes;
  if (slashes < 1) return Status::Error("not an absolute URL");
  rest.remove_prefix(slashes);
  size_t end = 0;
  while (end < rest.size() && !IsSlash(rest[end]) && rest[end] != '?' && rest[end] != '#') {
    ++end;
  }
  Status st = ParseAuthority(rest.substr(0, end), &url);
  if (!st.ok()) return st;
  SetPathAndQuery(rest.substr(end), &url);
  return url;
}

std::string LowerScheme(std::string_view text, size_t length) {
  std::string scheme(text.substr(0, length));
  for (char& c : scheme) c = Lower(c);
  return scheme;
}

}  // namespace

std::string Url::Origin() const {
  std::string out = scheme + "://" + host;
  if (port != 0) out += ":" + std::to_string(port);
  return out;
}

std::string Url::Spec() const {
  std::string out = Origin() + path;
  if (has_query) out += "?" + query;
  return out;
}

int Url::EffectivePort() const {
  if (port != 0) return port;
  return scheme == "https" ? 443 : 80;
}

bool LooksLikeUrl(std::string_view text) {
  size_t n = SchemeLength(text);
  if (n == 0) return false;
  std::string scheme = LowerScheme(text, n);
  return (scheme == "http" || scheme == "https") && text.substr(n + 1, 2) == "//";
}

Result<Url> ParseUrl(std::string_view text) {
  std::string clean = CleanReference(text);
  if (clean.size() > kMaxUrlLength) return Status::Error("URL longer than 8 KiB");
  size_t n = SchemeLength(clean);
  if (n == 0) return Status::Error("not an absolute URL");
  std::string scheme = LowerScheme(clean, n);
  if (scheme != "http" && scheme != "https") {
    return Status::Error("not an http or https URL");
  }
  return ParseAfterScheme(std::move(scheme), std::string_view(clean).substr(n + 1));
}

Result<Url> ResolveUrl(const Url& base, std::string_view reference) {
  std::string ref = CleanReference(reference);
  if (ref.size() > kMaxUrlLength) return Status::Error("URL longer than 8 KiB");
  std::string_view rest = ref;
  size_t n = SchemeLength(ref);
  if (n > 0) {
    std::string scheme = LowerScheme(ref, n);
    if (scheme != "http" && scheme != "https") return Status::Error("not an http or https URL");
    rest.remove_prefix(n + 1);
    // "http:page.htm" with the base's scheme is relative, as browsers read it.
    if (scheme != base.scheme || (!rest.empty() && IsSlash(rest.front()))) {
      return ParseAfterScheme(std::move(scheme), rest);
    }
  }
  if (rest.size() >= 2 && IsSlash(rest[0]) && IsSlash(rest[1])) {
    return ParseAfterScheme(base.scheme, rest);
  }
  Url url = base;
  if (rest.empty() || rest.front() == '#') return url;
  if (rest.front() == '?') {
    SetPathAndQuery(std::string(base.path) + std::string(rest), &url);
    return url;
  }
  if (IsSlash(rest.front())) {
    SetPathAndQuery(rest, &url);
    return url;
  }
  std::string merged = base.path.substr(0, base.path.rfind('/') + 1);
  merged.append(rest);
  SetPathAndQuery(merged, &url);
  return url;
}

std::string PercentDecode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%') {
      int hi = i + 1 < text.size() ? HexValue(text[i + 1]) : -1;
      int lo = i + 2 < text.size() ? HexValue(text[i + 2]) : -1;
      if (hi >= 0 && lo >= 0) {
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
        continue;
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

}  // namespace iescan::scanner
