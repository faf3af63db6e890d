// The configuration file, `.iescan.json`: found from the first scanned root upward (or named
// with --config). Every key is optional; command-line flags override the file. Unknown keys
// and wrong types are errors that name the file, the key and the expected type.
//
// Thread-safety: plain values and pure functions.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "scanner/core/status.h"

namespace iescan::app {

// One application of the organisation (overrides the default grouping by directory).
struct AppEntry {
  std::string name;
  std::vector<std::string> paths;  // globs on display paths
  std::vector<std::string> urls;   // URL prefixes (crawls, and site-list URLs)
  std::string owner;
  int64_t users = 0;
};

struct Config {
  std::string path;                             // the file it came from; empty if none
  std::vector<std::string> include;
  std::vector<std::string> exclude;
  // Per-rule settings: "off" disables a rule; a severity name overrides its severity.
  std::map<std::string, std::string> rules;
  std::vector<std::string> rule_dirs;           // resolved against the config's directory
  std::vector<AppEntry> apps;
  std::map<std::string, double> priority;       // weight name -> value (see docs/priority.md)
  std::optional<std::string> fail_on;
  std::vector<std::string> outputs;             // report files, resolved like rule_dirs
  std::optional<std::string> max_file_size;
  std::optional<std::string> baseline;
  std::optional<std::string> lang;
};

// Parses configuration text. `path` names the file in error messages.
Result<Config> ParseConfig(const std::string& text, const std::string& path);

// Loads `explicit_path` when non-empty; otherwise looks for `.iescan.json` in `start` (a file
// or directory) and its parents. No file found is not an error (an empty Config).
Result<Config> LoadConfig(const std::string& explicit_path, const std::string& start);

// The commented starter file `iescan init` writes.
std::string StarterConfig();

}  // namespace iescan::app
