// Saving fetched resources under safe paths, and the manifest. See
// save_store.h.

#include "scanner/crawl/save_store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace iescan::scanner {
namespace {

constexpr size_t kMaxName = 100;
constexpr size_t kMaxPath = 240;

bool ValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size() || (n > 1 && c < 0xC2)) return false;
    for (size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n;
  }
  return true;
}

bool IsDeviceName(std::string_view name) {
  std::string stem(name.substr(0, name.find('.')));
  for (char& c : stem) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (stem == "con" || stem == "prn" || stem == "aux" || stem == "nul") return true;
  return stem.size() == 4 && (stem.compare(0, 3, "com") == 0 || stem.compare(0, 3, "lpt") == 0) &&
         stem[3] >= '1' && stem[3] <= '9';
}

// One safe path component from a decoded URL segment.
std::string SafeName(std::string_view decoded) {
  bool utf8 = ValidUtf8(decoded);
  std::string out;
  for (char c : decoded) {
    unsigned char u = static_cast<unsigned char>(c);
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-' || (u >= 0x80 && utf8);
    out.push_back(ok ? c : '_');
  }
  if (out.empty()) out = "_";
  if (out.front() == '.') out.front() = '_';
  if (IsDeviceName(out)) out.insert(out.begin(), '_');
  return out;
}

std::string_view KindExtension(FileKind kind) {
  switch (kind) {
    case FileKind::kHtml:
      return "html";
    case FileKind::kHta:
      return "hta";
    case FileKind::kHtc:
      return "htc";
    case FileKind::kJs:
      return "js";
    case FileKind::kVbs:
      return "vbs";
    case FileKind::kCss:
      return "css";
    case FileKind::kXml:
      return "xml";
    case FileKind::kXsl:
      return "xsl";
    default:
      return "txt";
  }
}

// Splits "name.ext" at the last dot (no dot: ext empty).
void SplitExtension(const std::string& name, std::string* stem, std::string* ext) {
  size_t dot = name.rfind('.');
  if (dot == std::string::npos || dot == 0) {
    *stem = name;
    ext->clear();
  } else {
    *stem = name.substr(0, dot);
    *ext = name.substr(dot + 1);
  }
}

std::string FileName(const Url& url, std::string_view last_segment, KindInfo kind) {
  std::string name = last_segment.empty() ? "index" : SafeName(PercentDecode(last_segment));
  std::string stem;
  std::string ext;
  SplitExtension(name, &stem, &ext);
  KindInfo by_name = KindFromPath(name);
  if (by_name.kind != kind.kind || by_name.server != kind.server || ext.empty()) {
    stem = name;
    ext = std::string(KindExtension(kind.kind));
  }
  if (url.has_query) stem += "@" + HashHex(url.query).substr(0, 12);
  if (stem.size() + ext.size() + 1 > kMaxName) {
    std::string ascii;
    for (char c : stem.substr(0, 40))
      ascii.push_back(static_cast<unsigned char>(c) < 0x80 ? c : '_');
    stem = ascii + "~" + HashHex(name + "?" + url.query);
  }
  return stem + "." + ext;
}

// Creates every directory of `path`. Components longer than `trusted` bytes
// (those below the save directory) must be real directories, not symbolic
// links.
Status MakeDirs(const std::string& path, size_t trusted) {
  size_t pos = 0;
  while (pos != std::string::npos) {
    pos = path.find('/', pos + 1);
    std::string prefix = path.substr(0, pos);
    if (prefix.empty()) continue;
    if (::mkdir(prefix.c_str(), 0755) != 0 && errno != EEXIST) {
      return Status::Error("cannot create " + prefix + ": " + std::strerror(errno));
    }
    struct stat info;
    int rc =
        prefix.size() <= trusted ? ::stat(prefix.c_str(), &info) : ::lstat(prefix.c_str(), &info);
    if (rc != 0 || !S_ISDIR(info.st_mode)) {
      return Status::Error("not a directory: " + prefix);
    }
  }
  return Status::Ok();
}

}  // namespace

std::string HashHex(std::string_view text) {
  uint64_t h = 1469598103934665603ull;
  for (char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<size_t>(i)] = kHex[h & 15];
    h >>= 4;
  }
  return out;
}

