// Declaration scanning: small hand-written scanners over the first 4 KiB, case-insensitive
// for ASCII, bounded by the window, never recursive.

#include "scanner/decode/declarations.h"

#include <algorithm>
#include <cstring>
#include <initializer_list>
#include <vector>

#include "scanner/decode/convert.h"

namespace iescan::scanner::decode_internal {
namespace {

constexpr size_t kNpos = std::string_view::npos;
constexpr size_t kMaxAttributes = 64;

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool StartsWithCi(std::string_view s, size_t pos, std::string_view word) {
  if (pos > s.size() || s.size() - pos < word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (Lower(s[pos + i]) != word[i]) return false;
  }
  return true;
}

// Position of `word` (lower case) in s at or after `from`, case-insensitively.
size_t FindCi(std::string_view s, std::string_view word, size_t from = 0) {
  for (size_t pos = from; pos + word.size() <= s.size(); ++pos) {
    if (Lower(s[pos]) == word[0] && StartsWithCi(s, pos, word)) return pos;
  }
  return kNpos;
}

size_t SkipSpaces(std::string_view s, size_t pos) {
  while (pos < s.size() && IsSpace(s[pos])) ++pos;
  return pos;
}

// Reads `= value` at s[pos] (spaces allowed around '='), value quoted or bare. Bare values
// end at white space, ';', ',' or '>' when `bare_param` (a parameter inside a header),
// otherwise at white space or '>'.
std::optional<std::string_view> ReadValue(std::string_view s, size_t* pos, bool bare_param) {
  size_t p = SkipSpaces(s, *pos);
  if (p >= s.size() || s[p] != '=') return std::nullopt;
  p = SkipSpaces(s, p + 1);
  if (p >= s.size()) return std::nullopt;
  if (s[p] == '"' || s[p] == '\'') {
    const size_t close = s.find(s[p], p + 1);
    if (close == kNpos) return std::nullopt;
    *pos = close + 1;
    return s.substr(p + 1, close - p - 1);
  }
  size_t end = p;
  while (end < s.size() && !IsSpace(s[end]) && s[end] != '>' &&
         !(bare_param && (s[end] == ';' || s[end] == ',' || s[end] == '"' || s[end] == '\''))) {
    ++end;
  }
  *pos = end;
  return s.substr(p, end - p);
}

struct Attribute {
  std::string_view name;
  std::string_view value;
  bool has_value = false;
};

// Parses name[=value] pairs from s[*pos]; stops after '>' when `stop_at_gt`, else at the
// end of `s`.
std::vector<Attribute> ParseAttributes(std::string_view s, size_t* pos, bool stop_at_gt) {
  std::vector<Attribute> attrs;
  size_t p = *pos;
  while (p < s.size() && attrs.size() < kMaxAttributes) {
    while (p < s.size() && (IsSpace(s[p]) || s[p] == '/')) ++p;
    if (p >= s.size()) break;
    if (s[p] == '>' && stop_at_gt) {
      ++p;
      break;
    }
    const size_t start = p;
    while (p < s.size() && !IsSpace(s[p]) && s[p] != '=' && s[p] != '>' && s[p] != '/') ++p;
    if (p == start) {  // a stray '=' or '>'
      ++p;
      continue;
    }
    Attribute attr{s.substr(start, p - start), {}, false};
    size_t after = p;
    if (auto value = ReadValue(s, &after, false)) {
      attr.value = *value;
      attr.has_value = true;
      p = after;
    }
    attrs.push_back(attr);
  }
  *pos = p;
  return attrs;
}

std::string_view AttributeValue(const std::vector<Attribute>& attrs, std::string_view name) {
  for (const Attribute& attr : attrs) {
    if (attr.has_value && attr.name.size() == name.size() && StartsWithCi(attr.name, 0, name)) {
      return attr.value;
    }
  }
  return {};
}

// The charset parameter of a Content-Type value: "text/html; charset=Shift_JIS".
std::string_view CharsetParam(std::string_view content_type) {
  size_t pos = FindCi(content_type, "charset");
  while (pos != kNpos) {
    size_t after = pos + 7;
    if (auto value = ReadValue(content_type, &after, true)) return *value;
    pos = FindCi(content_type, "charset", pos + 7);
  }
  return {};
}

struct Finder {
  std::string_view window;
  std::string lower;  // `window` with ASCII letters lower-cased: same offsets
  std::optional<Declaration> found;

