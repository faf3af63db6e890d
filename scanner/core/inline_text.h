// InlineText: a short string held inside the value itself, so that the value stays trivially
// copyable.
//
// A finding's fingerprint ("0123456789abcdef:7", 18 characters) is one per finding and never
// repeats, so pooling it (SharedText) would grow the pool without bound, and a std::string
// would cost a heap block per finding and make the finding impossible to copy as bytes. An
// InlineText keeps up to 30 characters in place; a longer text (only a hand-edited report
// has one) is stored once in the SharedText pool and the value holds that entry. Values that
// are trivially copyable can be written to a spill file and read back as they are
// (report/record_store.h).
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

class InlineText {
 public:
  static constexpr size_t kInline = 30;

  InlineText() = default;
  InlineText(std::string_view text) { Assign(text); }  // NOLINT: reads like a string
  InlineText(const std::string& text) { Assign(text); }  // NOLINT
  InlineText(const char* text) { Assign(text); }  // NOLINT
  InlineText& operator=(std::string_view text) {
    Assign(text);
    return *this;
  }
  InlineText& operator=(const std::string& text) { return *this = std::string_view(text); }
  InlineText& operator=(const char* text) { return *this = std::string_view(text); }

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

  friend bool operator==(const InlineText& a, const InlineText& b) { return a.view() == b.view(); }
  friend bool operator==(const InlineText& a, std::string_view b) { return a.view() == b; }
  friend bool operator==(const InlineText& a, const std::string& b) { return a.view() == b; }
  friend bool operator==(const InlineText& a, const char* b) { return a.view() == b; }
  friend std::strong_ordering operator<=>(const InlineText& a, const InlineText& b) {
    return a.view().compare(b.view()) <=> 0;
  }

 private:
  static constexpr uint8_t kPooled = 0xff;

  void Assign(std::string_view text) {
    std::memset(bytes_, 0, sizeof(bytes_));
    if (text.size() <= kInline) {
      std::memcpy(bytes_, text.data(), text.size());
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

static_assert(std::is_trivially_copyable_v<SharedText>);
static_assert(std::is_trivially_copyable_v<InlineText>);
static_assert(sizeof(InlineText) == 32);

inline std::string operator+(std::string a, const InlineText& b) {
  a.append(b.view());
  return a;
}

}  // namespace iescan
