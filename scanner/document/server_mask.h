// Server-code masking: finds the server-side template code of a page (ASP, ASP.NET, JSP,
// PHP, Razor) and blanks it out of the markup view before any HTML parsing.
//
// Masking replaces every byte of a server block by a space except CR and LF, so the
// masked text has the original's length and line structure: every offset in it is an
// offset in the file. Server code inside a client script (var id = '<%= id %>';) thus
// leaves a blank string literal behind, which still lexes as JavaScript.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "scanner/document/document.h"
#include "scanner/source/file_kind.h"

namespace iescan::scanner::document_internal {

// Finds the server blocks of `text` for `dialect`, sorted and disjoint. Never fails;
// unterminated blocks run to the end of the text where the dialect's own parser would do
// so, and are otherwise left unmasked (Razor).
std::vector<ServerBlock> FindServerBlocks(std::string_view text, ServerDialect dialect);

// Blanks `blocks` in a copy of `text` (CR and LF kept).
std::string BlankBlocks(std::string_view text, const std::vector<ServerBlock>& blocks);

// FindServerBlocks then BlankBlocks. Returns false (leaving *masked untouched) when the
// text holds no server code.
bool MaskServerCode(std::string_view text, ServerDialect dialect, std::string* masked,
                    std::vector<ServerBlock>* blocks);

// The Razor part of FindServerBlocks (razor_mask.cc).
std::vector<ServerBlock> FindRazorBlocks(std::string_view text);

}  // namespace iescan::scanner::document_internal
