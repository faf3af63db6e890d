// Byte-to-UTF-8 conversion for the decode stage: native codecs for UTF-8, UTF-16 and
// windows-1252, glibc iconv (one cached descriptor per charset and thread) for the rest.
//
// Replacement policy, the same for every codec: each input byte that cannot be decoded
// becomes one U+FFFD and counts as one replaced byte; in UTF-16 an unpaired surrogate unit
// becomes one U+FFFD and counts as two bytes (a trailing odd byte as one). A CR or LF byte
// is never replaced, so decoding keeps the original physical lines.
//
// Thread-safety: all functions may be called concurrently; iconv descriptors are
// thread_local and reset before each use.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "scanner/decode/charset.h"

namespace iescan::scanner::decode_internal {

// Appends `bytes` decoded from `charset` to *out and adds the count of replaced bytes to
// *replaced. Returns false (appending nothing) only when iconv cannot open the charset.
bool DecodeBytes(std::string_view bytes, const Charset& charset, std::string* out,
                 uint32_t* replaced);

// True when DecodeBytes can decode `charset` (native codec or a charset iconv knows).
bool CanDecode(const Charset& charset);

// Length of the longest prefix of `bytes` that is well-formed UTF-8 (no overlong forms,
// surrogates or values past U+10FFFF).
size_t Utf8ValidPrefix(std::string_view bytes);
inline bool IsValidUtf8(std::string_view bytes) { return Utf8ValidPrefix(bytes) == bytes.size(); }

// Number of bytes >= 0x80.
size_t CountNonAscii(std::string_view bytes);

// Decodes the code point at text[*pos] of well-formed UTF-8 and advances *pos past it.
uint32_t NextCodePoint(std::string_view text, size_t* pos);

}  // namespace iescan::scanner::decode_internal
