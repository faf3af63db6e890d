// The process-wide pool of SharedText (see shared_text.h).
//
// Texts are appended to blocks of characters that never move or shrink: each one is its
// length (4 bytes), its characters and a NUL. An open-addressing table of (hash, text)
// pairs finds a text already held. A distinct string costs its characters plus about 25
// bytes; a hash set of std::string cost about 100 bytes more (a node, a bucket and, past 15
// characters, a heap block of its own), which at a hundred thousand paths and snippets was
// a tenth of a large scan's memory.
#include "scanner/core/shared_text.h"

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
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      Slot& slot = slots_[i];
      if (slot.text == nullptr) {
        slot.hash = hash;
        slot.text = Store(text);
        ++count_;
        bytes_ += text.size();
        return slot.text;
      }
      if (slot.hash == hash && View(slot.text) == text) return slot.text;
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

 private:
  struct Slot {
    uint64_t hash = 0;
    const char* text = nullptr;
  };

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

  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    const size_t mask = slots_.size() - 1;
    for (const Slot& slot : old) {
      if (slot.text == nullptr) continue;
      size_t i = slot.hash & mask;
      while (slots_[i].text != nullptr) i = (i + 1) & mask;
      slots_[i] = slot;
    }
  }

  std::mutex mutex_;
  std::vector<Slot> slots_;  // a power of two in size, at most 70% full
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

}  // namespace iescan
