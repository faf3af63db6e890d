#include "cli/config.h"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace iescan::app {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string TypeName(const json& v) {
  switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::string: return "a string";
    case json::value_t::array: return "an array";
    case json::value_t::object: return "an object";
    case json::value_t::discarded: return "invalid";
    default: return "a number";
  }
}

// Builds errors of the form "FILE: key 'a.b': expected X, got Y".
class Checker {
 public:
  explicit Checker(const std::string& path) : path_(path) {}

  Status Error(const std::string& key, const std::string& expected, const json& got) const {
    return Status::Error(path_ + ": key '" + key + "': expected " + expected + ", got " +
                         TypeName(got));
  }
  Status String(const json& v, const std::string& key, std::string* out) const {
    if (!v.is_string()) return Error(key, "a string", v);
    *out = v.get<std::string>();
    return Status::Ok();
  }
  Status Strings(const json& v, const std::string& key, std::vector<std::string>* out) const {
    if (!v.is_array()) return Error(key, "an array of strings", v);
    for (size_t i = 0; i < v.size(); ++i) {
      if (!v[i].is_string()) {
        return Error(key + "[" + std::to_string(i) + "]", "a string", v[i]);
      }
      out->push_back(v[i].get<std::string>());
    }
    return Status::Ok();
  }
  Status Unknown(const std::string& key) const {
    return Status::Error(path_ + ": unknown key '" + key + "'");
  }

 private:
  std::string path_;
};

bool IsRuleSetting(const std::string& s) {
  return s == "off" || s == "on" || s == "blocker" || s == "high" || s == "medium" ||
         s == "low";
}

Status ParseApps(const Checker& c, const json& v, std::vector<AppEntry>* out) {
  if (!v.is_array()) return c.Error("apps", "an array of objects", v);
  for (size_t i = 0; i < v.size(); ++i) {
    std::string base = "apps[" + std::to_string(i) + "]";
    const json& a = v[i];
    if (!a.is_object()) return c.Error(base, "an object", a);
    AppEntry entry;
    for (const auto& [key, value] : a.items()) {
      std::string k = base + "." + key;
      Status st;
      if (key == "name") {
        st = c.String(value, k, &entry.name);
      } else if (key == "paths") {
        st = c.Strings(value, k, &entry.paths);
      } else if (key == "urls") {
        st = c.Strings(value, k, &entry.urls);
      } else if (key == "owner") {
        st = c.String(value, k, &entry.owner);
      } else if (key == "users") {
        if (!value.is_number_integer() || value.get<int64_t>() < 0) {
          return c.Error(k, "a whole number of users (0 or more)", value);
        }
        entry.users = value.get<int64_t>();
      } else {
        return c.Unknown(k);
      }
      if (!st.ok()) return st;
    }
    if (entry.name.empty()) return c.Error(base + ".name", "a non-empty string", a);
    out->push_back(std::move(entry));
  }
  return Status::Ok();
}

Status ParseKey(const Checker& c, const std::string& key, const json& value, Config* config) {
  if (key == "$schema" || key == "//") return Status::Ok();  // comments and editor hints
  if (key == "include") return c.Strings(value, key, &config->include);
  if (key == "exclude") return c.Strings(value, key, &config->exclude);
  if (key == "rule_dirs") return c.Strings(value, key, &config->rule_dirs);
  if (key == "outputs") return c.Strings(value, key, &config->outputs);
  if (key == "apps") return ParseApps(c, value, &config->apps);
  if (key == "fail_on" || key == "max_file_size" || key == "baseline" || key == "lang") {
    std::string s;
    Status st = c.String(value, key, &s);
    if (!st.ok()) return st;
    if (key == "fail_on") config->fail_on = s;
    if (key == "max_file_size") config->max_file_size = s;
    if (key == "baseline") config->baseline = s;
    if (key == "lang") config->lang = s;
    return Status::Ok();
  }
  if (key == "rules") {
    if (!value.is_object()) return c.Error(key, "an object of rule id -> setting", value);
    for (const auto& [id, setting] : value.items()) {
      std::string s;
      Status st = c.String(setting, "rules." + id, &s);
      if (!st.ok()) return st;
      if (!IsRuleSetting(s)) {
        return Status::Error(c.Error("rules." + id, "one of off, on, blocker, high, medium, low",
                                     setting).message() + " '" + s + "'");
      }
      config->rules[id] = s;
    }
    return Status::Ok();
  }
  if (key == "priority") {
    if (!value.is_object()) return c.Error(key, "an object of weight name -> number", value);
    for (const auto& [name, w] : value.items()) {
      if (!w.is_number()) return c.Error("priority." + name, "a number", w);
      config->priority[name] = w.get<double>();
    }
    return Status::Ok();
  }
  return c.Unknown(key);
}

