// Changed-file selection for CI: --changed-since REV (git) and --files-from FILE. The scan
// then covers only those files, plus the shared files they load (.js, .css, .htc, .inc
// referenced from a changed page), which are scanned for reach but never gate the run.
//
// Thread-safety: functions run git and read files; call from one thread.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "scanner/core/status.h"

namespace iescan::app {

// Files changed since `rev` in the git work tree that holds `root`: committed, staged and
// unstaged changes, and untracked files that are not ignored. Deleted files are left out.
// Absolute, lexically normal paths.
Result<std::set<std::string>> ChangedSince(const std::string& rev, const std::string& root);

// Paths listed one per line in `list_file` ("-" for standard input); blank lines and lines
// starting with '#' are ignored. Relative paths are taken from the current directory.
Result<std::set<std::string>> ReadFileList(const std::string& list_file);

// The absolute, lexically normal form of `path`, as used in the sets above.
std::string NormalPath(const std::string& path);

}  // namespace iescan::app
