// Content-Type parsing and media-type kinds. See content_type.h.

#include "scanner/crawl/content_type.h"

#include <array>
#include <string>

namespace iescan::scanner {
namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// The extension of the last path segment, lower case, without the dot.
std::string Extension(std::string_view path) {
  size_t slash = path.rfind('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  size_t semi = name.find(';');
  if (semi != std::string_view::npos) name = name.substr(0, semi);
  size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return "";
  return Lower(name.substr(dot + 1));
}

constexpr std::array<std::string_view, 44> kNonCode = {
    "gif", "png", "jpg",   "jpeg", "bmp",  "ico",  "tif",   "tiff", "webp", "svgz", "cur",
    "pdf", "zip", "lzh",   "gz",   "tgz",  "7z",   "rar",   "exe",  "msi",  "cab",  "ocx",
    "dll", "jar", "class", "doc",  "docx", "xls",  "xlsx",  "ppt",  "pptx", "mp3",  "mp4",
    "wav", "avi", "wmv",   "swf",  "flv",  "woff", "woff2", "ttf",  "eot",  "otf",  "iso"};

}  // namespace

ContentType ParseContentType(std::string_view header) {
  ContentType out;
  size_t semi = header.find(';');
  out.media_type = Lower(Trim(header.substr(0, semi)));
  while (semi != std::string_view::npos) {
    size_t next = header.find(';', semi + 1);
    std::string_view param = Trim(header.substr(
        semi + 1, next == std::string_view::npos ? std::string_view::npos : next - semi - 1));
    semi = next;
    size_t eq = param.find('=');
    if (eq == std::string_view::npos) continue;
    if (Lower(Trim(param.substr(0, eq))) != "charset") continue;
    std::string_view value = Trim(param.substr(eq + 1));
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
        value.back() == value.front()) {
      value = value.substr(1, value.size() - 2);
    }
    out.charset = std::string(value);
  }
  return out;
}

KindInfo KindFromMediaType(std::string_view media_type) {
  std::string t = Lower(media_type);
  KindInfo info;
  if (t == "text/html" || t == "application/xhtml+xml") {
    info.kind = FileKind::kHtml;
  } else if (t == "text/css") {
    info.kind = FileKind::kCss;
  } else if (t == "text/javascript" || t == "application/javascript" ||
             t == "application/x-javascript" || t == "application/ecmascript" ||
             t == "text/ecmascript" || t == "text/jscript") {
    info.kind = FileKind::kJs;
  } else if (t == "text/vbscript" || t == "text/vbs") {
    info.kind = FileKind::kVbs;
  } else if (t == "text/x-component") {
    info.kind = FileKind::kHtc;
  } else if (t == "application/hta") {
    info.kind = FileKind::kHta;
  } else if (t == "text/xsl" || t == "application/xslt+xml") {
    info.kind = FileKind::kXsl;
  } else if (t == "text/xml" || t == "application/xml" ||
             (t.size() > 4 && t.compare(t.size() - 4, 4, "+xml") == 0)) {
    info.kind = FileKind::kXml;
  }
  return info;
}

KindInfo CrawledKind(std::string_view url_path, std::string_view media_type,
                     std::string_view head) {
  std::string ext = Extension(url_path);
  if (!ext.empty()) {
    KindInfo by_name = KindFromPath("x." + ext);
    if (by_name.kind != FileKind::kUnknown) return by_name;
  }
  KindInfo by_type = KindFromMediaType(media_type);
  if (by_type.kind != FileKind::kUnknown) return by_type;
  return KindFromContent(head);
}

bool IsNonCodeExtension(std::string_view url_path) {
  std::string ext = Extension(url_path);
  if (ext.empty()) return false;
  for (std::string_view e : kNonCode) {
    if (ext == e) return true;
  }
  return false;
}

bool IsNonCodeMediaType(std::string_view media_type) {
  std::string t = Lower(media_type);
  for (std::string_view prefix : {"image/", "audio/", "video/", "font/", "application/vnd."}) {
    if (t.compare(0, prefix.size(), prefix) == 0) return true;
  }
  for (std::string_view whole : {"application/pdf", "application/zip", "application/octet-stream",
                                 "application/msword", "application/x-shockwave-flash"}) {
    if (t == whole) return true;
  }
  return false;
}

}  // namespace iescan::scanner
