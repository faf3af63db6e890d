// Fuzz target: decoding arbitrary bytes and mapping offsets back to lines and columns.
//
// Input: a selector byte (which transport charset, if any, the blob declares), then four
// bytes seeding the offsets probed, then the file bytes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_input.h"
#include "scanner/decode/text_file.h"
#include "scanner/source/blob.h"

namespace {

constexpr const char* kCharsets[] = {"",          "utf-8",    "shift_jis", "euc-jp",
                                     "windows-1252", "utf-16le", "utf-16be", "iso-2022-jp",
                                     "gb2312",    "big5",     "no-such-charset", "utf-7"};

// Probes `lines` (built from `text`) at a spread of offsets, including the ends and past
// the end, checking the documented contract.
void CheckIndex(const iescan::scanner::LineIndex& lines, std::string_view text,
                uint32_t seed) {
  const uint32_t size = static_cast<uint32_t>(text.size());
  IESCAN_FUZZ_CHECK(lines.line_count() >= 1);
  // Probe a spread of offsets, including the ends and one past the end.
  uint32_t probes[8] = {0, size, size + 1, size / 2, seed % (size + 1),
                        (seed >> 8) % (size + 1), (seed >> 16) % (size + 1), UINT32_MAX};
  for (uint32_t offset : probes) {
    iescan::scanner::Position pos = lines.At(text, offset);
    IESCAN_FUZZ_CHECK(pos.line >= 1 && pos.line <= lines.line_count());
    IESCAN_FUZZ_CHECK(pos.column >= 1);
    IESCAN_FUZZ_CHECK(lines.LineOf(offset) == pos.line);
    uint32_t start = lines.LineStart(pos.line);
    uint32_t end = lines.LineEnd(text, pos.line);
    IESCAN_FUZZ_CHECK(start <= end && end <= size);
    if (offset <= size) IESCAN_FUZZ_CHECK(start <= offset);
  }
  IESCAN_FUZZ_CHECK(lines.LineStart(lines.line_count() + 1) == size);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  iescan::fuzz::FuzzInput input(data, size);
  uint8_t selector = input.TakeByte();
  uint32_t seed = input.TakeU32();
  iescan::scanner::Blob blob;
  blob.origin.display = "fuzz.html";
  blob.declared_charset = kCharsets[selector % std::size(kCharsets)];
  blob.bytes = std::string(input.Rest());
  auto decoded = iescan::scanner::Decode(blob);
  if (!decoded.ok()) return 0;
  CheckIndex(decoded->lines, decoded->text, seed);
  // An index over the raw bytes (possibly invalid UTF-8) must be just as safe.
  iescan::scanner::LineIndex raw(blob.bytes);
  CheckIndex(raw, blob.bytes, seed);
  // The moving overload must agree with the copying one.
  auto moved = iescan::scanner::Decode(std::move(blob));
  IESCAN_FUZZ_CHECK(moved.ok() && moved->text == decoded->text);
  return 0;
}
