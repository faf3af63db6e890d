// Per-file facts the engine reports besides findings: the document mode a page was built
// for, and the resources a file loads. Private to rules/engine.
//
// Document mode (pages: HTML and HTA files), in IE's order of precedence:
//   1. X-UA-Compatible: the first <meta http-equiv> naming it, else the HTTP header. Of the
//      modes it lists ("IE=8; IE=9") the highest applies. IE=edge -> "edge" (site-list
//      "Default"); IE=N -> "IEN"; IE=EmulateIEN -> "IEN" with a standards doctype, "IE5"
//      (quirks) without one.
//   2. Else the doctype: none, or one that selects quirks mode -> "quirks" (site-list
//      "IE5"); a standards doctype -> "standards" ("Default"); an HTA with a standards
//      doctype runs in IE7 mode in mshta.exe -> "IE7".
// Conditional comments that name IE versions are listed as evidence.
//
// References: <script src>, <link rel=stylesheet href>, <frame src>, <iframe src>,
// @import and behavior:url() in style sheets and style attributes, <!--#include
// file/virtual-->, <%@ include file %> and <jsp:include page>, as written, in order of
// appearance, each once. Fragment-only (#default#VML) and script URLs are left out.
//
// Thread-safety: pure functions.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "rules/engine/engine.h"
#include "scanner/decode/text_file.h"
#include "scanner/document/document.h"

namespace iescan::rules {

// True for the file kinds that get a document mode (HTML pages and HTAs).
bool IsPageKind(scanner::KindInfo kind);

DocumentModeInfo ComputeDocumentMode(const scanner::TextFile& file, const scanner::Document& doc);

// The words one of which a file holding a reference must contain (ASCII case-insensitively):
// those of style sheets (css) or of markup. The engine's prefilter looks for them.
std::vector<std::string> ReferenceWords(bool css);

// True when a file of `kind` may hold a reference, given whether it contains one of the
// markup and style-sheet reference words (false means none).
bool MayHaveReferences(scanner::KindInfo kind, bool markup_words, bool css_words);

// The server-side include forms, each with the word it cannot do without; the engine's
// prefilter looks for them, and only the forms whose word a text holds are searched for.
enum IncludeForm : uint8_t {
  kSsiInclude = 1,        // <!--#include file|virtual="..."-->: "#include"
  kDirectiveInclude = 2,  // <%@ include file="..." %>: "<%@"
  kJspInclude = 4,        // <jsp:include page="..."/>: "jsp:include"
};
constexpr std::array<std::string_view, 3> kIncludeFormWords = {"#include", "<%@", "jsp:include"};

// include_forms: IncludeForm bits of the forms whose word the text contains (ASCII
// case-insensitively); the others are not searched for.
std::vector<std::string> ExtractReferences(const scanner::TextFile& file,
                                           const scanner::Document& doc, uint8_t include_forms);

}  // namespace iescan::rules
