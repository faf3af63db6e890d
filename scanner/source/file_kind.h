// File kinds: what sort of web resource a file is, from its name and, when the name says
// nothing, its first bytes. The kind decides which regions the document builder makes.
//
// Thread-safety: pure functions.
#pragma once

#include <string_view>

namespace iescan::scanner {

enum class FileKind {
  kUnknown,
  kHtml,     // .html .htm .xhtml .shtml .stm and server pages (see ServerDialect)
  kHta,      // HTML Application
  kHtc,      // HTML Component (behaviour): markup with <PUBLIC:...> and script blocks
  kJs,       // .js .jse (JScript)
  kVbs,      // .vbs
  kCss,      // .css
  kXml,      // .xml .config (web.config) and other XML
  kXsl,      // .xsl .xslt
};

// Server-side template language mixed into a page; its code is masked, never scanned as
// client code.
enum class ServerDialect {
  kNone,
  kAsp,     // .asp (classic ASP: <% %>, <%= %>, <%@ %>, <!--#include -->)
  kAspNet,  // .aspx .ascx .master (<% %>, <%# %>, <%-- --%>, <%@ %>)
  kRazor,   // .cshtml (@{ }, @Html..): masked conservatively
  kJsp,     // .jsp .jspf (<% %>, <%! %>, <%= %>, <%@ %>, <%-- --%>, <jsp:...>)
  kPhp,     // .php (<?php ?>, <?= ?>)
};

struct KindInfo {
  FileKind kind = FileKind::kUnknown;
  ServerDialect server = ServerDialect::kNone;
};

// Kind from the file name's extension (case-insensitive). kUnknown when the extension is
// not a web resource we scan.
KindInfo KindFromPath(std::string_view path);

// Kind from content when the name says nothing (no or unknown extension): looks at the
// first bytes for a doctype, <html, <?xml, <script. kUnknown when it cannot tell.
KindInfo KindFromContent(std::string_view head);

std::string_view FileKindName(FileKind kind);          // "html", "js", ...
std::string_view ServerDialectName(ServerDialect d);   // "none", "asp", ...

}  // namespace iescan::scanner
