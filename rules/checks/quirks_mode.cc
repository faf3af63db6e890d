// Check "quirks-mode": a full HTML page (it has an <html>, <body> or <frameset> tag) with
// no doctype, or with a doctype that selects quirks mode in every browser. IE-era pages
// in quirks mode depend on the IE box model and on IE's quirks, which other browsers
// emulate only partly.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "rules/checks/checks.h"
#include "rules/engine/text_util.h"

namespace iescan::rules {
namespace {

// Public identifier fragments that select quirks mode whatever the system identifier
// (from the HTML standard's list, shortened to distinctive prefixes).
constexpr std::array<std::string_view, 12> kQuirksIds = {"//dtd html 4.0 transitional//",
                                                         "//dtd html 4.0 frameset//",
                                                         "//dtd html 3",
                                                         "//dtd html 2.0",
                                                         "-//ietf//",
                                                         "-//w3o//",
                                                         "-//microsoft//",
                                                         "-//netscape comm. corp.//",
                                                         "-//softquad",
                                                         "-//spyglass//",
                                                         "-//webtechs//",
                                                         "-//o'reilly and associates//"};

}  // namespace

bool IsQuirksDoctype(std::string_view raw) {
  std::string lower = LowerAscii(raw);
  for (std::string_view id : kQuirksIds) {
    if (lower.find(id) != std::string::npos) return true;
  }
  // HTML 4.01 Transitional/Frameset without a system identifier: quirks.
  bool loose = lower.find("//dtd html 4.01 transitional//") != std::string::npos ||
               lower.find("//dtd html 4.01 frameset//") != std::string::npos;
  return loose && lower.find("http") == std::string::npos;
}

namespace {

// Offset of the first case-insensitive occurrence of `needle` in `text`, or npos.
size_t FindIgnoreCase(std::string_view text, std::string_view needle) {
  for (size_t i = text.find('<'); i != std::string_view::npos; i = text.find('<', i + 1)) {
    if (EqualsIgnoreCaseAscii(text.substr(i, needle.size()), needle)) return i;
  }
  return std::string_view::npos;
}

}  // namespace

void CheckQuirksMode(const CheckInput& input, std::vector<CheckHit>* hits) {
  std::string_view markup = input.doc.masked;
  size_t page = std::string_view::npos;
  for (std::string_view tag : {"<html", "<body", "<frameset"}) {
    page = std::min(page, FindIgnoreCase(markup, tag));
  }
  if (page == std::string_view::npos) return;
  CheckHit hit;
  if (!input.doc.has_doctype) {
    hit.offset = static_cast<uint32_t>(page);
    hit.end_offset = hit.offset + 1;
    hit.match = "no doctype";
    hits->push_back(std::move(hit));
    return;
  }
  if (!IsQuirksDoctype(input.doc.doctype)) return;
  size_t at = FindIgnoreCase(markup, "<!doctype");
  hit.offset = static_cast<uint32_t>(at == std::string_view::npos ? 0 : at);
  hit.end_offset = hit.offset + (at == std::string_view::npos ? 0 : 9);
  hit.match = "quirks-mode doctype";
  hit.arg = std::string(TrimAscii(input.doc.doctype));
  hits->push_back(std::move(hit));
}

}  // namespace iescan::rules
