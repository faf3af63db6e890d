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

  const std::string& str() const { return text_ != nullptr ? *text_ : Empty(); }
  // Reads like a string wherever one is expected.
  operator const std::string&() const { return str(); }  // NOLINT
  operator std::string_view() const { return str(); }    // NOLINT
  std::string_view view() const { return str(); }
  bool empty() const { return text_ == nullptr; }
  size_t size() const { return str().size(); }
  const char* data() const { return str().data(); }
  const char* c_str() const { return str().c_str(); }

  // Equal texts are the same pool entry: comparing them compares pointers.
  friend bool operator==(const SharedText& a, const SharedText& b) { return a.text_ == b.text_; }
  friend bool operator==(const SharedText& a, std::string_view b) { return a.view() == b; }
  friend std::strong_ordering operator<=>(const SharedText& a, const SharedText& b) {
    if (a.text_ == b.text_) return std::strong_ordering::equal;
    return a.view().compare(b.view()) <=> 0;
  }
  friend std::ostream& operator<<(std::ostream& out, const SharedText& text) {
    return out << text.str();
  }

  // Distinct strings in the pool and their bytes (for --stats and tests).
  static size_t PoolSize();
  static size_t PoolBytes();

 private:
  static const std::string& Empty();
  const std::string* text_ = nullptr;
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
  json = text.str();
}

}  // namespace iescan

template <>
struct std::hash<iescan::SharedText> {
  size_t operator()(const iescan::SharedText& text) const {
    return std::hash<std::string_view>()(text.view());
  }
};
