// Shared by the document fuzz targets: decode bytes, build the Document, and check that
// every offset it reports lies inside the decoded text (a location outside it would be a
// wrong line/column in every report).
//
// Thread-safety: pure functions.
#pragma once

#include <string_view>

#include "scanner/document/document.h"
#include "scanner/source/file_kind.h"

namespace iescan::fuzz {

// Decodes `bytes` as a file named `display`, builds its Document as `kind` with the given
// HTML reader, and aborts on a broken invariant.
void BuildAndCheck(std::string_view bytes, scanner::KindInfo kind, std::string_view display,
                   scanner::HtmlReader reader = scanner::HtmlReader::kTokens);

}  // namespace iescan::fuzz
