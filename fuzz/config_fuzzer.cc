// Fuzz target: the configuration file loader (.iescan.json) on arbitrary text.
#include <cstddef>
#include <cstdint>
#include <string>

#include "cli/config.h"
#include "fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  auto config = iescan::app::ParseConfig(text, "/fuzz/.iescan.json");
  // A rejected file must say why, naming the file.
  if (!config.ok()) {
    IESCAN_FUZZ_CHECK(config.status().message().find("/fuzz/.iescan.json") == 0);
  }
  return 0;
}
