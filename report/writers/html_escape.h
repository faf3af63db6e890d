// Escaping and hashing for the HTML report (report/writers/html.h). Every string that
// comes from a scanned file, a path, a URL or a rule reaches the page through one of these
// functions, so a hostile file name or snippet can neither open an element, close an
// attribute, end the page's JSON data island nor run code.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

namespace iescan::report {

// Element text: ValidUtf8, then '&', '<', '>' as entity references; C0 controls other
// than tab, LF and CR, DEL and U+2028/U+2029 as numeric references (or U+FFFD for NUL and
// the controls HTML forbids).
std::string HtmlText(std::string_view text);

// A double-quoted attribute value: HtmlText plus '"' and '\'' as entity references, and
// tab, LF and CR as numeric references so that a value stays on one line.
std::string HtmlAttr(std::string_view text);

// A JSON string literal (with its quotes) that is safe inside <script type=
// "application/json">: ValidUtf8; '"' and '\\' escaped; every control character, '<',
// '>', '&', U+2028 and U+2029 written as \uXXXX, so "</script>" and "<!--" can never occur.
std::string JsonScriptString(std::string_view text);

// The base64 of the SHA-256 digest of `data`: the value of a CSP 'sha256-...' source.
std::string Sha256Base64(std::string_view data);

}  // namespace iescan::report
