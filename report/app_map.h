// The app map: an organisation's own list of applications, which overrides the default
// grouping of report/app_name.h (first directory under the scan root) and adds what the
// source tree cannot tell: who owns an app, how many people use it, and where it is
// served (the URLs an Enterprise Mode site list needs).
//
// A resource belongs to the first entry, in map order, that claims it:
//   - one of `paths` matches its display path (the root-relative path, or the URL) as a
//     glob: `*` matches within one path segment, `**` any run of characters including
//     '/', `?` one character other than '/'; a pattern ending in '/' matches everything
//     below that directory ("hr/" = "hr/**");
//   - or one of `urls` is a prefix of its display URL, compared ASCII case-insensitively
//     (for crawled resources; file-tree scans use `urls` only for the site list).
// Resources no entry claims keep their default app.
//
// Thread-safety: pure functions over plain values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iescan::report {

struct AppMapEntry {
  std::string name;                // the app's name in every report
  std::vector<std::string> paths;  // globs on display paths
  std::vector<std::string> urls;   // URL prefixes, e.g. "http://intra.example.jp/hr/"
  std::string owner;               // team or person; "" when unknown
  std::optional<uint64_t> users;   // people who use the app, when known
};

// True when `glob` (syntax above) matches all of `path`. Iterative; time is at most
// proportional to the product of the two lengths.
bool GlobMatch(std::string_view glob, std::string_view path);

// The index of the first entry that claims `display`, or nullopt.
std::optional<size_t> FindAppMapEntry(const std::vector<AppMapEntry>& map,
                                      std::string_view display);

}  // namespace iescan::report
