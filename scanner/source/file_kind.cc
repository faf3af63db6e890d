// File kinds from names and from first bytes. See file_kind.h.

#include "scanner/source/file_kind.h"

#include <array>
#include <cstddef>
#include <string>

namespace iescan::scanner {
namespace {

struct ExtensionKind {
  std::string_view extension;  // lower case, without the dot
  FileKind kind;
  ServerDialect server;
};

constexpr std::array<ExtensionKind, 26> kExtensions = {{
    {"html", FileKind::kHtml, ServerDialect::kNone},
    {"htm", FileKind::kHtml, ServerDialect::kNone},
    {"xhtml", FileKind::kHtml, ServerDialect::kNone},
    {"shtml", FileKind::kHtml, ServerDialect::kNone},
    {"stm", FileKind::kHtml, ServerDialect::kNone},
    {"asp", FileKind::kHtml, ServerDialect::kAsp},
    {"inc", FileKind::kHtml, ServerDialect::kAsp},
    {"aspx", FileKind::kHtml, ServerDialect::kAspNet},
    {"ascx", FileKind::kHtml, ServerDialect::kAspNet},
    {"master", FileKind::kHtml, ServerDialect::kAspNet},
    {"cshtml", FileKind::kHtml, ServerDialect::kRazor},
    {"vbhtml", FileKind::kHtml, ServerDialect::kRazor},
    {"jsp", FileKind::kHtml, ServerDialect::kJsp},
    {"jspf", FileKind::kHtml, ServerDialect::kJsp},
    {"jspx", FileKind::kHtml, ServerDialect::kJsp},
    {"php", FileKind::kHtml, ServerDialect::kPhp},
    {"hta", FileKind::kHta, ServerDialect::kNone},
    {"htc", FileKind::kHtc, ServerDialect::kNone},
    {"js", FileKind::kJs, ServerDialect::kNone},
    {"jse", FileKind::kJs, ServerDialect::kNone},
    {"vbs", FileKind::kVbs, ServerDialect::kNone},
    {"css", FileKind::kCss, ServerDialect::kNone},
    {"xml", FileKind::kXml, ServerDialect::kNone},
    {"config", FileKind::kXml, ServerDialect::kNone},
    {"xsl", FileKind::kXsl, ServerDialect::kNone},
    {"xslt", FileKind::kXsl, ServerDialect::kNone},
}};

// The longest extension in the table; anything longer cannot match.
constexpr size_t kMaxExtension = 6;

// How much of a file's head KindFromContent looks at.
constexpr size_t kSniffLimit = 4096;

char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Turns the head into lower-case single-byte text: drops a UTF-8 BOM and narrows UTF-16
// (with a BOM, or starting with an ASCII character in either byte order). Code units
// outside ASCII become 0x80 so that they never look like markup.
std::string NormalizeHead(std::string_view head) {
  head = head.substr(0, kSniffLimit);
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(head[i]); };
  int utf16 = 0;  // 0: not UTF-16, 1: little endian, 2: big endian
  if (head.size() >= 3 && byte(0) == 0xEF && byte(1) == 0xBB && byte(2) == 0xBF) {
    head.remove_prefix(3);
  } else if (head.size() >= 2 && byte(0) == 0xFF && byte(1) == 0xFE) {
    utf16 = 1;
    head.remove_prefix(2);
  } else if (head.size() >= 2 && byte(0) == 0xFE && byte(1) == 0xFF) {
    utf16 = 2;
    head.remove_prefix(2);
  } else if (head.size() >= 2 && byte(0) != 0 && byte(1) == 0) {
    utf16 = 1;
  } else if (head.size() >= 2 && byte(0) == 0 && byte(1) != 0) {
    utf16 = 2;
  }
  std::string out;
  if (utf16 == 0) {
    out.reserve(head.size());
    for (char c : head) out.push_back(LowerAscii(c));
    return out;
  }
  out.reserve(head.size() / 2);
  for (size_t i = 0; i + 1 < head.size(); i += 2) {
    unsigned char low = utf16 == 1 ? byte(i) : byte(i + 1);
    unsigned char high = utf16 == 1 ? byte(i + 1) : byte(i);
    out.push_back(high == 0 && low < 0x80 ? LowerAscii(static_cast<char>(low)) : '\x80');
  }
  return out;
}

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// True when `text` starts with the tag name `name` ("<html") followed by the end of the
// name (space, '>', '/', or the end of the sniffed head).
bool StartsWithTag(std::string_view text, std::string_view name) {
  if (!StartsWith(text, name)) return false;
  if (text.size() == name.size()) return true;
  char next = text[name.size()];
  return IsSpace(next) || next == '>' || next == '/';
}

// Picks the server dialect of a page that starts with "<%".
ServerDialect DialectOfServerPage(std::string_view text) {
  if (!StartsWith(text, "<%@")) return ServerDialect::kAsp;
  std::string_view directive = text.substr(0, text.find("%>"));
  std::string_view body = directive.substr(3);
  while (!body.empty() && IsSpace(body.front())) body.remove_prefix(1);
  const auto has = [&](std::string_view word) {
    return directive.find(word) != std::string_view::npos;
  };
  if (StartsWith(body, "taglib")) return ServerDialect::kJsp;
  if (StartsWith(body, "control") || StartsWith(body, "master") ||
      StartsWith(body, "import namespace") || StartsWith(body, "register")) {
    return ServerDialect::kAspNet;
  }
  if (StartsWith(body, "page")) {
    if (has("codebehind") || has("inherits") || has("codefile") ||
        has("autoeventwireup") || has("language=\"c#\"") || has("masterpagefile")) {
      return ServerDialect::kAspNet;
    }
    if (has("import=") || has("contenttype=") || has("pageencoding=") ||
        has("language=\"java\"") || has("session=") || has("errorpage=")) {
      return ServerDialect::kJsp;
    }
    return ServerDialect::kAspNet;
  }
  return ServerDialect::kAsp;  // <%@ LANGUAGE="VBSCRIPT" %> and friends
}

constexpr std::array<std::string_view, 14> kHtmlStartTags = {
    "<html", "<head", "<body", "<script", "<meta",  "<title", "<frameset",
    "<link", "<style", "<table", "<form",   "<div",   "<center", "<object"};

// Refines an HTML verdict by what else the head holds: an HTA declares itself with
// <HTA:APPLICATION>, an HTC with <PUBLIC:COMPONENT>.
KindInfo HtmlFlavour(std::string_view text) {
  if (text.find("<hta:application") != std::string_view::npos) return {FileKind::kHta};
  if (text.find("<public:component") != std::string_view::npos) return {FileKind::kHtc};
  return {FileKind::kHtml};
}

// XML that is not XHTML: an XSL style sheet or any other XML.
KindInfo XmlFlavour(std::string_view text) {
  if (text.find("xsl:stylesheet") != std::string_view::npos ||
      text.find("xsl:transform") != std::string_view::npos) {
    return {FileKind::kXsl};
  }
  return {FileKind::kXml};
}

// Decides from `rest`, which starts at a '<' of `text` that no comment or processing
// instruction precedes. Returns true and sets *out when it could decide.
bool DecideAt(std::string_view text, std::string_view rest, bool saw_xml, KindInfo* out) {
  if (StartsWith(rest, "<!doctype")) {
    std::string_view name = rest.substr(9);
    while (!name.empty() && IsSpace(name.front())) name.remove_prefix(1);
    *out = StartsWithTag(name, "html") ? HtmlFlavour(text) : XmlFlavour(text);
    return true;
  }
  if (StartsWith(rest, "<%")) {
    *out = {FileKind::kHtml, DialectOfServerPage(rest)};
    return true;
  }
  if (StartsWith(rest, "<public:")) {
    *out = {FileKind::kHtc};
    return true;
  }
  if (StartsWith(rest, "<xsl:stylesheet") || StartsWith(rest, "<xsl:transform")) {
    *out = {FileKind::kXsl};
    return true;
  }
  for (std::string_view tag : kHtmlStartTags) {
    if (StartsWithTag(rest, tag)) {
      *out = HtmlFlavour(text);
      return true;
    }
  }
  if (saw_xml && StartsWith(rest, "<") && rest.size() > 1) {
    *out = XmlFlavour(text);
    return true;
  }
  return false;
}

}  // namespace

