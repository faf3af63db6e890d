// Decode(): picks the charset by BOM, in-document declaration, transport header or
// detection (in that order, see docs/decoding.md), checks that a declared charset actually
// fits the bytes, converts to UTF-8 and indexes the lines.

#include <limits>
#include <optional>
#include <string>

#include "scanner/decode/charset.h"
#include "scanner/decode/convert.h"
#include "scanner/decode/declarations.h"
#include "scanner/decode/detect.h"
#include "scanner/decode/text_file.h"

namespace iescan::scanner {
namespace {

using decode_internal::Charset;
using decode_internal::Codec;
using decode_internal::Declaration;
using decode_internal::Utf16Guess;

constexpr size_t kUtf8Evidence = 6;  // non-ASCII bytes

constexpr size_t kNotAdopted = static_cast<size_t>(-1);

struct Decoded {
  Charset charset;
  std::string source;
  std::string text;
  uint32_t replaced = 0;
  // When not kNotAdopted, the text is the input itself from this offset on (well-formed
  // UTF-8 that the caller lets us take over instead of copying); `text` is then empty.
  size_t adopted_from = kNotAdopted;
};

// Decodes input[offset...]. With `may_adopt`, well-formed UTF-8 is only validated and
// marked as adopted, so a movable Blob's bytes become the text without a copy.
Decoded DecodeAs(std::string_view input, size_t offset, const Charset& charset, std::string source,
                 bool may_adopt, bool known_valid_utf8 = false) {
  Decoded out{charset, std::move(source), {}, 0, kNotAdopted};
  const std::string_view bytes = input.substr(offset);
  if (charset.codec == Codec::kUtf8 &&
      (known_valid_utf8 || (may_adopt && decode_internal::IsValidUtf8(bytes)))) {
    if (may_adopt) {
      out.adopted_from = offset;
    } else {
      out.text.assign(bytes);
    }
  } else if (!decode_internal::DecodeBytes(bytes, charset, &out.text, &out.replaced)) {
    // Only reachable for a charset iconv lost since it was checked; windows-1252 decodes
    // anything.
    out.charset = decode_internal::Windows1252Charset();
    decode_internal::DecodeBytes(bytes, out.charset, &out.text, &out.replaced);
  }
  return out;
}

// The charset a byte-order mark announces, and the mark's length (0 when there is none).
std::optional<Charset> ByteOrderMark(std::string_view bytes, size_t* length) {
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    *length = 3;
    return decode_internal::Utf8Charset();
  }
  if (bytes.size() >= 2 && bytes.compare(0, 2, "\xFF\xFE") == 0) {
    *length = 2;
    return decode_internal::Utf16Charset(true);
  }
  if (bytes.size() >= 2 && bytes.compare(0, 2, "\xFE\xFF") == 0) {
    *length = 2;
    return decode_internal::Utf16Charset(false);
  }
  return std::nullopt;
}

// Whether the bytes are plausibly in the charset they were declared in.
bool Fits(std::string_view bytes, Utf16Guess guess, const Decoded& declared) {
  if (declared.charset.IsUtf16()) {
    return (guess == Utf16Guess::kLittleEndian) == (declared.charset.codec == Codec::kUtf16Le) &&
           guess != Utf16Guess::kNone;
  }
  if (guess != Utf16Guess::kNone) return false;  // ASCII-compatible label on UTF-16 bytes
  const size_t non_ascii = decode_internal::CountNonAscii(bytes);
  // More than one byte in ten of the non-ASCII ones undecodable.
  if (declared.replaced > 0 && uint64_t{declared.replaced} * 10 > non_ascii) return false;
  // A legacy label on bytes that are well-formed UTF-8 with multi-byte sequences: the file
  // was re-saved as UTF-8 and the label is stale. Short runs of Japanese legacy bytes can
  // be valid UTF-8 by chance, so multi-byte labels need a few sequences of evidence.
  const size_t evidence = declared.charset.single_byte ? 1 : kUtf8Evidence;
  if (declared.charset.codec != Codec::kUtf8 && non_ascii >= evidence &&
      decode_internal::IsValidUtf8(bytes)) {
    return false;
  }
  return true;
}

std::optional<Declaration> HttpDeclaration(const std::string& declared_charset) {
  if (declared_charset.empty()) return std::nullopt;
  auto charset = decode_internal::LookupCharset(declared_charset);
  if (!charset || !decode_internal::CanDecode(*charset)) return std::nullopt;
  return Declaration{*charset, "http-header", declared_charset};
}

Decoded Choose(const Blob& blob, bool may_adopt) {
  std::string_view bytes = blob.bytes;
  if (bytes.empty()) {
    return DecodeAs(bytes, 0, decode_internal::Utf8Charset(), "default", false, true);
  }
  size_t bom_length = 0;
  if (auto bom = ByteOrderMark(bytes, &bom_length)) {
    return DecodeAs(bytes, bom_length, *bom, "bom", may_adopt);
  }
  const Utf16Guess guess = decode_internal::SniffUtf16(bytes);
  std::optional<Declaration> declaration;
  if (guess == Utf16Guess::kNone) declaration = decode_internal::FindDeclaration(bytes);
  if (!declaration) declaration = HttpDeclaration(blob.declared_charset);
  if (!declaration) {
    const auto detection = decode_internal::DetectCharset(bytes);
    return DecodeAs(bytes, 0, detection.charset, "detected", may_adopt, detection.valid_utf8);
  }
  // The fit check needs only the replacement count, so an adopted result is fine here.
  Decoded declared = DecodeAs(bytes, 0, declaration->charset, declaration->source, may_adopt);
  if (Fits(bytes, guess, declared)) return declared;
  const auto detection = decode_internal::DetectCharset(bytes);
  if (detection.charset.name == declared.charset.name) return declared;
  Decoded detected = DecodeAs(bytes, 0, detection.charset,
                              "detected (declared " + declared.charset.name + " did not fit)",
                              may_adopt, detection.valid_utf8);
  if (detected.replaced == 0) return detected;
  return declared;
}

Result<TextFile> Finish(Decoded decoded, TextFile file) {
  if (decoded.adopted_from != kNotAdopted) {
    file.text.erase(0, decoded.adopted_from);  // the input bytes, moved in by the caller
  } else {
    file.text = std::move(decoded.text);
  }
  if (file.text.size() > std::numeric_limits<uint32_t>::max()) {
    return Status::Error("decoded text larger than 4 GiB");
  }
  file.encoding = decoded.charset.name;
  file.encoding_source = std::move(decoded.source);
  file.replaced_bytes = decoded.replaced;
  file.lines = LineIndex(file.text);
  return file;
}

}  // namespace

Result<TextFile> Decode(const Blob& blob) {
  TextFile file;
  file.origin = blob.origin;
  file.headers = blob.headers;
  return Finish(Choose(blob, false), std::move(file));
}

Result<TextFile> Decode(Blob&& blob) {
  Decoded decoded = Choose(blob, true);
  TextFile file;
  file.origin = std::move(blob.origin);
  file.headers = std::move(blob.headers);
  if (decoded.adopted_from != kNotAdopted) file.text = std::move(blob.bytes);
  return Finish(std::move(decoded), std::move(file));
}

}  // namespace iescan::scanner
