#include "cli/scan_runner.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <utility>

#include "scanner/decode/text_file.h"

namespace iescan::app {
namespace {

unsigned EffectiveJobs(unsigned jobs) {
  if (jobs != 0) return jobs;
  unsigned hw = std::thread::hardware_concurrency();
  return hw == 0 ? 1 : hw;
}

BlobOutcome Skip(const scanner::Origin& origin, std::string reason) {
  BlobOutcome out;
  out.scanned = false;
  out.skipped = scanner::Skipped{origin.display, std::move(reason)};
  return out;
}

}  // namespace

BlobOutcome ScanBlob(const rules::Engine& engine, const scanner::Blob& blob,
                     scanner::KindInfo kind) {
  Result<scanner::TextFile> text = scanner::Decode(blob);
  if (!text.ok()) return Skip(blob.origin, text.status().message());
  Result<rules::FileScan> scan = engine.ScanFile(*text, kind);
  if (!scan.ok()) return Skip(blob.origin, scan.status().message());

  BlobOutcome out;
  out.scanned = true;
  report::FileResult& file = out.file;
  file.origin = blob.origin;
  file.kind = kind;
  file.encoding = text->encoding;
  file.encoding_source = text->encoding_source;
  file.bytes = blob.bytes.size();
  file.lines = text->lines.line_count();
  if (!text->text.empty()) {
    char last = text->text.back();
    if (last == '\n' || last == '\r') --file.lines;  // no line after the final break
  } else {
    file.lines = 0;
  }
  file.findings = std::move(scan->findings);
  file.warnings = std::move(scan->warnings);
  file.doc_mode = std::move(scan->doc_mode);
  file.references = std::move(scan->references);
  if (text->replaced_bytes > 0) {
    file.warnings.push_back(std::to_string(text->replaced_bytes) +
                            " byte(s) could not be decoded as " + text->encoding +
                            " and were replaced");
  }
  return out;
}

Result<report::ScanResult> RunScan(const rules::Engine& engine, const ScanOptions& options) {
  Result<scanner::FileList> listed = scanner::ListFiles(options.roots, options.walk);
  if (!listed.ok()) return listed.status();
  scanner::FileList& list = *listed;

  report::ScanResult result;
  result.roots = options.roots;
  result.catalog = &engine.catalog();
  result.skipped = std::move(list.skipped);

  const size_t n = list.files.size();
  std::vector<BlobOutcome> outcomes(n);
  std::atomic<size_t> next{0};
  auto worker = [&]() {
    for (size_t i = next.fetch_add(1); i < n; i = next.fetch_add(1)) {
      const scanner::SourceFile& file = list.files[i];
      Result<scanner::Blob> blob = scanner::ReadBlob(file, options.walk.max_file_size);
      if (!blob.ok()) {
        outcomes[i] = Skip(file.origin, blob.status().message());
        continue;
      }
      outcomes[i] = ScanBlob(engine, *blob, file.kind);
    }
  };
  unsigned jobs = std::min<size_t>(EffectiveJobs(options.jobs), std::max<size_t>(n, 1));
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(worker);
  worker();
  for (std::thread& t : threads) t.join();

  result.files.reserve(n);
  for (BlobOutcome& o : outcomes) {
    if (o.scanned) {
      result.files.push_back(std::move(o.file));
    } else {
      result.skipped.push_back(std::move(o.skipped));
    }
  }
  std::sort(result.skipped.begin(), result.skipped.end(),
            [](const scanner::Skipped& a, const scanner::Skipped& b) {
              return a.origin != b.origin ? a.origin < b.origin : a.reason < b.reason;
            });
  return result;
}

}  // namespace iescan::app
