// LineIndex: line starts found sixteen bytes at a time with SSE2 compares (memchr where
// SSE2 is missing, and for the tail). Column counting skips UTF-8 continuation bytes eight
// at a time.

#include <algorithm>
#include <bit>
#include <cstring>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "scanner/decode/text_file.h"

namespace iescan::scanner {
namespace {

// Records the line break whose terminator byte (CR or LF) is at `at`. A CR followed by a
// LF is not a break by itself: the LF after it ends the line.
inline void AddBreak(std::string_view text, size_t at, std::vector<uint32_t>* starts) {
  if (text[at] == '\r' && at + 1 < text.size() && text[at + 1] == '\n') return;
  starts->push_back(static_cast<uint32_t>(at + 1));
}

// Line breaks in text[from, end): memchr when there is no CR, else byte by byte.
void AddBreaks(std::string_view text, size_t from, std::vector<uint32_t>* starts) {
  const char* begin = text.data();
  const char* end = begin + text.size();
  if (std::memchr(begin + from, '\r', text.size() - from) == nullptr) {
    for (const char* p = begin + from;
         (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)))) !=
         nullptr;
         ++p) {
      starts->push_back(static_cast<uint32_t>(p - begin + 1));
    }
    return;
  }
  for (size_t at = from; at < text.size(); ++at) {
    if (text[at] == '\n' || text[at] == '\r') AddBreak(text, at, starts);
  }
}

}  // namespace

uint32_t CountCodePoints(std::string_view bytes) {
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  size_t continuation = 0;
  size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, bytes.data() + i, 8);
    // Bit 7 of each byte set when that byte's bit 7 is 1 and its bit 6 is 0.
    continuation += static_cast<size_t>(std::popcount(word & ~(word << 1) & kHigh));
  }
  for (; i < bytes.size(); ++i) {
    continuation += (static_cast<unsigned char>(bytes[i]) & 0xC0) == 0x80;
  }
  return static_cast<uint32_t>(bytes.size() - continuation);
}

LineIndex::LineIndex(std::string_view text) : size_(static_cast<uint32_t>(text.size())) {
  starts_.reserve(text.size() / 48 + 1);
  starts_.push_back(0);
  if (text.empty()) return;
  const char* begin = text.data();
  const size_t size = text.size();
  size_t pos = 0;
#if defined(__SSE2__)
  const __m128i lf = _mm_set1_epi8('\n');
  const __m128i cr = _mm_set1_epi8('\r');
  for (; pos + 16 <= size; pos += 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(begin + pos));
    const unsigned lf_mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, lf)));
    const unsigned cr_mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, cr)));
    if ((lf_mask | cr_mask) == 0) continue;
    if (cr_mask == 0) {  // the common case: LF only
      for (unsigned m = lf_mask; m != 0; m &= m - 1) {
        starts_.push_back(static_cast<uint32_t>(pos + std::countr_zero(m) + 1));
      }
      continue;
    }
    for (unsigned m = lf_mask | cr_mask; m != 0; m &= m - 1) {
      AddBreak(text, pos + std::countr_zero(m), &starts_);
    }
  }
#endif
  AddBreaks(text, pos, &starts_);  // the tail, or everything without SSE2
}

uint32_t LineIndex::LineOf(uint32_t offset) const {
  if (starts_.empty()) return 1;
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  return static_cast<uint32_t>(it - starts_.begin());
}

uint32_t LineIndex::LineStart(uint32_t line) const {
  if (line == 0) line = 1;
  if (line > starts_.size()) return size_;
  return starts_[line - 1];
}

uint32_t LineIndex::LineEnd(std::string_view text, uint32_t line) const {
  if (line == 0) line = 1;
  const uint32_t size = std::min<uint32_t>(size_, static_cast<uint32_t>(text.size()));
  if (line >= starts_.size()) return size;  // the last line has no terminator
  const uint32_t start = starts_[line - 1];
  uint32_t end = std::min(starts_[line], size);
  if (end > start && text[end - 1] == '\n') --end;
  if (end > start && text[end - 1] == '\r') --end;
  return end;
}

Position LineIndex::At(std::string_view text, uint32_t offset) const {
  const uint32_t size = std::min<uint32_t>(size_, static_cast<uint32_t>(text.size()));
  offset = std::min(offset, size);
  Position pos;
  pos.line = LineOf(offset);
  const uint32_t start = std::min(LineStart(pos.line), offset);
  pos.column = 1 + CountCodePoints(text.substr(start, offset - start));
  return pos;
}

}  // namespace iescan::scanner
