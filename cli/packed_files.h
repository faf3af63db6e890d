// PackedFiles: the list of files a scan reads, held compactly while the scan reads them.
//
// Thread-safety: Take may be called from many threads at once, for distinct files.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "scanner/source/walker.h"

namespace iescan::app {

// The files a scan reads, packed: 48 bytes each and their paths' characters, front-coded,
// where a listed SourceFile holds three strings of its own (about 300 bytes for a typical
// path). Take rebuilds one file for the worker that reads it, once per file.
//
// Files are kept in blocks, each with its paths, and a block is freed as soon as all its
// files are taken: the list shrinks as the scan's records of the files it has read grow.
// A listing sorted by path has neighbours that share most of theirs: in each group of 16, a
// file keeps only what follows the part its path shares with the group's first (most of a
// path is its directories), and its file-system path only what differs from its display
// path at the front ("./" for the root "."). The paths are not pooled (SharedText): pooled
// texts are never freed, and a large tree's paths are most of what grows with it.
class PackedFiles {
 public:
  explicit PackedFiles(const std::vector<scanner::SourceFile*>& files);

  size_t size() const { return size_; }

  // File i, which no later call may ask for again. Thread-safe for distinct files.
  scanner::SourceFile Take(size_t i);

 private:
  static constexpr size_t kBlock = 4096;
  static constexpr size_t kGroup = 16;
  // A file's paths: its display path is the first `shared` characters of its group's first
  // one, then `own_display` characters from `at` in its block's `paths`; its file-system
  // path is the next `own_fs_path` characters, then its display path from `fs_tail` on.
  struct Entry {
    uint32_t at = 0;
    uint32_t shared = 0;
    uint32_t own_display = 0;
    uint32_t own_fs_path = 0;
    uint32_t fs_tail = 0;
    uint32_t root = 0;     // index into roots_
    uint64_t size = 0;
    scanner::KindInfo kind;
    bool is_url = false;
  };
  static_assert(sizeof(Entry) <= 48);
  struct Block {
    std::unique_ptr<Entry[]> entries;
    std::string paths;  // its entries' own characters, one after another
  };

  uint32_t RootIndex(const std::string& root);

  size_t size_ = 0;
  std::vector<std::unique_ptr<Block>> blocks_;
  std::unique_ptr<std::atomic<uint32_t>[]> left_;  // per block: files not yet taken
  std::vector<std::string> roots_;  // few: the scan's roots
  std::map<std::string, uint32_t> root_index_;
};

}  // namespace iescan::app
