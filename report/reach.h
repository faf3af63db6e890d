// Reach: how many pages of the scan load a file, directly or through shared files.
//
// A finding in a script that forty pages include matters more than one in a page nobody
// opens, so the priority model multiplies by a reach factor (report/priority.h).
//
// Pages: a scanned file of kind html or hta (server templates included), except include
// fragments by extension (.inc, .jspf, .ascx, .master). A page reaches itself.
//
// Edges: FileResult::references, resources as written in the file (<script src>,
// stylesheets, @import, behavior:url(), server includes, frames). Each is resolved to a
// scanned file:
//   - query string and fragment are dropped, backslashes read as '/', surrounding
//     spaces trimmed (what is left of a masked `<%= ctx %>/x.js` is "/x.js");
//   - a reference with a scheme (http:, javascript:, data:...) or starting with "//" is
//     external for a file-tree scan and ignored; for a crawled page an absolute or
//     protocol-relative URL on the same host is looked up like any other URL;
//   - "/x" (root-relative): for a file tree, first against the app's directory (the first
//     directory below the scan root of the referencing file: "/js/a.js" from
//     "hr/menu.asp" is "hr/js/a.js"), then against the scan root ("js/a.js"), then
//     against each deeper directory of the referencing file, outermost first (a web
//     application's context root may sit deeper than the first level); for a URL,
//     against the page's scheme and host;
//   - anything else relative to the referencing file's directory, with "." and ".."
//     segments resolved ("../js/a.js" from "hr/pages/x.asp" is "hr/js/a.js"); a ".."
//     above the root makes the reference unresolvable;
//   - the lookup is exact among files of the same scan root, then ASCII case-insensitive
//     (IIS serves "JS/Menu.js" for "js/menu.js") when that names exactly one file.
// References that name no scanned file are ignored.
//
// Reach of a file = the number of pages whose transitive closure of references contains
// it. The walk is iterative (a visited set per page), so cycles and deep include chains
// are safe.
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "scanner/core/shared_text.h"
#include "scanner/source/file_kind.h"

namespace iescan::report {

// One scanned file as ComputeReach reads it. The strings are borrowed: they must outlive
// the call (a plan's files hold them).
struct ReachFile {
  std::string_view display;  // Origin::display
  std::string_view root;     // Origin::root
  bool is_url = false;
  scanner::FileKind kind = scanner::FileKind::kUnknown;
  const std::vector<SharedText>* references = nullptr;  // as written; null: none
};

struct ReachResult {
  std::vector<bool> page;                  // per input file
  std::vector<uint32_t> reach;             // per input file: pages that load it (itself included)
  std::vector<std::vector<size_t>> loads;  // per input file: resolved references, sorted
};

// True for the file kinds and names counted as pages (see above).
bool IsPage(scanner::FileKind kind, std::string_view display);

// The candidate targets of `reference` written in a file at `from` (a display path under
// `root`, or a URL), most likely first, as display paths (URLs with lower-case scheme and
// host); empty when the reference is external or cannot be resolved.
std::vector<std::string> ResolveReference(std::string_view from, std::string_view root,
                                          bool from_is_url, std::string_view reference);

ReachResult ComputeReach(const std::vector<ReachFile>& files);

}  // namespace iescan::report
