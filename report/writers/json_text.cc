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

}  // namespace

void AppendJsonString(std::string_view value, std::string* out) {
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
