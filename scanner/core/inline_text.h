// InlineText: a short string held inside the value itself, so that the value stays trivially
// copyable.
//
// A finding's fingerprint ("0123456789abcdef:7", 18 characters) and its snippet (the source
// line, at most 200 characters) are one per finding and, in real code, rarely repeat: pooling
// them (SharedText) would grow the never-emptied pool with every finding of the run, and a
// std::string would cost a heap block per finding and make the finding impossible to copy as
// bytes. A BasicInlineText<N> keeps up to N bytes in place, so that the text lives wherever
// its finding lives: in memory within the finding budget, then in the spill file
// (report/record_store.h). A longer text (a fingerprint only a hand-edited report has, a
// snippet of 200 characters that takes more than 254 bytes of UTF-8) is stored once in the
// SharedText pool and the value holds that entry.
//
// Thread-safety: plain value.
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>

#include "scanner/core/shared_text.h"

namespace iescan {

template <size_t N>
class BasicInlineText {
  static_assert(N >= sizeof(SharedText) && N < 255, "the size byte also marks a pooled text");

 public:
  static constexpr size_t kInline = N;

  BasicInlineText() = default;
  BasicInlineText(std::string_view text) { Assign(text); }  // NOLINT: reads like a string
  BasicInlineText(const std::string& text) { Assign(text); }  // NOLINT
  BasicInlineText(const char* text) { Assign(text); }  // NOLINT
  BasicInlineText(const SharedText& text) { Assign(text.view()); }  // NOLINT
  BasicInlineText& operator=(std::string_view text) {
    Assign(text);
    return *this;
  }
  BasicInlineText& operator=(const std::string& text) { return *this = std::string_view(text); }
  BasicInlineText& operator=(const char* text) { return *this = std::string_view(text); }
  BasicInlineText& operator=(const SharedText& text) { return *this = text.view(); }

  std::string_view view() const {
    if (size_ != kPooled) return {bytes_, size_};
    SharedText pooled;
    std::memcpy(&pooled, bytes_, sizeof(pooled));
    return pooled.view();
  }
  operator std::string_view() const { return view(); }  // NOLINT
  std::string str() const { return std::string(view()); }
  bool empty() const { return size_ == 0; }
  size_t size() const { return view().size(); }

  friend bool operator==(const BasicInlineText& a, const BasicInlineText& b) {
    return a.view() == b.view();
  }
  friend bool operator==(const BasicInlineText& a, std::string_view b) { return a.view() == b; }
  friend bool operator==(const BasicInlineText& a, const std::string& b) { return a.view() == b; }
  friend bool operator==(const BasicInlineText& a, const char* b) { return a.view() == b; }
  friend std::strong_ordering operator<=>(const BasicInlineText& a, const BasicInlineText& b) {
    return a.view().compare(b.view()) <=> 0;
  }

 private:
  static constexpr uint8_t kPooled = 0xff;

  void Assign(std::string_view text) {
    // Bytes past the text are zeroed only up to where the previous text ended: a value
    // written to disk as bytes never carries stale text, and a short text costs no clearing
    // of the whole buffer.
    const size_t used = size_ == kPooled ? sizeof(SharedText) : size_;
    const size_t now = text.size() <= kInline ? text.size() : sizeof(SharedText);
    if (used > now) std::memset(bytes_ + now, 0, used - now);
    if (text.size() <= kInline) {
      if (!text.empty()) std::memcpy(bytes_, text.data(), text.size());  // data() may be null
      size_ = static_cast<uint8_t>(text.size());
      return;
    }
    const SharedText pooled(text);  // stays valid for the life of the process
    std::memcpy(bytes_, &pooled, sizeof(pooled));
    size_ = kPooled;
  }

  char bytes_[kInline + 1] = {};
  uint8_t size_ = 0;
};

// A fingerprint: 32 bytes.
using InlineText = BasicInlineText<30>;

static_assert(std::is_trivially_copyable_v<SharedText>);
static_assert(std::is_trivially_copyable_v<InlineText>);
static_assert(sizeof(InlineText) == 32);
static_assert(sizeof(BasicInlineText<254>) == 256);

template <size_t N>
std::string operator+(std::string a, const BasicInlineText<N>& b) {
  a.append(b.view());
  return a;
}

}  // namespace iescan