KindInfo KindFromPath(std::string_view path) {
  size_t slash = path.find_last_of('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  size_t dot = name.find_last_of('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  std::string_view extension = name.substr(dot + 1);
  if (extension.empty() || extension.size() > kMaxExtension) return {};
  std::string lower;
  for (char c : extension) lower.push_back(LowerAscii(c));
  for (const ExtensionKind& entry : kExtensions) {
    if (entry.extension == lower) return {entry.kind, entry.server};
  }
  return {};
}

KindInfo KindFromContent(std::string_view head) {
  const std::string text = NormalizeHead(head);
  std::string_view rest = text;
  bool saw_xml = false;
  // Each round consumes one comment, declaration or instruction, so the loop ends.
  while (true) {
    while (!rest.empty() && IsSpace(rest.front())) rest.remove_prefix(1);
    if (rest.empty() || rest.front() != '<') return {};
    if (StartsWith(rest, "<?php") || StartsWith(rest, "<?=")) {
      return {FileKind::kHtml, ServerDialect::kPhp};
    }
    KindInfo decided;
    if (DecideAt(text, rest, saw_xml, &decided)) return decided;
    size_t end = std::string_view::npos;
    if (StartsWith(rest, "<!--")) {
      end = rest.find("-->", 4);
      if (end != std::string_view::npos) end += 3;
    } else if (StartsWith(rest, "<?")) {
      saw_xml = true;
      end = rest.find("?>", 2);
      if (end != std::string_view::npos) end += 2;
    }
    if (end == std::string_view::npos) return {};
    rest.remove_prefix(end);
  }
}

std::string_view FileKindName(FileKind kind) {
  switch (kind) {
    case FileKind::kUnknown: return "unknown";
    case FileKind::kHtml: return "html";
    case FileKind::kHta: return "hta";
    case FileKind::kHtc: return "htc";
    case FileKind::kJs: return "js";
    case FileKind::kVbs: return "vbs";
    case FileKind::kCss: return "css";
    case FileKind::kXml: return "xml";
    case FileKind::kXsl: return "xsl";
  }
  return "unknown";
}

std::string_view ServerDialectName(ServerDialect dialect) {
  switch (dialect) {
    case ServerDialect::kNone: return "none";
    case ServerDialect::kAsp: return "asp";
    case ServerDialect::kAspNet: return "aspnet";
    case ServerDialect::kRazor: return "razor";
    case ServerDialect::kJsp: return "jsp";
    case ServerDialect::kPhp: return "php";
  }
  return "none";
}

}  // namespace iescan::scanner
