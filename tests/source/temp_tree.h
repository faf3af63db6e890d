// A throwaway directory tree for walker tests: a unique directory under the system's
// temporary directory, removed (permissions restored first) when the object goes away.
#pragma once

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "scanner/source/walker.h"

namespace iescan::scanner::testing {

class TempTree {
 public:
  TempTree() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "iescan-source-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempTree() {
    std::error_code error;
    for (auto it = std::filesystem::recursive_directory_iterator(
             path_, std::filesystem::directory_options::skip_permission_denied, error);
         !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
      if (!it->is_symlink()) chmod(it->path().c_str(), 0700);
    }
    chmod(path_.c_str(), 0700);
    std::filesystem::remove_all(path_, error);
  }
  TempTree(const TempTree&) = delete;
  TempTree& operator=(const TempTree&) = delete;

  const std::string& path() const { return path_; }
  std::string Abs(std::string_view rel) const { return path_ + "/" + std::string(rel); }

  // Writes a file, creating its directories.
  void Write(std::string_view rel, std::string_view content) const {
    std::filesystem::path file = Abs(rel);
    std::filesystem::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    if (!out) throw std::runtime_error("cannot write " + file.string());
  }
  void MakeDir(std::string_view rel) const { std::filesystem::create_directories(Abs(rel)); }
  // A symbolic link at `rel` whose text is `target`.
  void Link(std::string_view target, std::string_view rel) const {
    std::filesystem::path link = Abs(rel);
    std::filesystem::create_directories(link.parent_path());
    if (symlink(std::string(target).c_str(), link.c_str()) != 0) {
      throw std::runtime_error("symlink failed");
    }
  }

 private:
  std::string path_;
};

// The display paths of a listing with `prefix` + "/" removed from each (and kept as is
// when a display does not start with it, so that a wrong display shows in the failure).
inline std::vector<std::string> Below(const FileList& list, const std::string& prefix) {
  std::vector<std::string> out;
  for (const SourceFile& file : list.files) {
    const std::string& display = file.origin.display;
    out.push_back(display.rfind(prefix + "/", 0) == 0 ? display.substr(prefix.size() + 1)
                                                      : display);
  }
  return out;
}

// The skipped items as "display: reason" with the prefix removed the same way.
inline std::vector<std::string> SkippedBelow(const FileList& list, const std::string& prefix) {
  std::vector<std::string> out;
  for (const Skipped& skipped : list.skipped) {
    const std::string& origin = skipped.origin;
    std::string shown =
        origin.rfind(prefix + "/", 0) == 0 ? origin.substr(prefix.size() + 1) : origin;
    out.push_back(shown + ": " + skipped.reason);
  }
  return out;
}

}  // namespace iescan::scanner::testing
