#include "cli/changed_files.h"

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace iescan::app {
namespace {

namespace fs = std::filesystem;

std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

// Runs a git command in `dir`; returns its standard output or an error with its message.
Result<std::string> Git(const std::string& dir, const std::string& args) {
  std::string cmd = "git -C " + Quote(dir) + " " + args + " 2>&1";
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) return Status::Error("cannot run git");
  std::string out;
  char buf[8192];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  int status = pclose(pipe);
  if (status != 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    while (!out.empty() && (out.back() == '\n' || out.back() == '\0')) out.pop_back();
    return Status::Error("git " + args.substr(0, args.find(' ')) + ": " + out);
  }
  return out;
}

void AddNulSeparated(const std::string& top, const std::string& list, std::set<std::string>* out) {
  size_t pos = 0;
  while (pos < list.size()) {
    size_t end = list.find('\0', pos);
    if (end == std::string::npos) end = list.size();
    if (end > pos) out->insert(NormalPath(top + "/" + list.substr(pos, end - pos)));
    pos = end + 1;
  }
}

}  // namespace

std::string NormalPath(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::absolute(path, ec);
  if (ec) p = path;
  return p.lexically_normal().string();
}

Result<std::set<std::string>> ChangedSince(const std::string& rev, const std::string& root) {
  if (rev.empty() || rev[0] == '-') return Status::Error("--changed-since: not a revision: '" + rev + "'");
  std::error_code ec;
  std::string dir = fs::is_directory(root, ec) ? root : fs::path(root).parent_path().string();
  if (dir.empty()) dir = ".";
  Result<std::string> top = Git(dir, "rev-parse --show-toplevel");
  if (!top.ok()) return Status::Error("--changed-since: " + top.status().message());
  std::string toplevel = *top;
  while (!toplevel.empty() && toplevel.back() == '\n') toplevel.pop_back();
  Result<std::string> verified = Git(dir, "rev-parse --verify --quiet " + Quote(rev + "^{commit}"));
  if (!verified.ok()) return Status::Error("--changed-since: unknown revision '" + rev + "'");
  Result<std::string> diff = Git(dir, "diff --name-only --diff-filter=d -z " + Quote(rev) + " --");
  if (!diff.ok()) return Status::Error("--changed-since: " + diff.status().message());
  Result<std::string> untracked = Git(dir, "ls-files --others --exclude-standard -z --full-name :/");
  if (!untracked.ok()) return Status::Error("--changed-since: " + untracked.status().message());
  std::set<std::string> out;
  AddNulSeparated(toplevel, *diff, &out);
  AddNulSeparated(toplevel, *untracked, &out);
  return out;
}

Result<std::set<std::string>> ReadFileList(const std::string& list_file) {
  std::ifstream file;
  std::istream* in = &std::cin;
  if (list_file != "-") {
    file.open(list_file);
    if (!file) return Status::Error("--files-from: cannot read " + list_file);
    in = &file;
  }
  std::set<std::string> out;
  std::string line;
  while (std::getline(*in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    out.insert(NormalPath(line));
  }
  return out;
}

}  // namespace iescan::app
