// The process-wide pool of SharedText (see shared_text.h).
//
// Texts are appended to blocks of characters that never move or shrink: each one is its
// length (4 bytes), its characters and a NUL. An open-addressing table finds a text already
// held. Each slot is one 64-bit word: the text's address, with the top 16 bits of its hash
// in the 16 bits above it that user-space addresses leave clear, so that most slots of
// another text are passed over without reading its characters. A distinct string costs its
// characters plus 5 bytes and 11 to 23 bytes of table; a hash set of std::string cost about
// 100 bytes more (a node, a bucket and, past 15 characters, a heap block of its own), which
// at a hundred thousand paths and snippets was a tenth of a large scan's memory. Most of a
// large scan's texts are its paths, one per file, so the table is a part of the memory that
// grows with the tree: two-word slots cost a large scan 2 MB more.
//
// Should an address ever use those top bits, the table drops its tags and compares texts
// alone: slower, never wrong.
#include "scanner/core/shared_text.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <vector>

namespace iescan {
namespace {

constexpr size_t kBlockBytes = size_t{1} << 20;
constexpr size_t kHeader = sizeof(uint32_t);

uint64_t HashOf(std::string_view text) { return std::hash<std::string_view>()(text); }

class Pool {
 public:
  const char* Intern(std::string_view text) {
    if (text.size() > UINT32_MAX - kHeader - 1) throw std::length_error("text too long");
    const uint64_t hash = HashOf(text);
    std::lock_guard<std::mutex> lock(mutex_);
    if ((count_ + 1) * 10 > slots_.size() * 7) Grow();
    const size_t mask = slots_.size() - 1;
    const uint64_t tag = tagged_ ? TagOf(hash) : 0;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      const uint64_t slot = slots_[i];
      if (slot == 0) {
        const char* stored = Store(text);
        if (tagged_ && (reinterpret_cast<uintptr_t>(stored) & kTagMask) != 0) DropTags();
        slots_[i] = reinterpret_cast<uintptr_t>(stored) | (tagged_ ? tag : 0);
        ++count_;
        bytes_ += text.size();
        return stored;
      }
      if ((slot & kTagMask) == tag && View(TextOf(slot)) == text) return TextOf(slot);
    }
  }

  size_t size() {
    std::lock_guard<std::mutex> lock(mutex_);
    return count_;
  }
  size_t bytes() {
    std::lock_guard<std::mutex> lock(mutex_);
    return bytes_;
  }
  size_t table_bytes() {
    std::lock_guard<std::mutex> lock(mutex_);
    return slots_.capacity() * sizeof(uint64_t);
  }

 private:
  static constexpr int kTagShift = 48;
  static constexpr uint64_t kTagMask = ~uint64_t{0} << kTagShift;

  static uint64_t TagOf(uint64_t hash) { return hash & kTagMask; }
  static const char* TextOf(uint64_t slot) {
    return reinterpret_cast<const char*>(static_cast<uintptr_t>(slot & ~kTagMask));
  }
  static std::string_view View(const char* text) {
    uint32_t n;
    std::memcpy(&n, text - kHeader, kHeader);
    return std::string_view(text, n);
  }

  // Copies `text` (length first, NUL after) into the current block, or a new one.
  const char* Store(std::string_view text) {
    const size_t need = kHeader + text.size() + 1;
    if (blocks_.empty() || used_ + need > block_size_) {
      block_size_ = std::max(kBlockBytes, need);
      blocks_.push_back(std::make_unique<char[]>(block_size_));
      used_ = 0;
    }
    char* at = blocks_.back().get() + used_;
    const auto n = static_cast<uint32_t>(text.size());
    std::memcpy(at, &n, kHeader);
    if (!text.empty()) std::memcpy(at + kHeader, text.data(), text.size());
    at[kHeader + text.size()] = '\0';
    used_ += need;
    return at + kHeader;
  }

  // Doubles the table. A slot keeps only 16 bits of its text's hash: the rest, which
  // places it, is computed again from the text.
  void Grow() {
    std::vector<uint64_t> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, 0);
    const size_t mask = slots_.size() - 1;
    for (const uint64_t slot : old) {
      if (slot == 0) continue;
      size_t i = HashOf(View(TextOf(slot))) & mask;
      while (slots_[i] != 0) i = (i + 1) & mask;
      slots_[i] = slot;
    }
  }

  // From now on slots hold bare addresses (see the top of this file).
  void DropTags() {
    tagged_ = false;
    for (uint64_t& slot : slots_) slot &= ~kTagMask;
  }

  std::mutex mutex_;
  std::vector<uint64_t> slots_;  // a power of two in size, at most 70% full; 0: free
  bool tagged_ = sizeof(uintptr_t) == sizeof(uint64_t);
  size_t count_ = 0;
  size_t bytes_ = 0;
  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t block_size_ = 0;
  size_t used_ = 0;
};

Pool& ThePool() {
  static Pool* pool = new Pool();  // never destroyed: SharedText values outlive main()
  return *pool;
}

}  // namespace

SharedText::SharedText(std::string_view text) {
  if (text.empty()) return;
  text_ = ThePool().Intern(text);
}

size_t SharedText::PoolSize() { return ThePool().size(); }

size_t SharedText::PoolBytes() { return ThePool().bytes(); }

size_t SharedText::PoolTableBytes() { return ThePool().table_bytes(); }

}  // namespace iescan
