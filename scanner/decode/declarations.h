// In-document charset declarations: the charset a file names for itself in its first
// 4 KiB, found by a byte scan that assumes an ASCII-compatible encoding (any encoding in
// which "<meta" and "charset" are spelled in ASCII bytes).
//
// Recognised forms, in the order they are tried (the first that names a charset iescan
// can decode wins):
//   css-charset        @charset "X";                  at the very start of the file
//   xml-declaration    <?xml ... encoding="X" ?>      at the start (after white space)
//   jsp-page-encoding  <%@ page pageEncoding="X" %>, then <%@ page contentType="...;
//                      charset=X" %> (also the <jsp:directive.page .../> spelling)
//   asp-codepage       <%@ ... CodePage=N %>           Windows code page number
//   meta               <meta charset="X">, <meta http-equiv="Content-Type"
//                      content="text/html; charset=X">, outside <!-- comments -->
//   asp-codepage       Response.Charset = "X" or Response.CodePage = N in server code
// Server directives come first because they tell the server how the source file itself is
// encoded; a <meta> only labels the page sent to the browser. Declarations naming UTF-16
// or UTF-32 are ignored: a file in which they can be read is not in those encodings.
//
// Thread-safety: pure function.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "scanner/decode/charset.h"

namespace iescan::scanner::decode_internal {

inline constexpr size_t kDeclarationWindow = 4096;

struct Declaration {
  Charset charset;
  std::string source;  // "meta", "xml-declaration", ... (TextFile::encoding_source)
  std::string label;   // the name as written in the file
};

// The first usable declaration in bytes[0, kDeclarationWindow), or nullopt.
std::optional<Declaration> FindDeclaration(std::string_view bytes);

}  // namespace iescan::scanner::decode_internal
