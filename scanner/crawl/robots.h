// robots.txt (RFC 9309): which paths of a host the crawler may fetch, the
// host's Crawl-delay, and the sitemaps it announces.
//
// Groups are picked by product token (case-insensitive): the groups naming our
// token, else the "*" groups; several matching groups are merged. Within the
// chosen rules the longest matching pattern wins and Allow wins a tie; '*'
// matches any run of characters and a final '$' anchors the end. "/robots.txt"
// itself is always allowed. Only the first 500 KiB are read.
//
// Thread-safety: immutable after Parse; safe to share.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace iescan::scanner {

class RobotsRules {
 public:
  // Rules that allow everything (no robots.txt, or a 4xx answer for it).
  static RobotsRules AllowAll();
  // Rules that forbid everything (robots.txt unreachable: a 5xx answer or no
  // connection).
  static RobotsRules DisallowAll();
  // Parses `text` for the product token `agent` ("iescan").
  static RobotsRules Parse(std::string_view text, std::string_view agent);

  // True when `path_and_query` ("/app/a.asp?x=1", percent-encoded as sent) may
  // be fetched.
  bool Allowed(std::string_view path_and_query) const;
  // Crawl-delay of the chosen group in seconds, 0 when none.
  double crawl_delay() const { return crawl_delay_; }
  // Absolute URLs of every Sitemap line (whatever the group).
  const std::vector<std::string>& sitemaps() const { return sitemaps_; }

 private:
  struct Rule {
    bool allow = false;
    std::string pattern;
  };
  std::vector<Rule> rules_;
  double crawl_delay_ = 0;
  bool disallow_all_ = false;
  std::vector<std::string> sitemaps_;
};

// True when robots pattern `pattern` matches the start of `path` ('*' and '$'
// as above).
bool RobotsPatternMatches(std::string_view pattern, std::string_view path);

}  // namespace iescan::scanner
