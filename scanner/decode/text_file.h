// TextFile: a resource decoded to UTF-8, with a line index that maps any byte offset in the
// decoded text back to the line and column of the file as stored.
//
// Lines are physical lines: LF, CRLF and a lone CR end a line; U+0085, U+2028, U+2029 and
// form feed do not. Columns count characters (Unicode code points) from 1. Because
// decoding keeps every CR and LF, line numbers computed on the UTF-8 text are those of the
// original bytes whatever the encoding (Shift_JIS, EUC-JP, UTF-16...).
//
// Thread-safety: immutable after construction; safe to share between threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "scanner/source/blob.h"
#include "scanner/core/status.h"

namespace iescan::scanner {

struct Position {
  uint32_t line = 0;    // 1-based
  uint32_t column = 0;  // 1-based, in code points
};

// Code points in `bytes` (well-formed UTF-8 or not): the bytes that are not continuation
// bytes (10xxxxxx), counted eight at a time.
uint32_t CountCodePoints(std::string_view bytes);

class LineIndex {
 public:
  LineIndex() = default;
  // Indexes `text` (UTF-8). Borrows nothing: keeps only line start offsets.
  explicit LineIndex(std::string_view text);

  // Position of the byte at `offset` in the text this index was built from. An offset past
  // the end maps to the end of the last line. `text` must be that same text (it is used to
  // count code points between the line start and `offset`).
  Position At(std::string_view text, uint32_t offset) const;
  // 1-based line of `offset`.
  uint32_t LineOf(uint32_t offset) const;
  // Byte offset where 1-based `line` starts; the text size for a line past the end.
  uint32_t LineStart(uint32_t line) const;
  // Byte offset of the end of 1-based `line`, excluding its terminator.
  uint32_t LineEnd(std::string_view text, uint32_t line) const;
  uint32_t line_count() const { return static_cast<uint32_t>(starts_.size()); }

 private:
  std::vector<uint32_t> starts_;  // starts_[i] = offset of line i+1
  uint32_t size_ = 0;             // size of the indexed text
};

struct TextFile {
  Origin origin;
  std::string text;       // UTF-8; invalid input bytes replaced by U+FFFD
  std::string encoding;   // canonical name of the source encoding: "UTF-8", "Shift_JIS", ...
  // How the encoding was chosen: "bom", "http-header", "meta", "xml-declaration",
  // "css-charset", "jsp-page-encoding", "asp-codepage", "detected", "default".
  std::string encoding_source;
  uint32_t replaced_bytes = 0;  // input bytes that could not be decoded
  LineIndex lines;
  // Transport headers copied from the Blob (lower-case names).
  std::vector<std::pair<std::string, std::string>> headers;
};

// Decodes a blob. Order of precedence (documented in docs/decoding.md):
//   1. byte-order mark (UTF-8, UTF-16LE, UTF-16BE);
//   2. an in-document declaration (<meta charset>, <meta http-equiv=Content-Type>, XML
//      declaration, CSS @charset, JSP pageEncoding/contentType, ASP CodePage /
//      Response.Charset) found in the first 4 KiB (ASCII-compatible scan);
//   3. the transport's declared charset (HTTP Content-Type);
//   4. detection: valid UTF-8, else the best of Shift_JIS (CP932), EUC-JP and
//      windows-1252 by decoding errors and character statistics.
// A declared charset that does not fit the bytes (many U+FFFD, UTF-16 NUL pattern, or a
// single-byte label on UTF-8 bytes) yields to detection when detection decodes cleanly;
// encoding_source then reads "detected (declared X did not fit)".
// Never fails on bad bytes (they become U+FFFD, one per byte) and keeps NUL bytes (binary
// sniffing happens in the source stage). Fails only when the decoded text would not fit
// the 32-bit offsets of LineIndex (4 GiB).
Result<TextFile> Decode(const Blob& blob);
// The same, taking over the blob: when the bytes are well-formed UTF-8 they become the
// text without being copied. `blob` is left in a valid but unspecified state.
Result<TextFile> Decode(Blob&& blob);

// Decodes `bytes` from the named encoding (any name iconv knows) to UTF-8, replacing
// invalid sequences by U+FFFD. Returns the number of replaced bytes in *replaced (which
// may be null). Fails only for an encoding name that cannot be decoded.
Result<std::string> ConvertToUtf8(std::string_view bytes, std::string_view encoding,
                                  uint32_t* replaced);

// True when `bytes` is well-formed UTF-8: no overlong forms, surrogates, values past
// U+10FFFF or cut sequences (the decoder's own check, ASCII sixteen bytes at a time).
bool IsWellFormedUtf8(std::string_view bytes);

}  // namespace iescan::scanner
