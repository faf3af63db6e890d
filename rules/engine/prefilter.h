// Prefilter: finds, in one pass over a text, which groups of literal words (one group per
// rule) have at least one word occurring in it, ASCII case-insensitively. It may report a
// group whose rule then finds nothing, but never misses a group whose word occurs.
//
// Implementation: an Aho-Corasick automaton over ASCII-lower-cased bytes, compiled to a
// full DFA whose alphabet is reduced to the byte classes the words use (every other byte
// is one class). The scan loop is one table load per input byte with no branches except a
// rarely taken one on states that end a word; a state's words are recorded only the first
// time it is reached, and the scan stops early once every group has been seen.
//
// Thread-safety: immutable after construction; Scan is const and allocation-light.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace iescan::rules {

class Prefilter {
 public:
  Prefilter() = default;
  // groups[g] is the list of words of group g. Empty words are ignored.
  explicit Prefilter(const std::vector<std::vector<std::string>>& groups);

  // Sets (*hits)[g] = 1 for every group g with a word occurring in `text`; `hits` is
  // resized to group_count() and entries already 1 stay 1. Returns the number of groups
  // newly marked.
  size_t Scan(std::string_view text, std::vector<uint8_t>* hits) const;

  size_t group_count() const { return group_count_; }
  size_t state_count() const { return outputs_.size(); }

 private:
  static constexpr uint32_t kMatchFlag = 0x80000000u;  // the top bit: Scan counts it by shifting
  static_assert(kMatchFlag == uint32_t{1} << 31);
  static constexpr size_t kStreams = 4;

  struct ScanState {
    std::vector<uint8_t>* hits = nullptr;
    std::vector<uint8_t> seen;  // per state: its groups were recorded
    size_t remaining = 0;       // groups not yet marked
    size_t marked = 0;
  };
  bool Record(uint32_t t, ScanState* scan) const;
  // Runs the DFA over [p, end) from `state`; true when every group has been seen.
  bool ScanRange(const uint8_t* p, const uint8_t* end, uint32_t state, ScanState* scan) const;

  std::array<uint8_t, 256> classes_{};  // byte -> class; 0 = a byte no word uses
  uint32_t class_count_ = 1;
  // delta_[state * class_count_ + class] = next_state * class_count_, | kMatchFlag when the
  // next state ends at least one word.
  std::vector<uint32_t> delta_;
  std::vector<std::vector<uint32_t>> outputs_;  // per state: groups whose word ends here
  size_t group_count_ = 0;
  size_t max_word_ = 0;  // longest word, in bytes
};

}  // namespace iescan::rules
