// Fuzz target: the baseline loader on arbitrary text; a baseline that loads must
// serialise and load again to the same entries.
#include <cstddef>
#include <cstdint>
#include <string>

#include "cli/baseline.h"
#include "fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  auto baseline = iescan::app::ParseBaseline(text, "fuzz/baseline.json");
  if (!baseline.ok()) return 0;
  std::string again = iescan::app::SerializeBaseline(*baseline);
  auto reparsed = iescan::app::ParseBaseline(again, "fuzz/baseline.json");
  IESCAN_FUZZ_CHECK(reparsed.ok());
  IESCAN_FUZZ_CHECK(reparsed->entries.size() == baseline->entries.size());
  return 0;
}
