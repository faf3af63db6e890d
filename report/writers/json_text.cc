#include "report/writers/json_text.h"

#include <array>
#include <cstring>

namespace iescan::report {

std::string DumpAt(const OrderedJson& value, int depth) {
  const std::string text =
      value.dump(kJsonIndent, ' ', false, OrderedJson::error_handler_t::replace);
  if (depth == 0) return text;
  const std::string pad(static_cast<size_t>(depth * kJsonIndent), ' ');
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  size_t from = 0;
  for (size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', from)) {
    out.append(text, from, nl + 1 - from);
    out += pad;
    from = nl + 1;
  }
  out.append(text, from, std::string::npos);
  return out;
}

namespace {

// Length of the well-formed UTF-8 sequence (Unicode table 3-7) starting at text[i], whose
// first byte is 0x80 or above; 0 when it is not well formed. These are exactly the
// sequences the JSON library passes through unchanged.
size_t Utf8SequenceAt(std::string_view text, size_t i) {
  const auto at = [&](size_t k) { return static_cast<unsigned char>(text[i + k]); };
  const auto tail = [](unsigned char b) { return b >= 0x80 && b <= 0xBF; };
  const unsigned char b0 = at(0);
  const size_t left = text.size() - i;
  if (b0 >= 0xC2 && b0 <= 0xDF) return left >= 2 && tail(at(1)) ? 2 : 0;
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (left < 3) return 0;
    const unsigned char lo = b0 == 0xE0 ? 0xA0 : 0x80;
    const unsigned char hi = b0 == 0xED ? 0x9F : 0xBF;
    return at(1) >= lo && at(1) <= hi && tail(at(2)) ? 3 : 0;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (left < 4) return 0;
    const unsigned char lo = b0 == 0xF0 ? 0x90 : 0x80;
    const unsigned char hi = b0 == 0xF4 ? 0x8F : 0xBF;
    return at(1) >= lo && at(1) <= hi && tail(at(2)) && tail(at(3)) ? 4 : 0;
  }
  return 0;
}

// Appends `value` escaped as the JSON library dumps it, or returns false (leaving `out` as
// it was) when it is not well-formed UTF-8, whose replacement the library decides.
bool AppendEscaped(std::string_view value, std::string* out) {
  const size_t start = out->size();
  out->reserve(start + value.size() + 8);
  *out += '"';
  size_t run = 0;  // start of the bytes not yet copied
  const auto flush = [&](size_t to) { out->append(value.data() + run, to - run); };
  for (size_t i = 0; i < value.size();) {
    const auto byte = static_cast<unsigned char>(value[i]);
    if (byte >= 0x80) {
      const size_t n = Utf8SequenceAt(value, i);
      if (n == 0) {
        out->resize(start);
        return false;
      }
      i += n;
      continue;
    }
    if (byte >= 0x20 && byte != '"' && byte != '\\') {
      ++i;
      continue;
    }
    flush(i);
    switch (byte) {
      case '"': *out += "\\\""; break;
      case '\\': *out += "\\\\"; break;
      case '\b': *out += "\\b"; break;
      case '\t': *out += "\\t"; break;
      case '\n': *out += "\\n"; break;
      case '\f': *out += "\\f"; break;
      case '\r': *out += "\\r"; break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        *out += "\\u00";
        *out += kHex[byte >> 4];
        *out += kHex[byte & 0xF];
      }
    }
    run = ++i;
  }
  flush(value.size());
  *out += '"';
  return true;
}

}  // namespace

void AppendJsonString(std::string_view value, std::string* out) {
  if (AppendEscaped(value, out)) return;
  *out += OrderedJson(std::string(value)).dump(-1, ' ', false, OrderedJson::error_handler_t::replace);
}

FlatObjectText::FlatObjectText(std::string* out, int depth)
    : out_(out), pad_(static_cast<size_t>((depth + 1) * kJsonIndent), ' ') {
  *out_ += '{';
}

void FlatObjectText::Key(std::string_view key) {
  *out_ += first_ ? "\n" : ",\n";
  first_ = false;
  *out_ += pad_;
  AppendJsonString(key, out_);
  *out_ += ": ";
}

FlatObjectText& FlatObjectText::String(std::string_view key, std::string_view value) {
  Key(key);
  AppendJsonString(value, out_);
  return *this;
}

FlatObjectText& FlatObjectText::Unsigned(std::string_view key, uint64_t value) {
  Key(key);
  *out_ += std::to_string(value);
  return *this;
}

FlatObjectText& FlatObjectText::Double(std::string_view key, double value) {
  Key(key);
  // A report's doubles take few distinct values (priority scores): each thread keeps the
  // text of the last few, so that most are copied rather than formatted again.
  struct Cached {
    uint64_t bits = 0;
    bool used = false;
    std::string text;
  };
  thread_local std::array<Cached, 16> cache;
  uint64_t bits;
  std::memcpy(&bits, &value, sizeof(bits));
  Cached& slot = cache[(bits ^ (bits >> 29) ^ (bits >> 47)) & (cache.size() - 1)];
  if (!slot.used || slot.bits != bits) {
    slot.text = OrderedJson(value).dump();
    slot.bits = bits;
    slot.used = true;
  }
  *out_ += slot.text;
  return *this;
}

FlatObjectText& FlatObjectText::Bool(std::string_view key, bool value) {
  Key(key);
  *out_ += value ? "true" : "false";
  return *this;
}

FlatObjectText& FlatObjectText::Null(std::string_view key) {
  Key(key);
  *out_ += "null";
  return *this;
}

void FlatObjectText::End() {
  if (first_) {
    *out_ += '}';
    return;
  }
  *out_ += '\n';
  out_->append(pad_.size() - kJsonIndent, ' ');
  *out_ += '}';
}

}  // namespace iescan::report
