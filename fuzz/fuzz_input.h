// Helpers shared by the fuzz targets: a cursor that takes selector bytes and the rest of
// the input from a fuzzer-provided buffer, and a check that aborts (so libFuzzer records a
// crash) when a documented invariant does not hold.
//
// Thread-safety: a FuzzInput is used by one thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>

namespace iescan::fuzz {

class FuzzInput {
 public:
  FuzzInput(const uint8_t* data, size_t size)
      : data_(reinterpret_cast<const char*>(data)), size_(size) {}

  // One byte from the front (0 when the input is exhausted).
  uint8_t TakeByte() {
    if (pos_ >= size_) return 0;
    return static_cast<uint8_t>(data_[pos_++]);
  }
  // A little-endian 32-bit value from the front (missing bytes read as 0).
  uint32_t TakeU32() {
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= static_cast<uint32_t>(TakeByte()) << (8 * i);
    return v;
  }
  // Everything not yet taken.
  std::string_view Rest() const { return std::string_view(data_ + pos_, size_ - pos_); }

 private:
  const char* data_;
  size_t size_;
  size_t pos_ = 0;
};

// Splits `text` at the first NUL byte: {before, after}. No NUL: {text, ""}.
inline std::pair<std::string_view, std::string_view> SplitAtNul(std::string_view text) {
  size_t nul = text.find('\0');
  if (nul == std::string_view::npos) return {text, std::string_view()};
  return {text.substr(0, nul), text.substr(nul + 1)};
}

}  // namespace iescan::fuzz

// Aborts when `cond` is false: a broken invariant is a bug like a crash.
#define IESCAN_FUZZ_CHECK(cond)                                              \
  do {                                                                       \
    if (!(cond)) {                                                           \
      std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, \
                   #cond);                                                   \
      std::abort();                                                          \
    }                                                                        \
  } while (0)
