#include "report/reach.h"

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <utility>

#include "report/app_name.h"
#include "rules/engine/text_util.h"

namespace iescan::report {
namespace {

constexpr std::array<std::string_view, 4> kFragmentExtensions = {"inc", "jspf", "ascx", "master"};

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }

// The reference without spaces, query string and fragment, with '/' separators.
std::string CleanReference(std::string_view ref) {
  while (!ref.empty() && IsSpace(ref.front())) ref.remove_prefix(1);
  ref = ref.substr(0, ref.find_first_of("?#"));
  while (!ref.empty() && IsSpace(ref.back())) ref.remove_suffix(1);
  std::string out(ref);
  std::replace(out.begin(), out.end(), '\\', '/');
  return out;
}

// Length of a leading "scheme:", or 0.
size_t SchemeLength(std::string_view s) {
  if (s.empty() || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z'))) return 0;
  for (size_t i = 1; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ':') return i + 1;
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '+' || c == '.' || c == '-';
    if (!ok) return 0;
  }
  return 0;
}

// Resolves "." and ".." in a '/'-separated path; false when ".." climbs above the start.
// Keeps a leading '/' and a trailing '/'.
bool NormalizePath(std::string_view path, std::string* out) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    const std::string_view part = path.substr(start, slash - start);
    if (part == "..") {
      if (parts.empty()) return false;
      parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = slash + 1;
  }
  out->clear();
  if (!path.empty() && path.front() == '/') *out += '/';
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) *out += '/';
    *out += parts[i];
  }
  if (!parts.empty() && path.back() == '/') *out += '/';
  return !parts.empty();
}

std::string_view DirectoryOf(std::string_view path) {
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
}

std::string Joined(std::string_view dir, std::string_view rel) {
  if (dir.empty()) return std::string(rel);
  return std::string(dir) + "/" + std::string(rel);
}

// "http://Host:80/a/b" -> {"http://host:80", "/a/b"}; false when not a URL.
bool SplitUrl(std::string_view url, std::string* origin, std::string* path) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos || scheme == 0) return false;
  const size_t path_start = url.find('/', scheme + 3);
  const std::string_view authority =
      path_start == std::string_view::npos ? url : url.substr(0, path_start);
  *origin = AsciiLower(authority);
  *path = path_start == std::string_view::npos ? "/" : std::string(url.substr(path_start));
  const size_t query = path->find_first_of("?#");
  if (query != std::string::npos) path->resize(query);
  return true;
}

std::vector<std::string> ResolveUrl(std::string_view from, const std::string& ref) {
  std::string origin;
  std::string path;
  if (!SplitUrl(from, &origin, &path)) return {};
  std::string target;
  if (ref.rfind("//", 0) == 0) {
    target = origin.substr(0, origin.find("://") + 1) + ref;
  } else if (SchemeLength(ref) > 0) {
    const std::string scheme = AsciiLower(ref.substr(0, SchemeLength(ref)));
    if (scheme != "http:" && scheme != "https:") return {};
    target = ref;
  } else if (!ref.empty() && ref.front() == '/') {
    target = origin + ref;
  } else {
    target = origin + Joined(DirectoryOf(path), ref);
  }
  std::string target_origin;
  std::string target_path;
  std::string normalized;
  if (!SplitUrl(target, &target_origin, &target_path)) return {};
  if (!NormalizePath(target_path, &normalized)) return {};
  return {target_origin + normalized};
}

std::vector<std::string> ResolvePath(std::string_view from, std::string_view root,
                                     const std::string& ref) {
  if (SchemeLength(ref) > 0 || ref.rfind("//", 0) == 0) return {};
  const std::string_view rel = RootRelativePath(from, root);
  const std::string_view prefix = from.substr(0, from.size() - rel.size());  // "root/" or ""
  std::vector<std::string> raw;
  if (!ref.empty() && ref.front() == '/') {
    const size_t first = ref.find_first_not_of('/');
    if (first == std::string::npos) return {};
    const std::string below = ref.substr(first);
    // The app's directory, then the scan root, then every deeper directory of the file.
    const size_t slash = rel.find('/');
    if (slash != std::string_view::npos) {
      raw.push_back(std::string(prefix) + std::string(rel.substr(0, slash)) + "/" + below);
    }
    raw.push_back(std::string(prefix) + below);
    for (size_t end = rel.find('/'); end != std::string_view::npos; end = rel.find('/', end + 1)) {
      raw.push_back(std::string(prefix) + std::string(rel.substr(0, end)) + "/" + below);
    }
  } else {
    raw.push_back(Joined(DirectoryOf(from), ref));
  }
  std::vector<std::string> out;
  for (const std::string& candidate : raw) {
    std::string normalized;
    if (!NormalizePath(candidate, &normalized)) continue;
    if (std::find(out.begin(), out.end(), normalized) == out.end()) out.push_back(normalized);
  }
  return out;
}

