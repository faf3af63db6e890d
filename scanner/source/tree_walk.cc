// The parallel directory walk. See tree_walk.h.

#include "scanner/source/tree_walk.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <iterator>
#include <system_error>
#include <thread>

#include "scanner/source/source_io.h"

namespace iescan::scanner {
namespace {

// Extension-less files are sniffed from this many leading bytes.
constexpr size_t kSniffBytes = 1024;
// Ignore files larger than this are read only up to it.
constexpr size_t kMaxIgnoreFile = 1 << 20;

constexpr const char* kLinkNotFollowed = "symbolic link not followed (use --follow-symlinks)";

bool IsVcsDirectory(std::string_view name) {
  return name == ".git" || name == ".svn" || name == ".hg" || name == "CVS";
}

std::string RelJoin(const std::string& rel, const std::string& name) {
  return rel.empty() ? name : rel + "/" + name;
}

// The part of `rel` below the frame's directory.
std::string_view BelowBase(std::string_view rel, const std::string& base) {
  return base.empty() ? rel : rel.substr(base.size() + 1);
}

// Moves `from`'s elements to the end of `to`, freeing `from`'s blocks as it goes.
template <typename T>
void MoveAppend(std::deque<T>* to, std::deque<T>* from) {
  if (to->empty()) {
    *to = std::move(*from);
  } else {
    while (!from->empty()) {
      to->push_back(std::move(from->front()));
      from->pop_front();
    }
  }
  from->clear();
}

template <typename T>
void MoveAppend(std::vector<T>* to, std::vector<T>* from) {
  if (to->empty()) {
    *to = std::move(*from);
  } else {
    to->insert(to->end(), std::make_move_iterator(from->begin()),
               std::make_move_iterator(from->end()));
  }
  from->clear();
}

IgnoreRules ReadRules(int dir_fd, const char* name) {
  std::string text;
  if (ReadPrefixAt(dir_fd, name, kMaxIgnoreFile, true, &text) != 0) return {};
  return IgnoreRules::Parse(text);
}

}  // namespace

struct TreeWalker::Entry {
  std::string name;
  unsigned char type = DT_UNKNOWN;
};

struct TreeWalker::LinkState {
  int error = 0;  // errno of stat() on the target; 0 when `target` is valid
  struct stat target {};
};

// Directories still to walk. `pending_` counts queued and in-progress directories, so the
// walk is over when it drops to zero.
class TreeWalker::Queue {
 public:
  void Push(DirTask task) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      tasks_.push_back(std::move(task));
      ++pending_;
    }
    ready_.notify_one();
  }
  // Waits for a directory; false when nothing is left anywhere.
  bool Pop(DirTask* task) {
    std::unique_lock<std::mutex> lock(mutex_);
    ready_.wait(lock, [this] { return !tasks_.empty() || pending_ == 0; });
    if (tasks_.empty()) return false;
    *task = std::move(tasks_.back());  // depth first keeps the queue short
    tasks_.pop_back();
    return true;
  }
  void Done() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (--pending_ == 0) ready_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<DirTask> tasks_;
  size_t pending_ = 0;
};

std::string DisplayPath(const RootInfo& root, const std::string& rel) {
  if (rel.empty()) return root.display_prefix.empty() ? "." : root.display_prefix;
  if (root.display_prefix.empty()) return rel;
  return JoinPath(root.display_prefix, rel);
}

std::string JoinPath(const std::string& directory, const std::string& name) {
  if (!directory.empty() && directory.back() == '/') return directory + name;
  return directory + "/" + name;
}

bool HasNoExtension(std::string_view name) { return name.find('.') == std::string_view::npos; }

void WalkOutput::Append(WalkOutput&& other) {
  MoveAppend(&files, &other.files);
  MoveAppend(&skipped, &other.skipped);
  MoveAppend(&deferred, &other.deferred);
  ignored += other.ignored;
  other.ignored = 0;
}

