// The file-tree source: turns scan roots into the list of files to scan, honouring .git,
// .gitignore, .iescanignore, include/exclude globs, size caps and file kinds, and reads a
// file into a Blob with binary sniffing.
//
// Listing is separate from reading so that the pipeline can read and scan files on many
// threads while the order of results stays deterministic (files are sorted by display
// path).
//
// Thread-safety: ListFiles is called once per run; ReadBlob is thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "scanner/core/status.h"
#include "scanner/source/blob.h"
#include "scanner/source/file_kind.h"

namespace iescan::scanner {

struct WalkOptions {
  std::vector<std::string> include;   // globs (gitignore syntax, relative to the root); empty = all
  std::vector<std::string> exclude;   // globs
  uint64_t max_file_size = 32ull << 20;
  bool use_ignore_files = true;       // .gitignore, .iescanignore (and .git/info/exclude)
  bool follow_symlinks = false;
  bool include_unknown_kinds = false; // also list files whose kind is unknown (by content)
  int threads = 0;                    // directory-walking threads; 0 = one per core
};

// A file chosen for scanning.
struct SourceFile {
  Origin origin;     // display = the root as given joined by '/' with the path below it,
                     // a leading "./" dropped: root "corpus/" -> "corpus/apps/hr/a.jsp",
                     // root "." -> "apps/hr/a.jsp"; a root that is a file -> the root
  KindInfo kind;
  uint64_t size = 0;
};

struct FileList {
  std::vector<SourceFile> files;   // sorted by origin.display, no duplicates
  std::vector<Skipped> skipped;    // too large, unreadable directory, symlink loop...
  uint64_t ignored = 0;            // files left out because their kind is unknown
};

// Lists files under each root (a directory or a single file). A root that does not exist
// is an error (usage problem), not a skipped item.
Result<FileList> ListFiles(const std::vector<std::string>& roots, const WalkOptions& options);

// Reads a file. Errors (unreadable, binary, grown past max size) come back as a Status
// whose message is the skip reason, e.g. "binary file (NUL byte at offset 12)". UTF-16
// text (BOM, or NULs in the pattern of UTF-16) is not binary.
Result<Blob> ReadBlob(const SourceFile& file, uint64_t max_file_size);

// True when `bytes` (the first few KiB of a file) look binary: a NUL byte that is not part
// of UTF-16 text. Sets *nul_offset to the first NUL's offset.
bool LooksBinary(std::string_view bytes, uint64_t* nul_offset);

}  // namespace iescan::scanner
