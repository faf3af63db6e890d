#include "cli/shard.h"

#include <charconv>

#include "report/app_name.h"

namespace iescan::app {
namespace {

constexpr uint32_t kMaxShards = 65536;

bool ParseNumber(std::string_view text, uint32_t* out) {
  if (text.empty() || text.size() > 9) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

Result<Shard> ParseShard(std::string_view text) {
  const auto bad = [&]() {
    return Status::Error("--shard: expected K/N with 1 <= K <= N (e.g. 2/3), got '" +
                         std::string(text) + "'");
  };
  const size_t slash = text.find('/');
  if (slash == std::string_view::npos) return bad();
  Shard shard;
  if (!ParseNumber(text.substr(0, slash), &shard.index) ||
      !ParseNumber(text.substr(slash + 1), &shard.count)) {
    return bad();
  }
  if (shard.count == 0 || shard.count > kMaxShards || shard.index == 0 ||
      shard.index > shard.count) {
    return bad();
  }
  return shard;
}

uint64_t Fnv1a64(std::string_view bytes) {
  uint64_t hash = 0xcbf29ce484222325ull;
  for (char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ull;
  }
  return hash;
}

bool InShard(std::string_view key, const Shard& shard) {
  if (!shard.active()) return true;
  return Fnv1a64(key) % shard.count == shard.index - 1;
}

std::vector<scanner::SourceFile*> SelectShardFiles(
    const std::vector<scanner::SourceFile*>& files, const Shard& shard) {
  if (!shard.active()) return files;
  std::vector<scanner::SourceFile*> out;
  for (scanner::SourceFile* file : files) {
    const std::string_view relative =
        report::RootRelativePath(file->origin.display, file->origin.root);
    if (InShard(relative, shard)) out.push_back(file);
  }
  return out;
}

std::vector<scanner::Skipped> SelectShardSkipped(std::vector<scanner::Skipped> skipped,
                                                 const std::vector<std::string>& roots,
                                                 const Shard& shard) {
  if (!shard.active()) return skipped;
  std::vector<scanner::Skipped> out;
  for (scanner::Skipped& s : skipped) {
    std::string_view relative = s.origin;
    for (const std::string& root : roots) {
      const std::string_view candidate = report::RootRelativePath(s.origin, root);
      if (candidate.size() < s.origin.size()) {
        relative = candidate;
        break;
      }
    }
    if (InShard(relative, shard)) out.push_back(std::move(s));
  }
  return out;
}

std::vector<std::string> SelectShardSeeds(const std::vector<std::string>& seeds,
                                          const Shard& shard) {
  std::vector<std::string> out;
  for (const std::string& seed : seeds) {
    if (InShard(seed, shard)) out.push_back(seed);
  }
  return out;
}

}  // namespace iescan::app
