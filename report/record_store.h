// RecordStore<T>: an array of trivially copyable records that keeps its first records in
// memory and, past a budget, the rest in a temporary file (scanner/core/spill_file.h).
//
// A plan of a large estate holds hundreds of thousands of findings; kept in memory they make
// the run's resident memory grow with the tree. Past the budget a RecordStore writes them to
// disk in blocks and reads them back a block at a time, through a small cache of each
// reading thread, so that a writer walking the records in order reads each block once.
//
// Records are returned by value (as `const T`): a reference into the store could not outlive
// the next read. Change them with Set or Update, which write through to the file.
//
// Thread-safety: the const members (size, operator[], iteration) may be called from many
// threads at once; every other member needs the store to itself.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <limits>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

#include "scanner/core/spill_file.h"

namespace iescan::report {

// A budget that keeps every record in memory.
inline constexpr size_t kNeverSpill = std::numeric_limits<size_t>::max();

namespace record_store_internal {
// A number no store state had before: the thread caches' key.
inline uint64_t NextStamp() {
  static std::atomic<uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}
}  // namespace record_store_internal

// An input iterator over a container whose operator[] returns its elements by value
// (RecordStore, PlanFiles): each dereference reads the element anew.
template <typename Container, typename T>
class ByValueIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = T;
  using difference_type = std::ptrdiff_t;
  using pointer = void;
  using reference = const T;
  ByValueIterator() = default;
  ByValueIterator(const Container* items, size_t i) : items_(items), i_(i) {}
  const T operator*() const { return (*items_)[i_]; }
  ByValueIterator& operator++() {
    ++i_;
    return *this;
  }
  ByValueIterator operator++(int) {
    ByValueIterator before = *this;
    ++i_;
    return before;
  }
  bool operator==(const ByValueIterator& other) const { return i_ == other.i_; }

 private:
  const Container* items_ = nullptr;
  size_t i_ = 0;
};

template <typename T>
class RecordStore {
  static_assert(std::is_trivially_copyable_v<T>, "records are written to disk as bytes");

 public:
  using value_type = T;
  static constexpr size_t kNever = kNeverSpill;
  // Records per block on disk: the unit of every read and write.
  static constexpr size_t kBlock = std::max<size_t>(1, (64 * 1024) / sizeof(T));

  RecordStore() = default;
  RecordStore(const RecordStore& other) : budget_(other.budget_) {
    for (const T& record : other) push_back(record);
  }
  RecordStore& operator=(const RecordStore& other) {
    if (this != &other) {
      RecordStore copy(other);
      *this = std::move(copy);
    }
    return *this;
  }
  RecordStore(RecordStore&& other) noexcept { Take(other); }
  RecordStore& operator=(RecordStore&& other) noexcept {
    if (this != &other) Take(other);
    return *this;
  }

  // Past `bytes` of records in memory, later records go to a temporary file. kNever (the
  // default) keeps every record in memory; 0 spills from the first block.
  void SpillAfter(size_t bytes) { budget_ = bytes; }

  size_t size() const { return head_.size() + on_disk_ + tail_.size(); }
  bool empty() const { return size() == 0; }
  // Whether some records are on disk.
  bool spilled() const { return on_disk_ > 0; }
  // Bytes of records held in memory.
  size_t memory_bytes() const { return (head_.capacity() + tail_.capacity()) * sizeof(T); }

  void reserve(size_t n) {
    if (budget_ == kNever) head_.reserve(n);
    else head_.reserve(std::min(n, budget_ / sizeof(T)));
  }

  void push_back(const T& record) {
    if (on_disk_ == 0 && tail_.empty() && (budget_ == kNever || (head_.size() + 1) * sizeof(T) <= budget_)) {
      // The head grows as a vector does, but never past the budget: doubling a full head
      // would hold up to twice the budget.
      if (budget_ != kNever && head_.size() == head_.capacity()) {
        head_.reserve(std::min(std::max<size_t>(16, head_.capacity() * 2), budget_ / sizeof(T)));
      }
      head_.push_back(record);
      return;
    }
    tail_.push_back(record);
    if (tail_.size() == kBlock && !memory_only_) Flush();
  }

