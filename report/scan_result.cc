#include "report/scan_result.h"

#include <cstring>
#include <string_view>
#include <utility>

namespace iescan::report {
namespace {

std::vector<rules::Finding> FromSpill(const ScanResult& scan, const FileResult& file) {
  std::vector<rules::Finding> out(file.spilled.count);
  if (!scan.spill) throw SpillError("a file's findings are on disk but the scan has no spill file");
  scan.spill->Read(file.spilled.offset, out.data(), out.size() * sizeof(rules::Finding));
  return out;
}

// A FileResult's fields that SpilledFile does not hold, as bytes: numbers in host order
// (the file never leaves this process), texts as a 32-bit length and their bytes.
class RecordWriter {
 public:
  void Number(uint64_t v) { bytes_.append(reinterpret_cast<const char*>(&v), sizeof(v)); }
  void Text(std::string_view text) {
    Number(text.size());
    bytes_.append(text);
  }
  void Texts(const std::vector<std::string>& texts) {
    Number(texts.size());
    for (const std::string& t : texts) Text(t);
  }
  const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_;
};

class RecordReader {
 public:
  explicit RecordReader(std::string_view bytes) : bytes_(bytes) {}
  uint64_t Number() {
    uint64_t v = 0;
    Need(sizeof(v));
    std::memcpy(&v, bytes_.data() + at_, sizeof(v));
    at_ += sizeof(v);
    return v;
  }
  std::string Text() {
    const uint64_t n = Number();
    Need(n);
    std::string out(bytes_.substr(at_, n));
    at_ += n;
    return out;
  }
  std::vector<std::string> Texts() {
    const uint64_t n = Number();
    Need(n * sizeof(uint64_t));  // each text takes at least its length
    std::vector<std::string> out;
    out.reserve(n);
    for (uint64_t i = 0; i < n; ++i) out.push_back(Text());
    return out;
  }

 private:
  void Need(uint64_t n) const {
    if (n > bytes_.size() - at_) throw SpillError("a record of the scan's temporary file is cut short");
  }
  std::string_view bytes_;
  size_t at_ = 0;
};

}  // namespace

std::optional<SpilledFile> SpillWholeFile(SpillFile& spill, FileResult&& file) {
  if (!file.findings.empty() && !SpillFindings(spill, file)) return std::nullopt;
  RecordWriter w;
  w.Text(file.origin.display);
  w.Text(file.origin.root);
  w.Text(file.origin.fs_path);
  w.Number(static_cast<uint64_t>(file.kind.kind));
  w.Number(static_cast<uint64_t>(file.kind.server));
  w.Number(file.spilled.offset);
  w.Number(file.spilled.count);
  w.Number(file.folded_findings);
  w.Texts(file.warnings);
  w.Text(file.doc_mode.built_for);
  w.Text(file.doc_mode.compat_mode);
  w.Texts(file.doc_mode.evidence);
  w.Texts(file.references);
  w.Text(file.encoding);
  w.Text(file.encoding_source);
  w.Number(file.bytes);
  w.Number(file.lines);
  if (w.bytes().size() > UINT32_MAX) return std::nullopt;
  const std::optional<uint64_t> at = spill.Append(w.bytes().data(), w.bytes().size());
  if (!at) return std::nullopt;
  SpilledFile out;
  out.is_url = file.origin.is_url;
  out.context_only = file.context_only;
  out.library = std::move(file.library);
  out.record = *at;
  out.record_size = static_cast<uint32_t>(w.bytes().size());
  return out;
}

FileResult LoadFile(const ScanResult& scan, const SpilledFile& spilled) {
  if (!scan.spill) throw SpillError("a file's record is on disk but the scan has no spill file");
  std::string bytes(spilled.record_size, '\0');
  scan.spill->Read(spilled.record, bytes.data(), bytes.size());
  RecordReader r(bytes);
  FileResult file;
  file.origin.display = r.Text();
  file.origin.root = r.Text();
  file.origin.is_url = spilled.is_url;
  file.origin.fs_path = r.Text();
  file.kind.kind = static_cast<scanner::FileKind>(r.Number());
  file.kind.server = static_cast<scanner::ServerDialect>(r.Number());
  file.spilled.offset = r.Number();
  file.spilled.count = static_cast<uint32_t>(r.Number());
  file.folded_findings = static_cast<uint32_t>(r.Number());
  file.warnings = r.Texts();
  file.doc_mode.built_for = r.Text();
  file.doc_mode.compat_mode = r.Text();
  file.doc_mode.evidence = r.Texts();
  file.references = r.Texts();
  file.encoding = r.Text();
  file.encoding_source = r.Text();
  file.bytes = r.Number();
  file.lines = static_cast<uint32_t>(r.Number());
  file.context_only = spilled.context_only;
  file.library = spilled.library;
  return file;
}

std::vector<rules::Finding> TakeFindings(ScanResult& scan, FileResult& file) {
  // Spilled ones stay where they are: PutFindings writes changes back there.
  return file.spilled.count == 0 ? std::move(file.findings) : FromSpill(scan, file);
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
