// URLs for the crawler: parsing, resolution of references found in pages, the
// normalisation that lets each resource be fetched once, redaction of secrets
// before a URL is shown anywhere, URL globs, and the "shape" of a URL used to
// cap infinite URL spaces.
//
// Only http and https URLs are crawlable; every other scheme (javascript:,
// mailto:, vbscript:, data:, file:...) is refused by ParseUrl and ResolveUrl.
//
// Normalisation (done by ParseUrl and ResolveUrl, so every Url value is
// normal):
//   - scheme and host in lower case, the scheme's default port dropped, an
//     empty path becomes "/", backslashes in the path become '/' (as browsers
//     do for http);
//   - percent-encoding: escapes of unreserved characters decoded, other
//     escapes in upper case, a stray '%' escaped, spaces, controls, non-ASCII
//     bytes and the characters " < > ` { } | ^ escaped;
//   - dot segments removed (after decoding, so "%2e%2e" counts), the fragment
//     dropped.
// Query parameters named in an options list (tracking parameters) are removed
// by StripParams; a session parameter inside a path segment (";jsessionid=...")
// is left in the URL but not in its DedupKey.
//
// Thread-safety: pure functions and plain values.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "scanner/core/status.h"

namespace iescan::scanner {

struct Url {
  std::string scheme;    // "http" or "https"
  std::string userinfo;  // "user:password" as written (percent-encoded); never shown
  std::string host;      // lower case; an IPv6 address keeps its brackets
  int port = 0;          // 0 = the scheme's default port
  std::string path;      // starts with '/'
  std::string query;     // without the '?'
  bool has_query = false;

  // "http://host:8080" (no userinfo).
  std::string Origin() const;
  // The URL to request: origin + path + query (no userinfo, no fragment).
  std::string Spec() const;
  // The effective port (80 or 443 when port is 0).
  int EffectivePort() const;
};

// True when `text` starts with "http://" or "https://" (any case): a crawl root
// rather than a path.
bool LooksLikeUrl(std::string_view text);

// Parses an absolute http(s) URL. Fails for other schemes, a missing or
// malformed host, a bad port, or an overlong URL (more than 8 KiB).
Result<Url> ParseUrl(std::string_view text);

// Resolves `reference` (as written in a page: leading and trailing white space,
// tabs and newlines allowed) against `base`. Fails for references that do not
// lead to an http(s) URL (javascript:, mailto:, "#top" resolves to the base
// itself and succeeds).
Result<Url> ResolveUrl(const Url& base, std::string_view reference);

// Removes query parameters whose name matches one of `names` (case-insensitive;
// an entry ending in '*' is a prefix, e.g. "utm_*"). Drops the '?' when nothing
// is left.
void StripParams(Url* url, const std::vector<std::string>& names);

// The key under which a URL is fetched once: Spec() without session path
// parameters
// (";jsessionid=..."), with the path in lower case when `fold_path_case`
// (servers with case-insensitive paths, such as IIS).
std::string DedupKey(const Url& url, bool fold_path_case);

// The URL as every output shows it: no userinfo; the values of query parameters
// and of path parameters (";name=value") named in `secret_names`
// (case-insensitive) replaced by "REDACTED", and an ASP.NET cookieless session
// segment "(S(...))" likewise.
std::string RedactUrl(const Url& url, const std::vector<std::string>& secret_names);
// The same for a string that may or may not parse as a URL: a string that does
// not parse has any "user:password@" removed and is otherwise returned as is.
std::string RedactUrlText(std::string_view text, const std::vector<std::string>& secret_names);

// The default lists for StripParams (tracking) and RedactUrl (secrets).
const std::vector<std::string>& DefaultTrackingParams();
const std::vector<std::string>& DefaultSecretParams();

// Glob match of a whole string: '*' matches any run of characters (including
// '/'), '?' one character; everything else literally. Iterative, linear in
// practice.
bool GlobMatch(std::string_view glob, std::string_view text);

// The URL's shape for the per-pattern cap: origin + path + sorted query
// parameter names, with every run of digits written "#" and every long
// token-like segment or value (16 characters or more mixing letters and digits)
// written "*". Calendar pages
// "/cal?d=2024-01" and "/cal?d=2031-12" share the shape "/cal?d=#-#".
std::string UrlShape(const Url& url);

// True when some path segment occurs `limit` times or more (a relative-link
// loop such as /a/b/a/b/a/b/).
bool HasRepeatedSegments(const Url& url, int limit);

// Decodes %XX escapes (invalid escapes kept as is). Used for display paths and
// save names.
std::string PercentDecode(std::string_view text);

}  // namespace iescan::scanner
