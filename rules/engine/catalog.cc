// Catalogue loading: the embedded built-in rules and organisation rule directories.
#include "rules/engine/catalog.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <system_error>

namespace iescan::rules {
namespace {

namespace fs = std::filesystem;

constexpr uintmax_t kMaxRuleFileBytes = 1 << 20;  // a rule or its doc; far above real sizes
constexpr size_t kMaxDirectoryEntries = 100000;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// A rule's id must be "<category>.<name>" of the folder and stem it was loaded from.
Status CheckIdMatchesPath(const Rule& rule, std::string_view category, std::string_view name) {
  std::string expected = std::string(category) + "." + std::string(name);
  if (rule.id == expected) return Status::Ok();
  return Status::Error(rule.source + ": key 'id': expected '" + expected +
                       "' (the file's folder and name), got '" + rule.id + "'");
}

// Every id named in `supersedes` must be a rule of the catalogue.
Status CheckSupersedes(const Catalog& catalog, const std::vector<const Rule*>& rules) {
  for (const Rule* rule : rules) {
    for (size_t i = 0; i < rule->supersedes.size(); ++i) {
      if (catalog.Find(rule->supersedes[i]) == nullptr) {
        return Status::Error(rule->source + ": key 'supersedes[" + std::to_string(i) +
                             "]': no rule '" + rule->supersedes[i] + "' in the catalogue");
      }
    }
  }
  return Status::Ok();
}

// Parses every embedded <category>/<name>.json with its <name>.md.
Result<std::vector<Rule>> LoadEmbedded() {
  std::map<std::string_view, std::string_view> files;
  for (unsigned long i = 0; i < kEmbeddedCatalogCount && kEmbeddedCatalog[i].path; ++i) {
    files[kEmbeddedCatalog[i].path] =
        std::string_view(kEmbeddedCatalog[i].data, kEmbeddedCatalog[i].size);
  }
  std::vector<Rule> rules;
  for (const auto& [path, data] : files) {
    std::string source = "builtin:" + std::string(path);
    size_t slash = path.find('/');
    bool nested = slash != std::string_view::npos && path.find('/', slash + 1) == path.npos;
    if (EndsWith(path, ".md")) {
      std::string stem(path.substr(0, path.size() - 3));
      if (slash != std::string_view::npos && files.count(stem + ".json") == 0) {
        return Status::Error(source + ": documentation without a rule (" + stem +
                             ".json is missing)");
      }
      continue;
    }
    if (!nested) {
      return Status::Error(source + ": expected a rule at <category>/<name>.json");
    }
    std::string_view stem = path.substr(0, path.size() - 5);
    auto doc = files.find(std::string(stem) + ".md");
    Result<Rule> rule =
        ParseRule(data, doc == files.end() ? std::string_view() : doc->second, source);
    if (!rule.ok()) return rule.status();
    Status s = CheckIdMatchesPath(*rule, stem.substr(0, slash), stem.substr(slash + 1));
    if (!s.ok()) return s;
    rules.push_back(std::move(rule).value());
  }
  return rules;
}

Result<std::string> ReadSmallFile(const fs::path& path) {
  std::error_code ec;
  uintmax_t size = fs::file_size(path, ec);
  if (ec) return Status::Error(path.generic_string() + ": cannot read: " + ec.message());
  if (size > kMaxRuleFileBytes) {
    return Status::Error(path.generic_string() + ": larger than 1 MiB; not a rule file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(path.generic_string() + ": cannot open");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status::Error(path.generic_string() + ": read error");
  return text.str();
}

// Every *.json under `dir`, recursively, sorted.
Result<std::vector<fs::path>> ListRuleFiles(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::Error(dir + ": not a directory");
  std::vector<fs::path> found;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  size_t seen = 0;
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (++seen > kMaxDirectoryEntries) {
      return Status::Error(dir + ": more than 100000 entries; not a rule directory");
    }
    if (it->path().extension() == ".json" && it->is_regular_file(ec)) {
      found.push_back(it->path());
    }
  }
  if (ec) return Status::Error(dir + ": cannot list: " + ec.message());
  std::sort(found.begin(), found.end());
  return found;
}

}  // namespace

Result<Catalog> Catalog::Builtin() {
  // Parsing and compiling the regular expressions is done once per process; each call
  // copies the parsed rules (compiled expressions are shared, immutable and thread-safe).
  static const Result<std::vector<Rule>> kLoaded = LoadEmbedded();
  if (!kLoaded.ok()) return kLoaded.status();
  Catalog catalog;
  for (const Rule& rule : *kLoaded) {
    Status s = catalog.Add(rule);
    if (!s.ok()) return s;
  }
  Status s = CheckSupersedes(catalog, catalog.rules());
  if (!s.ok()) return s;
  return catalog;
}

Status Catalog::AddDirectory(const std::string& dir) {
  Result<std::vector<fs::path>> files = ListRuleFiles(dir);
  if (!files.ok()) return files.status();
  std::vector<Rule> parsed;
  for (const fs::path& path : *files) {
    Result<std::string> json_text = ReadSmallFile(path);
    if (!json_text.ok()) return json_text.status();
    fs::path md_path = path;
    md_path.replace_extension(".md");
    std::string doc;
    std::error_code ec;
    if (fs::exists(md_path, ec)) {
      Result<std::string> md = ReadSmallFile(md_path);
      if (!md.ok()) return md.status();
      doc = std::move(md).value();
    }
    Result<Rule> rule = ParseRule(*json_text, doc, path.generic_string());
    if (!rule.ok()) return rule.status();
    std::string category = path.parent_path().filename().string();
    Status s = CheckIdMatchesPath(*rule, category, path.stem().string());
    if (!s.ok()) return s;
    parsed.push_back(std::move(rule).value());
  }
  // Check duplicates before adding anything, so a failed directory adds nothing.
  std::map<std::string_view, const Rule*> ids;
  for (const Rule& rule : parsed) {
    const Rule* other = Find(rule.id);
    if (other == nullptr) {
      auto [it, inserted] = ids.emplace(rule.id, &rule);
      if (!inserted) other = it->second;
    }
    if (other != nullptr) {
      return Status::Error(rule.source + ": rule '" + rule.id + "' is already defined by " +
                           other->source);
    }
  }
  std::vector<const Rule*> added;
  for (Rule& rule : parsed) {
    std::string id = rule.id;
    Status s = Add(std::move(rule));
    if (!s.ok()) return s;
    added.push_back(Find(id));
  }
  return CheckSupersedes(*this, added);
}

Status Catalog::Add(Rule rule) {
  if (const Rule* other = Find(rule.id)) {
    return Status::Error(rule.source + ": rule '" + rule.id + "' is already defined by " +
                         other->source);
  }
  owned_.push_back(std::make_unique<Rule>(std::move(rule)));
  const Rule* added = owned_.back().get();
  auto pos = std::lower_bound(sorted_.begin(), sorted_.end(), added->id,
                              [](const Rule* r, const std::string& id) { return r->id < id; });
  sorted_.insert(pos, added);
  return Status::Ok();
}

const Rule* Catalog::Find(std::string_view id) const {
  auto pos = std::lower_bound(sorted_.begin(), sorted_.end(), id,
                              [](const Rule* r, std::string_view key) { return r->id < key; });
  return pos != sorted_.end() && (*pos)->id == id ? *pos : nullptr;
}

}  // namespace iescan::rules
