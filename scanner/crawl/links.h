// Link discovery: the references a fetched resource makes to other resources
// worth scanning, read from the Document the scanner builds (no second parser).
//
//   HTML    a/area href, frame/iframe src, script src, link href (not icons or
//           preconnect hints), object data, embed src, xml (data island) src,
//           <meta http-equiv=refresh> "N; url=...", form action when the method
//           is GET and LinkOptions::forms is set; <base href> becomes
//           PageLinks::base. Elements inside conditional comments and inside
//           strings that are code (document.write('<script src=...>')) count.
//   CSS     url(...) (so behavior:url(x.htc)), @import "..." (style sheets,
//           <style> blocks, style attributes).
//   Script  string literals given to window.open / open, showModalDialog,
//           showModelessDialog, navigate, location.replace / location.assign,
//           or assigned to location or location.href (JavaScript and
//           VBScript). A literal followed by '+' keeps only its part before '?'
//           ("detail.asp?id=" + id gives detail.asp); other concatenations are
//           skipped.
// An attribute whose value holds masked server code (href="<%= ctx %>/a.jsp")
// is dynamic: its part before the server code is kept only when it ends in a
// query ("a.asp?id="). Links are returned as written (character references
// decoded), without duplicates, in the order the Document lists them (elements,
// then code regions); resolving them is the caller's job (see url.h).
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "scanner/document/document.h"

namespace iescan::scanner {

struct LinkOptions {
  bool forms = false;  // follow GET form actions
};

struct PageLinks {
  std::string base;                // <base href>, empty when none
  std::vector<std::string> links;  // as written, de-duplicated, in document order
};

PageLinks ExtractLinks(const Document& doc, const LinkOptions& options);

// The <loc> values of a sitemap or sitemap index (XML entities decoded), at
// most `limit`.
std::vector<std::string> SitemapLocations(std::string_view xml, size_t limit);

}  // namespace iescan::scanner
