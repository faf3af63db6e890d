// Link discovery from markup elements and CSS tokens, and sitemap <loc> values.
// Script string literals are read in script_links.cc. See links.h.

#include "scanner/crawl/links.h"

#include <string>
#include <unordered_set>
#include <vector>

#include "scanner/crawl/script_links.h"
#include "scanner/lex/lexers.h"

namespace iescan::scanner {
namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

bool EqualsNoCase(std::string_view a, std::string_view b) { return Lower(a) == Lower(b); }

// Collects links once each, in order.
class LinkSet {
 public:
  void Add(std::string link) {
    size_t b = 0;
    while (b < link.size() && static_cast<unsigned char>(link[b]) <= 0x20) ++b;
    link.erase(0, b);
    while (!link.empty() && static_cast<unsigned char>(link.back()) <= 0x20) link.pop_back();
    if (link.empty() || link.front() == '#') return;
    if (seen_.insert(link).second) links_.push_back(std::move(link));
  }
  std::vector<std::string> Take() { return std::move(links_); }

 private:
  std::unordered_set<std::string> seen_;
  std::vector<std::string> links_;
};

// The end (exclusive) of an attribute value in the masked markup that starts at
// `begin`.
uint32_t ValueEnd(const Document& doc, uint32_t begin) {
  std::string_view text = doc.masked;
  if (begin == 0 || begin > text.size()) return begin;
  char quote = text[begin - 1];
  if (quote == '"' || quote == '\'') {
    size_t end = text.find(quote, begin);
    return static_cast<uint32_t>(end == std::string_view::npos ? text.size() : end);
  }
  size_t end = text.find_first_of(" \t\r\n>", begin);
  return static_cast<uint32_t>(end == std::string_view::npos ? text.size() : end);
}

// The usable part of an attribute value, or nothing when server code makes it
// dynamic.
bool UsableValue(const Document& doc, const Attribute& attr, std::string* out) {
  *out = attr.value;
  if (doc.server_blocks.empty() || doc.masked.data() == doc.file->text.data()) return true;
  uint32_t end = ValueEnd(doc, attr.value_offset);
  for (const ServerBlock& block : doc.server_blocks) {
    if (block.begin < attr.value_offset || block.begin >= end) continue;
    std::string prefix = attr.value.substr(0, block.begin - attr.value_offset);
    size_t question = prefix.find('?');
    if (question == std::string::npos) return false;
    *out = prefix.substr(0, question);
    return !out->empty();
  }
  return true;
}

void AddAttribute(const Document& doc, const Element& element, std::string_view name,
                  LinkSet* links) {
  const Attribute* attr = element.Find(name);
  if (attr == nullptr || !attr->has_value) return;
  std::string value;
  if (UsableValue(doc, *attr, &value)) links->Add(std::move(value));
}

// "5; URL=next.asp" -> "next.asp".
std::string RefreshTarget(std::string_view content) {
  std::string lower = Lower(content);
  size_t url = lower.find("url");
  if (url == std::string::npos) return "";
  size_t pos = url + 3;
  while (pos < content.size() && (content[pos] == ' ' || content[pos] == '\t')) ++pos;
  if (pos >= content.size() || content[pos] != '=') return "";
  std::string_view target = content.substr(pos + 1);
  while (!target.empty() && target.front() == ' ') target.remove_prefix(1);
  if (!target.empty() && (target.front() == '\'' || target.front() == '"')) {
    char quote = target.front();
    target.remove_prefix(1);
    size_t close = target.find(quote);
    if (close != std::string_view::npos) target = target.substr(0, close);
  }
  return std::string(target);
}

bool LinkRelWanted(const Element& element) {
  const Attribute* rel = element.Find("rel");
  if (rel == nullptr) return true;
  std::string value = Lower(rel->value);
  for (std::string_view skip :
       {"icon", "preconnect", "dns-prefetch", "apple-touch", "manifest", "canonical"}) {
    if (value.find(skip) != std::string::npos) return false;
  }
  return true;
}

void ElementLinks(const Document& doc, const Element& element, const LinkOptions& options,
                  std::string* base, LinkSet* links) {
  const std::string& tag = element.tag;
  if (tag == "a" || tag == "area") {
    AddAttribute(doc, element, "href", links);
  } else if (tag == "frame" || tag == "iframe" || tag == "script" || tag == "embed" ||
             tag == "xml") {
    AddAttribute(doc, element, "src", links);
  } else if (tag == "link") {
    if (LinkRelWanted(element)) AddAttribute(doc, element, "href", links);
  } else if (tag == "object") {
    AddAttribute(doc, element, "data", links);
  } else if (tag == "base") {
    const Attribute* href = element.Find("href");
    if (href != nullptr && base->empty()) *base = href->value;
  } else if (tag == "meta") {
    const Attribute* equiv = element.Find("http-equiv");
    const Attribute* content = element.Find("content");
    if (equiv != nullptr && content != nullptr && EqualsNoCase(equiv->value, "refresh")) {
      links->Add(RefreshTarget(content->value));
    }
  } else if (tag == "form" && options.forms) {
    const Attribute* method = element.Find("method");
    if (method == nullptr || EqualsNoCase(method->value, "get")) {
      AddAttribute(doc, element, "action", links);
    }
  }
}

void CssLinks(const Region& region, LinkSet* links) {
  const Tokens& tokens = region.tokens;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& tok = tokens[i];
    if (tok.kind == TokenKind::kUrl) {
      links->Add(CssStringValue(tok.Text(region.text)));
      continue;
    }
    bool url_function =
        tok.kind == TokenKind::kFunction && EqualsNoCase(tok.Text(region.text), "url(");
    bool import =
        tok.kind == TokenKind::kAtKeyword && EqualsNoCase(tok.Text(region.text), "@import");
    if (!url_function && !import) continue;
    size_t next = i + 1;
    while (next < tokens.size() && tokens[next].kind == TokenKind::kComment) ++next;
    if (next < tokens.size() && tokens[next].kind == TokenKind::kString) {
      links->Add(CssStringValue(tokens[next].Text(region.text)));
    }
  }
}

