// Aho-Corasick prefilter compiled to a byte-class DFA.
#include "rules/engine/prefilter.h"

#include <algorithm>
#include <deque>

#include "rules/engine/text_util.h"

namespace iescan::rules {

Prefilter::Prefilter(const std::vector<std::vector<std::string>>& groups)
    : group_count_(groups.size()) {
  // Byte classes: one per distinct lower-cased byte used by a word; upper-case ASCII
  // letters share their lower-case letter's class.
  for (const auto& words : groups) {
    for (const std::string& word : words) {
      for (char c : word) {
        uint8_t b = static_cast<uint8_t>(ToLowerAscii(c));
        if (classes_[b] == 0) classes_[b] = static_cast<uint8_t>(class_count_++);
      }
    }
  }
  if (class_count_ > 255) class_count_ = 255;  // cannot happen: at most 230 lower bytes
  for (int c = 'A'; c <= 'Z'; ++c) classes_[c] = classes_[c + 32];
  const uint32_t n = class_count_;

  // The trie: goto_[state * n + class], -1 when absent.
  std::vector<int32_t> goto_(n, -1);
  outputs_.assign(1, {});
  for (uint32_t g = 0; g < groups.size(); ++g) {
    for (const std::string& word : groups[g]) {
      if (word.empty()) continue;
      max_word_ = std::max(max_word_, word.size());
      uint32_t state = 0;
      for (char c : word) {
        uint32_t cls = classes_[static_cast<uint8_t>(c)];
        if (goto_[state * n + cls] < 0) {
          goto_[state * n + cls] = static_cast<int32_t>(outputs_.size());
          outputs_.emplace_back();
          goto_.resize(outputs_.size() * n, -1);
        }
        state = static_cast<uint32_t>(goto_[state * n + cls]);
      }
      outputs_[state].push_back(g);
    }
  }

  // Breadth-first: failure links, full transitions, outputs merged along failure links.
  const size_t states = outputs_.size();
  std::vector<uint32_t> next(states * n, 0);
  std::vector<uint32_t> fail(states, 0);
  std::deque<uint32_t> queue;
  for (uint32_t c = 0; c < n; ++c) {
    int32_t child = goto_[c];
    if (child > 0) {
      next[c] = static_cast<uint32_t>(child);
      queue.push_back(static_cast<uint32_t>(child));
    }
  }
  while (!queue.empty()) {
    uint32_t u = queue.front();
    queue.pop_front();
    const std::vector<uint32_t>& inherited = outputs_[fail[u]];
    outputs_[u].insert(outputs_[u].end(), inherited.begin(), inherited.end());
    for (uint32_t c = 0; c < n; ++c) {
      int32_t child = goto_[u * n + c];
      if (child < 0) {
        next[u * n + c] = next[fail[u] * n + c];
      } else {
        fail[child] = next[fail[u] * n + c];
        next[u * n + c] = static_cast<uint32_t>(child);
        queue.push_back(static_cast<uint32_t>(child));
      }
    }
  }
  for (auto& out : outputs_) {
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
  }
  delta_.resize(states * n);
  for (size_t i = 0; i < delta_.size(); ++i) {
    uint32_t target = next[i];
    delta_[i] = target * n | (outputs_[target].empty() ? 0 : kMatchFlag);
  }
}

// Records the groups of DFA state `t` (premultiplied, flag cleared) the first time it is
// reached. Returns true when every group has been seen.
bool Prefilter::Record(uint32_t t, ScanState* scan) const {
  uint32_t s = t / class_count_;
  if (scan->seen[s]) return false;
  scan->seen[s] = 1;
  for (uint32_t g : outputs_[s]) {
    if ((*scan->hits)[g]) continue;
    (*scan->hits)[g] = 1;
    ++scan->marked;
    if (--scan->remaining == 0) return true;
  }
  return false;
}

bool Prefilter::ScanRange(const uint8_t* p, const uint8_t* end, uint32_t state,
                          ScanState* scan) const {
  const uint32_t* delta = delta_.data();
  const uint8_t* classes = classes_.data();
  // Match states are collected without a branch and recorded once per block: common
  // bytes that end a word (a one-letter word, "all") would otherwise mispredict a branch
  // at every occurrence.
  constexpr size_t kBlock = 64;
  uint32_t found[kBlock];
  while (p < end) {
    const size_t len = std::min<size_t>(kBlock, static_cast<size_t>(end - p));
    size_t count = 0;
    for (size_t k = 0; k < len; ++k) {
      const uint32_t t = delta[state + classes[p[k]]];
      found[count] = t;
      count += t >> 31;  // kMatchFlag is the top bit
      state = t & ~kMatchFlag;
    }
    p += len;
    for (size_t k = 0; k < count; ++k) {
      if (Record(found[k] & ~kMatchFlag, scan)) return true;
    }
  }
  return false;
}

size_t Prefilter::Scan(std::string_view text, std::vector<uint8_t>* hits) const {
  hits->resize(group_count_, 0);
  if (delta_.empty()) return 0;
  ScanState scan;
  scan.hits = hits;
  scan.remaining = static_cast<size_t>(std::count(hits->begin(), hits->end(), 0));
  if (scan.remaining == 0) return 0;
  scan.seen.assign(outputs_.size(), 0);
  const auto* data = reinterpret_cast<const uint8_t*>(text.data());
  const size_t size = text.size();
  const uint32_t* delta = delta_.data();
  const uint8_t* classes = classes_.data();

  // Short texts: one stream.
  if (size < kStreams * 512) {
    ScanRange(data, data + size, 0, &scan);
    return scan.marked;
  }
  // Long texts: four interleaved streams over four slices. Their table loads do not
  // depend on each other, so the CPU overlaps them. Each slice after the first starts
  // max_word_ - 1 bytes early, so a word crossing a slice boundary is seen whole.
  const size_t slice = size / kStreams;
  const size_t back = max_word_ > 0 ? max_word_ - 1 : 0;
  const uint8_t* pos[kStreams];
  const uint8_t* stop[kStreams];
  size_t common = size;
  for (size_t i = 0; i < kStreams; ++i) {
    size_t begin = i * slice > back ? i * slice - back : 0;
    size_t end = i + 1 == kStreams ? size : (i + 1) * slice;
    pos[i] = data + begin;
    stop[i] = data + end;
    common = std::min(common, end - begin);
  }
  uint32_t state[kStreams] = {};
  constexpr size_t kBlock = 64;
  uint32_t found[kBlock * kStreams];
  for (size_t k0 = 0; k0 < common; k0 += kBlock) {
    const size_t k1 = std::min(common, k0 + kBlock);
    size_t count = 0;
    for (size_t k = k0; k < k1; ++k) {
      for (size_t i = 0; i < kStreams; ++i) {
        const uint32_t t = delta[state[i] + classes[pos[i][k]]];
        found[count] = t;
        count += t >> 31;  // kMatchFlag is the top bit
        state[i] = t & ~kMatchFlag;
      }
    }
    for (size_t k = 0; k < count; ++k) {
      if (Record(found[k] & ~kMatchFlag, &scan)) return scan.marked;
    }
  }
  for (size_t i = 0; i < kStreams; ++i) {
    if (ScanRange(pos[i] + common, stop[i], state[i], &scan)) break;
  }
  return scan.marked;
}

}  // namespace iescan::rules