std::string SavePath(const Url& url, KindInfo kind) {
  std::string out = SafeName(url.host) + "_" + std::to_string(url.EffectivePort());
  std::string_view path = url.path;
  size_t last_slash = path.rfind('/');
  size_t pos = 1;
  while (pos <= last_slash) {
    size_t slash = path.find('/', pos);
    std::string_view seg = path.substr(pos, slash - pos);
    if (!seg.empty()) out += "/" + SafeName(PercentDecode(seg));
    pos = slash + 1;
  }
  out += "/" + FileName(url, path.substr(last_slash + 1), kind);
  if (out.size() > kMaxPath) {
    out = SafeName(url.host) + "_" + std::to_string(url.EffectivePort()) + "/_long/" +
          HashHex(url.Spec()) + "." + std::string(KindExtension(kind.kind));
  }
  return out;
}

Result<std::unique_ptr<SaveStore>> SaveStore::Open(const std::string& dir) {
  std::string clean = dir;
  while (clean.size() > 1 && clean.back() == '/') clean.pop_back();
  Status st = MakeDirs(clean, clean.size());
  if (!st.ok()) return Status::Error("--save: " + st.message());
  return std::unique_ptr<SaveStore>(new SaveStore(clean));
}

Status SaveStore::WriteFile(const std::string& relative, std::string_view bytes) const {
  std::string full = dir_ + "/" + relative;
  size_t slash = full.rfind('/');
  Status st = MakeDirs(full.substr(0, slash), dir_.size());
  if (!st.ok()) return st;
  int fd = ::open(full.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) return Status::Error("cannot write " + full + ": " + std::strerror(errno));
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(fd);
      return Status::Error("cannot write " + full + ": " + std::strerror(errno));
    }
    done += static_cast<size_t>(n);
  }
  if (::close(fd) != 0) return Status::Error("cannot write " + full);
  return Status::Ok();
}

Result<std::string> SaveStore::Save(const Url& url, KindInfo kind, const SavedResource& meta,
                                    std::string_view bytes) {
  const std::string key = url.Spec();
  std::string relative = SavePath(url, kind);
  auto owner = owner_.find(relative);
  if (owner != owner_.end() && owner->second != key) {
    std::string stem;
    std::string ext;
    SplitExtension(relative, &stem, &ext);
    relative = stem + "@" + HashHex(key).substr(0, 12) + "." + ext;
  }
  Status st = WriteFile(relative, bytes);
  if (!st.ok()) {
    // A segment clashes with a file saved earlier (or the name is refused):
    // fall back to a flat hashed name.
    relative = SafeName(url.host) + "_" + std::to_string(url.EffectivePort()) + "/_hashed/" +
               HashHex(key) + "." + std::string(KindExtension(kind.kind));
    st = WriteFile(relative, bytes);
    if (!st.ok()) return st;
  }
  owner_[relative] = key;
  entries_.push_back({meta, relative, bytes.size()});
  return relative;
}

Status SaveStore::WriteManifest() const {
  std::vector<const Entry*> sorted;
  for (const Entry& e : entries_) sorted.push_back(&e);
  std::sort(sorted.begin(), sorted.end(), [](const Entry* a, const Entry* b) {
    return a->meta.display_url < b->meta.display_url;
  });
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const Entry* e : sorted) {
    nlohmann::ordered_json item;
    item["url"] = e->meta.display_url;
    item["path"] = e->path;
    item["status"] = e->meta.status;
    item["bytes"] = e->bytes;
    item["media_type"] = e->meta.media_type;
    if (!e->meta.charset.empty()) item["charset"] = e->meta.charset;
    if (!e->meta.x_ua_compatible.empty()) item["x_ua_compatible"] = e->meta.x_ua_compatible;
    list.push_back(std::move(item));
  }
  nlohmann::ordered_json doc;
  doc["format"] = "iescan-crawl-manifest";
  doc["version"] = 1;
  doc["resources"] = std::move(list);
  std::string text = doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  std::string tmp = dir_ + "/manifest.json.tmp";
  ::unlink(tmp.c_str());
  Status st = WriteFile("manifest.json.tmp", text);
  if (!st.ok()) return st;
  if (std::rename(tmp.c_str(), (dir_ + "/manifest.json").c_str()) != 0) {
    return Status::Error("cannot write " + dir_ + "/manifest.json");
  }
  return Status::Ok();
}

}  // namespace iescan::scanner