  // Accepts `label` when it names an ASCII-compatible charset that can be decoded.
  bool Offer(std::string_view label, const char* source) {
    if (found || label.empty() || label.size() > 64) return found.has_value();
    auto charset = LookupCharset(label);
    if (!charset || charset->IsUtf16() || charset->name.rfind("UTF-32", 0) == 0 ||
        !CanDecode(*charset)) {
      return false;
    }
    found = Declaration{*charset, source, std::string(label)};
    return true;
  }
  bool OfferCodePage(std::string_view digits) {
    if (found || digits.empty() || digits.size() > 5) return found.has_value();
    uint32_t number = 0;
    for (char c : digits) {
      if (c < '0' || c > '9') return false;
      number = number * 10 + static_cast<uint32_t>(c - '0');
    }
    auto charset = CharsetForCodePage(number);
    if (!charset || charset->IsUtf16() || !CanDecode(*charset)) return false;
    found = Declaration{*charset, "asp-codepage", std::string(digits)};
    return true;
  }
};

void ScanCssCharset(Finder* f) {
  std::string_view w = f->window;
  if (!StartsWithCi(w, 0, "@charset") || w.size() < 10 || !IsSpace(w[8])) return;
  const size_t quote = SkipSpaces(w, 8);
  if (quote >= w.size() || (w[quote] != '"' && w[quote] != '\'')) return;
  const size_t close = w.find(w[quote], quote + 1);
  if (close != kNpos) f->Offer(w.substr(quote + 1, close - quote - 1), "css-charset");
}

void ScanXmlDeclaration(Finder* f) {
  std::string_view w = f->window;
  const size_t start = SkipSpaces(w, 0);
  if (!StartsWithCi(w, start, "<?xml") || start + 5 >= w.size() || !IsSpace(w[start + 5])) {
    return;
  }
  const size_t end = w.find("?>", start);
  if (end == kNpos) return;
  std::string_view decl = w.substr(start, end - start);
  const size_t at = FindCi(decl, "encoding");
  if (at == kNpos) return;
  size_t pos = at + 8;
  if (auto value = ReadValue(decl, &pos, false)) f->Offer(*value, "xml-declaration");
}

// JSP page directives and ASP processing directives (<%@ ... %>).
void ScanDirectives(Finder* f) {
  std::string_view w = f->window;
  std::string_view page_encoding, content_type, code_page;
  for (size_t at = w.find("<%@"); at != kNpos; at = w.find("<%@", at + 3)) {
    const size_t close = w.find("%>", at + 3);
    std::string_view body = w.substr(at + 3, close == kNpos ? kNpos : close - at - 3);
    size_t pos = 0;
    // JSP's page directive, classic ASP's unnamed one and ASP.NET's Page directive.
    auto attrs = ParseAttributes(body, &pos, false);
    if (page_encoding.empty()) page_encoding = AttributeValue(attrs, "pageencoding");
    if (content_type.empty()) content_type = AttributeValue(attrs, "contenttype");
    if (code_page.empty()) code_page = AttributeValue(attrs, "codepage");
  }
  for (size_t at = f->lower.find("<jsp:directive.page"); at != kNpos;
       at = f->lower.find("<jsp:directive.page", at + 19)) {
    size_t pos = at + 19;
    auto attrs = ParseAttributes(w, &pos, true);
    if (page_encoding.empty()) page_encoding = AttributeValue(attrs, "pageencoding");
    if (content_type.empty()) content_type = AttributeValue(attrs, "contenttype");
  }
  if (f->Offer(page_encoding, "jsp-page-encoding")) return;
  if (f->Offer(CharsetParam(content_type), "jsp-page-encoding")) return;
  f->OfferCodePage(code_page);
}

bool OfferMeta(Finder* f, const std::vector<Attribute>& attrs) {
  std::string_view charset = AttributeValue(attrs, "charset");
  if (!charset.empty()) return f->Offer(charset, "meta");
  std::string_view equiv = AttributeValue(attrs, "http-equiv");
  if (equiv.size() != 12 || !StartsWithCi(equiv, 0, "content-type")) return false;
  return f->Offer(CharsetParam(AttributeValue(attrs, "content")), "meta");
}

// <meta> tags outside comments, in document order.
void ScanMeta(Finder* f) {
  std::string_view w = f->window;
  size_t pos = w.find('<');
  while (pos != kNpos && pos < w.size()) {
    if (w.compare(pos, 4, "<!--") == 0) {
      const size_t end = w.find("-->", pos + 4);
      if (end == kNpos) return;
      pos = w.find('<', end + 3);
      continue;
    }
    if (f->lower.compare(pos, 5, "<meta") == 0 && pos + 5 < w.size() &&
        (IsSpace(w[pos + 5]) || w[pos + 5] == '/')) {
      size_t after = pos + 5;
      auto attrs = ParseAttributes(w, &after, true);
      if (OfferMeta(f, attrs)) return;
      pos = w.find('<', after);
      continue;
    }
    pos = w.find('<', pos + 1);
  }
}

// The value given to a property: `= "X"`, `= N` or the call form `("X")`.
std::optional<std::string_view> AssignedValue(std::string_view s, size_t pos) {
  pos = SkipSpaces(s, pos);
  if (pos < s.size() && s[pos] == '(') {
    pos = SkipSpaces(s, pos + 1);
    if (pos >= s.size() || (s[pos] != '"' && s[pos] != '\'')) return std::nullopt;
    const size_t close = s.find(s[pos], pos + 1);
    if (close == kNpos) return std::nullopt;
    return s.substr(pos + 1, close - pos - 1);
  }
  return ReadValue(s, &pos, true);
}

// Response.Charset = "X" and Response.CodePage = N in ASP server code.
void ScanResponse(Finder* f) {
  std::string_view w = f->window;
  for (size_t at = f->lower.find("response.charset"); at != kNpos;
       at = f->lower.find("response.charset", at + 16)) {
    auto value = AssignedValue(w, at + 16);
    if (value && f->Offer(*value, "asp-codepage")) return;
  }
  for (size_t at = f->lower.find("response.codepage"); at != kNpos;
       at = f->lower.find("response.codepage", at + 17)) {
    auto value = AssignedValue(w, at + 17);
    if (value && f->OfferCodePage(*value)) return;
  }
}

}  // namespace

std::optional<Declaration> FindDeclaration(std::string_view bytes) {
  Finder finder{bytes.substr(0, kDeclarationWindow), {}, std::nullopt};
  finder.lower.resize(finder.window.size());
  std::transform(finder.window.begin(), finder.window.end(), finder.lower.begin(), Lower);
  using Scan = void (*)(Finder*);
  for (Scan scan : {ScanCssCharset, ScanXmlDeclaration, ScanDirectives, ScanMeta, ScanResponse}) {
    scan(&finder);
    if (finder.found) break;
  }
  return finder.found;
}

}  // namespace iescan::scanner::decode_internal
