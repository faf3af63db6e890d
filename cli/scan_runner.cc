#include "cli/scan_runner.h"

#include <algorithm>
#include <atomic>
#include <functional>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <utility>

#include "cli/baseline.h"
#include "cli/changed_files.h"
#include "cli/crawl_runner.h"
#include "cli/packed_files.h"
#include "scanner/core/memory.h"
#include "scanner/crawl/url.h"
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
  return ScanBlob(engine, blob, kind, nullptr);
}

namespace {

// Runs `scan`, the work on one file; when it throws, the file becomes a Skipped item and
// the scan goes on with the others: running out of memory on one enormous file (a limit
// on the process's address space or a container's) or an unforeseen error must not lose
// the results of the whole run.
template <typename Scan>
BlobOutcome Guarded(const scanner::Origin& origin, Scan&& scan) {
  try {
    return scan();
  } catch (const std::bad_alloc&) {
    return Skip(origin, "ran out of memory while scanning this file; not scanned");
  } catch (const std::exception& e) {
    return Skip(origin, std::string("internal error while scanning this file (") + e.what() +
                            "); not scanned");
  }
}

// Decodes `blob` (its bytes move into the text when they are UTF-8 already: no copy) and
// scans it. Callers run it under Guarded.
BlobOutcome DecodeAndScan(const rules::Engine& engine, scanner::Blob&& blob,
                          scanner::KindInfo kind, ScanStats* stats) {
  const scanner::Origin origin = blob.origin;
  const size_t bytes = blob.bytes.size();
  const uint64_t decode_start = stats != nullptr ? rules::NowNs() : 0;
  Result<scanner::TextFile> text = scanner::Decode(std::move(blob));
  if (stats != nullptr) stats->decode_ns += rules::NowNs() - decode_start;
  if (!text.ok()) return Skip(origin, text.status().message());
  Result<rules::FileScan> scan =
      engine.ScanFile(*text, kind, stats != nullptr ? &stats->engine : nullptr);
  if (!scan.ok()) return Skip(origin, scan.status().message());

  BlobOutcome out;
  out.scanned = true;
  report::FileResult& file = out.file;
  file.origin = origin;
  file.kind = kind;
  file.encoding = text->encoding;
  file.encoding_source = text->encoding_source;
  file.bytes = bytes;
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
  if (scan->library) {
    file.library = std::make_shared<const rules::VendoredLibrary>(std::move(*scan->library));
  }
  file.folded_findings = scan->folded_findings;
  if (text->replaced_bytes > 0) {
    file.warnings.push_back(std::to_string(text->replaced_bytes) +
                            " byte(s) could not be decoded as " + text->encoding +
                            " and were replaced");
  }
  return out;
}

}  // namespace

BlobOutcome ScanBlob(const rules::Engine& engine, const scanner::Blob& blob,
                     scanner::KindInfo kind, ScanStats* stats) {
  return Guarded(blob.origin, [&] {
    return DecodeAndScan(engine, scanner::Blob(blob), kind, stats);
  });
}

namespace {

// Keeps a scan's results in memory up to a budget, then writes each further file to the
// scan's spill file (created on first need): the whole file, or only its findings when the
// run still needs the rest (only_files) or the disk refused the record.
class Spiller {
 public:
  // whole_files: a file past the budget goes to disk whole, not only its findings.
  Spiller(size_t budget, bool whole_files, report::ScanResult* result)
      : budget_(budget), whole_files_(whole_files), result_(result) {}

  // Takes `outcome`'s file to disk when the budget is spent: its findings, or the whole file
  // (then outcome->spilled is set and outcome->file left empty).
  void Take(BlobOutcome* outcome) {
    if (budget_ == report::kNeverSpill) return;
    report::FileResult& file = outcome->file;
    const size_t bytes = Bytes(file);
    if (held_.fetch_add(bytes, std::memory_order_relaxed) + bytes <= budget_) return;
    SpillFile* spill = File();
    if (spill == nullptr) return;
    // Spilled findings are never changed in place by AssignFingerprints: assign first.
    AssignFileFingerprints(&file);
    if (whole_files_) {
      outcome->spilled = report::SpillWholeFile(*spill, std::move(file));
      if (outcome->spilled) {
        held_.fetch_sub(bytes, std::memory_order_relaxed);
        held_.fetch_add(sizeof(report::SpilledFile), std::memory_order_relaxed);
        return;
      }
    }
    const size_t findings = file.findings.size() * sizeof(rules::Finding);
    if (report::SpillFindings(*spill, file)) held_.fetch_sub(findings, std::memory_order_relaxed);
  }