// Scanned files by (scan root, normalized display path), exactly and ASCII case-folded.
// A key is a space (0 for URLs, else one per normalized root, folded or not) and the path.
// Each file has one entry per lookup, a 64-bit hash of its key and its index, in a vector
// sorted by both; a lookup compares the files whose hash matches. Paths are the files' own
// strings (normalized URLs are copied into an arena), and folded keys are compared case-
// insensitively instead of being stored: a large scan's hundred thousand files cost 48
// bytes each here, where hash-map nodes and folded copies took about 200.
class FileIndex {
 public:
  explicit FileIndex(const std::vector<ReachFile>& files) {
    paths_.reserve(files.size());
    spaces_.reserve(files.size());
    exact_.reserve(files.size());
    folded_.reserve(files.size());
    for (size_t i = 0; i < files.size(); ++i) {
      const ReachFile& f = files[i];
      const std::string_view display = Normalized(f);
      const auto [exact_space, folded_space] = AddSpaces(f.root, f.is_url);
      paths_.push_back(display);
      spaces_.push_back({exact_space, folded_space});
      const uint32_t index = static_cast<uint32_t>(i);
      exact_.push_back({Hash(exact_space, display, false), index});
      folded_.push_back({Hash(folded_space, display, true), index});
    }
    std::sort(exact_.begin(), exact_.end());
    std::sort(folded_.begin(), folded_.end());
  }

  size_t Find(std::string_view root, bool is_url, std::string_view display) const {
    const auto [exact_space, folded_space] = SpacesOf(root, is_url);
    if (exact_space != kNoSpace) {
      // The first file (in plan order) with this key wins.
      const uint64_t hash = Hash(exact_space, display, false);
      for (auto it = First(exact_, hash); it != exact_.end() && it->hash == hash; ++it) {
        if (spaces_[it->index].exact == exact_space && paths_[it->index] == display) {
          return it->index;
        }
      }
    }
    if (folded_space == kNoSpace) return std::string::npos;
    // Folded, only a key that one file alone has.
    const uint64_t hash = Hash(folded_space, display, true);
    size_t found = std::string::npos;
    for (auto it = First(folded_, hash); it != folded_.end() && it->hash == hash; ++it) {
      if (spaces_[it->index].folded != folded_space ||
          !rules::EqualsIgnoreCaseAscii(paths_[it->index], display)) {
        continue;
      }
      if (found != std::string::npos) return std::string::npos;
      found = it->index;
    }
    return found;
  }

 private:
  static constexpr uint32_t kNoSpace = UINT32_MAX;
  struct Entry {
    uint64_t hash;
    uint32_t index;
    auto operator<=>(const Entry&) const = default;
  };
  struct Spaces {
    uint32_t exact;
    uint32_t folded;
  };

  // FNV-1a over the space's bytes and the path's (ASCII-lowered when fold).
  static uint64_t Hash(uint32_t space, std::string_view path, bool fold) {
    uint64_t h = 14695981039346656037ULL;
    for (int shift = 0; shift < 32; shift += 8) {
      h = (h ^ ((space >> shift) & 0xFF)) * 1099511628211ULL;
    }
    for (char c : path) {
      h = (h ^ static_cast<unsigned char>(fold ? Lower(c) : c)) * 1099511628211ULL;
    }
    return h;
  }

  static std::vector<Entry>::const_iterator First(const std::vector<Entry>& entries,
                                                  uint64_t hash) {
    return std::lower_bound(entries.begin(), entries.end(), Entry{hash, 0});
  }

  // The (exact, folded) spaces of a root, new roots getting new ones.
  std::pair<uint32_t, uint32_t> AddSpaces(std::string_view root, bool is_url) {
    if (is_url) return {0, 0};
    if (auto it = root_cache_.find(root); it != root_cache_.end()) return it->second;
    const std::string normal = NormalizeRoot(root);
    const uint32_t e = exact_spaces_.try_emplace(normal, exact_spaces_.size() + 1).first->second;
    const uint32_t f =
        folded_spaces_.try_emplace(AsciiLower(normal), folded_spaces_.size() + 1).first->second;
    root_cache_.emplace(std::string(root), std::make_pair(e, f));
    return {e, f};
  }