  const T operator[](size_t i) const {
    if (i < head_.size()) return head_[i];
    i -= head_.size();
    if (i >= on_disk_) return tail_[i - on_disk_];
    Cache& cache = ThreadCache();
    const size_t block = i / kBlock;
    if (cache.stamp != stamp_ || cache.block != block) {
      cache.records.resize(kBlock);
      file_->Read(offsets_[block], cache.records.data(), kBlock * sizeof(T));
      cache.stamp = stamp_;
      cache.block = block;
    }
    return cache.records[i % kBlock];
  }
  const T front() const { return (*this)[0]; }
  const T back() const { return (*this)[size() - 1]; }

  void Set(size_t i, const T& record) {
    Update(i, i + 1, [&](T& r, size_t) { r = record; });
  }

  // Calls fn(record, index) on records [begin, end) in order, writing changes back.
  template <typename Fn>
  void Update(size_t begin, size_t end, Fn&& fn) {
    end = std::min(end, size());
    size_t i = begin;
    for (; i < end && i < head_.size(); ++i) fn(head_[i], i);
    if (i < end && i < head_.size() + on_disk_) {
      std::vector<T> block(kBlock);
      while (i < end && i < head_.size() + on_disk_) {
        const size_t b = (i - head_.size()) / kBlock;
        const size_t first = head_.size() + b * kBlock;
        file_->Read(offsets_[b], block.data(), kBlock * sizeof(T));
        for (; i < end && i < first + kBlock; ++i) fn(block[i - first], i);
        if (!file_->Write(offsets_[b], block.data(), kBlock * sizeof(T))) {
          throw SpillError("cannot write to the scan's temporary file");
        }
      }
      stamp_ = record_store_internal::NextStamp();
    }
    for (; i < end; ++i) fn(tail_[i - head_.size() - on_disk_], i);
  }
  template <typename Fn>
  void Update(Fn&& fn) {
    Update(0, size(), std::forward<Fn>(fn));
  }

  using const_iterator = ByValueIterator<RecordStore, T>;
  const_iterator begin() const { return const_iterator(this, 0); }
  const_iterator end() const { return const_iterator(this, size()); }

 private:
  struct Cache {
    uint64_t stamp = 0;
    size_t block = 0;
    std::vector<T> records;
  };
  static Cache& ThreadCache() {
    thread_local Cache cache;
    return cache;
  }

  // Writes the full tail block to the file; without a usable file every later record stays
  // in memory (a scan never fails for want of disk space).
  void Flush() {
    if (!file_) {
      file_ = SpillFile::Create();
      if (!file_) {
        memory_only_ = true;
        return;
      }
    }
    std::optional<uint64_t> at = file_->Append(tail_.data(), tail_.size() * sizeof(T));
    if (!at) {
      memory_only_ = true;
      return;
    }
    offsets_.push_back(*at);
    on_disk_ += tail_.size();
    tail_.clear();
  }

  void Take(RecordStore& other) {
    budget_ = other.budget_;
    head_ = std::move(other.head_);
    tail_ = std::move(other.tail_);
    file_ = std::move(other.file_);
    offsets_ = std::move(other.offsets_);
    on_disk_ = std::exchange(other.on_disk_, 0);
    memory_only_ = other.memory_only_;
    stamp_ = std::exchange(other.stamp_, record_store_internal::NextStamp());
    other.head_.clear();
    other.tail_.clear();
    other.offsets_.clear();
  }

  size_t budget_ = kNever;
  std::vector<T> head_;                // records [0, head_.size())
  std::unique_ptr<SpillFile> file_;    // then on_disk_ records, in blocks of kBlock
  std::vector<uint64_t> offsets_;      // each block's place in the file
  size_t on_disk_ = 0;
  std::vector<T> tail_;                // then the records not yet written
  bool memory_only_ = false;           // the file failed: no more writes
  uint64_t stamp_ = record_store_internal::NextStamp();
};

}  // namespace iescan::report
