// What an HTTP response is: its Content-Type split into media type and charset,
// the file kind a media type means, and the URL extensions that never hold code
// worth fetching (images, fonts, archives, office documents...).
//
// A crawled resource's kind comes from its URL path's extension (as a file
// scan's does from the file name), else from its Content-Type, else from its
// first bytes.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "scanner/source/file_kind.h"

namespace iescan::scanner {

struct ContentType {
  std::string media_type;  // lower case, no parameters: "text/html"
  std::string charset;     // the charset parameter, quotes removed, as written; "" if none
};

ContentType ParseContentType(std::string_view header);

// text/html and application/xhtml+xml -> html; text/css -> css;
// text/javascript, application/javascript, application/x-javascript,
// application/ecmascript, text/jscript
// -> js; text/vbscript -> vbs; text/x-component -> htc; application/hta -> hta;
// text/xsl, application/xslt+xml -> xsl; text/xml, application/xml and any
// "+xml" -> xml. kUnknown otherwise.
KindInfo KindFromMediaType(std::string_view media_type);

// The kind of a crawled resource: from the URL path's extension, else the media
// type, else the first bytes.
KindInfo CrawledKind(std::string_view url_path, std::string_view media_type, std::string_view head);

// True when the URL path ends in an extension that is never a scannable
// resource
// (.gif .png .jpg .ico .pdf .zip .exe .cab .doc .xls .mp4 .woff ...): such
// links are not fetched at all.
bool IsNonCodeExtension(std::string_view url_path);

// True for media types that never hold code: image/*, audio/*, video/*, font/*,
// application/pdf, application/zip, application/octet-stream,
// application/vnd.*, application/msword, application/x-shockwave-flash. A
// response of such a type is not scanned, whatever its URL's extension.
bool IsNonCodeMediaType(std::string_view media_type);

}  // namespace iescan::scanner
