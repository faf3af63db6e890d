// The parallel directory walk behind ListFiles: a work queue of directories served by N
// threads, each with its own output buffers, and the per-entry decisions (VCS
// directories, ignore rules, include/exclude globs, kinds, size caps, symbolic links).
// Private to the source module.
//
// Symbolic links to directories are never walked inside a round: the walk hands them
// back (`deferred`) and ListFiles resolves them in sorted order between rounds, so which
// path wins for a directory reachable twice does not depend on thread timing.
//
// Thread-safety: one TreeWalker serves one ListFiles call; Walk runs its own threads and
// the only state they share is the queue and the visited-directory set, both locked.
#pragma once

#include <sys/types.h>

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "scanner/source/ignore_rules.h"
#include "scanner/source/walker.h"

namespace iescan::scanner {

// A scan root as the user gave it and the two prefixes derived from it.
struct RootInfo {
  std::string given;           // "corpus/", "./app", "/srv/www"
  std::string fs_prefix;       // trailing '/' dropped: what paths to open start with
  std::string display_prefix;  // leading "./" dropped as well; empty for "."
};

// "display_prefix/rel", or rel alone for an empty prefix; "." for the root of ".".
std::string DisplayPath(const RootInfo& root, const std::string& rel);
std::string JoinPath(const std::string& directory, const std::string& name);

// The ignore files of one directory, chained to those of its parent directory.
struct IgnoreFrame {
  std::shared_ptr<const IgnoreFrame> parent;
  std::string base;      // the directory, relative to the root ("" for the root)
  IgnoreRules custom;    // .iescanignore
  IgnoreRules git;       // .gitignore
  IgnoreRules exclude;   // .git/info/exclude of a repository rooted here
};

struct DirTask {
  std::string fs_path;
  std::string rel;  // relative to the root, '/'-separated; "" for the root itself
  std::shared_ptr<const IgnoreFrame> frame;
  uint32_t root = 0;
  bool via_symlink = false;
  uint32_t depth = 0;  // directories between the root and this one
};

// How deep the walk goes below a root; deeper directories are skipped with a reason.
inline constexpr uint32_t kMaxWalkDepth = 256;

// A directory reached through a symbolic link, with the identity of its target.
struct DeferredLink {
  DirTask task;
  dev_t device = 0;
  ino_t inode = 0;
};

// A file the walk found. To keep a large tree's listing small until it is sorted, its
// origin holds no root (the root's `given`, set by ListFiles) and no file-system path when
// that is the same text as the display path (also set by ListFiles).
struct FoundFile {
  SourceFile file;
  dev_t device = 0;
  ino_t inode = 0;
  uint32_t root = 0;
  bool via_symlink = false;
};

struct WalkOutput {
  // A deque: merging the threads' outputs and turning them into the final list frees them
  // a block at a time, instead of holding two arrays of every file at once.
  std::deque<FoundFile> files;
  std::vector<Skipped> skipped;
  std::vector<DeferredLink> deferred;
  uint64_t ignored = 0;

  void Append(WalkOutput&& other);
};

class TreeWalker {
 public:
  TreeWalker(const WalkOptions& options, const std::vector<RootInfo>& roots);

  // Walks every task and the directories below them on `threads` threads (at least one)
  // and appends what it found to *out.
  void Walk(std::vector<DirTask> tasks, int threads, WalkOutput* out);

  // Records a directory as walked. False when it already was (following links only).
  bool MarkVisited(dev_t device, ino_t inode);

  const RootInfo& root(uint32_t index) const { return roots_[index]; }

 private:
  class Queue;
  struct Entry;
  struct LinkState;

  void ProcessDirectory(const DirTask& task, Queue* queue, WalkOutput* out);
  std::shared_ptr<const IgnoreFrame> LoadIgnoreFiles(const DirTask& task, int dir_fd,
                                                     const std::vector<Entry>& entries);
  void HandleEntry(const DirTask& task, const std::shared_ptr<const IgnoreFrame>& frame,
                   int dir_fd, const Entry& entry, Queue* queue, WalkOutput* out);
  void HandleDirectory(const DirTask& task, const std::shared_ptr<const IgnoreFrame>& frame,
                       int dir_fd, const Entry& entry, Queue* queue, WalkOutput* out);
  void HandleLink(const DirTask& task, const std::shared_ptr<const IgnoreFrame>& frame,
                  int dir_fd, const Entry& entry, WalkOutput* out);
  // `link` describes a symbolic link's target; null for a plain entry.
  void HandleFile(const DirTask& task, const IgnoreFrame* frame, int dir_fd,
                  const Entry& entry, const LinkState* link, WalkOutput* out);

  bool IsExcluded(const IgnoreFrame* frame, const std::string& rel, bool is_dir) const;
  bool IsIncluded(const std::string& rel) const;

  const WalkOptions& options_;
  const std::vector<RootInfo>& roots_;
  IgnoreRules include_;
  IgnoreRules exclude_;
  std::mutex visited_mutex_;
  std::set<std::pair<dev_t, ino_t>> visited_;
};

// True for a name with no '.' at all ("README", "index"): such files are sniffed.
bool HasNoExtension(std::string_view name);

}  // namespace iescan::scanner
