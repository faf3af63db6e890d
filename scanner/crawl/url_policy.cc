// What the crawler decides from a URL alone: tracking parameters, the
// de-duplication key, redaction, globs, the shape used by the per-pattern cap.
// See url.h.

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "scanner/crawl/url.h"

namespace iescan::scanner {
namespace {

std::string LowerAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

bool NameMatches(std::string_view name, const std::vector<std::string>& patterns) {
  std::string lower = LowerAscii(PercentDecode(name));
  for (const std::string& p : patterns) {
    std::string pattern = LowerAscii(p);
    if (!pattern.empty() && pattern.back() == '*') {
      pattern.pop_back();
      if (lower.compare(0, pattern.size(), pattern) == 0) return true;
    } else if (lower == pattern) {
      return true;
    }
  }
  return false;
}

// Splits `text` on `sep`, keeping empty parts.
std::vector<std::string_view> Split(std::string_view text, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    size_t stop = text.find(sep, start);
    if (stop == std::string_view::npos) {
      parts.push_back(text.substr(start));
      return parts;
    }
    parts.push_back(text.substr(start, stop - start));
    start = stop + 1;
  }
}

std::string Join(const std::vector<std::string>& parts, char sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out.push_back(sep);
    out += parts[i];
  }
  return out;
}

// Redacts "name=value" when name is secret.
std::string RedactPair(std::string_view pair, const std::vector<std::string>& secrets) {
  size_t eq = pair.find('=');
  if (eq == std::string_view::npos) return std::string(pair);
  if (!NameMatches(pair.substr(0, eq), secrets)) return std::string(pair);
  return std::string(pair.substr(0, eq)) + "=REDACTED";
}

// Redacts path parameters (";jsessionid=...") and "(S(...))" session segments.
std::string RedactPath(std::string_view path, const std::vector<std::string>& secrets) {
  std::vector<std::string> out;
  for (std::string_view seg : Split(path, '/')) {
    if (seg.size() > 4 && seg.front() == '(' && seg.back() == ')' && seg[2] == '(') {
      out.push_back(std::string(seg.substr(0, 3)) + "REDACTED))");
      continue;
    }
    std::vector<std::string_view> params = Split(seg, ';');
    std::string rebuilt(params[0]);
    for (size_t i = 1; i < params.size(); ++i) {
      rebuilt += ";" + RedactPair(params[i], secrets);
    }
    out.push_back(std::move(rebuilt));
  }
  return Join(out, '/');
}

// Writes `value` in shape form: digit runs as '#', long mixed tokens as '*'.
std::string ShapeOf(std::string_view value) {
  bool letters = false;
  bool digits = false;
  for (char c : value) {
    if (c >= '0' && c <= '9') digits = true;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) letters = true;
  }
  if (value.size() >= 16 && letters && digits) return "*";
  std::string out;
  for (char c : value) {
    if (c >= '0' && c <= '9') {
      if (out.empty() || out.back() != '#') out.push_back('#');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace

const std::vector<std::string>& DefaultTrackingParams() {
  static const std::vector<std::string> kParams = {"utm_*",  "fbclid", "gclid", "msclkid",
                                                   "mc_cid", "mc_eid", "_ga",   "yclid"};
  return kParams;
}

const std::vector<std::string>& DefaultSecretParams() {
  static const std::vector<std::string> kParams = {
      "password",  "passwd",     "pwd",    "pass",       "token",     "access_token",
      "id_token",  "auth",       "apikey", "api_key",    "secret",    "session",
      "sessionid", "session_id", "sid",    "jsessionid", "phpsessid", "aspsessionid*",
      "ticket",    "signature",  "sig",    "key"};
  return kParams;
}

void StripParams(Url* url, const std::vector<std::string>& names) {
  if (!url->has_query || names.empty()) return;
  std::vector<std::string> kept;
  for (std::string_view pair : Split(url->query, '&')) {
    if (pair.empty()) continue;
    std::string_view name = pair.substr(0, pair.find('='));
    if (!NameMatches(name, names)) kept.emplace_back(pair);
  }
  url->query = Join(kept, '&');
  url->has_query = !kept.empty();
}

std::string DedupKey(const Url& url, bool fold_path_case) {
  std::vector<std::string> parts;
  for (std::string_view seg : Split(url.path, '/')) {
    size_t semi = seg.find(';');
    if (semi != std::string_view::npos) {
      std::string params = LowerAscii(seg.substr(semi));
      if (params.find("sessionid=") != std::string::npos ||
          params.find("sid=") != std::string::npos) {
        seg = seg.substr(0, semi);
      }
    }
    parts.emplace_back(seg);
  }
  std::string path = Join(parts, '/');
  if (fold_path_case) path = LowerAscii(path);
  std::string key = url.Origin() + path;
  if (url.has_query) key += "?" + url.query;
  return key;
}

std::string RedactUrl(const Url& url, const std::vector<std::string>& secret_names) {
  std::string out = url.Origin() + RedactPath(url.path, secret_names);
  if (url.has_query) {
    std::vector<std::string> pairs;
    for (std::string_view pair : Split(url.query, '&')) {
      pairs.push_back(RedactPair(pair, secret_names));
    }
    out += "?" + Join(pairs, '&');
  }
  return out;
}

std::string RedactUrlText(std::string_view text, const std::vector<std::string>& secret_names) {
  Result<Url> url = ParseUrl(text);
  if (url.ok()) return RedactUrl(*url, secret_names);
  std::string out(text);
  size_t scheme = out.find("://");
  if (scheme == std::string::npos) return out;
  size_t start = scheme + 3;
  size_t end = out.find_first_of("/?#", start);
  if (end == std::string::npos) end = out.size();
  size_t at = out.rfind('@', end);
  if (at != std::string::npos && at >= start) out.erase(start, at + 1 - start);
  return out;
}

bool GlobMatch(std::string_view glob, std::string_view text) {
  size_t g = 0;
  size_t t = 0;
  size_t star = std::string_view::npos;
  size_t resume = 0;
  while (t < text.size()) {
    if (g < glob.size() && (glob[g] == '?' || glob[g] == text[t])) {
      ++g;
      ++t;
    } else if (g < glob.size() && glob[g] == '*') {
      star = g++;
      resume = t;
    } else if (star != std::string_view::npos) {
      g = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (g < glob.size() && glob[g] == '*') ++g;
  return g == glob.size();
}

std::string UrlShape(const Url& url) {
  std::vector<std::string> segments;
  for (std::string_view seg : Split(url.path, '/')) segments.push_back(ShapeOf(seg));
  std::string out = url.Origin() + Join(segments, '/');
  if (url.has_query) {
    std::map<std::string, std::vector<std::string>> params;
    for (std::string_view pair : Split(url.query, '&')) {
      size_t eq = pair.find('=');
      std::string name(pair.substr(0, eq));
      std::string value = eq == std::string_view::npos ? "" : ShapeOf(pair.substr(eq + 1));
      params[name].push_back(std::move(value));
    }
    out.push_back('?');
    bool first = true;
    for (auto& [name, values] : params) {
      std::sort(values.begin(), values.end());
      for (const std::string& v : values) {
        if (!first) out.push_back('&');
        first = false;
        out += name + "=" + v;
      }
    }
  }
  return out;
}

bool HasRepeatedSegments(const Url& url, int limit) {
  std::map<std::string_view, int> counts;
  for (std::string_view seg : Split(url.path, '/')) {
    if (seg.empty()) continue;
    if (++counts[seg] >= limit) return true;
  }
  return false;
}

}  // namespace iescan::scanner
