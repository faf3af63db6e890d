// ListFiles: roots, rounds of the parallel walk, symbolic-link resolution between rounds,
// de-duplication and the final sort. The walk itself is in tree_walk.cc; ReadBlob in
// read_blob.cc.

#include "scanner/source/walker.h"

#include <fcntl.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <deque>
#include <thread>
#include <tuple>

#include "scanner/source/source_io.h"
#include "scanner/source/tree_walk.h"

namespace iescan::scanner {
namespace {

constexpr int kMaxThreads = 64;
constexpr size_t kSniffBytes = 1024;

RootInfo MakeRootInfo(const std::string& given) {
  RootInfo info;
  info.given = given;
  std::string trimmed = given;
  while (trimmed.size() > 1 && trimmed.back() == '/') trimmed.pop_back();
  info.fs_prefix = trimmed;
  std::string_view display = trimmed;
  while (display.size() >= 2 && display.substr(0, 2) == "./") {
    display.remove_prefix(2);
    while (!display.empty() && display.front() == '/') display.remove_prefix(1);
  }
  if (display == ".") display = {};
  info.display_prefix = std::string(display);
  return info;
}

int ThreadCount(int asked) {
  if (asked > 0) return std::min(asked, kMaxThreads);
  int cores = static_cast<int>(std::thread::hardware_concurrency());
  return std::clamp(cores, 1, kMaxThreads);
}

Status RootError(const std::string& root, int error) {
  if (error == ENOENT || error == ENOTDIR) {
    return Status::Error("no such file or directory: " + root);
  }
  return Status::Error("cannot access " + root + ": " + ErrorText(error));
}

// A root that is a file is listed whatever the ignore files and globs say: the user named
// it. Its kind comes from its name, else from its first bytes whatever its extension.
void AddRootFile(const RootInfo& root, uint32_t index, const struct stat& info,
                 const WalkOptions& options, WalkOutput* out) {
  const std::string display = root.display_prefix.empty() ? root.given : root.display_prefix;
  const auto skip = [&](std::string reason) {
    out->skipped.push_back({display, std::move(reason)});
  };
  if (!S_ISREG(info.st_mode)) return skip(NotRegularReason(info.st_mode));
  KindInfo kind = KindFromPath(root.fs_prefix);
  if (kind.kind == FileKind::kUnknown) {
    std::string head;
    int error = ReadPrefixAt(AT_FDCWD, root.fs_prefix.c_str(), kSniffBytes, false, &head);
    if (error != 0) return skip("unreadable file (" + ErrorText(error) + ")");
    kind = KindFromContent(head);
  }
  if (kind.kind == FileKind::kUnknown && !options.include_unknown_kinds) {
    return skip("unknown file kind (not a web page, script, style sheet or XML file)");
  }
  const auto size = static_cast<uint64_t>(info.st_size);
  if (size > options.max_file_size) return skip(TooLargeReason(size, options.max_file_size));
  FoundFile found;
  found.file.origin = Origin{display, root.fs_prefix, "", false};  // root: see FoundFile
  found.file.kind = kind;
  found.file.size = size;
  found.device = info.st_dev;
  found.inode = info.st_ino;
  found.root = index;
  out->files.push_back(std::move(found));
}

// Turns the links to directories a round found into the next round's tasks, in sorted
// order so that the first path to a directory always wins.
std::vector<DirTask> ResolveLinks(TreeWalker* walker, WalkOutput* round) {
  std::vector<DeferredLink>& links = round->deferred;
  std::sort(links.begin(), links.end(), [](const DeferredLink& a, const DeferredLink& b) {
    return std::tie(a.task.root, a.task.rel) < std::tie(b.task.root, b.task.rel);
  });
  std::vector<DirTask> next;
  for (DeferredLink& link : links) {
    if (!walker->MarkVisited(link.device, link.inode)) {
      round->skipped.push_back({DisplayPath(walker->root(link.task.root), link.task.rel),
                                "symbolic link to an already walked directory"});
      continue;
    }
    next.push_back(std::move(link.task));
  }
  links.clear();
  return next;
}

// One entry per file: the same file found from two roots, or again through a symbolic
// link, is kept once, from the first root and its plainest, then shortest-sorting path.
// Hard links inside one root keep all their names. Each entry is freed from `found` as it
// moves into the list, which gets the parts of an origin the walk left out (see FoundFile).
std::vector<SourceFile> DeduplicateAndSort(std::deque<FoundFile> found,
                                           const std::vector<RootInfo>& roots) {
  std::sort(found.begin(), found.end(), [](const FoundFile& a, const FoundFile& b) {
    return std::tie(a.device, a.inode, a.root, a.via_symlink, a.file.origin.display) <
           std::tie(b.device, b.inode, b.root, b.via_symlink, b.file.origin.display);
  });
  std::vector<SourceFile> files;
  files.reserve(found.size());
  bool have_best = false;
  dev_t best_device = 0;
  ino_t best_inode = 0;
  uint32_t best_root = 0;
  for (; !found.empty(); found.pop_front()) {
    FoundFile& entry = found.front();
    const bool same_file = have_best && best_device == entry.device && best_inode == entry.inode;
    if (!same_file) {
      have_best = true;
      best_device = entry.device;
      best_inode = entry.inode;
      best_root = entry.root;
    } else if (entry.root != best_root || entry.via_symlink) {
      continue;
    }
    Origin& origin = entry.file.origin;
    if (origin.fs_path.empty()) origin.fs_path = origin.display;
    origin.root = roots[entry.root].given;
    files.push_back(std::move(entry.file));
  }
  std::sort(files.begin(), files.end(), [](const SourceFile& a, const SourceFile& b) {
    return a.origin.display < b.origin.display;
  });
  files.erase(std::unique(files.begin(), files.end(),
                          [](const SourceFile& a, const SourceFile& b) {
                            return a.origin.display == b.origin.display;
                          }),
              files.end());
  return files;
}

}  // namespace

Result<FileList> ListFiles(const std::vector<std::string>& roots, const WalkOptions& options) {
  std::vector<RootInfo> infos;
  infos.reserve(roots.size());
  for (const std::string& root : roots) infos.push_back(MakeRootInfo(root));
  TreeWalker walker(options, infos);
  WalkOutput all;
  std::vector<DirTask> tasks;
  for (uint32_t index = 0; index < infos.size(); ++index) {
    struct stat info {};
    if (stat(infos[index].given.c_str(), &info) != 0) return RootError(roots[index], errno);
    if (!S_ISDIR(info.st_mode)) {
      AddRootFile(infos[index], index, info, options, &all);
      continue;
    }
    if (options.follow_symlinks && !walker.MarkVisited(info.st_dev, info.st_ino)) continue;
    tasks.push_back(DirTask{infos[index].fs_prefix, "", nullptr, index, false});
  }
  const int threads = ThreadCount(options.threads);
  // Round one walks the roots; each further round walks the directories that links found
  // in the previous one lead to. Every round marks directories visited, so it ends.
  while (!tasks.empty()) {
    WalkOutput round;
    walker.Walk(std::move(tasks), threads, &round);
    tasks = ResolveLinks(&walker, &round);
    all.Append(std::move(round));
  }
  FileList list;
  list.files = DeduplicateAndSort(std::move(all.files), infos);
  list.skipped = std::move(all.skipped);
  std::sort(list.skipped.begin(), list.skipped.end(), [](const Skipped& a, const Skipped& b) {
    return std::tie(a.origin, a.reason) < std::tie(b.origin, b.reason);
  });
  list.skipped.erase(std::unique(list.skipped.begin(), list.skipped.end(),
                                 [](const Skipped& a, const Skipped& b) {
                                   return a.origin == b.origin && a.reason == b.reason;
                                 }),
                     list.skipped.end());
  list.ignored = all.ignored;
  return list;
}

}  // namespace iescan::scanner