  // The same without adding: kNoSpace for a root no file has.
  std::pair<uint32_t, uint32_t> SpacesOf(std::string_view root, bool is_url) const {
    if (is_url) return {0, 0};
    if (auto it = root_cache_.find(root); it != root_cache_.end()) return it->second;
    const std::string normal = NormalizeRoot(root);
    auto e = exact_spaces_.find(normal);
    auto f = folded_spaces_.find(AsciiLower(normal));
    return {e == exact_spaces_.end() ? kNoSpace : e->second,
            f == folded_spaces_.end() ? kNoSpace : f->second};
  }

  std::string_view Normalized(const ReachFile& f) {
    if (!f.is_url) return f.display;
    std::string origin;
    std::string path;
    std::string normalized;
    if (!SplitUrl(f.display, &origin, &path) || !NormalizePath(path, &normalized)) {
      return f.display;
    }
    return Store(origin + normalized);
  }

  // Copies `text` into the arena: chunks of at least 1 MiB that never move.
  std::string_view Store(std::string_view text) {
    if (chunks_.empty() || chunk_used_ + text.size() > chunk_size_) {
      chunk_size_ = std::max<size_t>(size_t{1} << 20, text.size());
      chunks_.push_back(std::make_unique<char[]>(chunk_size_));
      chunk_used_ = 0;
    }
    char* at = chunks_.back().get() + chunk_used_;
    std::copy(text.begin(), text.end(), at);
    chunk_used_ += text.size();
    return std::string_view(at, text.size());
  }

  std::vector<std::string_view> paths_;  // per file: its normalized display path
  std::vector<Spaces> spaces_;           // per file
  std::vector<Entry> exact_;             // sorted
  std::vector<Entry> folded_;            // sorted
  std::map<std::string, uint32_t, std::less<>> exact_spaces_;   // normalized root -> space
  std::map<std::string, uint32_t, std::less<>> folded_spaces_;  // folded normalized root
  std::map<std::string, std::pair<uint32_t, uint32_t>, std::less<>> root_cache_;  // as given
  std::vector<std::unique_ptr<char[]>> chunks_;
  size_t chunk_size_ = 0;
  size_t chunk_used_ = 0;
};

}  // namespace

bool IsPage(scanner::FileKind kind, std::string_view display) {
  if (kind != scanner::FileKind::kHtml && kind != scanner::FileKind::kHta) return false;
  const std::string_view path = display.substr(0, display.find_first_of("?#"));
  const size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || path.find('/', dot) != std::string_view::npos) {
    return true;
  }
  const std::string extension = AsciiLower(path.substr(dot + 1));
  return std::find(kFragmentExtensions.begin(), kFragmentExtensions.end(), extension) ==
         kFragmentExtensions.end();
}

std::vector<std::string> ResolveReference(std::string_view from, std::string_view root,
                                          bool from_is_url, std::string_view reference) {
  const std::string ref = CleanReference(reference);
  if (ref.empty()) return {};
  return from_is_url ? ResolveUrl(from, ref) : ResolvePath(from, root, ref);
}

ReachResult ComputeReach(const std::vector<ReachFile>& files) {
  ReachResult result;
  const size_t n = files.size();
  result.page.assign(n, false);
  result.reach.assign(n, 0);
  result.loads.assign(n, {});
  const FileIndex index(files);
  static const std::vector<SharedText> kNone;
  for (size_t i = 0; i < n; ++i) {
    result.page[i] = IsPage(files[i].kind, files[i].display);
    for (const SharedText& ref : files[i].references ? *files[i].references : kNone) {
      for (const std::string& candidate :
           ResolveReference(files[i].display, files[i].root, files[i].is_url, ref)) {
        const size_t target = index.Find(files[i].root, files[i].is_url, candidate);
        if (target == std::string::npos) continue;
        if (target != i) result.loads[i].push_back(target);
        break;
      }
    }
    std::sort(result.loads[i].begin(), result.loads[i].end());
    result.loads[i].erase(std::unique(result.loads[i].begin(), result.loads[i].end()),
                          result.loads[i].end());
  }
  // One iterative walk per page; `seen` holds the page index that last visited a file.
  std::vector<size_t> seen(n, std::string::npos);
  std::vector<size_t> stack;
  for (size_t page = 0; page < n; ++page) {
    if (!result.page[page]) continue;
    stack.assign(1, page);
    seen[page] = page;
    while (!stack.empty()) {
      const size_t file = stack.back();
      stack.pop_back();
      ++result.reach[file];
      for (size_t next : result.loads[file]) {
        if (seen[next] == page) continue;
        seen[next] = page;
        stack.push_back(next);
      }
    }
  }
  return result;
}

}  // namespace iescan::report
