// URLs in script: string literals given to the navigation calls of JavaScript
// and VBScript (window.open, showModalDialog, showModelessDialog, navigate,
// location.replace, location.assign) or assigned to location / location.href.
// See links.h for the rules.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "scanner/lex/token.h"

namespace iescan::scanner {

// Appends the URLs found in a JavaScript region (`tokens` lexed from `text`).
void JsLinks(std::string_view text, const Tokens& tokens, std::vector<std::string>* out);
// The same for a VBScript region (names compared without case).
void VbsLinks(std::string_view text, const Tokens& tokens, std::vector<std::string>* out);

}  // namespace iescan::scanner
