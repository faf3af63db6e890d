// Fuzz target: XML and XSL documents (data islands, msxsl:script, entities, DTDs).
//
// Input: a selector byte (XML or XSL), then the document bytes.
#include <cstddef>
#include <cstdint>

#include "fuzz/document_check.h"
#include "fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  iescan::fuzz::FuzzInput input(data, size);
  uint8_t selector = input.TakeByte();
  iescan::scanner::KindInfo kind;
  kind.kind = (selector & 1) ? iescan::scanner::FileKind::kXsl
                             : iescan::scanner::FileKind::kXml;
  iescan::fuzz::BuildAndCheck(input.Rest(), kind,
                              (selector & 1) ? "fuzz.xsl" : "fuzz.xml");
  return 0;
}
