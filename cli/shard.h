// Sharding a scan over several machines: `--shard K/N` keeps a stable, hash-based share of
// the listed files (or of a crawl's seed URLs), so that N runs with K = 1..N are disjoint,
// together cover every file, and their JSON reports merge (`iescan merge`) into the report
// of one unsharded run.
//
// A file belongs to shard K when FNV-1a 64 of its root-relative path ('/' separators, the
// root's own spelling left out), taken modulo N, equals K-1. The same file therefore lands
// in the same shard whichever machine runs it and however the root is written. A seed URL
// belongs to shard K when FNV-1a 64 of the URL as given, modulo N, equals K-1.
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "scanner/core/status.h"
#include "scanner/source/blob.h"
#include "scanner/source/walker.h"

namespace iescan::app {

struct Shard {
  uint32_t index = 1;  // K, 1-based
  uint32_t count = 1;  // N; 1 = no sharding
  bool active() const { return count > 1; }
};

// Parses "K/N" with 1 <= K <= N (decimal, N at most 65536). The error says what was
// expected and what was given.
Result<Shard> ParseShard(std::string_view text);

// FNV-1a 64 of `bytes`.
uint64_t Fnv1a64(std::string_view bytes);

// Whether the resource with this root-relative path (or URL) belongs to `shard`.
bool InShard(std::string_view key, const Shard& shard);

// Keeps the files of `shard` (by root-relative path), in order.
std::vector<scanner::SourceFile*> SelectShardFiles(
    const std::vector<scanner::SourceFile*>& files, const Shard& shard);

// Keeps the listing's skipped items of `shard`: their display path is made root-relative
// against the first of `roots` that contains it.
std::vector<scanner::Skipped> SelectShardSkipped(std::vector<scanner::Skipped> skipped,
                                                 const std::vector<std::string>& roots,
                                                 const Shard& shard);

// Keeps the seed URLs of `shard`, in order.
std::vector<std::string> SelectShardSeeds(const std::vector<std::string>& seeds,
                                          const Shard& shard);

}  // namespace iescan::app
