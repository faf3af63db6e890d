// App grouping: which application a scanned resource belongs to.
//
// Legacy intranets are usually one directory per application under a shared root
// (`intranet/hr/`, `intranet/勤怠管理/`), or one path per application on a host
// (`http://portal/hr/`). Reports count findings and effort per app, so every file and
// skipped item gets an app name:
//   - a file under a directory root: the first directory level of its root-relative path
//     ("hr/scripts/menu.js" under "corpus/apps" -> "hr");
//   - a file directly in the root: the root's last path component ("apps");
//   - a root that is itself a file: the name of the directory holding it;
//   - a URL: host (lower-cased, with port, without user info) plus the first path segment
//     when it is a directory ("http://Portal:8080/hr/a.asp" -> "portal:8080/hr"); a page
//     at the host's top level belongs to the host ("portal:8080").
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "scanner/source/blob.h"

namespace iescan::report {

// The app of a scanned file. Uses `origin.fs_path` only to tell a file root (fs_path equal
// to the root) from a directory root; when fs_path is empty the root is a directory.
std::string AppName(const scanner::Origin& origin);

// The app of a skipped item, which records only its display path: a URL is grouped by
// host, a path by its first directory level; a path without a directory belongs to the
// root when the scan had exactly one root (to the root's directory when the path is the
// root's own file name, as for a root that is a file) and to "" (unknown) otherwise.
std::string AppNameForSkipped(std::string_view display, const std::vector<std::string>& roots);

// `root` without trailing '/' and leading "./" ("./corpus/apps/" -> "corpus/apps").
std::string NormalizeRoot(std::string_view root);

// The part of a file-tree display path below its root: "corpus/apps/hr/a.asp" under root
// "corpus/apps/" -> "hr/a.asp"; a display path that does not start with the root is
// returned without its leading "./"; a root that is itself a file gives its file name.
// Borrows from `display`.
std::string_view RootRelativePath(std::string_view display, std::string_view root);

}  // namespace iescan::report
