// Blob: the raw bytes of one scanned resource and where they came from, before decoding.
// A Blob is produced by a source (the file-tree walker, later the HTTP crawler) and owned
// by the pipeline for the duration of one file's scan.
//
// Thread-safety: plain values.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace iescan::scanner {

// Where a resource came from. `display` is what every output shows: a path relative to
// the scanned root (with '/' separators) or a redacted URL.
struct Origin {
  std::string display;      // "app1/index.asp" or "http://host/app/index.asp"
  std::string fs_path;      // path on disk to read (empty for fetched resources)
  std::string root;         // the scan root or seed URL this resource was found under
  bool is_url = false;
};

// Raw bytes plus metadata declared outside the bytes themselves.
struct Blob {
  Origin origin;
  std::string bytes;
  // Charset declared by transport (HTTP Content-Type charset), empty if none.
  std::string declared_charset;
  // Content type declared by transport (HTTP Content-Type without parameters).
  std::string content_type;
  // Transport headers (lower-case names), e.g. x-ua-compatible from an HTTP response.
  std::vector<std::pair<std::string, std::string>> headers;
};

// A resource that could not be scanned. It produces no findings but is listed, with its
// reason, in every output.
struct Skipped {
  std::string origin;   // Origin::display
  std::string reason;   // "binary file (NUL byte at offset 12)", "larger than --max-file-size (40 MiB)"
};

}  // namespace iescan::scanner
