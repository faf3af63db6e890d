#include "report/writers/json_text.h"

namespace iescan::report {

std::string DumpAt(const OrderedJson& value, int depth) {
  const std::string text =
      value.dump(kJsonIndent, ' ', false, OrderedJson::error_handler_t::replace);
  const std::string pad(static_cast<size_t>(depth * kJsonIndent), ' ');
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    out += c;
    if (c == '\n') out += pad;
  }
  return out;
}

}  // namespace iescan::report