TreeWalker::TreeWalker(const WalkOptions& options, const std::vector<RootInfo>& roots)
    : options_(options),
      roots_(roots),
      include_(IgnoreRules::FromPatterns(options.include)),
      exclude_(IgnoreRules::FromPatterns(options.exclude)) {}

bool TreeWalker::MarkVisited(dev_t device, ino_t inode) {
  std::lock_guard<std::mutex> lock(visited_mutex_);
  return visited_.insert({device, inode}).second;
}

void TreeWalker::Walk(std::vector<DirTask> tasks, int threads, WalkOutput* out) {
  Queue queue;
  for (DirTask& task : tasks) queue.Push(std::move(task));
  const size_t count = static_cast<size_t>(std::max(1, threads));
  std::vector<WalkOutput> outputs(count);
  const auto work = [this, &queue, &outputs](size_t index) {
    DirTask task;
    while (queue.Pop(&task)) {
      ProcessDirectory(task, &queue, &outputs[index]);
      queue.Done();
    }
  };
  std::vector<std::thread> pool;
  for (size_t index = 1; index < count; ++index) {
    try {
      pool.emplace_back(work, index);
    } catch (const std::system_error&) {
      break;  // fewer threads than asked for; the walk is the same
    }
  }
  work(0);
  for (std::thread& thread : pool) thread.join();
  for (WalkOutput& output : outputs) out->Append(std::move(output));
}

void TreeWalker::ProcessDirectory(const DirTask& task, Queue* queue, WalkOutput* out) {
  if (task.depth > kMaxWalkDepth) {
    out->skipped.push_back({DisplayPath(root(task.root), task.rel),
                            "directory nested more than " + std::to_string(kMaxWalkDepth) +
                                " levels deep"});
    return;
  }
  // Below the root, a plain directory must still be one when opened (no swapped-in link).
  const bool no_follow = !options_.follow_symlinks && !task.rel.empty() && !task.via_symlink;
  int fd = open(task.fs_path.c_str(),
                O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NONBLOCK | (no_follow ? O_NOFOLLOW : 0));
  DIR* dir = fd < 0 ? nullptr : fdopendir(fd);
  if (dir == nullptr) {
    int error = errno;
    if (fd >= 0) close(fd);
    out->skipped.push_back({DisplayPath(root(task.root), task.rel),
                            "unreadable directory (" + ErrorText(error) + ")"});
    return;
  }
  std::vector<Entry> entries;
  int read_error = 0;
  while (true) {
    errno = 0;
    const dirent* item = readdir(dir);
    if (item == nullptr) {
      read_error = errno;
      break;
    }
    std::string_view name = item->d_name;
    if (name == "." || name == "..") continue;
    entries.push_back({std::string(name), item->d_type});
  }
  if (read_error != 0) {  // keep what was read before the error
    out->skipped.push_back({DisplayPath(root(task.root), task.rel),
                            "unreadable directory (" + ErrorText(read_error) + ")"});
  }
  std::shared_ptr<const IgnoreFrame> frame = LoadIgnoreFiles(task, dirfd(dir), entries);
  for (const Entry& entry : entries) HandleEntry(task, frame, dirfd(dir), entry, queue, out);
  closedir(dir);
}

std::shared_ptr<const IgnoreFrame> TreeWalker::LoadIgnoreFiles(
    const DirTask& task, int dir_fd, const std::vector<Entry>& entries) {
  if (!options_.use_ignore_files) return task.frame;
  bool has_custom = false;
  bool has_git = false;
  bool has_repository = false;
  for (const Entry& entry : entries) {
    has_custom = has_custom || entry.name == ".iescanignore";
    has_git = has_git || entry.name == ".gitignore";
    has_repository = has_repository || (entry.name == ".git" && entry.type != DT_REG);
  }
  if (!has_custom && !has_git && !has_repository) return task.frame;
  auto frame = std::make_shared<IgnoreFrame>();
  frame->parent = task.frame;
  frame->base = task.rel;
  if (has_custom) frame->custom = ReadRules(dir_fd, ".iescanignore");
  if (has_git) frame->git = ReadRules(dir_fd, ".gitignore");
  if (has_repository) frame->exclude = ReadRules(dir_fd, ".git/info/exclude");
  if (frame->custom.empty() && frame->git.empty() && frame->exclude.empty()) return task.frame;
  return frame;
}

