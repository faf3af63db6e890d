// Fuzz target: the rule loader on arbitrary JSON text (and an arbitrary Markdown doc).
//
// Input: the rule JSON, optionally followed by a NUL byte and the Markdown doc.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_input.h"
#include "rules/engine/rule.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  iescan::fuzz::FuzzInput input(data, size);
  auto [json, doc] = iescan::fuzz::SplitAtNul(input.Rest());
  auto rule = iescan::rules::ParseRule(json, doc, "fuzz/rule.json");
  // A failure must say why.
  if (!rule.ok()) IESCAN_FUZZ_CHECK(!rule.status().ok());
  return 0;
}
