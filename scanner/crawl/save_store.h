// --save DIR: keeps every fetched resource on disk so a crawl can be scanned
// again offline (`iescan scan DIR`), with DIR/manifest.json listing what was
// saved.
//
// Layout: DIR/<host>_<port>/<path segments>/<name>. Every name is made safe:
// percent-escapes decoded, then anything but letters, digits, '.', '_', '-'
// and well-formed UTF-8 becomes '_'; a leading dot becomes '_' (so no "..", no
// hidden files); Windows device names get a '_' prefix; a URL ending in '/' is
// saved as "index"; a query adds "@<hash>" before the extension; a name whose
// extension does not give the resource's kind gets one (".html", ".css",
// ".js"...) so an offline scan reads it as the crawl did. Names over 100 bytes
// and paths over 240 bytes are replaced by hashes. Nothing is ever written
// outside DIR: no absolute paths, no traversal, no symbolic links followed when
// a file is created. Two URLs that would share a name are told apart by a hash.
//
// The manifest holds, per resource: the redacted URL, the saved path (relative
// to DIR), the HTTP status, media type, charset and X-UA-Compatible header. It
// never holds credentials, cookies or unredacted URLs.
//
// Thread-safety: not thread-safe; the crawler calls it from its one thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "scanner/core/status.h"
#include "scanner/crawl/url.h"
#include "scanner/source/file_kind.h"

namespace iescan::scanner {

// The relative path (with '/' separators) a resource is saved under, before
// collisions.
std::string SavePath(const Url& url, KindInfo kind);

struct SavedResource {
  std::string display_url;  // redacted
  int status = 0;
  std::string media_type;
  std::string charset;
  std::string x_ua_compatible;
};

class SaveStore {
 public:
  // Creates `dir` (and its parents) if needed.
  static Result<std::unique_ptr<SaveStore>> Open(const std::string& dir);

  // Saves `bytes` for `url`. Returns the path relative to the directory.
  Result<std::string> Save(const Url& url, KindInfo kind, const SavedResource& meta,
                           std::string_view bytes);
  // Writes DIR/manifest.json (entries sorted by URL).
  Status WriteManifest() const;

 private:
  explicit SaveStore(std::string dir) : dir_(std::move(dir)) {}
  Status WriteFile(const std::string& relative, std::string_view bytes) const;

  struct Entry {
    SavedResource meta;
    std::string path;
    size_t bytes = 0;
  };
  std::string dir_;
  std::unordered_map<std::string, std::string> owner_;  // relative path -> URL key
  std::vector<Entry> entries_;
};

// FNV-1a 64-bit hash as 16 lower-case hex digits.
std::string HashHex(std::string_view text);

}  // namespace iescan::scanner