void TreeWalker::HandleEntry(const DirTask& task, const std::shared_ptr<const IgnoreFrame>& frame,
                             int dir_fd, const Entry& entry, Queue* queue, WalkOutput* out) {
  unsigned char type = entry.type;
  if (type == DT_UNKNOWN) {
    struct stat info {};
    if (fstatat(dir_fd, entry.name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0) {
      out->skipped.push_back({DisplayPath(root(task.root), RelJoin(task.rel, entry.name)),
                              "unreadable file (" + ErrorText(errno) + ")"});
      return;
    }
    type = S_ISDIR(info.st_mode) ? DT_DIR : S_ISLNK(info.st_mode) ? DT_LNK : DT_REG;
  }
  if (type == DT_DIR) {
    HandleDirectory(task, frame, dir_fd, entry, queue, out);
  } else if (type == DT_LNK) {
    HandleLink(task, frame, dir_fd, entry, out);
  } else {
    HandleFile(task, frame.get(), dir_fd, entry, nullptr, out);
  }
}

void TreeWalker::HandleDirectory(const DirTask& task,
                                 const std::shared_ptr<const IgnoreFrame>& frame, int dir_fd,
                                 const Entry& entry, Queue* queue, WalkOutput* out) {
  if (IsVcsDirectory(entry.name)) return;
  std::string rel = RelJoin(task.rel, entry.name);
  if (IsExcluded(frame.get(), rel, true)) return;
  if (options_.follow_symlinks) {
    // Links may lead here too: each directory is walked once.
    struct stat info {};
    if (fstatat(dir_fd, entry.name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0) {
      out->skipped.push_back({DisplayPath(root(task.root), rel),
                              "unreadable directory (" + ErrorText(errno) + ")"});
      return;
    }
    if (!MarkVisited(info.st_dev, info.st_ino)) return;
  }
  queue->Push(DirTask{JoinPath(task.fs_path, entry.name), std::move(rel), frame, task.root,
                      task.via_symlink, task.depth + 1});
}

void TreeWalker::HandleLink(const DirTask& task, const std::shared_ptr<const IgnoreFrame>& frame,
                            int dir_fd, const Entry& entry, WalkOutput* out) {
  LinkState link;
  if (fstatat(dir_fd, entry.name.c_str(), &link.target, 0) != 0) link.error = errno;
  if (link.error != 0 || !S_ISDIR(link.target.st_mode)) {
    HandleFile(task, frame.get(), dir_fd, entry, &link, out);
    return;
  }
  std::string rel = RelJoin(task.rel, entry.name);
  if (IsVcsDirectory(entry.name) || IsExcluded(frame.get(), rel, true)) return;
  if (!options_.follow_symlinks) {
    out->skipped.push_back({DisplayPath(root(task.root), rel), kLinkNotFollowed});
    return;
  }
  DirTask target{JoinPath(task.fs_path, entry.name), std::move(rel), frame, task.root, true,
                 task.depth + 1};
  out->deferred.push_back({std::move(target), link.target.st_dev, link.target.st_ino});
}

void TreeWalker::HandleFile(const DirTask& task, const IgnoreFrame* frame, int dir_fd,
                            const Entry& entry, const LinkState* link, WalkOutput* out) {
  std::string rel = RelJoin(task.rel, entry.name);
  if (IsExcluded(frame, rel, false) || !IsIncluded(rel)) return;
  KindInfo kind = KindFromPath(entry.name);
  const bool by_content = kind.kind == FileKind::kUnknown &&
                          (HasNoExtension(entry.name) || options_.include_unknown_kinds);
  // Links whose target cannot be read are reported only when the name says web file.
  const bool unreadable_link = link != nullptr && (!options_.follow_symlinks || link->error);
  if (kind.kind == FileKind::kUnknown && (!by_content || unreadable_link)) {
    ++out->ignored;
    return;
  }
  const auto skip = [&](std::string reason) {
    out->skipped.push_back({DisplayPath(root(task.root), rel), std::move(reason)});
  };
  if (link != nullptr && !options_.follow_symlinks) return skip(kLinkNotFollowed);
  if (link != nullptr && link->error) {
    return skip("broken symbolic link (" + ErrorText(link->error) + ")");
  }
  struct stat info {};
  if (link != nullptr) {
    info = link->target;
  } else if (fstatat(dir_fd, entry.name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0) {
    return skip("unreadable file (" + ErrorText(errno) + ")");
  }
  if (!S_ISREG(info.st_mode)) {
    if (by_content) ++out->ignored;  // nothing to tell it by
    if (!by_content) skip(NotRegularReason(info.st_mode));
    return;
  }
  if (by_content) {
    std::string head;
    int error = ReadPrefixAt(dir_fd, entry.name.c_str(), kSniffBytes, link == nullptr, &head);
    if (error != 0) return skip("unreadable file (" + ErrorText(error) + ")");
    kind = KindFromContent(head);
    if (kind.kind == FileKind::kUnknown && !options_.include_unknown_kinds) {
      ++out->ignored;
      return;
    }
  }
  const auto size = static_cast<uint64_t>(info.st_size);
  if (size > options_.max_file_size) return skip(TooLargeReason(size, options_.max_file_size));
  FoundFile found;
  found.file.origin.display = DisplayPath(root(task.root), rel);
  std::string fs_path = JoinPath(task.fs_path, entry.name);
  if (fs_path != found.file.origin.display) found.file.origin.fs_path = std::move(fs_path);
  found.file.kind = kind;
  found.file.size = size;
  found.device = info.st_dev;
  found.inode = info.st_ino;
  found.root = task.root;
  found.via_symlink = task.via_symlink || link != nullptr;
  out->files.push_back(std::move(found));
}

bool TreeWalker::IsExcluded(const IgnoreFrame* frame, const std::string& rel, bool is_dir) const {
  // Precedence, highest first: --exclude, .iescanignore, .gitignore, .git/info/exclude;
  // within each kind, the deepest directory's file first.
  RuleVerdict verdict = exclude_.Match(rel, is_dir);
  if (verdict != RuleVerdict::kNone) return verdict == RuleVerdict::kMatched;
  if (!options_.use_ignore_files) return false;
  for (IgnoreRules IgnoreFrame::*rules : {&IgnoreFrame::custom, &IgnoreFrame::git,
                                          &IgnoreFrame::exclude}) {
    for (const IgnoreFrame* f = frame; f != nullptr; f = f->parent.get()) {
      const IgnoreRules& set = f->*rules;
      if (set.empty()) continue;
      verdict = set.Match(BelowBase(rel, f->base), is_dir);
      if (verdict != RuleVerdict::kNone) return verdict == RuleVerdict::kMatched;
    }
  }
  return false;
}

bool TreeWalker::IsIncluded(const std::string& rel) const {
  if (include_.empty()) return true;
  // The file itself, then each directory above it, deepest first.
  RuleVerdict verdict = include_.Match(rel, false);
  std::string_view dir = rel;
  while (verdict == RuleVerdict::kNone) {
    size_t slash = dir.find_last_of('/');
    if (slash == std::string_view::npos) return false;
    dir = dir.substr(0, slash);
    verdict = include_.Match(dir, true);
  }
  return verdict == RuleVerdict::kMatched;
}

}  // namespace iescan::scanner
