// Charset names: turns the many labels found in documents, HTTP headers and server
// directives ("sjis", "x-sjis", "Windows-31J", "latin1", ASP code page 932...) into one
// canonical name and the way iescan decodes it. Private to the decode stage.
//
// Thread-safety: pure functions over constant tables.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace iescan::scanner::decode_internal {

// How bytes in a charset are turned into UTF-8.
enum class Codec {
  kUtf8,         // validated and copied natively
  kUtf16Le,      // decoded natively
  kUtf16Be,      // decoded natively
  kWindows1252,  // decoded natively, as browsers do (undefined bytes become C1 controls)
  kIconv,        // glibc iconv with `iconv_name`
};

struct Charset {
  std::string name;        // canonical name reported to users: "Shift_JIS", "windows-1252"
  std::string iconv_name;  // name given to iconv_open (empty for native codecs)
  Codec codec = Codec::kUtf8;
  // One byte per character, every byte value meaningful (windows-125x, ISO-8859-x...).
  bool single_byte = false;

  bool IsUtf16() const { return codec == Codec::kUtf16Le || codec == Codec::kUtf16Be; }
};

// The charset a label names, or nullopt when the label is empty or malformed. Labels are
// matched case-insensitively after trimming spaces and quotes. A label outside the table
// that looks like a plain charset name is passed to iconv as-is (upper-cased); callers
// that need to know whether iconv supports it use CanDecode() (convert.h).
std::optional<Charset> LookupCharset(std::string_view label);

// The charset of a Windows code page number (ASP's CodePage, Response.CodePage), or
// nullopt for code pages iescan does not map.
std::optional<Charset> CharsetForCodePage(uint32_t code_page);

// Common charsets, for the decoder's own choices.
Charset Utf8Charset();
Charset Windows1252Charset();
Charset ShiftJisCharset();
Charset EucJpCharset();
Charset Utf16Charset(bool little_endian);

}  // namespace iescan::scanner::decode_internal
