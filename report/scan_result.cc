#include "report/scan_result.h"

#include <utility>

namespace iescan::report {
namespace {

std::vector<rules::Finding> FromSpill(const ScanResult& scan, const FileResult& file) {
  std::vector<rules::Finding> out(file.spilled.count);
  if (!scan.spill) throw SpillError("a file's findings are on disk but the scan has no spill file");
  scan.spill->Read(file.spilled.offset, out.data(), out.size() * sizeof(rules::Finding));
  return out;
}

}  // namespace

std::vector<rules::Finding> TakeFindings(ScanResult& scan, FileResult& file) {
  if (file.spilled.count == 0) return std::move(file.findings);
  std::vector<rules::Finding> out = FromSpill(scan, file);
  file.spilled = {};
  return out;
}

std::vector<rules::Finding> ReadFindings(const ScanResult& scan, const FileResult& file) {
  return file.spilled.count == 0 ? file.findings : FromSpill(scan, file);
}

void PutFindings(ScanResult& scan, FileResult& file, std::vector<rules::Finding> findings) {
  if (file.spilled.count == 0 || findings.size() != file.spilled.count || !scan.spill) {
    file.spilled = {};
    file.findings = std::move(findings);
    return;
  }
  if (!scan.spill->Write(file.spilled.offset, findings.data(),
                         findings.size() * sizeof(rules::Finding))) {
    file.spilled = {};  // the disk refused: keep them in memory
    file.findings = std::move(findings);
  }
}

bool SpillFindings(SpillFile& spill, FileResult& file) {
  if (file.findings.empty() || file.spilled.count != 0) return false;
  const std::optional<uint64_t> at =
      spill.Append(file.findings.data(), file.findings.size() * sizeof(rules::Finding));
  if (!at) return false;
  file.spilled = {*at, static_cast<uint32_t>(file.findings.size())};
  std::vector<rules::Finding>().swap(file.findings);
  return true;
}

}  // namespace iescan::report
