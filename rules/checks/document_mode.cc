// Check "document-mode": X-UA-Compatible pins a legacy Internet Explorer document mode
// (IE=7, IE=EmulateIE8, ...). Only IE reads it; a page written for that mode usually
// relies on its quirks. "IE=edge" alone is not reported.
#include <string>
#include <string_view>

#include "rules/checks/checks.h"
#include "rules/engine/text_util.h"

namespace iescan::rules {
namespace {

// True when a content value such as "IE=8; IE=9" or "IE=EmulateIE7" names a mode other
// than edge.
bool NamesLegacyMode(std::string_view content) {
  std::string lower = LowerAscii(content);
  size_t start = 0;
  while (start <= lower.size()) {
    size_t stop = lower.find_first_of(";,", start);
    if (stop == std::string::npos) stop = lower.size();
    std::string_view part = TrimAscii(std::string_view(lower).substr(start, stop - start));
    if (part.rfind("ie=", 0) == 0 && TrimAscii(part.substr(3)) != "edge") return true;
    start = stop + 1;
  }
  return false;
}

}  // namespace

void CheckDocumentMode(const CheckInput& input, std::vector<CheckHit>* hits) {
  for (const scanner::Element& element : input.doc.elements) {
    if (!element.TagIs("meta")) continue;
    const scanner::Attribute* equiv = element.Find("http-equiv");
    const scanner::Attribute* content = element.Find("content");
    if (equiv == nullptr || content == nullptr) continue;
    if (!EqualsIgnoreCaseAscii(TrimAscii(equiv->value), "x-ua-compatible")) continue;
    if (!NamesLegacyMode(content->value)) continue;
    CheckHit hit;
    hit.offset = element.offset;
    hit.end_offset = element.offset + 5;  // "<meta"
    hit.match = "X-UA-Compatible";
    hit.arg = content->value;
    hits->push_back(std::move(hit));
  }
  for (const auto& [name, value] : input.file.headers) {
    if (name != "x-ua-compatible" || !NamesLegacyMode(value)) continue;
    CheckHit hit;
    hit.match = "X-UA-Compatible";
    hit.arg = value;
    hits->push_back(std::move(hit));
  }
}

}  // namespace iescan::rules