 private:
  // About what a file's result holds in memory.
  static size_t Bytes(const report::FileResult& file) {
    size_t n = sizeof(report::FileResult) + file.findings.size() * sizeof(rules::Finding) +
               file.origin.display.capacity() + file.origin.fs_path.capacity() +
               file.origin.root.capacity();
    for (const std::string& r : file.references) n += sizeof(r) + r.capacity();
    for (const std::string& e : file.doc_mode.evidence) n += sizeof(e) + e.capacity();
    for (const std::string& w : file.warnings) n += sizeof(w) + w.capacity();
    return n;
  }

  SpillFile* File() {
    std::call_once(once_, [&] {
      if (!result_->spill) result_->spill = std::shared_ptr<SpillFile>(SpillFile::Create());
    });
    return result_->spill.get();
  }

  const size_t budget_;
  const bool whole_files_;
  report::ScanResult* const result_;
  std::atomic<size_t> held_{0};
  std::once_flag once_;
};

}  // namespace

// Reads and scans `files` on `jobs` threads, handing each outcome to `sink(index, outcome)`
// as soon as it is done (from the worker threads, one call at a time). Outcomes are not held
// in an array of all files: a large tree's results go straight to the scan result.
static void ScanFiles(const rules::Engine& engine, PackedFiles& files,
                      const ScanOptions& options, report::ScanResult* result,
                      const std::function<void(size_t, BlobOutcome&&)>& sink) {
  const size_t n = files.size();
  std::atomic<size_t> next{0};
  std::mutex mutex;  // the sink's and the stats'
  // With only_files the sink reads each file's references: those files stay whole.
  Spiller spiller(options.spill_after, !options.only_files, result);
  auto worker = [&]() {
    ScanStats mine;
    ScanStats* stats = options.stats != nullptr ? &mine : nullptr;
    for (size_t i = next.fetch_add(1); i < n; i = next.fetch_add(1)) {
      BlobOutcome outcome;
      if (options.cancel != nullptr && options.cancel->load(std::memory_order_relaxed)) {
        outcome.cancelled = true;
      } else {
        const scanner::SourceFile file = files.Take(i);
        outcome = Guarded(file.origin, [&] {
          const uint64_t read_start = stats != nullptr ? rules::NowNs() : 0;
          Result<scanner::Blob> blob = scanner::ReadBlob(file, options.walk.max_file_size);
          if (stats != nullptr) {
            stats->read_ns += rules::NowNs() - read_start;
            ++stats->files_read;
            if (blob.ok()) stats->bytes_read += blob->bytes.size();
          }
          if (!blob.ok()) return Skip(file.origin, blob.status().message());
          // The blob is this worker's own: its bytes move into the decoded text.
          return DecodeAndScan(engine, std::move(*blob), file.kind, stats);
        });
        if (outcome.scanned) spiller.Take(&outcome);
        if (outcome.spilled) outcome.spilled->order = static_cast<uint32_t>(i);
      }
      std::lock_guard<std::mutex> lock(mutex);
      sink(i, std::move(outcome));
    }
    if (stats != nullptr) {
      std::lock_guard<std::mutex> lock(mutex);
      options.stats->Add(mine);
    }
  };
  unsigned jobs = std::min<size_t>(EffectiveJobs(options.jobs), std::max<size_t>(n, 1));
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(worker);
  worker();
  for (std::thread& t : threads) t.join();
}

namespace {

// The local file a reference written in `from` points to, or "" for external URLs.
std::string ResolveReference(const scanner::SourceFile& from, std::string ref) {
  size_t cut = ref.find_first_of("?#");
  if (cut != std::string::npos) ref.resize(cut);
  if (ref.empty() || ref.find("://") != std::string::npos || ref.rfind("//", 0) == 0) return "";
  std::filesystem::path base;
  if (ref[0] == '/') {
    base = std::filesystem::path(from.origin.root);
    ref.erase(0, 1);
  } else {
    base = std::filesystem::path(from.origin.fs_path).parent_path();
  }
  return NormalPath((base / ref).string());
}

}  // namespace