// Paths in a config file are relative to the file's directory.
void ResolvePaths(Config* config) {
  fs::path dir = fs::path(config->path).parent_path();
  auto resolve = [&](std::string& p) {
    if (!p.empty() && fs::path(p).is_relative()) p = (dir / p).lexically_normal().string();
  };
  for (std::string& d : config->rule_dirs) resolve(d);
  for (std::string& o : config->outputs) resolve(o);
  if (config->baseline) resolve(*config->baseline);
}

}  // namespace

Result<Config> ParseConfig(const std::string& text, const std::string& path) {
  // Comments (// and /* */) are allowed, as in the starter file.
  json doc = json::parse(text, nullptr, false, /*ignore_comments=*/true);
  if (doc.is_discarded()) return Status::Error(path + ": not valid JSON");
  Checker c(path);
  if (!doc.is_object()) return Status::Error(path + ": expected a JSON object at the top level");
  Config config;
  config.path = path;
  for (const auto& [key, value] : doc.items()) {
    Status st = ParseKey(c, key, value, &config);
    if (!st.ok()) return st;
  }
  return config;
}

Result<Config> LoadConfig(const std::string& explicit_path, const std::string& start) {
  std::string path = explicit_path;
  if (path.empty()) {
    std::error_code ec;
    fs::path dir = fs::absolute(start, ec);
    if (ec) return Config{};
    if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
    for (int depth = 0; depth < 64 && !dir.empty(); ++depth) {
      fs::path candidate = dir / ".iescan.json";
      if (fs::is_regular_file(candidate, ec)) {
        path = candidate.string();
        break;
      }
      if (dir == dir.parent_path()) break;
      dir = dir.parent_path();
    }
    if (path.empty()) return Config{};
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(path + ": cannot read the configuration file");
  std::ostringstream text;
  text << in.rdbuf();
  Result<Config> config = ParseConfig(text.str(), path);
  if (config.ok()) ResolvePaths(&*config);
  return config;
}

std::string StarterConfig() {
  return R"(// iescan configuration. Every key is optional; command-line flags override it.
// See docs/configuration.md for the whole list.
{
  // Globs (gitignore syntax, relative to the scanned root).
  "include": [],
  "exclude": ["**/backup/**", "**/*.bak.htm"],

  // Per-rule settings: "off", or a severity (blocker, high, medium, low) to override.
  "rules": {
    // "style.current-style": "low"
  },

  // Directories of the organisation's own rules (in-house ActiveX controls...).
  "rule_dirs": [],

  // Applications, when the first directory level is not the right grouping.
  "apps": [
    // {"name": "juminhyo", "paths": ["apps/juminhyo/**"], "urls": ["intranet.example/juminhyo/"],
    //  "owner": "Citizen services", "users": 120}
  ],

  // Exit with 1 when a finding is at or above this severity ("none" never fails).
  "fail_on": "blocker",

  // Report files written on every run (format from the extension).
  "outputs": []
}
)";
}

}  // namespace iescan::app
