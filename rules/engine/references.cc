// The resources a file loads (see page_facts.h).
#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <set>

#include "rules/engine/page_facts.h"
#include "rules/engine/prefilter.h"
#include "rules/engine/text_util.h"
#include "scanner/lex/lexers.h"

namespace iescan::rules {
namespace {

using scanner::FileKind;
using scanner::Region;
using scanner::Token;
using scanner::TokenKind;

struct Reference {
  uint32_t offset;
  std::string value;
};

void Add(std::vector<Reference>* out, uint32_t offset, std::string_view value) {
  value = TrimAscii(value);
  if (value.empty() || value.front() == '#') return;
  for (std::string_view scheme : {"javascript:", "vbscript:", "data:", "about:"}) {
    if (EqualsIgnoreCaseAscii(value.substr(0, scheme.size()), scheme)) return;
  }
  out->push_back({offset, std::string(value)});
}

void FromElements(const scanner::Document& doc, std::vector<Reference>* out) {
  for (const scanner::Element& element : doc.elements) {
    const scanner::Attribute* attr = nullptr;
    if (element.TagIs("script") || element.TagIs("frame") || element.TagIs("iframe")) {
      attr = element.Find("src");
    } else if (element.TagIs("link")) {
      const scanner::Attribute* rel = element.Find("rel");
      if (rel && LowerAscii(rel->value).find("stylesheet") != std::string::npos) {
        attr = element.Find("href");
      }
    }
    if (attr && attr->has_value) Add(out, attr->value_offset, attr->value);
  }
}

// The URL at token i: a url(...) token, a string, or url( "string" ).
bool UrlAt(const Region& region, size_t i, std::string* url) {
  const scanner::Tokens& tokens = region.tokens;
  if (i >= tokens.size()) return false;
  const Token& t = tokens[i];
  if (t.kind == TokenKind::kUrl || t.kind == TokenKind::kString) {
    *url = scanner::CssStringValue(t.Text(region.text));
    return true;
  }
  if (t.kind == TokenKind::kFunction && EqualsIgnoreCaseAscii(t.Text(region.text), "url(") &&
      i + 1 < tokens.size() && tokens[i + 1].kind == TokenKind::kString) {
    *url = scanner::CssStringValue(tokens[i + 1].Text(region.text));
    return true;
  }
  return false;
}

void FromStyles(const Region& region, std::vector<Reference>* out) {
  const scanner::Tokens& tokens = region.tokens;
  std::string url;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind != TokenKind::kAtKeyword ||
        !EqualsIgnoreCaseAscii(tokens[i].Text(region.text), "@import")) {
      continue;
    }
    size_t j = i + 1;
    while (j < tokens.size() && tokens[j].kind == TokenKind::kComment) ++j;
    if (UrlAt(region, j, &url)) Add(out, region.map(tokens[j].begin), url);
  }
  bool inline_style = region.context == scanner::RegionContext::kStyleAttr;
  for (const scanner::CssDeclaration& d :
       scanner::CssDeclarations(region.text, tokens, inline_style)) {
    if (d.property_token >= tokens.size()) continue;
    std::string property = LowerAscii(tokens[d.property_token].Text(region.text));
    if (property != "behavior" && property != "-ms-behavior") continue;
    for (size_t i = d.value_begin; i < d.value_end && i < tokens.size(); ++i) {
      if (tokens[i].kind != TokenKind::kString && UrlAt(region, i, &url)) {
        Add(out, region.map(tokens[i].begin), url);
      }
    }
  }
}

// Server-side includes, read from the original text (they are masked in the markup).
void FromServerIncludes(const scanner::TextFile& file, uint8_t forms,
                        std::vector<Reference>* out) {
  // In IncludeForm order.
  static const std::array<const RE2*, 3> kPatterns = {
      new RE2(R"((?i)<!--\s*#include\s+(?:file|virtual)\s*=\s*["']?([^"'\s>]+))"),
      new RE2(R"((?i)<%@\s*include\s+file\s*=\s*["']?([^"'\s%]+))"),
      new RE2(R"((?i)<jsp:include\b[^>]*?\bpage\s*=\s*["']([^"']+)["'])")};
  for (size_t i = 0; i < kPatterns.size(); ++i) {
    if ((forms & (1u << i)) == 0) continue;
    const RE2* re = kPatterns[i];
    re2::StringPiece input(file.text);
    re2::StringPiece path;
    while (RE2::FindAndConsume(&input, *re, &path)) {
      Add(out, static_cast<uint32_t>(path.data() - file.text.data()),
          std::string_view(path.data(), path.size()));
    }
  }
}

bool IsMarkupKind(FileKind kind) {
  return kind != FileKind::kJs && kind != FileKind::kVbs && kind != FileKind::kCss;
}

}  // namespace

std::vector<std::string> ReferenceWords(bool css) {
  if (css) return {"@import", "url("};
  return {"src", "href", "@import", "url(", "include"};
}

bool MayHaveReferences(scanner::KindInfo kind, bool markup_words, bool css_words) {
  if (kind.kind == FileKind::kJs || kind.kind == FileKind::kVbs) return false;
  return kind.kind == FileKind::kCss ? css_words : markup_words;
}

std::vector<std::string> ExtractReferences(const scanner::TextFile& file,
                                           const scanner::Document& doc, uint8_t include_forms) {
  std::vector<Reference> refs;
  FromElements(doc, &refs);
  for (const Region& region : doc.regions) {
    if (region.language == scanner::Language::kCss) FromStyles(region, &refs);
  }
  if (include_forms != 0 && IsMarkupKind(doc.kind.kind)) FromServerIncludes(file, include_forms, &refs);
  std::stable_sort(refs.begin(), refs.end(),
                   [](const Reference& a, const Reference& b) { return a.offset < b.offset; });
  std::vector<std::string> out;
  std::set<std::string_view> seen;
  for (const Reference& ref : refs) {
    if (seen.insert(ref.value).second) out.push_back(ref.value);
  }
  return out;
}

}  // namespace iescan::rules
