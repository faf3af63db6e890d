// Shared helpers of the JSON-based writers (JSON report, SARIF): stable text for a JSON
// value nested in a larger document, so that big arrays can be written one element at a
// time with exactly the bytes a whole-document dump would give.
//
// Thread-safety: pure functions.
#pragma once

#include <nlohmann/json.hpp>
#include <cstdint>
#include <string>
#include <string_view>

namespace iescan::report {

using OrderedJson = nlohmann::ordered_json;

inline constexpr int kJsonIndent = 2;

// `value` dumped with two-space indentation as it appears `depth` levels deep. Invalid
// UTF-8 in strings becomes U+FFFD; non-ASCII is written as is.
std::string DumpAt(const OrderedJson& value, int depth);

// Appends the JSON text of one string, exactly as a dump gives it (invalid UTF-8 becomes
// U+FFFD). Well-formed UTF-8 is escaped here, as the library would; only a string that is
// not well formed goes through the library's dump, which decides its replacements.
void AppendJsonString(std::string_view value, std::string* out);

// Writes one flat object (string, integer, double, boolean and null members) as DumpAt
// would write it `depth` levels deep, without building a JSON value: for the large arrays
// (a report's findings), where building one value per element dominated the writing time.
class FlatObjectText {
 public:
  FlatObjectText(std::string* out, int depth);
  FlatObjectText& String(std::string_view key, std::string_view value);
  FlatObjectText& Unsigned(std::string_view key, uint64_t value);
  FlatObjectText& Double(std::string_view key, double value);
  FlatObjectText& Bool(std::string_view key, bool value);
  FlatObjectText& Null(std::string_view key);
  // A member whose value is an array of strings (anything that converts to a string_view).
  template <typename Strings>
  FlatObjectText& StringArray(std::string_view key, const Strings& values) {
    Key(key);
    if (values.empty()) {
      *out_ += "[]";
      return *this;
    }
    *out_ += "[\n";
    for (size_t i = 0; i < values.size(); ++i) {
      out_->append(pad_.size() + kJsonIndent, ' ');
      AppendJsonString(std::string_view(values[i]), out_);
      *out_ += i + 1 < values.size() ? ",\n" : "\n";
    }
    *out_ += pad_;
    *out_ += ']';
    return *this;
  }
  // A member whose value is an object, written by the returned writer (one level deeper),
  // which must End() before this one writes again.
  FlatObjectText Object(std::string_view key) {
    Key(key);
    return FlatObjectText(out_, static_cast<int>(pad_.size() / kJsonIndent));
  }
  // Closes the object ("{}" when it has no member).
  void End();

 private:
  void Key(std::string_view key);
  std::string* out_;
  std::string pad_;  // indentation of the members
  bool first_ = true;
};

}  // namespace iescan::report
