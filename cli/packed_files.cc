#include "cli/packed_files.h"

#include <algorithm>
#include <stdexcept>
#include <string_view>

namespace iescan::app {
namespace {

// How many characters `a` and `b` end with in common.
size_t CommonTail(std::string_view a, std::string_view b) {
  size_t n = 0;
  while (n < a.size() && n < b.size() && a[a.size() - 1 - n] == b[b.size() - 1 - n]) ++n;
  return n;
}

}  // namespace

PackedFiles::PackedFiles(const std::vector<scanner::SourceFile*>& files) : size_(files.size()) {
  const size_t blocks = (size_ + kBlock - 1) / kBlock;
  blocks_.reserve(blocks);
  left_ = std::make_unique<std::atomic<uint32_t>[]>(blocks);
  std::string own;  // one file's stored characters
  for (size_t b = 0; b < blocks; ++b) {
    const size_t first = b * kBlock;
    const size_t count = std::min(kBlock, size_ - first);
    auto block = std::make_unique<Block>();
    block->entries = std::make_unique<Entry[]>(count);
    for (size_t k = 0; k < count; ++k) {
      const scanner::SourceFile* f = files[first + k];
      const std::string& display = f->origin.display;
      const std::string& fs_path = f->origin.fs_path;
      Entry& e = block->entries[k];
      if (k % kGroup != 0) {
        const std::string& lead = files[first + k - k % kGroup]->origin.display;
        const auto shared = std::mismatch(display.begin(), display.end(), lead.begin(), lead.end());
        e.shared = static_cast<uint32_t>(shared.first - display.begin());
      }
      const size_t tail = CommonTail(display, fs_path);
      own.assign(display, e.shared);
      own.append(fs_path, 0, fs_path.size() - tail);
      if (block->paths.size() + own.size() > UINT32_MAX || display.size() > UINT32_MAX) {
        throw std::length_error("paths too long");  // 4,096 paths: far from 4 GB
      }
      e.at = static_cast<uint32_t>(block->paths.size());
      e.own_display = static_cast<uint32_t>(display.size() - e.shared);
      e.own_fs_path = static_cast<uint32_t>(fs_path.size() - tail);
      e.fs_tail = static_cast<uint32_t>(display.size() - tail);
      block->paths += own;
      e.size = f->size;
      e.root = RootIndex(f->origin.root);
      e.kind = f->kind;
      e.is_url = f->origin.is_url;
    }
    block->paths.shrink_to_fit();
    left_[b].store(static_cast<uint32_t>(count), std::memory_order_relaxed);
    blocks_.push_back(std::move(block));
  }
}

scanner::SourceFile PackedFiles::Take(size_t i) {
  const size_t b = i / kBlock;
  const size_t k = i % kBlock;
  const Block& block = *blocks_[b];
  const Entry& e = block.entries[k];
  const std::string_view paths = block.paths;
  scanner::SourceFile f;
  std::string& display = f.origin.display;
  if (e.shared > 0) {
    const Entry& lead = block.entries[k - k % kGroup];  // keeps its whole display path
    display.assign(paths.substr(lead.at, e.shared));
  }
  display.append(paths.substr(e.at, e.own_display));
  f.origin.fs_path.assign(paths.substr(e.at + e.own_display, e.own_fs_path));
  f.origin.fs_path.append(std::string_view(display).substr(e.fs_tail));
  f.origin.root = roots_[e.root];
  f.origin.is_url = e.is_url;
  f.kind = e.kind;
  f.size = e.size;
  // The last of a block's files to be taken frees the block: no other thread reads it.
  if (left_[b].fetch_sub(1, std::memory_order_acq_rel) == 1) blocks_[b].reset();
  return f;
}

uint32_t PackedFiles::RootIndex(const std::string& root) {
  auto [it, added] = root_index_.try_emplace(root, static_cast<uint32_t>(roots_.size()));
  if (added) roots_.push_back(root);
  return it->second;
}

}  // namespace iescan::app
