// Markup matchers: html-element, html-attribute (one pass over Document::elements and
// their attributes, one lookup each) and html-comment (each markup comment).
#include <re2/re2.h>

#include "rules/engine/engine_internal.h"
#include "rules/engine/text_util.h"

namespace iescan::rules {
namespace {

using scanner::Attribute;
using scanner::Element;
using scanner::Language;

// The source spelling of a name recorded lower-case at `offset`, when the text there is
// that name; else the lower-case name.
std::string SourceSpelling(const scanner::TextFile& file, uint32_t offset, std::string_view lower) {
  if (offset <= file.text.size() && file.text.size() - offset >= lower.size()) {
    std::string_view there(file.text.data() + offset, lower.size());
    if (EqualsIgnoreCaseAscii(there, lower)) return std::string(there);
  }
  return std::string(lower);
}

bool ElementListed(const std::vector<std::string>& elements, std::string_view tag) {
  if (elements.empty()) return true;
  for (const std::string& name : elements) {
    if (EqualsIgnoreCaseAscii(name, tag)) return true;
  }
  return false;
}

Hit MarkupHit(const Entry& e, Language lang, uint32_t offset, uint32_t end, std::string match,
              std::string arg) {
  Hit hit;
  hit.rule = e.rule;
  hit.offset = offset;
  hit.end_offset = end;
  hit.match = std::move(match);
  hit.arg = std::move(arg);
  hit.language = lang;
  return hit;
}

void MatchElement(const ScanContext& ctx, Language lang, const Element& element) {
  auto it = ctx.tables.html_element.find(element.tag);
  if (it == ctx.tables.html_element.end()) return;
  for (const Entry& e : it->second) {
    if (!ctx.WantsIn(e, lang)) continue;
    const Matcher& m = *e.matcher;
    std::string arg;
    if (!m.attribute.empty()) {
      const Attribute* attr = element.Find(LowerAscii(m.attribute));
      if (attr == nullptr) continue;
      if (m.re && !RE2::PartialMatch(attr->value, *m.re)) continue;
      arg = attr->value;
    }
    uint32_t end = element.offset + 1 + static_cast<uint32_t>(element.tag.size());
    ctx.hits->push_back(MarkupHit(e, lang, element.offset, end,
                                  SourceSpelling(ctx.file, element.offset + 1, element.tag),
                                  std::move(arg)));
  }
}

void MatchAttributes(const ScanContext& ctx, Language lang, const Element& element) {
  for (const Attribute& attr : element.attributes) {
    auto it = ctx.tables.html_attribute.find(attr.name);
    if (it == ctx.tables.html_attribute.end()) continue;
    for (const Entry& e : it->second) {
      if (!ctx.WantsIn(e, lang)) continue;
      const Matcher& m = *e.matcher;
      if (!ElementListed(m.elements, element.tag)) continue;
      if (m.re && !RE2::PartialMatch(attr.value, *m.re)) continue;
      uint32_t end = attr.name_offset + static_cast<uint32_t>(attr.name.size());
      ctx.hits->push_back(MarkupHit(e, lang, attr.name_offset, end,
                                    SourceSpelling(ctx.file, attr.name_offset, attr.name),
                                    attr.has_value ? attr.value : std::string()));
    }
  }
}

void MatchComments(const ScanContext& ctx, Language lang) {
  for (const scanner::Comment& comment : ctx.doc.comments) {
    for (const Entry& e : ctx.tables.html_comment) {
      if (!ctx.WantsIn(e, lang)) continue;
      re2::StringPiece found;
      re2::StringPiece body(comment.text.data(), comment.text.size());
      if (!e.matcher->re->Match(body, 0, body.size(), RE2::UNANCHORED, &found, 1)) continue;
      // "<!--", or "<![" for <![if !IE]> and <![endif]>.
      const std::string& text_all = ctx.file.text;
      uint32_t opener =
          comment.offset + 4 <= text_all.size() && text_all.compare(comment.offset, 4, "<!--") == 0
              ? 4
              : 3;
      ctx.hits->push_back(MarkupHit(e, lang, comment.offset, comment.offset + opener,
                                    std::string(found.data(), found.size()), std::string()));
    }
  }
}

}  // namespace

Language MarkupLanguage(const scanner::Document& doc) {
  return doc.kind.kind == scanner::FileKind::kXml || doc.kind.kind == scanner::FileKind::kXsl
             ? Language::kXml
             : Language::kHtml;
}

void MatchMarkup(const ScanContext& ctx) {
  const Language lang = MarkupLanguage(ctx.doc);
  const bool elements = !ctx.tables.html_element.empty();
  const bool attributes = !ctx.tables.html_attribute.empty();
  if (elements || attributes) {
    for (const Element& element : ctx.doc.elements) {
      if (elements) MatchElement(ctx, lang, element);
      if (attributes) MatchAttributes(ctx, lang, element);
    }
  }
  if (!ctx.tables.html_comment.empty()) MatchComments(ctx, lang);
}

}  // namespace iescan::rules
