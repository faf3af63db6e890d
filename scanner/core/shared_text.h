// SharedText: an immutable string stored once per process, however many values hold it.
//
// A large scan reports hundreds of thousands of findings whose messages, paths, rule ids
// and titles repeat (every document.all finding of a file has the same path and message).
// Holding them as SharedText costs one pointer per value; the distinct strings live in a
// process-wide pool that is never emptied, so a SharedText stays valid for the life of the
// process and may be copied, compared and hashed freely.
//
// Thread-safety: construction takes a lock on the pool; reading is lock-free.
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace iescan {

class SharedText {
 public:
  SharedText() = default;  // the empty string
  explicit SharedText(std::string_view text);
  // Assigning a string stores it in the pool too (construction stays explicit so that a
  // comparison with a plain string never adds it to the pool).
  SharedText& operator=(std::string_view text) { return *this = SharedText(text); }
  SharedText& operator=(const SharedText&) = default;

  // The text, valid for the life of the process (and NUL-terminated: c_str()).
  std::string_view view() const {
    return text_ != nullptr ? std::string_view(text_, Length()) : std::string_view();
  }
  std::string_view str() const { return view(); }
  // Reads like a string wherever one is expected: as a view without a copy, or as a
  // std::string (a copy) where a function takes one.
  operator std::string_view() const { return view(); }  // NOLINT
  operator std::string() const { return std::string(view()); }  // NOLINT
  bool empty() const { return text_ == nullptr; }
  size_t size() const { return text_ != nullptr ? Length() : 0; }
  const char* data() const { return text_ != nullptr ? text_ : ""; }
  const char* c_str() const { return data(); }

  // Equal texts are the same pool entry: comparing them compares pointers.
  friend bool operator==(const SharedText& a, const SharedText& b) { return a.text_ == b.text_; }
  friend bool operator==(const SharedText& a, std::string_view b) { return a.view() == b; }
  friend std::strong_ordering operator<=>(const SharedText& a, const SharedText& b) {
    if (a.text_ == b.text_) return std::strong_ordering::equal;
    return a.view().compare(b.view()) <=> 0;
  }
  friend std::ostream& operator<<(std::ostream& out, const SharedText& text) {
    return out << text.view();
  }

  // Distinct strings in the pool, their bytes, and the bytes of the table that finds them
  // (for --stats and tests).
  static size_t PoolSize();
  static size_t PoolBytes();
  static size_t PoolTableBytes();

 private:
  // The pool stores each text's length in the 4 bytes before its first character.
  uint32_t Length() const {
    uint32_t n;
    std::memcpy(&n, text_ - sizeof(n), sizeof(n));
    return n;
  }
  const char* text_ = nullptr;
};

inline std::string operator+(const SharedText& a, std::string_view b) {
  std::string out(a.view());
  out.append(b);
  return out;
}
inline std::string operator+(std::string_view a, const SharedText& b) {
  std::string out(a);
  out.append(b.view());
  return out;
}

// Lets JSON libraries that look for to_json by argument-dependent lookup (nlohmann::json)
// store a SharedText as a string, without this header depending on them.
template <typename Json>
void to_json(Json& json, const SharedText& text) {
  json = std::string(text.view());
}

}  // namespace iescan

template <>
struct std::hash<iescan::SharedText> {
  size_t operator()(const iescan::SharedText& text) const {
    return std::hash<std::string_view>()(text.view());
  }
};
