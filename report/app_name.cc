#include "report/app_name.h"

namespace iescan::report {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

// Last component of a normalized root: "corpus/apps" -> "apps", "/" -> "/".
std::string LastComponent(std::string_view root) {
  if (root == "/") return "/";
  const size_t slash = root.rfind('/');
  return std::string(slash == std::string_view::npos ? root : root.substr(slash + 1));
}

// Name of the directory holding a normalized file root: "a/hr/x.asp" -> "hr",
// "x.asp" -> ".", "/x.asp" -> "/".
std::string ParentName(std::string_view root) {
  const size_t slash = root.rfind('/');
  if (slash == std::string_view::npos) return ".";
  if (slash == 0) return "/";
  return LastComponent(root.substr(0, slash));
}

// The app of a URL, or "" when `display` is not a URL.
std::string UrlApp(std::string_view display) {
  const size_t scheme_end = display.find("://");
  if (scheme_end == std::string_view::npos || scheme_end == 0) return "";
  std::string_view rest = display.substr(scheme_end + 3);
  const size_t authority_end = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, authority_end);
  const size_t at = authority.rfind('@');
  if (at != std::string_view::npos) authority.remove_prefix(at + 1);
  std::string host(authority);
  for (char& c : host) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (authority_end == std::string_view::npos || rest[authority_end] != '/') return host;
  std::string_view path = rest.substr(authority_end + 1);
  path = path.substr(0, path.find_first_of("?#"));
  const size_t slash = path.find('/');
  if (slash == std::string_view::npos || slash == 0) return host;
  return host + "/" + std::string(path.substr(0, slash));
}

// The app of a path relative to a directory root (or prefixed with the root itself).
std::string DirectoryRootApp(std::string_view display, const std::string& root) {
  std::string_view rel = display;
  const std::string prefix = root == "/" ? "/" : root + "/";
  if (root != "." && StartsWith(rel, prefix)) rel.remove_prefix(prefix.size());
  while (StartsWith(rel, "./")) rel.remove_prefix(2);
  const size_t slash = rel.find('/');
  if (slash != std::string_view::npos && slash > 0) return std::string(rel.substr(0, slash));
  return LastComponent(root);
}

}  // namespace

std::string NormalizeRoot(std::string_view root) {
  while (root.size() > 1 && root.back() == '/') root.remove_suffix(1);
  while (root.size() > 2 && StartsWith(root, "./")) {
    root.remove_prefix(2);
    while (root.size() > 1 && root.front() == '/') root.remove_prefix(1);
  }
  if (root.empty()) return ".";
  return std::string(root);
}

std::string_view RootRelativePath(std::string_view display, std::string_view root) {
  const std::string normalized = NormalizeRoot(root);
  std::string_view rel = display;
  if (normalized != ".") {
    if (rel == normalized) {
      const size_t slash = rel.rfind('/');
      return slash == std::string_view::npos ? rel : rel.substr(slash + 1);
    }
    const std::string prefix = normalized == "/" ? "/" : normalized + "/";
    if (StartsWith(rel, prefix)) rel.remove_prefix(prefix.size());
  }
  while (StartsWith(rel, "./")) rel.remove_prefix(2);
  return rel;
}

std::string AppName(const scanner::Origin& origin) {
  if (origin.is_url) {
    std::string app = UrlApp(origin.display);
    if (!app.empty()) return app;
  }
  const std::string root = NormalizeRoot(origin.root);
  if (!origin.fs_path.empty() && NormalizeRoot(origin.fs_path) == root) {
    return ParentName(root);
  }
  return DirectoryRootApp(origin.display, root);
}

std::string AppNameForSkipped(std::string_view display, const std::vector<std::string>& roots) {
  std::string app = UrlApp(display);
  if (!app.empty()) return app;
  for (const std::string& given : roots) {
    const std::string root = NormalizeRoot(given);
    if (root != "." && StartsWith(display, root == "/" ? "/" : root + "/")) {
      return DirectoryRootApp(display, root);
    }
  }
  std::string_view rel = display;
  while (StartsWith(rel, "./")) rel.remove_prefix(2);
  const size_t slash = rel.find('/');
  if (slash != std::string_view::npos && slash > 0) return std::string(rel.substr(0, slash));
  if (roots.size() != 1) return "";
  const std::string root = NormalizeRoot(roots.front());
  if (root != "." && LastComponent(root) == rel) return ParentName(root);
  return LastComponent(root);
}

}  // namespace iescan::report