std::string DecodeXmlEntities(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '&') {
      out.push_back(text[i]);
      continue;
    }
    size_t semi = text.find(';', i);
    std::string_view name = semi == std::string_view::npos ? "" : text.substr(i + 1, semi - i - 1);
    const char* rep = name == "amp"    ? "&"
                      : name == "lt"   ? "<"
                      : name == "gt"   ? ">"
                      : name == "quot" ? "\""
                      : name == "apos" ? "'"
                                       : nullptr;
    if (rep == nullptr) {
      out.push_back('&');
      continue;
    }
    out += rep;
    i = semi;
  }
  return out;
}

}  // namespace

PageLinks ExtractLinks(const Document& doc, const LinkOptions& options) {
  PageLinks page;
  LinkSet links;
  for (const Element& element : doc.elements) {
    ElementLinks(doc, element, options, &page.base, &links);
  }
  for (const Region& region : doc.regions) {
    std::vector<std::string> found;
    switch (region.language) {
      case Language::kCss:
        CssLinks(region, &links);
        break;
      case Language::kJs:
        JsLinks(region.text, region.tokens, &found);
        break;
      case Language::kVbs:
        VbsLinks(region.text, region.tokens, &found);
        break;
      default:
        break;
    }
    for (std::string& link : found) links.Add(std::move(link));
  }
  page.links = links.Take();
  return page;
}

std::vector<std::string> SitemapLocations(std::string_view xml, size_t limit) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (out.size() < limit) {
    size_t open = xml.find("<loc>", pos);
    if (open == std::string_view::npos) break;
    size_t close = xml.find("</loc>", open + 5);
    if (close == std::string_view::npos) break;
    std::string_view value = xml.substr(open + 5, close - open - 5);
    if (value.substr(0, 9) == "<![CDATA[" && value.size() >= 12) {
      value = value.substr(9, value.size() - 12);
      out.emplace_back(value);
    } else {
      out.push_back(DecodeXmlEntities(value));
    }
    pos = close + 6;
  }
  return out;
}

}  // namespace iescan::scanner
