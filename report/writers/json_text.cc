#include "report/writers/json_text.h"

#include <array>
#include <cstring>

#include "scanner/decode/text_file.h"

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

// Appends `value` escaped as the JSON library dumps well-formed UTF-8: '"', '\\' and the
// C0 controls escaped, every other byte (DEL and multi-byte characters included) as it is.
void AppendEscaped(std::string_view value, std::string* out) {
  out->reserve(out->size() + value.size() + 8);
  *out += '"';
  size_t run = 0;  // start of the bytes not yet copied
  for (size_t i = 0; i < value.size(); ++i) {
    const auto byte = static_cast<unsigned char>(value[i]);
    if (byte >= 0x20 && byte != '"' && byte != '\\') continue;
    out->append(value.data() + run, i - run);
    run = i + 1;
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
  }
  out->append(value.data() + run, value.size() - run);
  *out += '"';
}

// True when every byte of `value` is ASCII that JSON writes as it is: no control character,
// no '"', no '\\'. Keys, rule ids, titles and messages nearly always are; this tests eight
// bytes at a time. Each test says exactly whether some byte of the word matches (the
// "has a zero byte" and "has a byte less than n" idioms), though not which one.
bool PlainAscii(std::string_view value) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  const char* p = value.data();
  const size_t n = value.size();
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t x;
    std::memcpy(&x, p + i, 8);
    const uint64_t quote = x ^ (kOnes * '"');
    const uint64_t slash = x ^ (kOnes * '\\');
    const uint64_t bad = (x & kHigh) | ((x - kOnes * 0x20) & ~x & kHigh) |
                         ((quote - kOnes) & ~quote & kHigh) | ((slash - kOnes) & ~slash & kHigh);
    if (bad != 0) return false;
  }
  for (; i < n; ++i) {
    const auto byte = static_cast<unsigned char>(p[i]);
    if (byte < 0x20 || byte >= 0x80 || byte == '"' || byte == '\\') return false;
  }
  return true;
}

}  // namespace

void AppendJsonString(std::string_view value, std::string* out) {
  if (PlainAscii(value)) {
    const size_t at = out->size();
    out->resize(at + value.size() + 2);
    char* p = out->data() + at;
    p[0] = '"';
    if (!value.empty()) std::memcpy(p + 1, value.data(), value.size());
    p[value.size() + 1] = '"';
    return;
  }
  // Text that is not well formed is replaced the library's way, so it goes through it.
  if (scanner::IsWellFormedUtf8(value)) {
    AppendEscaped(value, out);
    return;
  }
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