namespace {

// Moves one outcome into `result`; `context_only` marks files scanned for reach only.
void Collect(BlobOutcome&& o, bool context_only, report::ScanResult* result) {
  if (o.cancelled) {
    result->complete = false;
  } else if (o.spilled) {
    o.spilled->context_only = context_only;
    result->spilled_files.push_back(std::move(*o.spilled));
  } else if (o.scanned) {
    o.file.context_only = context_only;
    result->files.push_back(std::move(o.file));
  } else {
    result->skipped.push_back(std::move(o.skipped));
  }
}

// Scans the path roots (the file-tree source) into `result`. With only_files, scans the
// selected files, then the files under the roots that they reference, as context.
Status ScanPaths(const rules::Engine& engine, const ScanOptions& options,
                 const std::vector<std::string>& paths, report::ScanResult* result) {
  const uint64_t list_start = options.stats != nullptr ? rules::NowNs() : 0;
  Result<scanner::FileList> listed = scanner::ListFiles(paths, options.walk);
  if (options.stats != nullptr) options.stats->list_ns += rules::NowNs() - list_start;
  if (!listed.ok()) return listed.status();
  ReturnFreedMemory();  // the walk's scratch, freed between the listed paths
  scanner::FileList& list = *listed;
  list.skipped = SelectShardSkipped(std::move(list.skipped), paths, options.shard);
  for (scanner::Skipped& s : list.skipped) result->skipped.push_back(std::move(s));

  std::vector<scanner::SourceFile*> chosen;
  std::map<std::string, scanner::SourceFile*> by_path;
  for (scanner::SourceFile& file : list.files) {
    if (!options.only_files) {
      chosen.push_back(&file);
      continue;
    }
    std::string normal = NormalPath(file.origin.fs_path);
    if (options.only_files->count(normal) != 0) {
      chosen.push_back(&file);
    } else {
      by_path.emplace(std::move(normal), &file);
    }
  }
  chosen = SelectShardFiles(chosen, options.shard);
  PackedFiles packed(chosen);
  if (!options.only_files) {
    // Everything the scan needs of the list is packed: the listing goes now, not after
    // the scan (with only_files, by_path points into it).
    std::vector<scanner::SourceFile*>().swap(chosen);
    std::vector<scanner::SourceFile>().swap(list.files);
    ReturnFreedMemory();
  }
  // With only_files, the files the chosen ones load are scanned next, as context.
  std::vector<scanner::SourceFile*> context;
  ScanFiles(engine, packed, options, result, [&](size_t i, BlobOutcome&& o) {
    if (options.only_files && o.scanned) {
      for (const std::string& ref : o.file.references) {
        auto it = by_path.find(ResolveReference(*chosen[i], ref));
        if (it == by_path.end()) continue;
        context.push_back(it->second);
        by_path.erase(it);
      }
    }
    Collect(std::move(o), false, result);
  });
  if (!context.empty()) {
    // In list order, whichever order the chosen files finished in.
    std::sort(context.begin(), context.end(),
              [](const scanner::SourceFile* a, const scanner::SourceFile* b) {
                return a->origin.display < b->origin.display;
              });
    PackedFiles packed_context(context);
    ScanFiles(engine, packed_context, options, result,
              [&](size_t, BlobOutcome&& o) { Collect(std::move(o), true, result); });
  }
  return Status::Ok();
}

}  // namespace

Result<report::ScanResult> RunScan(const rules::Engine& engine, const ScanOptions& options) {
  std::vector<std::string> paths;
  std::vector<std::string> urls;
  for (const std::string& root : options.roots) {
    (scanner::LooksLikeUrl(root) ? urls : paths).push_back(root);
  }
  report::ScanResult result;
  for (const std::string& root : options.roots) {
    result.roots.push_back(scanner::LooksLikeUrl(root)
                               ? scanner::RedactUrlText(root, options.crawl.secret_params)
                               : root);
  }
  result.catalog = &engine.catalog();
  if (options.shard.active()) result.shard = {options.shard.index, options.shard.count};
  if (!paths.empty()) {
    const uint64_t start = options.stats != nullptr ? rules::NowNs() : 0;
    Status st = ScanPaths(engine, options, paths, &result);
    if (options.stats != nullptr) options.stats->wall_ns += rules::NowNs() - start;
    if (!st.ok()) return st;
  }
  urls = SelectShardSeeds(urls, options.shard);
  if (!urls.empty()) {
    scanner::CrawlOptions crawl = options.crawl;
    crawl.cancel = options.cancel;
    Result<CrawlOutcome> crawled =
        RunCrawl(engine, urls, crawl, options.jobs, options.crawl_progress);
    if (!crawled.ok()) return crawled.status();
    for (report::FileResult& f : crawled->files) result.files.push_back(std::move(f));
    for (scanner::Skipped& s : crawled->skipped) result.skipped.push_back(std::move(s));
    result.complete = result.complete && crawled->summary.complete;
  }
  std::stable_sort(result.files.begin(), result.files.end(),
                   [](const report::FileResult& a, const report::FileResult& b) {
                     return a.origin.display < b.origin.display;
                   });
  // In listing order, which is path order (see report::SpilledFile::order).
  std::stable_sort(result.spilled_files.begin(), result.spilled_files.end(),
                   [](const report::SpilledFile& a, const report::SpilledFile& b) {
                     return a.order < b.order;
                   });
  std::sort(result.skipped.begin(), result.skipped.end(),
            [](const scanner::Skipped& a, const scanner::Skipped& b) {
              return a.origin != b.origin ? a.origin < b.origin : a.reason < b.reason;
            });
  return result;
}

}  // namespace iescan::app
