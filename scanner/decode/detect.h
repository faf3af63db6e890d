// Charset detection for files that carry no usable label: BOM-less UTF-16 from the NUL
// bytes of ASCII-heavy text, then well-formed UTF-8, then the most plausible of Shift_JIS
// (CP932), EUC-JP, windows-1252 and UTF-8-with-a-few-bad-bytes by trial decoding and
// character statistics, with uchardet consulted only to break a near tie.
//
// Thread-safety: safe to call concurrently (uchardet state is thread_local).
#pragma once

#include <cstdint>
#include <string_view>

#include "scanner/decode/charset.h"

namespace iescan::scanner::decode_internal {

enum class Utf16Guess { kNone, kLittleEndian, kBigEndian };

// Looks at the first 4 KiB for the pattern ASCII characters leave in UTF-16: a NUL in
// every other byte. kNone unless at least 30% of the 16-bit units are ASCII-like in one
// byte order and almost none in the other.
Utf16Guess SniffUtf16(std::string_view bytes);

struct Detection {
  Charset charset;
  bool valid_utf8 = false;  // the whole input is well-formed UTF-8
};

// The detected charset of `bytes` (no BOM). Never fails: windows-1252, which can decode
// any byte, is the last resort.
Detection DetectCharset(std::string_view bytes);

// Plausibility score of decoded text under `charset`: positive when the non-ASCII
// characters look like real Japanese (for Shift_JIS/EUC-JP), Western European text (for
// windows-1252) or well-formed multi-byte sequences (for UTF-8), negative for
// replacement characters, C1 controls and other debris.
// Exposed for tests.
int64_t PlausibilityScore(std::string_view utf8, const Charset& charset);

}  // namespace iescan::scanner::decode_internal
