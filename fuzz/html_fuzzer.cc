// Fuzz target: building the regions of an HTML page (markup, scripts, handlers, styles,
// conditional comments, strings that are code) under every server dialect.
//
// Input: a selector byte (file kind, server dialect, and in its top bit the HTML reader:
// the token reader or Gumbo), then the page bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/document_check.h"
#include "fuzz/fuzz_input.h"

namespace {

using iescan::scanner::FileKind;
using iescan::scanner::ServerDialect;

constexpr ServerDialect kDialects[] = {ServerDialect::kNone,  ServerDialect::kAsp,
                                       ServerDialect::kAspNet, ServerDialect::kRazor,
                                       ServerDialect::kJsp,   ServerDialect::kPhp};
constexpr FileKind kKinds[] = {FileKind::kHtml, FileKind::kHta, FileKind::kHtc};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  iescan::fuzz::FuzzInput input(data, size);
  uint8_t selector = input.TakeByte();
  iescan::scanner::KindInfo kind;
  kind.server = kDialects[(selector & 0x7f) % std::size(kDialects)];
  // Mostly plain HTML; HTA and HTC (markup kinds too) now and then.
  uint8_t k = (selector & 0x7f) / std::size(kDialects) % 8;
  kind.kind = k < std::size(kKinds) ? kKinds[k] : FileKind::kHtml;
  const auto reader = (selector & 0x80) != 0 ? iescan::scanner::HtmlReader::kGumbo
                                             : iescan::scanner::HtmlReader::kTokens;
  iescan::fuzz::BuildAndCheck(input.Rest(), kind, "fuzz.html", reader);
  return 0;
}
