// Atomic report files (see atomic_write.h).
#include "cli/atomic_write.h"

#include <cstdio>
#include <fstream>

namespace iescan::app {

// Writes `path` through a temporary file renamed into place, so a half-written report is
// never left behind; `write` streams the content (no copy of a large report in memory).
Status WriteAtomically(const std::string& path, const std::function<Status(std::ostream&)>& write) {
  std::string tmp = path + ".tmp-iescan";
  {
    std::ofstream file(tmp, std::ios::binary | std::ios::trunc);
    Status st = file ? write(file) : Status::Error("cannot write " + path);
    file.flush();
    if (st.ok() && !file) st = Status::Error("cannot write " + path);
    if (!st.ok()) {
      file.close();
      std::remove(tmp.c_str());
      return st;
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return Status::Error("cannot write " + path);
  }
  return Status::Ok();
}

Status WriteTextFile(const std::string& path, const std::string& text) {
  return WriteAtomically(path, [&](std::ostream& out) {
    out << text;
    return Status::Ok();
  });
}

Status WriteReportFile(const report::Plan& plan, report::Format format,
                       const report::WriteOptions& options, const std::string& path) {
  return WriteAtomically(
      path, [&](std::ostream& out) { return report::Write(plan, format, options, out); });
}

}  // namespace iescan::app
